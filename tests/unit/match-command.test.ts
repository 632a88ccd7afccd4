// The contract of `npm run --silent match -- FILE`: the result JSON on stdout; malformed input → one line on stderr, exit 2.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "match-"));

function run(content: string | null, name = "instance.json") {
  const file = path.join(dir, name);
  if (content !== null) fs.writeFileSync(file, content);
  const r = spawnSync(process.execPath, ["scripts/match.js", file], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run match", () => {
  it("prints the assignments of the DESIGN.md example", () => {
    const instance = {
      students: [
        { id: "s1", preferences: ["f2", "f1"] },
        { id: "s2", preferences: [] },
        { id: "s3", preferences: ["f1"] },
      ],
      hosts: [
        { id: "f1", capacity: 2, priorities: ["s3", "s1"] },
        { id: "f2", capacity: 0, priorities: ["s1"] },
      ],
    };
    const r = run(JSON.stringify(instance));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ assignments: { s1: "f1", s2: null, s3: "f1" } });
  });

  it("runs through npm exactly as the README says", () => {
    const file = path.join(dir, "npm.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        students: [{ id: "a", preferences: ["x"] }],
        hosts: [{ id: "x", capacity: 1, priorities: ["a"] }],
      }),
    );
    const r = spawnSync("npm", ["run", "--silent", "match", "--", file], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ assignments: { a: "x" } });
  });

  const bad: Array<[string, string | null, RegExp]> = [
    ["bad JSON", "{students:", /not valid JSON/],
    ["not an object", "[]", /JSON object/],
    [
      "unknown host id",
      JSON.stringify({ students: [{ id: "s", preferences: ["nope"] }], hosts: [] }),
      /unknown host id "nope"/,
    ],
    [
      "unknown student id",
      JSON.stringify({ students: [], hosts: [{ id: "f", capacity: 1, priorities: ["ghost"] }] }),
      /unknown student id "ghost"/,
    ],
    [
      "duplicate student",
      JSON.stringify({
        students: [
          { id: "s", preferences: [] },
          { id: "s", preferences: [] },
        ],
        hosts: [],
      }),
      /duplicate student id "s"/,
    ],
    [
      "duplicate host",
      JSON.stringify({
        students: [],
        hosts: [
          { id: "f", capacity: 1, priorities: [] },
          { id: "f", capacity: 1, priorities: [] },
        ],
      }),
      /duplicate host id "f"/,
    ],
    [
      "duplicate preference",
      JSON.stringify({
        students: [{ id: "s", preferences: ["f", "f"] }],
        hosts: [{ id: "f", capacity: 1, priorities: [] }],
      }),
      /appears twice/,
    ],
    [
      "negative capacity",
      JSON.stringify({ students: [], hosts: [{ id: "f", capacity: -1, priorities: [] }] }),
      /must not be negative/,
    ],
    ["empty id", JSON.stringify({ students: [{ id: "", preferences: [] }], hosts: [] }), /non-empty string/],
    ["missing file", null, /cannot read/],
  ];
  for (const [name, content, message] of bad) {
    it(`refuses ${name} with one line on stderr and exit code 2`, () => {
      const r = run(content, `${name.replace(/\W/g, "_")}.json`);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    });
  }
});
