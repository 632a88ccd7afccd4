// Host firms and student sign-up in the browser, on the demo seed: staff ask firms to host, a firm user answers in
// the app and a firm contact through the emailed link; two students sign up for the seeded open project (MKTG-2627),
// one with JavaScript (move up/down), one without (position selects); the professor sees them. axe on every page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";
import { cloneDemoProject, openDemoDb, projectIdByJoinCode, type DemoDb } from "./demo-db";
import { linkIn, mailCursor, waitForMail } from "./mail";

const JOIN_CODE = "MKTG-2627"; // the seeded FY2026 open project (db/seed/projects.ts)
const E2E_PROJECT = "E2E 受け入れ依頼の確認用企画";

let browser: Browser;
let db: DemoDb;
let openProjectId: number;
let hostingProjectId: number;

/** Firm names of the open project's accepting hosts, by host id. */
function acceptedHosts(projectId: number) {
  return db
    .prepare(
      `select project_host.id, firm.name from project_host join firm on firm.id = project_host.firm_id
       where project_id = ? and status = 'accepted'`,
    )
    .all(projectId) as Array<{ id: number; name: string }>;
}

function rankingOf(email: string, projectId: number) {
  return (
    db
      .prepare(
        `select firm.name from signup_preference
         join signup on signup.id = signup_preference.signup_id
         join user on user.id = signup.student_id
         join project_host on project_host.id = signup_preference.host_id
         join firm on firm.id = project_host.firm_id
         where user.email = ? and signup.project_id = ? order by rank`,
      )
      .all(email, projectId) as Array<{ name: string }>
  ).map((r) => r.name);
}

beforeAll(async () => {
  browser = await launch();
  db = openDemoDb();
  openProjectId = projectIdByJoinCode(db, JOIN_CODE);
  // A project of this test's own, approved and without hosts, so that inviting firms leaves the seeded projects as they are.
  hostingProjectId = cloneDemoProject(
    db,
    { title_ja: E2E_PROJECT, state: "approved", join_code: "E2EH-2627" },
    JOIN_CODE,
  );
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

async function inviteThroughStaffPage(page: Page, firmName: string, contactEmail?: string) {
  await page.goto(`/staff/projects/${hostingProjectId}/hosts`);
  await page.getByRole("heading", { level: 1, name: `受け入れ企業：${E2E_PROJECT}` }).waitFor();
  await page.getByLabel("企業名・ふりがな・製品で絞り込む").fill(firmName);
  await page.getByRole("button", { name: "絞り込む" }).click();
  await page.waitForURL(/\?q=/);
  await expectAccessible(page);
  const select = page.getByLabel("企業", { exact: true });
  const option = select.locator("option", { hasText: firmName });
  await select.selectOption(await option.getAttribute("value"));
  if (contactEmail) await page.getByLabel("担当者のメールアドレス").fill(contactEmail);
  await page.getByRole("button", { name: "依頼メールを送る" }).click();
  await page.getByRole("status").filter({ hasText: "依頼メールを送りました。" }).waitFor();
  await expect(
    page
      .getByRole("row", { name: new RegExp(firmName) })
      .getByText("依頼済み・回答待ち")
      .isVisible(),
  ).resolves.toBe(true);
  await expectAccessible(page);
}

describe("host firms", () => {
  it("staff ask a firm with an account; its user sees the request and accepts with a capacity", async () => {
    const firm = db
      .prepare("select firm.id, firm.name from user join firm on firm.id = user.firm_id where user.email = ?")
      .get("firm@monozukuri.example") as {
      id: number;
      name: string;
    };
    const staff = await (await newContext(browser)).newPage();
    await signInThroughForm(staff, "staff@city.kita.example");
    await staff.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await inviteThroughStaffPage(staff, firm.name);

    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "firm@monozukuri.example");
    await page.getByRole("heading", { level: 1, name: "企業ホーム" }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "取材受け入れの依頼" }).click();
    await page.getByRole("heading", { level: 1, name: "取材受け入れの依頼" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: E2E_PROJECT }).click();
    await page.getByRole("heading", { level: 1, name: E2E_PROJECT }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("受け入れ可能な学生の人数").fill("3");
    await page.getByLabel("メモ（任意）").fill("平日の午後が取材しやすいです。");
    await page.getByRole("button", { name: "受け入れる" }).click();
    await page.getByRole("status").filter({ hasText: "受け入れのご承諾を送りました" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/firm/invitations");
    await expectAccessible(page);

    await staff.goto(`/staff/projects/${hostingProjectId}/hosts`);
    const row = staff.getByRole("row", { name: new RegExp(firm.name) });
    await expect(row.getByText("受け入れ承諾").isVisible()).resolves.toBe(true);
    await expect(row.getByText("3人").isVisible()).resolves.toBe(true);
    await expectAccessible(staff);
    await staff.context().close();
    await page.context().close();
  });

  it("a firm contact without an account answers once through the signed link from the mail", async () => {
    const firm = db
      .prepare(
        `select id, name from firm where is_public = 1 and hidden_at is null
         and id not in (select firm_id from user where firm_id is not null)
         and id not in (select firm_id from project_host where project_id = ?) order by name_kana limit 1`,
      )
      .get(hostingProjectId) as { id: number; name: string };
    const staff = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(staff, "staff@city.kita.example");
    await staff.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    const after = await mailCursor();
    await inviteThroughStaffPage(staff, firm.name, "e2e-contact@firm.example");

    // The contact's mail carries the live link; the staff mailbox shows it hidden.
    const link = linkIn(await waitForMail("e2e-contact@firm.example", { after }), "/host-response/");
    await staff.goto("/staff/mailbox");
    await expectAccessible(staff);
    const mail = staff.locator(".mailbox > li", { hasText: "e2e-contact@firm.example" }).first();
    const body = (await mail.locator(".mail-body").textContent()) ?? "";
    expect(body).toContain("［リンク非表示");
    expect(body).not.toContain("/host-response/");

    const contact = await (await newContext(browser)).newPage();
    const shown = await contact.goto(link);
    expect(shown?.status()).toBe(200);
    await contact.getByRole("heading", { level: 1, name: E2E_PROJECT }).waitFor();
    await expect(contact.getByText(`${firm.name} 様へのご依頼`).isVisible()).resolves.toBe(true);
    await expectAccessible(contact);
    await contact.getByLabel("受け入れ可能な学生の人数").fill("2");
    await contact.getByRole("button", { name: "受け入れる" }).click();
    await contact.getByRole("heading", { level: 1, name: "ご回答ありがとうございました" }).waitFor();
    await expectAccessible(contact);

    const again = await contact.goto(link);
    expect(again?.status()).toBe(410);
    await expect(contact.getByRole("alert").textContent()).resolves.toContain("すでに回答済み");
    await expectAccessible(contact);
    const forged = await contact.goto(link.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
    expect(forged?.status()).toBe(404);
    await expect(contact.getByRole("alert").textContent()).resolves.toContain("このリンクは無効です");
    await expectAccessible(contact);

    await staff.goto(`/staff/projects/${hostingProjectId}/hosts`);
    await expect(
      staff
        .getByRole("row", { name: new RegExp(firm.name) })
        .getByText(/メールのリンクから回答/)
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(staff);
    await staff.context().close();
    await contact.context().close();
  });
});

describe("student sign-up", () => {
  it("the demo student joins with the code and ranks the firms with JavaScript (move up / move down, keyboard)", async () => {
    const hosts = acceptedHosts(openProjectId);
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "student@toyo.example");
    await page.getByRole("heading", { level: 1, name: "学生ホーム" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "参加コードで企画に申し込む" }).click();
    await page.getByRole("heading", { level: 1, name: "企画に参加する" }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("参加コード").fill("mktg 2627");
    await page.getByRole("button", { name: "次へ" }).click();
    await page.waitForURL(/\/student\/projects\/\d+\/signup\?code=MKTG-2627/);
    await page.getByRole("heading", { name: "組み合わせの決め方" }).waitFor();
    await expect(page.getByText("いつわっても、より良い結果になることは決してありません").isVisible()).resolves.toBe(
      true,
    );
    const list = page.locator("ol.rank-list");
    await list.waitFor(); // the enhanced list replaces the selects after hydration
    await expectAccessible(page);

    const names = async () => list.locator(".rank-list__firm > a").allTextContents();
    const before = await names();
    expect([...before].sort()).toEqual(hosts.map((h) => h.name).sort());

    // Keyboard: move the first firm down; focus stays on its button and the move is announced.
    const first = before[0];
    const button = (label: string, firm: string) =>
      page.getByRole("button", { name: new RegExp(`^${label}\\s*（${firm}）$`) });
    await button("下へ", first).focus();
    await page.keyboard.press("Enter");
    await expect.poll(names).toEqual([before[1], first, ...before.slice(2)]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`下へ（${first}）`);
    await expect
      .poll(() => page.locator("fieldset [aria-live]").textContent())
      .toBe(`${first}を2位に移動しました（全${before.length}社）。`);
    await page.keyboard.press("Enter");
    await expect.poll(names).toEqual([before[1], before[2], first, ...before.slice(3)]);
    // Mouse: bring the last firm to the top.
    const last = before[before.length - 1];
    for (let i = 0; i < before.length - 1; i++) await button("上へ", last).click();
    await expect.poll(async () => (await names())[0]).toBe(last);
    const chosen = await names();
    expect(chosen.indexOf(first)).toBe(3);

    await page.getByLabel("志望動機").fill("地元の新製品がどのように売られているかを、企業の方から直接聞きたいです。");
    await page.getByRole("checkbox", { name: /氏名・大学・ゼミ・メールアドレスを提供することに同意します/ }).check();
    await page.getByRole("button", { name: "申し込む", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "申し込みました。" }).waitFor();
    await page.getByRole("heading", { name: "順位と志望動機を変更する" }).waitFor();
    expect(rankingOf("student@toyo.example", openProjectId)).toEqual(chosen);
    await expect(names()).resolves.toEqual(chosen);
    await expectAccessible(page);

    await page.goto("/student");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /ものづくり企業の新製品/ }) });
    await expect(card.getByRole("listitem").allTextContents()).resolves.toEqual(chosen);
    await expectAccessible(page);
    await page.context().close();
  });

  it("another student signs up with JavaScript disabled: a duplicate position is refused and the entries are kept", async () => {
    const hosts = acceptedHosts(openProjectId);
    const page = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(page, "s06@toyo.example");
    await page.getByRole("heading", { level: 1, name: "学生ホーム" }).waitFor();
    await page.goto("/student/join");
    await page.getByLabel("参加コード").fill("ＷＲＯＮ－ＧＣＯＤ");
    await page.getByRole("button", { name: "次へ" }).click();
    await expect(page.locator("#join-code-error").textContent()).resolves.toContain("参加コードが正しくありません");
    await expectAccessible(page);
    await page.getByLabel("参加コード").fill("ｍｋｔｇ－２６２７");
    await page.getByRole("button", { name: "次へ" }).click();
    await page.getByRole("heading", { name: "組み合わせの決め方" }).waitFor();
    await expect(page.locator("ol.rank-list").count()).resolves.toBe(0);
    await expectAccessible(page);

    const select = (name: string) => page.getByLabel(`${name}の希望順位`);
    for (const h of hosts) await select(h.name).selectOption({ label: "1位" });
    await page.getByLabel("志望動機").fill("ものづくりの現場で、商品が生まれる過程を学びたいです。");
    await page.getByRole("checkbox", { name: /同意します/ }).check();
    await page.getByRole("button", { name: "申し込む", exact: true }).click();
    await page.getByText(/1〜4位を1社に1つずつ割り当ててください/).waitFor();
    await expect(select(hosts[0].name).inputValue()).resolves.toBe("1");
    await expect(page.getByLabel("志望動機").inputValue()).resolves.toContain("商品が生まれる過程");
    await expectAccessible(page);

    const order = [...hosts].reverse();
    for (const [i, h] of order.entries()) await select(h.name).selectOption({ label: `${i + 1}位` });
    await page.getByRole("checkbox", { name: /同意します/ }).check();
    await page.getByRole("button", { name: "申し込む", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "申し込みました。" }).waitFor();
    expect(rankingOf("s06@toyo.example", openProjectId)).toEqual(order.map((h) => h.name));
    await expect(select(order[0].name).inputValue()).resolves.toBe("1");
    await expectAccessible(page);

    // Withdrawing asks first, without JavaScript too; this student keeps the sign-up.
    await page.getByRole("link", { name: "申込みを取り消す…" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("本当に申込みを取り消しますか");
    await expectAccessible(page);
    await page.getByRole("link", { name: "やめる" }).click();
    await page.getByRole("link", { name: "申込みを取り消す…" }).waitFor();
    await page.context().close();
  });

  it("the professor sees the new sign-ups on the project page and the hosts", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "professor@toyo.example");
    await page.getByRole("heading", { level: 1, name: "教員ホーム" }).waitFor();
    await page.goto(`/professor/projects/${openProjectId}`);
    const signups = page.locator("section", { has: page.locator("#signups-title") });
    await expect(signups.getByText("山田 花子").first().isVisible()).resolves.toBe(true);
    await expect(signups.getByText("中村 陽菜").first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.goto(`/professor/projects/${openProjectId}/hosts`);
    await page.getByRole("heading", { name: "受け入れ企業の状況" }).waitFor();
    await expect(page.getByText("依頼済み・回答待ち").first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });
});
