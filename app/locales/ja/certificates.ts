/** Japanese messages for the certificates feature (merged into ja.ts under "certificates"). */
const certificates = {};
export default certificates;
