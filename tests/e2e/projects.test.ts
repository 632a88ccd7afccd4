// A project's review in the browser: the Toyo professor proposes a project through the form and submits it; staff
// return it with a comment; the professor resubmits; staff approve it with JavaScript disabled; the professor reads
// the approval in the history. A visitor browses /projects and the seeded open project. Every page passes axe.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const TITLE = "赤羽の町工場に学ぶものづくりの販路（e2e）";
const OPEN_PROJECT = "北区ものづくり企業の新製品、その届け先を探る（2026年度）";

async function toast(page: Page, text: string) {
  await page.getByRole("status").filter({ hasText: text }).waitFor();
}

async function openProject(page: Page, listHeading: string) {
  await page.getByRole("heading", { level: 1, name: listHeading }).waitFor();
  await expectAccessible(page);
  await page.getByRole("link", { name: TITLE }).click();
  await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
}

describe("projects", () => {
  it("a professor proposes a project, staff review it, the professor sees the approval", async () => {
    const professor = await (await newContext(browser)).newPage();
    await signInThroughForm(professor, "professor@toyo.example");
    await professor.getByRole("heading", { level: 1, name: "教員ホーム" }).waitFor();
    await expectAccessible(professor);
    await professor.getByRole("navigation").getByRole("link", { name: "自分の企画" }).click();
    await professor.getByRole("heading", { level: 1, name: "自分の企画" }).waitFor();
    await expect(professor.getByRole("link", { name: OPEN_PROJECT }).isVisible()).resolves.toBe(true);
    await expectAccessible(professor);

    await professor.getByRole("link", { name: "企画を提案する" }).click();
    await professor.getByRole("heading", { level: 1, name: "企画の提案" }).waitFor();
    await expectAccessible(professor);

    // A form with mistakes is refused with messages next to the fields.
    await professor.getByLabel("企画名（日本語）").fill(TITLE);
    await professor.getByRole("button", { name: "下書きを保存する" }).click();
    await professor.locator('input[name="seminarName"][aria-invalid="true"]').waitFor();
    const errorId = await professor.getByLabel("ゼミ名").getAttribute("aria-describedby");
    await expect(professor.locator(`[id="${errorId}"]`).textContent()).resolves.toBe("入力してください。");
    await expect(professor.getByLabel("企画名（日本語）").inputValue()).resolves.toBe(TITLE);
    await expectAccessible(professor);

    await professor.getByLabel("企画の概要（日本語）").fill("新製品を開発した赤羽の企業を訪ね、販路を取材します。");
    await professor.getByLabel("ゼミ名").fill("マーケティングゼミ");
    await professor.getByRole("radio", { name: /北区と東洋大学との包括連携に関する協定/ }).check();
    await professor.getByLabel("取材・調査のテーマ").fill("町工場の新製品と販路");
    await professor.getByRole("checkbox", { name: "精密機械・計測器" }).check();
    await professor.getByRole("checkbox", { name: "新製品を開発した企業を優先する" }).check();
    await professor.getByLabel("参加学生数（上限）").fill("9");
    await professor.getByLabel("1チームの人数").fill("3");
    await professor.getByLabel("申込受付の開始（日本時間）").fill("2026-12-01T09:00");
    await professor.getByLabel("申込受付の締切（日本時間）").fill("2026-12-20T17:00");
    await professor.getByLabel("取材期間の開始日").fill("2027-01-12");
    await professor.getByLabel("取材期間の終了日").fill("2027-02-19");
    await professor.getByLabel("発表予定日").fill("2027-03-13");
    await professor.getByRole("button", { name: "下書きを保存する" }).click();

    await professor.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await toast(professor, "企画を下書きとして保存しました。");
    await expect(professor.getByText("2026年12月1日 9:00 〜 2026年12月20日 17:00").isVisible()).resolves.toBe(true);
    await expectAccessible(professor);
    const projectUrl = professor.url();

    await professor.getByRole("button", { name: "審査に提出する" }).click();
    await toast(professor, "企画を審査に提出しました。");
    await expect(professor.locator(".badge", { hasText: "審査待ち" }).isVisible()).resolves.toBe(true);
    await expectAccessible(professor);

    // Staff return it with a comment.
    const staff = await (await newContext(browser)).newPage();
    await signInThroughForm(staff, "staff@city.kita.example");
    await staff.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await expectAccessible(staff);
    await staff.getByRole("navigation").getByRole("link", { name: "企画", exact: true }).click();
    await staff.getByRole("heading", { level: 1, name: "企画の審査" }).waitFor();
    // The queue starts with the projects awaiting review.
    const firstRow = staff.locator("tbody tr").first();
    await expect(firstRow.textContent()).resolves.toContain("審査待ち");
    await openProject(staff, "企画の審査");
    await expectAccessible(staff);
    await staff.getByLabel("差し戻しの理由（教員へのコメント）").fill("受け入れ企業の業種をもう一つ挙げてください。");
    await staff.getByRole("button", { name: "差し戻す" }).click();
    await toast(staff, "企画を差し戻しました。");
    await expectAccessible(staff);

    // The professor reads the comment, edits and resubmits.
    await professor.goto(projectUrl);
    await professor.getByText("受け入れ企業の業種をもう一つ挙げてください。").waitFor();
    await professor.getByRole("link", { name: "編集する" }).click();
    await professor.getByRole("heading", { level: 1, name: "企画の編集" }).waitFor();
    await expect(professor.getByLabel("申込受付の開始（日本時間）").inputValue()).resolves.toBe("2026-12-01T09:00");
    await expectAccessible(professor);
    await professor.getByRole("checkbox", { name: "金属製品" }).check();
    await professor.getByRole("button", { name: "保存する" }).click();
    await toast(professor, "企画を保存しました。");
    await professor.getByRole("button", { name: "審査に提出する" }).click();
    await toast(professor, "企画を審査に提出しました。");
    await expectAccessible(professor);

    // Staff approve it with JavaScript disabled.
    const noJs = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(noJs, "staff@city.kita.example");
    await noJs.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await expectAccessible(noJs);
    await noJs.goto("/staff/projects?state=submitted");
    await openProject(noJs, "企画の審査");
    await expectAccessible(noJs);
    await noJs.getByRole("button", { name: "承認する" }).click();
    await toast(noJs, "企画を承認しました。");
    await expect(noJs.locator(".badge", { hasText: "承認済み" }).isVisible()).resolves.toBe(true);
    await expectAccessible(noJs);

    // The professor sees the approval in the history.
    await professor.goto(projectUrl);
    const history = professor.getByRole("region", { name: "審査と状態の履歴" });
    await history.getByRole("heading", { name: "承認（審査待ち → 承認済み）" }).waitFor();
    await expect(history.getByRole("heading", { level: 3 }).allTextContents()).resolves.toEqual([
      "審査に提出（下書き → 審査待ち）",
      "差し戻し（審査待ち → 差し戻し）",
      "審査に提出（差し戻し → 審査待ち）",
      "承認（審査待ち → 承認済み）",
    ]);
    await expectAccessible(professor);

    // The seeded open project: its sign-ups and how the hosts were ranked.
    await professor.goto("/professor/projects");
    await professor.getByRole("link", { name: OPEN_PROJECT }).click();
    await professor.getByRole("heading", { level: 1, name: OPEN_PROJECT }).waitFor();
    await expect(professor.getByText("MKTG-2627").isVisible()).resolves.toBe(true);
    await expect(professor.getByRole("table", { name: "受け入れ企業ごとの希望の集まり方" }).isVisible()).resolves.toBe(
      true,
    );
    await expectAccessible(professor);
  });

  it("a visitor browses the open projects without seeing anyone's personal data", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto("/projects");
    await page.getByRole("heading", { level: 1, name: "募集中の企画" }).waitFor();
    const open = page.getByRole("region", { name: "参加者を募集中" });
    await expect(open.getByRole("link", { name: OPEN_PROJECT }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await open.getByRole("link", { name: OPEN_PROJECT }).click();
    await page.getByRole("heading", { level: 1, name: OPEN_PROJECT }).waitFor();
    await expect(page.getByRole("link", { name: "株式会社赤羽精密" }).isVisible()).resolves.toBe(true);
    const text = await page.locator("main").textContent();
    expect(text).toContain("東洋大学");
    expect(text).toContain("マーケティングゼミ");
    for (const secret of ["東洋 恵子", "伊藤 翔太", "professor@toyo.example", "MKTG-2627"])
      expect(text).not.toContain(secret);
    await expectAccessible(page);
  });
});
