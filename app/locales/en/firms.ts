/** English messages for the firms feature. Same shape as ../ja/firms.ts (the type enforces it). */
import type ja from "../ja/firms";

const firms: typeof ja = {};
export default firms;
