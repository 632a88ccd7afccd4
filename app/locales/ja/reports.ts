/** Japanese messages for the reports feature (merged into ja.ts under "reports"). */
const reports = {};
export default reports;
