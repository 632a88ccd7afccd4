// The accessibility statement's data: route patterns from paths, a run's checks folded into the committed results
// (a partial run updates only what it checked), the staleness check `npm test` runs after the browser tests, and the
// committed file itself (every row names a real route; nothing claimed without a date).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  criterionOfTag,
  EMPTY_RESULTS,
  mergeResults,
  missingFromResults,
  patternOf,
  type A11yResults,
  type CheckRecord,
} from "~/accessibility/results";
import committed from "~/accessibility/results.json";

const ROUTES = fs.readdirSync(path.resolve(import.meta.dirname, "../../app/routes")).filter((f) => /\.tsx?$/.test(f));

const axe = (p: string, js: boolean, violations = 0, rules = ["color-contrast"], at = "2026-11-30T10:00:00Z") =>
  ({ kind: "axe", path: p, js, rules, criteria: ["1.4.3"], violations, axeVersion: "4.13.0", at }) as CheckRecord;

describe("accessibility results", () => {
  it("names each path by its route pattern", () => {
    expect(patternOf("/", ROUTES)).toBe("/");
    expect(patternOf("/firms", ROUTES)).toBe("/firms");
    expect(patternOf("/firms/12", ROUTES)).toBe("/firms/:firmId");
    expect(patternOf("/staff/events/3/attendance", ROUTES)).toBe("/staff/events/:eventId/attendance");
    expect(patternOf("/staff/projects/1/pairing/7", ROUTES)).toBe("/staff/projects/:projectId/pairing/:runId");
    expect(patternOf("/verify/ABCD1234", ROUTES)).toBe("/verify/:certificateId");
    expect(patternOf("/professor/projects/new", ROUTES)).toBe("/professor/projects/new");
    expect(patternOf("/no-such-page/at/all", ROUTES)).toBe("/*");
  });

  it("reads WCAG criteria from axe tags", () => {
    expect(criterionOfTag("wcag143")).toBe("1.4.3");
    expect(criterionOfTag("wcag1410")).toBe("1.4.10");
    expect(criterionOfTag("wcag2aa")).toBeNull();
    expect(criterionOfTag("best-practice")).toBeNull();
  });

  it("folds a run into the results: visits of one page unite their rules and keep the worst count", () => {
    const merged = mergeResults(
      EMPTY_RESULTS,
      [axe("/firms/1", true, 0, ["a", "b"]), axe("/firms/2", true, 2, ["b", "c"]), axe("/firms/1", false)],
      ROUTES,
    );
    expect(merged.pages).toEqual([
      { page: "/firms/:firmId", js: true, rules: 3, criteria: ["1.4.3"], violations: 2, checkedOn: "2026-11-30" },
      { page: "/firms/:firmId", js: false, rules: 1, criteria: ["1.4.3"], violations: 0, checkedOn: "2026-11-30" },
    ]);
    expect(merged.generatedAt).toBe("2026-11-30");
  });

  it("a partial run replaces only the pages it checked and keeps the others with their own date", () => {
    const first = mergeResults(
      EMPTY_RESULTS,
      [axe("/", true, 0, ["a"], "2026-11-01T00:00:00Z"), axe("/firms", true)],
      ROUTES,
    );
    const second = mergeResults(first, [axe("/", true, 1, ["a", "b"], "2026-12-01T00:00:00Z")], ROUTES);
    expect(second.pages.find((p) => p.page === "/")).toMatchObject({
      rules: 2,
      violations: 1,
      checkedOn: "2026-12-01",
    });
    expect(second.pages.find((p) => p.page === "/firms")).toMatchObject({ checkedOn: "2026-11-30" });
    expect(mergeResults(first, [], ROUTES)).toBe(first);
  });

  it("reports a stale file: a page, journey or reflow width the run checked and the file lacks, or other counts", () => {
    const run: CheckRecord[] = [
      axe("/firms/3", true),
      axe("/privacy", false, 1),
      { kind: "keyboard", journey: "door", at: "2026-11-30T10:00:00Z" },
      { kind: "reflow", path: "/privacy", widths: [320], at: "2026-11-30T10:00:00Z" },
    ];
    const file = mergeResults(EMPTY_RESULTS, run, ROUTES);
    expect(missingFromResults(file, run, ROUTES)).toEqual([]);
    const stale: A11yResults = {
      ...file,
      pages: file.pages.filter((p) => p.page !== "/firms/:firmId").map((p) => ({ ...p, violations: 0 })),
      keyboard: [],
      reflow: [],
    };
    expect(missingFromResults(stale, run, ROUTES)).toEqual([
      "/firms/:firmId (JavaScript on) is missing",
      "/privacy (JavaScript off) shows 0 violations, the run found 1",
      "keyboard journey door is missing",
      "reflow of /privacy is missing",
    ]);
  });

  it("the committed results name only real routes, each with its date, and cover the statement's own checks", () => {
    const data = committed as A11yResults;
    for (const p of data.pages) {
      expect(
        p.page === "/*" || ROUTES.some((f) => patternOf(p.page.replace(/:[A-Za-z]+/g, "1"), [f]) === p.page),
        p.page,
      ).toBe(true);
      expect(p.checkedOn, p.page).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.rules, p.page).toBeGreaterThan(0);
    }
    for (const page of ["/privacy", "/accessibility"])
      for (const js of [true, false])
        expect(
          data.pages.some((p) => p.page === page && p.js === js),
          page,
        ).toBe(true);
    expect(data.keyboard.map((k) => k.journey).sort()).toEqual(["door", "signup"]);
    for (const page of ["/", "/firms", "/privacy", "/accessibility", "/login", "/register"])
      expect(data.reflow.find((r) => r.page === page)?.widths, page).toEqual([320, 640]);
  });
});
