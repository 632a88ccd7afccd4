/** English messages for the pairing feature. Same shape as ../ja/pairing.ts (the type enforces it). */
import type ja from "../ja/pairing";

const pairing: typeof ja = {};
export default pairing;
