// Zoom and reflow (WCAG 1.4.10, 1.4.4): every public page at 320 CSS px wide and at 200% zoom on a 1280 px wide
// screen (a 640 px viewport at device scale factor 2, which is what the browser's 200% zoom lays out) must not
// scroll sideways: document.scrollingElement.scrollWidth ≤ clientWidth. Each page passed is recorded for the
// accessibility statement; the privacy notice and the accessibility statement are also checked by axe with and
// without JavaScript (the other pages are checked in their own journeys).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordCheck } from "./a11y-log";
import { baseURL, expectAccessible, launch, newContext } from "./browser";
import { openDemoDb, projectIdByJoinCode, type DemoDb } from "./demo-db";

let browser: Browser;
let db: DemoDb;
let pages: string[];

beforeAll(async () => {
  browser = await launch();
  db = openDemoDb();
  const firm = db.prepare("select id from firm where is_public = 1 and hidden_at is null order by id").get() as {
    id: number;
  };
  const event = db.prepare("select id from event order by id").get() as { id: number };
  const certificate = db.prepare("select id from certificate order by issued_at").get() as { id: string };
  pages = [
    "/",
    "/firms",
    `/firms/${firm.id}`,
    "/projects",
    `/projects/${projectIdByJoinCode(db, "MKTG-2627")}`,
    "/events",
    `/events/${event.id}`,
    "/partners",
    "/open-data",
    "/privacy",
    "/accessibility",
    "/login",
    "/register",
    `/verify/${certificate.id}`,
  ];
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

const VIEWS = [
  { label: "320 px", width: 320, viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { label: "200% of 1280 px", width: 640, viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;

/** How far the page scrolls sideways, and the widest elements sticking out (to say what to fix). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const width = root.clientWidth;
    // Inside a scrolling box (a wide table's wrapper) sticking out is allowed: the box scrolls, not the page.
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    // A box sticking out, or a box whose own content (an unbreakable word) sticks out of it.
    const sticksOut = (el: Element) =>
      el.getBoundingClientRect().right > width + 1 ||
      (el.getBoundingClientRect().left + el.scrollWidth > width + 1 && getComputedStyle(el).overflowX === "visible");
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => sticksOut(el) && !insideScroller(el))
      .slice(-5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}

describe("reflow", () => {
  for (const view of VIEWS)
    it(`no public page scrolls sideways at ${view.label}`, async () => {
      const context = await browser.newContext({
        baseURL: baseURL(),
        locale: "ja-JP",
        viewport: view.viewport,
        deviceScaleFactor: view.deviceScaleFactor,
      });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const path of pages)
        for (const lng of ["ja", "en"]) {
          await page.goto(lng === "en" ? `${path}?lng=en` : path);
          const o = await overflow(page);
          if (o.scrollWidth > o.clientWidth)
            problems.push(`${path} (${lng}): ${o.scrollWidth} > ${o.clientWidth}: ${o.culprits.join(", ")}`);
        }
      expect(problems).toEqual([]);
      for (const path of pages) recordCheck({ kind: "reflow", path, widths: [view.width] });
      await context.close();
    });

  it("the privacy notice and the accessibility statement pass axe with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await (await newContext(browser, { javaScriptEnabled })).newPage();
      for (const path of ["/privacy", "/accessibility", "/privacy?lng=en", "/accessibility?lng=en"]) {
        await page.goto(path);
        await expectAccessible(page);
      }
      await page.context().close();
    }
  });
});
