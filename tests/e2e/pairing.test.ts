// Pairing in the browser, on a project of this test's own (a copy of the seeded FY2026 project, so the seeded one
// stays open for the sign-up tests): four hosts with 2 places, the demo student and six others signed up. The firm
// ranks the applicants without JavaScript (no names shown); staff close sign-up, create a run, move a student out
// (a reason is required), publish, and place that student after publication; the student reads their firm and why;
// the firm sees its students; the professor sees all. axe on every page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";
import {
  addAcceptedHost,
  addSignup,
  cloneDemoProject,
  openDemoDb,
  projectIdByJoinCode,
  userByEmail,
  type DemoDb,
} from "./demo-db";

const TITLE = "E2E 組み合わせ確認用企画";
const STUDENTS = [
  "student@toyo.example",
  "s01@toyo.example",
  "s02@toyo.example",
  "s03@toyo.example",
  "s04@toyo.example",
  "s05@toyo.example",
  "s06@toyo.example",
];

let browser: Browser;
let db: DemoDb;
let projectId: number;
let firmName: string;

beforeAll(async () => {
  browser = await launch();
  db = openDemoDb();
  projectId = cloneDemoProject(db, { title_ja: TITLE, state: "open", join_code: "E2EP-2627" });
  const firms = db
    .prepare("select firm_id from project_host where project_id = ? and status = 'accepted' order by id")
    .all(projectIdByJoinCode(db, "MKTG-2627")) as Array<{ firm_id: number }>;
  const hostIds = firms.map((f) => addAcceptedHost(db, projectId, f.firm_id, 2));
  firmName = (
    db
      .prepare(
        "select firm.name from firm join user on user.firm_id = firm.id where user.email = 'firm@monozukuri.example'",
      )
      .get() as { name: string }
  ).name;
  // Everyone wants the demo firm's host most; the demo student signs up first (so is "応募者 A" to the firm).
  STUDENTS.forEach((email, i) => {
    const rest = hostIds.slice(1);
    addSignup(db, {
      projectId,
      studentId: userByEmail(db, email).id,
      motivation: `北区の企業を取材したい（${i + 1}）`,
      ranking: [hostIds[0], ...(i % 2 ? rest.reverse() : rest)],
    });
  });
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

async function toast(page: Page, text: string) {
  await page.getByRole("status").filter({ hasText: text }).waitFor();
}

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await expectAccessible(page);
}

describe("pairing", () => {
  it("the firm ranks the applicants (pseudonymous, without JavaScript)", async () => {
    const page = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(page, "firm@monozukuri.example");
    await page.goto("/firm/projects");
    await heading(page, "受け入れている企画");
    await page
      .getByRole("listitem")
      .filter({ hasText: TITLE })
      .getByRole("link", { name: "応募者に順位をつける（任意）" })
      .click();
    await heading(page, `応募者の順位：${TITLE}`);
    await expect(page.locator("main").textContent()).resolves.not.toMatch(/山田|伊藤|@toyo\.example|東洋大学/);
    await page.getByLabel("応募者 Aの順位").selectOption("1");
    await page.getByLabel("応募者 Bの順位").selectOption("1");
    await page.getByRole("button", { name: "順位を保存する" }).click();
    // Two applicants at 1st: refused, next to the select.
    await page.getByText("1位がほかの応募者と重なっています。").first().waitFor();
    await expectAccessible(page);
    await page.getByLabel("応募者 Bの順位").selectOption("");
    await page.getByRole("button", { name: "順位を保存する" }).click();
    await toast(page, "順位を保存しました。");
    await expect(page.getByText("現在：貴社の順位を使います（1人に順位づけ）。").isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it("staff close sign-up, create a run, and publish it", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "staff@city.kita.example");
    await page.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await page.goto(`/staff/projects/${projectId}/pairing`);
    await heading(page, `学生と企業の組み合わせ：${TITLE}`);
    await page.getByRole("button", { name: "募集を締め切る" }).click();
    await toast(page, "募集を締め切りました。");
    await expectAccessible(page);
    await page.getByRole("button", { name: "組み合わせを作る" }).click();
    await heading(page, new RegExp(`^組み合わせ #\\d+：${TITLE}$`));
    const runPath = new URL(page.url()).pathname;

    const demo = page.getByRole("row", { name: /山田 花子/ });
    await expect(demo.getByRole("cell", { name: firmName, exact: true }).isVisible()).resolves.toBe(true);
    await expect(demo.getByRole("cell", { name: "第1希望", exact: true }).isVisible()).resolves.toBe(true);
    const hostsTable = page.getByRole("table").first();
    await expect(
      hostsTable.getByRole("row").filter({ hasText: firmName }).getByText("企業がつけた順位").isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole("link", { name: "入力（instance.json）" }).getAttribute("href")).resolves.toBe(
      `${runPath}/instance.json`,
    );

    // A move without a reason is refused next to the field.
    const who = page.getByLabel("移す学生");
    await who.selectOption(await who.locator("option", { hasText: "伊藤 翔太" }).getAttribute("value"));
    await page.getByLabel("移動先").selectOption({ label: "取材先なし（未定にする）" });
    await page.getByRole("button", { name: "移す", exact: true }).click();
    await page.locator('textarea[name="reason"][aria-invalid="true"]').waitFor();
    await expectAccessible(page);
    await page.getByLabel("理由").fill("本人の都合により");
    await page.getByRole("button", { name: "移す", exact: true }).click();
    await toast(page, "学生を移しました。");
    const moves = page.getByRole("region", { name: "手動の変更" });
    await expect(moves.getByRole("heading", { name: "伊藤 翔太 → 未定" }).isVisible()).resolves.toBe(true);
    await expect(moves.getByText("理由：本人の都合により").isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByRole("button", { name: "この組み合わせを公開する" }).click();
    await toast(page, "組み合わせを公開し、お知らせのメールを送りました。");
    await expect(
      page
        .getByText("この組み合わせは公開済みです。取材先が決まっていない学生を配置するほかは変更できません。")
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "この組み合わせを公開する" }).count()).resolves.toBe(0);
    await expectAccessible(page);

    // After publication the student left without a firm can still be placed by hand, and is told.
    await page.getByRole("heading", { name: "取材先が決まっていない学生を配置する" }).waitFor();
    await page.getByLabel("移す学生").selectOption({ index: 1 });
    await page.getByLabel("移動先").selectOption({ index: 1 });
    await page.getByLabel("理由").fill("教員と相談のうえ配置");
    await page.getByRole("button", { name: "移す", exact: true }).click();
    await toast(page, "学生を配置し、学生と企業にお知らせのメールを送りました。");
    await expect(page.getByRole("heading", { name: "取材先が決まっていない学生を配置する" }).count()).resolves.toBe(0);
    await expectAccessible(page);
    const placed = db.prepare("select to_address from outbox_message where kind = 'pairing.placed'").all() as Array<{
      to_address: string;
    }>;
    expect(placed.map((m) => m.to_address)).toContain("s01@toyo.example");
    const mails = db.prepare("select to_address from outbox_message where kind = 'pairing.published'").all() as Array<{
      to_address: string;
    }>;
    expect(mails.map((m) => m.to_address)).toEqual(
      expect.arrayContaining([...STUDENTS, "firm@monozukuri.example", "professor@toyo.example"]),
    );
    await page.context().close();
  });

  it("the student sees their firm and why", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "student@toyo.example");
    await page.getByRole("heading", { level: 1, name: "学生ホーム" }).waitFor();
    await page.goto(`/student/projects/${projectId}/pairing`);
    await heading(page, `取材先：${TITLE}`);
    await expect(page.getByRole("region", { name: "あなたの取材先" }).getByText(firmName).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText("第1希望の企業に決まりました。").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: "同じ企業を取材するメンバー" }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it("the firm sees the students placed with it; the professor sees everything", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "firm@monozukuri.example");
    await page.getByRole("heading", { level: 1, name: "企業ホーム" }).waitFor();
    await page.goto("/firm/projects");
    await heading(page, "受け入れている企画");
    await page.getByRole("listitem").filter({ hasText: TITLE }).getByRole("link", { name: "取材に来る学生" }).click();
    await heading(page, `取材に来る学生：${TITLE}`);
    const row = page.getByRole("row", { name: /山田 花子/ });
    await expect(row.getByRole("link", { name: "student@toyo.example" }).isVisible()).resolves.toBe(true);
    await expect(row.getByRole("cell", { name: "マーケティングゼミ" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("row").count()).resolves.toBe(3); // the header and the 2 places
    await page.context().close();

    const professor = await (await newContext(browser)).newPage();
    await signInThroughForm(professor, "professor@toyo.example");
    await professor.getByRole("heading", { level: 1, name: "教員ホーム" }).waitFor();
    await professor.goto(`/professor/projects/${projectId}/pairing`);
    await heading(professor, `学生と企業の組み合わせ：${TITLE}`);
    await expect(professor.getByRole("table").nth(1).getByRole("row").count()).resolves.toBe(STUDENTS.length + 1);
    await professor.context().close();
  });
});
