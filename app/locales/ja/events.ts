/** Japanese messages for the events feature (merged into ja.ts under "events"). */
const events = {};
export default events;
