// The browser tests' server writes its log (one JSON line per request or event) to SERVER_LOG for the whole run;
// a failing test prints the server's errors from it (./failure-report.ts), since a page showing "エラー 500" says
// nothing of the cause.
import fs from "node:fs";
import path from "node:path";

export const SERVER_LOG = path.resolve(import.meta.dirname, "../../test-results/e2e-server.log");

/** How long the log is now, so that `serverErrorsSince` reads only what was written after. */
export function serverLogSize(): number {
  try {
    return fs.statSync(SERVER_LOG).size;
  } catch {
    return 0;
  }
}

/** The server's error lines (level "error", or a request answered 5xx) written after `offset`, the last `max`. */
export function serverErrorsSince(offset: number, max = 20): string[] {
  let text: string;
  try {
    text = fs.readFileSync(SERVER_LOG).subarray(offset).toString("utf8");
  } catch {
    return [];
  }
  const errors = text.split("\n").filter((line) => {
    if (!line.trim()) return false;
    try {
      const entry = JSON.parse(line) as { level?: string; status?: number };
      return entry.level === "error" || (entry.status ?? 0) >= 500;
    } catch {
      return true; // not a log line of ours: a crash's output, worth seeing
    }
  });
  return errors.slice(-max);
}
