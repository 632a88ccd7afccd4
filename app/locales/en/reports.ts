/** English messages for the reports feature. Same shape as ../ja/reports.ts (the type enforces it). */
import type ja from "../ja/reports";

const reports: typeof ja = {};
export default reports;
