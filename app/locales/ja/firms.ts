/** Japanese messages for the firms feature (merged into ja.ts under "firms"). */
const firms = {};
export default firms;
