/** Japanese messages for the pairing feature (merged into ja.ts under "pairing"). */
const pairing = {};
export default pairing;
