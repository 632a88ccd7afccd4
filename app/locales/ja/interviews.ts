/** Japanese messages for the interviews feature (merged into ja.ts under "interviews"). */
const interviews = {};
export default interviews;
