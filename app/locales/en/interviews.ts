/** English messages for the interviews feature. Same shape as ../ja/interviews.ts (the type enforces it). */
import type ja from "../ja/interviews";

const interviews: typeof ja = {};
export default interviews;
