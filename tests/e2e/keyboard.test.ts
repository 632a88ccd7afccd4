// Keyboard-only journeys (no mouse: Tab, Shift+Tab, Enter, Space and arrow keys only): a student signs in, joins a
// project with its code, ranks the host firms and signs up; staff mark attendance on an event's door list. At every
// stop the focused element must show a visible focus indicator (an outline or a box shadow) and, inside the page's
// main content, focus must move forward in reading order (down the page, or right along a line). Each journey that
// completes is recorded for the accessibility statement.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordCheck } from "./a11y-log";
import { DEMO_PASSWORD, expectAccessible, launch, newContext } from "./browser";
import { addAcceptedHost, cloneDemoProject, insertRow, openDemoDb, projectIdByJoinCode, type DemoDb } from "./demo-db";

let browser: Browser;
let db: DemoDb;

beforeAll(async () => {
  browser = await launch();
  db = openDemoDb();
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

interface Focused {
  name: string;
  tag: string;
  inMain: boolean;
  top: number;
  left: number;
  visible: boolean;
}

/** What has focus: its accessible-ish name, where it is, and whether its focus indicator shows. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    const rect = el.getBoundingClientRect();
    return {
      name: (el.getAttribute("aria-label") ?? labelled ?? el.textContent ?? "").replace(/\s+/g, " ").trim(),
      tag: el.tagName.toLowerCase(),
      inMain: Boolean(el.closest("main")),
      top: rect.top + window.scrollY,
      left: rect.left + window.scrollX,
      visible: outline || shadow,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches, checking every element passed on the way:
 * a visible focus indicator, and forward reading order inside main (a few pixels of slack for baseline shifts).
 */
async function tabTo(page: Page, name: RegExp, options: { back?: boolean; max?: number } = {}): Promise<Focused> {
  const key = options.back ? "Shift+Tab" : "Tab";
  let previous: Focused | null = await focused(page);
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (!now) continue;
    expect(now.visible, `focus indicator on ${now.tag} "${now.name}"`).toBe(true);
    if (!options.back && previous?.inMain && now.inMain) {
      // Not back up the page: a step right along a line, down to the next one, or over to the next column of a card
      // grid (its first card starts higher than where the previous card ended) is reading order.
      const forward = now.top >= previous.top - 8 || now.left > previous.left + 40;
      expect(forward, `focus went from "${previous.name}" back up to "${now.name}"`).toBe(true);
    }
    if (name.test(now.name)) return now;
    previous = now;
  }
  throw new Error(`Tab never reached ${name}`);
}

async function signInByKeyboard(page: Page, email: string) {
  await page.goto("/login");
  await tabTo(page, /^メールアドレス/);
  await page.keyboard.type(email);
  await tabTo(page, /^パスワード$/);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
}

describe("keyboard only", () => {
  it("a student signs in, joins a project with its code, ranks the host firms and signs up", async () => {
    const projectId = cloneDemoProject(db, {
      title_ja: "E2E キーボード操作の確認用企画",
      state: "open",
      join_code: "E2EK-2627",
    });
    const firms = db
      .prepare("select firm_id from project_host where project_id = ? and status = 'accepted' order by id")
      .all(projectIdByJoinCode(db, "MKTG-2627")) as Array<{ firm_id: number }>;
    for (const f of firms.slice(0, 3)) addAcceptedHost(db, projectId, f.firm_id, 2);

    const page = await (await newContext(browser)).newPage();
    await signInByKeyboard(page, "s02@toyo.example");
    await page.getByRole("heading", { level: 1, name: "学生ホーム" }).waitFor();
    await tabTo(page, /^参加コードで企画に申し込む$/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "企画に参加する" }).waitFor();
    await tabTo(page, /^参加コード/);
    await page.keyboard.type("E2EK-2627");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/student\/projects\/\d+\/signup\?code=E2EK-2627/);
    const list = page.locator("ol.rank-list");
    await list.waitFor();
    const names = () => list.locator(".rank-list__firm > a").allTextContents();
    const before = await names();
    expect(before).toHaveLength(3);

    // Move the first firm down with Space, then Enter: focus stays on the pressed button.
    await tabTo(page, new RegExp(`^下へ\\s*（${before[0]}）$`));
    await page.keyboard.press("Space");
    await expect.poll(names).toEqual([before[1], before[0], before[2]]);
    expect((await focused(page))?.name).toMatch(new RegExp(`^下へ\\s*（${before[0]}）$`));
    await page.keyboard.press("Enter");
    await expect.poll(names).toEqual([before[1], before[2], before[0]]);
    // Back up with Shift+Tab to the moved firm's "up" button and bring it up one place.
    await tabTo(page, new RegExp(`^上へ\\s*（${before[0]}）$`), { back: true });
    await page.keyboard.press("Enter");
    await expect.poll(names).toEqual([before[1], before[0], before[2]]);
    const chosen = await names();

    await tabTo(page, /^志望動機/);
    await page.keyboard.type("キーボードだけで申し込みます。");
    await tabTo(page, /同意します/);
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: /同意します/ }).isChecked()).resolves.toBe(true);
    await tabTo(page, /^申し込む$/);
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "申し込みました。" }).waitFor();
    const saved = (
      db
        .prepare(
          `select firm.name from signup_preference join signup on signup.id = signup_preference.signup_id
           join user on user.id = signup.student_id join project_host on project_host.id = signup_preference.host_id
           join firm on firm.id = project_host.firm_id where user.email = ? and signup.project_id = ? order by rank`,
        )
        .all("s02@toyo.example", projectId) as Array<{ name: string }>
    ).map((r) => r.name);
    expect(saved).toEqual(chosen);
    await expectAccessible(page);
    recordCheck({ kind: "keyboard", journey: "signup" });
    await page.context().close();
  });

  it("staff mark a student present and the presentation given on the door list", async () => {
    const seminar = projectIdByJoinCode(db, "MKTG-2526");
    const t = new Date().toISOString();
    const eventId = insertRow(db, "event", {
      title_ja: "E2E キーボード受付の確認用発表会",
      title_en: "E2E keyboard door list",
      starts_at: "2031-03-05T04:00:00.000Z",
      ends_at: "2031-03-05T07:00:00.000Z",
      venue_ja: "北とぴあ",
      venue_en: "Hokutopia",
      description_ja: null,
      description_en: null,
      created_by: null,
      created_at: t,
      updated_at: t,
    });
    insertRow(db, "presentation", {
      event_id: eventId,
      project_id: seminar,
      host_id: null,
      position: 1,
      starts_at: null,
      title_ja: "E2E キーボードの発表",
      title_en: null,
      confirmed_at: null,
      confirmed_by: null,
      given_at: null,
      given_by: null,
      created_at: t,
    });

    const page = await (await newContext(browser)).newPage();
    await signInByKeyboard(page, "staff@city.kita.example");
    await page.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await page.goto(`/staff/events/${eventId}/attendance`);
    await page.getByRole("heading", { level: 1, name: /^受付・出席確認/ }).waitFor();

    await tabTo(page, /^学生の名前で絞り込む/);
    await page.keyboard.type("やまだ");
    await page.keyboard.press("Enter");
    await page.waitForURL(/[?&]q=/);
    await page.getByRole("heading", { level: 1, name: /^受付・出席確認/ }).waitFor();
    const present = page.getByRole("button", { name: /^出席\s?（山田 花子）$/ });
    await tabTo(page, /^出席\s?（山田 花子）$/);
    await page.keyboard.press("Space");
    await expect.poll(() => present.getAttribute("aria-pressed")).toBe("true");
    expect((await focused(page))?.name).toMatch(/山田 花子/);
    // The button turns pressed at once; the server writes the attendance when the request lands.
    const attendance = () =>
      db
        .prepare(
          "select present_at from attendance join user on user.id = attendance.student_id where event_id = ? and user.name = ?",
        )
        .get(eventId, "山田 花子");
    await expect.poll(attendance).toBeTruthy();

    await tabTo(page, /^すべて表示$/);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => !url.searchParams.has("q"));
    const given = page.getByRole("button", { name: /^発表済み\s?（1\. E2E キーボードの発表）$/ });
    await tabTo(page, /^発表済み\s?（1\. E2E キーボードの発表）$/);
    await page.keyboard.press("Enter");
    await expect.poll(() => given.getAttribute("aria-pressed")).toBe("true");
    await expectAccessible(page);
    recordCheck({ kind: "keyboard", journey: "door" });
    await page.context().close();
  });
});
