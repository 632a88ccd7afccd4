#!/usr/bin/env node
/**
 * `npm test`: typecheck, Vitest (unit and route tests), then the production build, the operations tests against it
 * (tests/ops), with TEST_DATABASE_URL the unit, route and PostgreSQL operations tests again on PostgreSQL, and the
 * browser tests in Debian's Chromium. Without a Chromium the browser part is skipped with
 * instructions; with CI=true that is a failure.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// With TEST_DATABASE_URL (a PostgreSQL server where tests may create databases) the unit, route and PostgreSQL
// operations tests run a second time against PostgreSQL; the first run is always SQLite, so both are covered.
const postgres = process.env.TEST_DATABASE_URL || null;
const sqliteEnv = { ...process.env };
delete sqliteEnv.TEST_DATABASE_URL;
delete sqliteEnv.DATABASE_URL;

function run(label, cmd, args, env = sqliteEnv) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

run("typecheck", "npx", ["tsc", "--noEmit"]);
run("lint", "npx", ["eslint", "."]);
run("format", "npx", ["prettier", "--check", "."]);
run("unit and route tests", "npx", ["vitest", "run"]);
// The operations tests (backup under write load and restore, SIGKILL during writes) run the production build as a
// real process; they need no browser.
run("production build", "npx", ["remix", "build"]);
run("operations tests", "npx", ["vitest", "run", "--config", "vitest.ops.config.ts"]);
if (postgres) {
  const env = { ...sqliteEnv, TEST_DATABASE_URL: postgres };
  run("unit and route tests on PostgreSQL", "npx", ["vitest", "run"], env);
  run(
    "operations tests on PostgreSQL (two app processes, one database)",
    "npx",
    ["vitest", "run", "--config", "vitest.ops.config.ts", "tests/ops/two-processes.test.ts"],
    env,
  );
} else {
  console.log("\n(TEST_DATABASE_URL is not set: the PostgreSQL runs are skipped; .ci/run sets it.)");
}

if (!fs.existsSync(CHROMIUM)) {
  const message =
    `No Chromium at ${CHROMIUM}: the browser tests need Debian's chromium package.\n` +
    `Install it with: sudo apt-get update && sudo apt-get install -y chromium\n` +
    `(or set CHROMIUM_PATH to another Chromium binary).`;
  if (process.env.CI === "true") {
    console.error(`\n✖ ${message}\nCI=true: a missing browser is a failure.`);
    process.exit(1);
  }
  console.warn(`\n⚠ ${message}\nSkipping the browser tests only.`);
  process.exit(0);
}

run("browser tests", "npx", ["vitest", "run", "--config", "vitest.e2e.config.ts"]);
// The accessibility statement shows results.json: it must show every check this run made (see README, Decisions).
run("accessibility results up to date", "npx", ["tsx", "scripts/a11y-report.ts", "--check"]);
console.log("\n✔ all test suites passed");
