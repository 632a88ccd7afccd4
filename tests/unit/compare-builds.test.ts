// scripts/compare-builds.js refuses what it cannot measure with a message and exit code 2, before loading anything.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve("scripts/compare-builds.js");
const run = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_PATH: path.resolve("tests/unit/does-not-exist.db") },
  });

describe("compare-builds", () => {
  it.each([
    ["no arguments", []],
    ["a URL that is not a path", ["a.js", "b.js", "https://example.com/"]],
    ["a batch count of zero", ["a.js", "b.js", "/", "", "0"]],
    ["a batch count that is not a whole number", ["a.js", "b.js", "/", "", "2.5"]],
    ["a batch count that is text", ["a.js", "b.js", "/", "", "many"]],
  ])("answers %s with its usage and exit code 2", (_name, args) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("usage: node scripts/compare-builds.js");
  });

  it("answers a build it cannot load with the file, the reason and exit code 2, not a stack trace", () => {
    const result = run("no/such/build/index.js", "also/missing.js", "/");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no/such/build/index.js: cannot be loaded");
    expect(result.stderr).toContain("this app's build before the bare app's");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
