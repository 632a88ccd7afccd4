/**
 * npm run a11y:report — folds the last browser test run's accessibility checks (test-results/a11y/checks.jsonl)
 * into app/accessibility/results.json, the data /accessibility shows. Pages the run did not visit keep their earlier
 * row and date, so a partial run updates only what it checked.
 *
 * npm run a11y:report -- --check — changes nothing; exits 1 when the committed file lacks a check the last run made
 * (a page, a keyboard journey, a reflow page) or shows another violation count. `npm test` runs it after the browser
 * tests, so a stale statement fails the suite.
 */
import fs from "node:fs";
import path from "node:path";
import { EMPTY_RESULTS, mergeResults, missingFromResults, type A11yResults } from "../app/accessibility/results";
import { A11Y_LOG, readA11yLog } from "../tests/e2e/a11y-log";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(ROOT, "app/accessibility/results.json");
const routeFiles = fs.readdirSync(path.join(ROOT, "app/routes")).filter((f) => /\.(tsx|ts)$/.test(f));

const committed: A11yResults = fs.existsSync(RESULTS)
  ? (JSON.parse(fs.readFileSync(RESULTS, "utf8")) as A11yResults)
  : EMPTY_RESULTS;
const records = readA11yLog();

if (process.argv.includes("--check")) {
  if (records.length === 0) {
    console.error(`No accessibility checks in ${path.relative(ROOT, A11Y_LOG)}: run the browser tests first.`);
    process.exit(1);
  }
  const problems = missingFromResults(committed, records, routeFiles);
  if (problems.length) {
    console.error(
      `app/accessibility/results.json is stale (run \`npm run a11y:report\` and commit it):\n  ${problems.join("\n  ")}`,
    );
    process.exit(1);
  }
  console.log(`app/accessibility/results.json shows all ${records.length} checks of the last browser test run.`);
} else {
  if (records.length === 0) {
    console.error(`No accessibility checks in ${path.relative(ROOT, A11Y_LOG)}: run the browser tests first.`);
    process.exit(1);
  }
  const merged = mergeResults(committed, records, routeFiles);
  fs.writeFileSync(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(
    `wrote ${path.relative(ROOT, RESULTS)}: ${merged.pages.length} page rows, ${merged.keyboard.length} keyboard journeys, ${merged.reflow.length} reflow pages`,
  );
}
