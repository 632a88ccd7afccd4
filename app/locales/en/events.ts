/** English messages for the events feature. Same shape as ../ja/events.ts (the type enforces it). */
import type ja from "../ja/events";

const events: typeof ja = {};
export default events;
