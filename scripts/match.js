#!/usr/bin/env node
/**
 * `npm run --silent match -- FILE`: runs the pairing engine on a JSON instance and prints {"assignments":…} on
 * stdout. Malformed input: one clear line on stderr and exit code 2. Plain JavaScript, so it starts fast.
 */
import fs from "node:fs";
import { match } from "../app/matching/engine.js";
import { InstanceError, parseInstance } from "../app/matching/instance.js";

function fail(message) {
  process.stderr.write(`match: ${message}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) fail("usage: npm run --silent match -- FILE (a JSON instance; - reads stdin)");

let text;
try {
  text = fs.readFileSync(file === "-" ? 0 : file, "utf8");
} catch (error) {
  fail(`cannot read ${file}: ${error.code ?? error.message}`);
}

let data;
try {
  data = JSON.parse(text);
} catch (error) {
  fail(`${file} is not valid JSON (${error.message})`);
}

try {
  process.stdout.write(`${JSON.stringify(match(parseInstance(data)))}\n`);
} catch (error) {
  if (error instanceof InstanceError) fail(error.message);
  throw error;
}
