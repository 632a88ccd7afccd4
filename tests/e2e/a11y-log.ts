// The accessibility check log: every axe check, keyboard journey and reflow check the browser tests make appends one
// JSON line here; `npm run a11y:report` folds it into app/accessibility/results.json, which /accessibility shows.
// The log is emptied when a browser test run starts (global-setup.ts), so it holds exactly what the last run checked.
import fs from "node:fs";
import path from "node:path";
import type { CheckRecord } from "~/accessibility/results";

export const A11Y_LOG = path.resolve(import.meta.dirname, "../../test-results/a11y/checks.jsonl");

export function clearA11yLog() {
  fs.mkdirSync(path.dirname(A11Y_LOG), { recursive: true });
  fs.writeFileSync(A11Y_LOG, "");
}

type NewRecord =
  | Omit<Extract<CheckRecord, { kind: "axe" }>, "at">
  | Omit<Extract<CheckRecord, { kind: "keyboard" }>, "at">
  | Omit<Extract<CheckRecord, { kind: "reflow" }>, "at">;

export function recordCheck(record: NewRecord) {
  fs.mkdirSync(path.dirname(A11Y_LOG), { recursive: true });
  // One appendFileSync per line: the test files run one after another, and a line this short is written whole.
  fs.appendFileSync(A11Y_LOG, `${JSON.stringify({ ...record, at: new Date().toISOString() })}\n`);
}

export function readA11yLog(file = A11Y_LOG): CheckRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CheckRecord);
}
