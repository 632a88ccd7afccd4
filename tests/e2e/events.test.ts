// Presentation events in the browser, on the demo seed: staff create an event and put the FY2025 seminar (MKTG-2526)
// on its programme; at the door, on a tablet (820×1180), staff mark students present and the presentation given,
// once with JavaScript (no reload, focus stays) and once without; the professor confirms the title; a visitor
// opens the public page, which names no student. axe on every page visited.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";
import { openDemoDb, projectIdByJoinCode, type DemoDb } from "./demo-db";

const EVENT_TITLE = "E2E 北区産学連携 成果報告会";
const DRAFT_TITLE = "E2E 新製品の販路（仮）";
const FINAL_TITLE = "E2E 町工場の新製品はどこで売られているか";
const STUDENTS = ["山田 花子", "伊藤 翔太", "小林 美咲", "加藤 大輝"]; // the FY2025 seminar (db/seed/projects.ts)
const TABLET = { width: 820, height: 1180 };

let browser: Browser;
let db: DemoDb;
let projectId: number;
let eventId: number;

/** A door-list toggle's accessible name: its label, then (visually hidden) whom or what it marks. */
const toggle = (label: string, subject: string) =>
  new RegExp(`^${label}\\s?（${subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}）$`);

const attendanceOf = (studentName: string) =>
  db
    .prepare(
      "select attendance.present_at from attendance join user on user.id = attendance.student_id where event_id = ? and user.name = ?",
    )
    .get(eventId, studentName);

beforeAll(async () => {
  browser = await launch();
  db = openDemoDb();
  projectId = projectIdByJoinCode(db, "MKTG-2526");
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

async function staffPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await newContext(browser, options)).newPage();
  await signInThroughForm(page, "staff@city.kita.example");
  await page.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
  return page;
}

describe("presentation events", () => {
  it("staff create an event and put a seminar on its programme", async () => {
    const page = await staffPage();
    await page.goto("/staff/events");
    await page.getByRole("heading", { level: 1, name: "発表会" }).waitFor();
    await expect(
      page.getByRole("link", { name: "北区産学連携研究発表会 2026", exact: true }).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByRole("link", { name: "発表会を登録する" }).click();
    await page.getByRole("heading", { level: 1, name: "発表会の登録" }).waitFor();
    await expectAccessible(page);
    // An end before the start is refused next to the field.
    await page.getByLabel("名称（日本語）").fill(EVENT_TITLE);
    await page.getByLabel("名称（英語）").fill("E2E Kita City results day");
    await page.getByLabel("開始日時").fill("2027-03-05T13:00");
    await page.getByLabel("終了日時").fill("2027-03-05T12:00");
    await page.getByLabel("会場（日本語）").fill("北とぴあ");
    await page.getByLabel("会場（英語）").fill("Hokutopia");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByText("終了日時は開始日時より後にしてください。").waitFor();
    await expect(page.getByLabel("終了日時").getAttribute("aria-invalid")).resolves.toBe("true");
    await expectAccessible(page);
    await page.getByLabel("終了日時").fill("2027-03-05T16:00");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByRole("status").filter({ hasText: "発表会を登録しました。" }).waitFor();
    await page.getByRole("heading", { level: 1, name: EVENT_TITLE }).waitFor();
    eventId = Number(new URL(page.url()).pathname.split("/").pop());
    await expect(page.getByText("2027年3月5日 13:00–16:00").isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByLabel("発表するチーム").selectOption(`${projectId}:seminar`);
    await page.getByLabel("開始時刻（任意）").fill("13:10");
    await page.getByLabel("研究タイトル（日本語）").fill(DRAFT_TITLE);
    await page.getByRole("button", { name: "プログラムに追加する" }).click();
    await page.getByRole("status").filter({ hasText: "発表をプログラムに追加しました。" }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(DRAFT_TITLE) });
    await expect(row.getByText("ゼミ全体").isVisible()).resolves.toBe(true);
    for (const name of STUDENTS) await expect(row.getByText(name).isVisible()).resolves.toBe(true);
    await expect(row.getByText("教員の確認待ち").isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it("staff mark attendance on a tablet with JavaScript: no reload, focus stays on the button", async () => {
    const page = await staffPage();
    await page.setViewportSize(TABLET);
    await page.goto(`/staff/events/${eventId}/attendance`);
    await page.getByRole("heading", { level: 1, name: `受付・出席確認：${EVENT_TITLE}` }).waitFor();
    await expectAccessible(page);
    const button = page.getByRole("button", { name: toggle("出席", STUDENTS[0]) });
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
    await expect(button.getAttribute("aria-pressed")).resolves.toBe("false");

    const url = page.url();
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
    await button.click();
    await page.waitForFunction((name) => {
      const b = [...document.querySelectorAll("button[aria-pressed='true']")].find((x) =>
        x.textContent?.includes(name),
      );
      return b && document.querySelector(".stats dd")?.textContent === "1 / 4";
    }, STUDENTS[0]);
    await page
      .locator(`li:has-text("${STUDENTS[0]}")`)
      .getByText(/^出席（\d\d:\d\d）$/)
      .waitFor();
    expect(page.url()).toBe(url);
    // The same document (no reload) and the same focused button.
    await expect(page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toContain(STUDENTS[0]);
    expect(attendanceOf(STUDENTS[0])).toBeTruthy();
    await expectAccessible(page);

    // Tap again: not yet.
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".stats dd")?.textContent === "0 / 4");
    expect(attendanceOf(STUDENTS[0])).toBeUndefined();
    await button.click();
    await page.waitForFunction(() => document.querySelector(".stats dd")?.textContent === "1 / 4");
    await page.context().close();
  });

  it("staff mark attendance on a tablet without JavaScript, filter by name, and mark the presentation given", async () => {
    const page = await staffPage({ javaScriptEnabled: false });
    await page.setViewportSize(TABLET);
    await page.goto(`/staff/events/${eventId}/attendance`);
    await page.getByRole("heading", { level: 1, name: `受付・出席確認：${EVENT_TITLE}` }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("学生の名前で絞り込む").fill("こばやし");
    await page.getByRole("button", { name: "絞り込む" }).click();
    await page.waitForURL(/\?q=/);
    await expect(page.getByRole("listitem").filter({ hasText: STUDENTS[2] }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(STUDENTS[1]).count()).resolves.toBe(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: toggle("出席", STUDENTS[2]) }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${STUDENTS[2]}さんを出席にしました。` })
      .waitFor();
    expect(page.url()).toContain(`?q=`);
    await expect(
      page.getByRole("button", { name: toggle("出席", STUDENTS[2]) }).getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await expect(page.locator(".stats dd").first().textContent()).resolves.toBe("2 / 4");
    expect(attendanceOf(STUDENTS[2])).toBeTruthy();
    await expectAccessible(page);

    await page.getByRole("link", { name: "すべて表示" }).click();
    await page.getByRole("button", { name: toggle("発表済み", `1. ${DRAFT_TITLE}`) }).click();
    await page.getByRole("status").filter({ hasText: "発表済みにしました。" }).waitFor();
    await expect(
      page.getByRole("button", { name: toggle("発表済み", `1. ${DRAFT_TITLE}`) }).getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    expect(db.prepare("select given_at from presentation where event_id = ?").get(eventId)).toMatchObject({
      given_at: expect.any(String),
    });
    await expectAccessible(page);
    await page.context().close();
  });

  it("the professor confirms the team's title", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "professor@toyo.example");
    await page.getByRole("heading", { level: 1, name: "教員ホーム" }).waitFor();
    await page.goto("/professor/events");
    await page.getByRole("heading", { level: 1, name: "発表会のタイトル確認" }).waitFor();
    await expectAccessible(page);
    const { id } = db.prepare("select id from presentation where event_id = ?").get(eventId) as { id: number };
    const slot = page.locator(`#slot-${id}`);
    await expect(slot.getByText("教員の確認待ち").isVisible()).resolves.toBe(true);
    await slot.getByLabel("研究タイトル（日本語）").fill(FINAL_TITLE);
    await slot.getByLabel("研究タイトル（英語・任意）").fill("Where is a small factory's new product sold?");
    await slot.getByRole("button", { name: "このタイトルで確定する" }).click();
    await page.getByRole("status").filter({ hasText: "研究タイトルを確定しました。" }).waitFor();
    await expect(
      page
        .locator(`#slot-${id}`)
        .getByText(/^確定済み/)
        .isVisible(),
    ).resolves.toBe(true);
    expect(db.prepare("select title_ja, confirmed_at from presentation where id = ?").get(id)).toMatchObject({
      title_ja: FINAL_TITLE,
      confirmed_at: expect.any(String),
    });
    await expectAccessible(page);
    await page.context().close();
  });

  it("a visitor opens the events and the programme, which names no student", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto("/events");
    await page.getByRole("heading", { level: 1, name: "発表会" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: EVENT_TITLE }).click();
    await page.getByRole("heading", { level: 1, name: EVENT_TITLE }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(FINAL_TITLE) });
    await expect(row.getByText("13:10").isVisible()).resolves.toBe(true);
    await expect(row.getByText("ゼミ全体").isVisible()).resolves.toBe(true);
    await expect(row.getByText("東洋大学 マーケティングゼミ").isVisible()).resolves.toBe(true);
    const html = await page.content();
    for (const name of STUDENTS) expect(html).not.toContain(name);
    expect(html).not.toContain("@toyo.example");
    await expectAccessible(page);

    // The seeded presentation day, in English.
    await page.goto("/events");
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
    await page.getByRole("link", { name: "Kita City Industry–Academia Presentation Day 2026" }).click();
    await page.getByRole("heading", { level: 1, name: "Kita City Industry–Academia Presentation Day 2026" }).waitFor();
    await expect(page.getByText("14 February 2026 at 14:00–17:00").isVisible()).resolves.toBe(true);
    expect(await page.getByRole("row").count()).toBe(4); // the header and the three seeded teams
    await expectAccessible(page);
    await page.context().close();
  });
});
