/**
 * The accessibility test results the statement (/accessibility) shows: their shape, and how a browser test run's
 * check log becomes them. The browser tests append one line per check to a log (tests/e2e/a11y-log.ts);
 * `npm run a11y:report` (scripts/a11y-report.ts) folds the log into the committed results.json with mergeResults, and
 * `npm test` fails when the committed file lacks a check the run made (missingFromResults). Pure: no I/O.
 */

/** One line of the check log, as the browser tests write it. */
export type CheckRecord =
  | {
      kind: "axe";
      /** The path the page was at (no query), e.g. /firms/12. */
      path: string;
      js: boolean;
      /** The axe rules that found something to check on the page (passed, failed or needing review). */
      rules: string[];
      /** WCAG success criteria those rules test, e.g. "1.4.3". */
      criteria: string[];
      violations: number;
      axeVersion: string;
      at: string;
    }
  | { kind: "keyboard"; journey: string; at: string }
  | { kind: "reflow"; path: string; widths: number[]; at: string };

export interface PageResult {
  /** The route's URL pattern, e.g. /firms/:firmId. */
  page: string;
  js: boolean;
  /** Distinct axe rules checked over every visit of this page (all roles). */
  rules: number;
  criteria: string[];
  /** The most violations any one visit found. */
  violations: number;
  /** The day (YYYY-MM-DD, UTC) of the run that last checked this page. */
  checkedOn: string;
}

export interface A11yResults {
  /** The day the file was last written from a run. */
  generatedAt: string | null;
  axeVersion: string | null;
  pages: PageResult[];
  keyboard: Array<{ journey: string; checkedOn: string }>;
  reflow: Array<{ page: string; widths: number[]; checkedOn: string }>;
}

export const EMPTY_RESULTS: A11yResults = { generatedAt: null, axeVersion: null, pages: [], keyboard: [], reflow: [] };

/** "wcag143" → "1.4.3", "wcag1410" → "1.4.10"; other tags are not criteria. */
export function criterionOfTag(tag: string): string | null {
  const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

const byCriterion = (a: string, b: string) => {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

type Segment = { text: string } | { param: string } | { splat: true };

/** A route file of app/routes as URL segments (Remix v2 flat routes), or null for a pathless file. */
export function routeSegments(file: string): Segment[] {
  const name = file.replace(/\.(tsx|ts|jsx|js)$/, "");
  const segments: Segment[] = [];
  for (let raw of name.match(/(?:\[[^\]]*\]|[^.])+/g) ?? []) {
    if (raw === "_index" || raw.startsWith("_")) continue;
    if (raw.endsWith("_")) raw = raw.slice(0, -1);
    if (raw === "$") segments.push({ splat: true });
    else if (raw.startsWith("$")) segments.push({ param: raw.slice(1) });
    else segments.push({ text: raw.replace(/\[([^\]]*)\]/g, "$1") });
  }
  return segments;
}

/** The route pattern a path belongs to, e.g. /firms/12 → /firms/:firmId; unknown paths → /*. */
export function patternOf(path: string, routeFiles: string[]): string {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  let best: { pattern: string; score: number } | null = null;
  for (const file of routeFiles) {
    const segments = routeSegments(file);
    const splat = segments.at(-1);
    const fixed = splat && "splat" in splat ? segments.slice(0, -1) : segments;
    if (fixed.length > parts.length || (fixed === segments && fixed.length !== parts.length)) continue;
    let score = 0;
    let fits = true;
    for (const [i, segment] of fixed.entries()) {
      if ("text" in segment) {
        if (segment.text !== parts[i]) fits = false;
        else score += 2;
      } else if ("param" in segment) score += 1;
    }
    if (!fits) continue;
    if (fixed === segments) score += 1; // an exact length beats a splat
    const pattern = `/${segments.map((s) => ("text" in s ? s.text : "param" in s ? `:${s.param}` : "*")).join("/")}`;
    if (!best || score > best.score) best = { pattern, score };
  }
  return best?.pattern ?? "/*";
}

const day = (at: string) => at.slice(0, 10);
const pageKey = (page: string, js: boolean) => `${page} ${js ? "js" : "nojs"}`;

/**
 * The committed results with a run's checks folded in: a page (pattern × JavaScript) the run checked is replaced by
 * what this run found (its rules and criteria united over every visit, its worst violation count); pages the run did
 * not visit keep their earlier result and date, so a partial run (a few browser test files) updates only what it
 * checked and every row says when it was checked.
 */
export function mergeResults(previous: A11yResults, records: CheckRecord[], routeFiles: string[]): A11yResults {
  const axe = records.filter((r) => r.kind === "axe");
  if (records.length === 0) return previous;
  const runDay = day(records.map((r) => r.at).sort()[records.length - 1]);
  const fresh = new Map<
    string,
    { page: string; js: boolean; rules: Set<string>; criteria: Set<string>; violations: number; at: string }
  >();
  for (const r of axe) {
    const page = patternOf(r.path, routeFiles);
    const key = pageKey(page, r.js);
    const entry = fresh.get(key) ?? { page, js: r.js, rules: new Set(), criteria: new Set(), violations: 0, at: r.at };
    r.rules.forEach((x) => entry.rules.add(x));
    r.criteria.forEach((x) => entry.criteria.add(x));
    entry.violations = Math.max(entry.violations, r.violations);
    if (r.at > entry.at) entry.at = r.at;
    fresh.set(key, entry);
  }
  const pages = new Map(previous.pages.map((p) => [pageKey(p.page, p.js), p]));
  for (const [key, e] of fresh)
    pages.set(key, {
      page: e.page,
      js: e.js,
      rules: e.rules.size,
      criteria: [...e.criteria].sort(byCriterion),
      violations: e.violations,
      checkedOn: day(e.at),
    });
  const keyboard = new Map(previous.keyboard.map((k) => [k.journey, k]));
  const reflow = new Map(previous.reflow.map((r) => [r.page, r]));
  for (const r of records) {
    if (r.kind === "keyboard") keyboard.set(r.journey, { journey: r.journey, checkedOn: day(r.at) });
    if (r.kind === "reflow") {
      const page = patternOf(r.path, routeFiles);
      const seen = reflow.get(page);
      const widths = seen?.checkedOn === day(r.at) ? [...new Set([...seen.widths, ...r.widths])] : r.widths;
      reflow.set(page, { page, widths: widths.sort((a, b) => a - b), checkedOn: day(r.at) });
    }
  }
  return {
    generatedAt: runDay,
    axeVersion: axe.at(-1)?.axeVersion ?? previous.axeVersion,
    pages: [...pages.values()].sort((a, b) => a.page.localeCompare(b.page) || Number(b.js) - Number(a.js)),
    keyboard: [...keyboard.values()].sort((a, b) => a.journey.localeCompare(b.journey)),
    reflow: [...reflow.values()].sort((a, b) => a.page.localeCompare(b.page)),
  };
}

/**
 * What a run checked that the committed results do not show as found: a page, keyboard journey or reflow page
 * missing from the file, or a page whose violation count differs. Empty when the file is up to date with the run.
 */
export function missingFromResults(committed: A11yResults, records: CheckRecord[], routeFiles: string[]): string[] {
  const merged = mergeResults(EMPTY_RESULTS, records, routeFiles);
  const problems: string[] = [];
  const pages = new Map(committed.pages.map((p) => [pageKey(p.page, p.js), p]));
  for (const p of merged.pages) {
    const shown = pages.get(pageKey(p.page, p.js));
    if (!shown) problems.push(`${p.page} (JavaScript ${p.js ? "on" : "off"}) is missing`);
    else if (shown.violations !== p.violations)
      problems.push(
        `${p.page} (JavaScript ${p.js ? "on" : "off"}) shows ${shown.violations} violations, the run found ${p.violations}`,
      );
  }
  for (const k of merged.keyboard)
    if (!committed.keyboard.some((c) => c.journey === k.journey))
      problems.push(`keyboard journey ${k.journey} is missing`);
  for (const r of merged.reflow) {
    const shown = committed.reflow.find((c) => c.page === r.page);
    if (!shown || r.widths.some((w) => !shown.widths.includes(w))) problems.push(`reflow of ${r.page} is missing`);
  }
  return problems;
}
