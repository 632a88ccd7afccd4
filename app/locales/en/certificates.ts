/** English messages for the certificates feature. Same shape as ../ja/certificates.ts (the type enforces it). */
import type ja from "../ja/certificates";

const certificates: typeof ja = {};
export default certificates;
