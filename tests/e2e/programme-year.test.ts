// The programme year, in the browser with JavaScript on, on the fresh demo database, one project from start to end:
// staff add an agreement; the Toyo professor proposes a project under it, staff return it with a comment, the
// professor fixes and resubmits, staff approve; staff invite three firms, one answers by the emailed link without an
// account, two (demo firm users) in the app; staff open the project and twelve students sign up with rankings (two
// through the sign-up form, the other ten inserted with demo-db.ts's addSignup to keep the test fast); staff close
// sign-up, run and publish the pairing; the host without an account gets its host-page link by mail and offers a slot
// without signing in; a student books it; staff see the booking in the interview overview and can act for the host;
// the interview is missed (its slot moved to yesterday with demo-db.ts's moveSlotIntoPast), the host marks it through
// its link and the team books a new slot; staff start the interview period and record the new interview done; the
// event runs with the project on its programme and the door list (the team present, the talk given); staff mark the
// project presented, issue the team's certificates, and the lifecycle job completes the project; one certificate's
// name is corrected by revoking and re-issuing it (the old verify page links to the new); the annual report counts the
// project under its agreement; the host turns its link into an account by invitation. axe on every page visited.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";
import { addSignup, moveSlotIntoPast, openDemoDb, userByEmail, type DemoDb } from "./demo-db";
import { linkIn, mailCursor, waitForMail } from "./mail";

const AGREEMENT = "北区と東洋大学との企業取材ゼミに関する協定（e2e）";
const TITLE = "E2E 一年を通した企業取材企画";
const CONTACT = "e2e-host@host-firm.example";
const EVENT = "E2E 一年の成果報告会";
const TALK = "E2E 区内企業の仕事と販路";
const DAY = 86_400_000;
const tokyoDay = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number) => tokyoDay(new Date(Date.now() + n * DAY));

let browser: Browser;
let db: DemoDb;
let projectId: number;
let hostFirm: string;
let hostPath: string;
/** Host ids by firm name, once the three firms have accepted. */
let hosts: { link: number; first: number; second: number };
let firmNames: { link: string; first: string; second: string };
let eventId: number;
/** The team paired with the host that has no account (four first choices, team size four). */
const TEAM = ["山田 花子", "小林 美咲", "加藤 大輝", "吉田 結衣"];

beforeAll(async () => {
  browser = await launch();
  db = openDemoDb();
  const firmOf = (email: string) =>
    db.prepare("select firm.name from user join firm on firm.id = user.firm_id where user.email = ?").get(email) as {
      name: string;
    };
  // A listed firm nobody has an account for: it will answer the hosting request through the emailed link.
  const linkFirm = db
    .prepare(
      `select name from firm where is_public = 1 and hidden_at is null
       and not exists (select 1 from user where user.firm_id = firm.id) order by id limit 1`,
    )
    .get() as { name: string };
  hostFirm = linkFirm.name;
  firmNames = {
    link: linkFirm.name,
    first: firmOf("firm@monozukuri.example").name,
    second: firmOf("firm2@monozukuri.example").name,
  };
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await expectAccessible(page);
}

/** The mail to `to` whose subject has `subject`, skipping the others (closing sign-up mails the hosts too). */
async function mailAbout(to: string, subject: string, after: number) {
  for (;;) {
    const mail = await waitForMail(to, { after });
    if (mail.subject.includes(subject)) return mail;
    after = mail.id;
  }
}

const toggle = (label: string, subject: string) =>
  new RegExp(`^${label}\\s?（${subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}）$`);

const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text }).waitFor();

/** A new browser context signed in as `email`, on its home page (axe-checked). */
async function signedIn(email: string, home: string) {
  const page = await (await newContext(browser)).newPage();
  await signInThroughForm(page, email);
  await heading(page, home);
  return page;
}

/** A lifecycle button on a project page: the toast says it happened and the state badge shows the new state. */
async function takeStep(page: Page, button: string, toastText: string, state: string) {
  await page.getByRole("button", { name: button }).click();
  await toast(page, toastText);
  await expect(page.locator(".badge", { hasText: state }).isVisible()).resolves.toBe(true);
}

async function invite(staff: Page, firmName: string, contactEmail?: string) {
  await staff.goto(`/staff/projects/${projectId}/hosts`);
  await heading(staff, `受け入れ企業：${TITLE}`);
  await staff.getByLabel("企業名・ふりがな・製品で絞り込む").fill(firmName);
  await staff.getByRole("button", { name: "絞り込む" }).click();
  await staff.waitForURL(/\?q=/);
  const select = staff.getByLabel("企業", { exact: true });
  await select.selectOption(await select.locator("option", { hasText: firmName }).getAttribute("value"));
  if (contactEmail) await staff.getByLabel("担当者のメールアドレス").fill(contactEmail);
  await staff.getByRole("button", { name: "依頼メールを送る" }).click();
  await toast(staff, "依頼メールを送りました。");
  await expect(
    staff
      .getByRole("row", { name: new RegExp(firmName) })
      .getByText("依頼済み・回答待ち")
      .isVisible(),
  ).resolves.toBe(true);
  await expectAccessible(staff);
}

describe("programme year", () => {
  it("staff add the agreement the project will run under", async () => {
    const page = await signedIn("staff@city.kita.example", "職員ホーム");
    await page.getByRole("navigation").getByRole("link", { name: "協定", exact: true }).click();
    await heading(page, "協定");
    await page.getByRole("link", { name: "協定を登録する" }).click();
    await heading(page, "協定の登録");
    await page.getByLabel("協定名（日本語）").fill(AGREEMENT);
    await page.getByLabel("協定名（英語）").fill("Agreement on firm interview seminars (e2e)");
    await page.getByLabel("大学", { exact: true }).selectOption({ label: "東洋大学" });
    await page.getByLabel("協定の種類").selectOption({ label: "共同研究協定" });
    await page.getByLabel("締結日").fill("2026-04-01");
    await page.getByLabel("効力発生日").fill("2026-04-01");
    await page.getByLabel("満了日").fill("2029-03-31");
    await page.getByRole("checkbox", { name: "産業" }).check();
    const contact = page.getByRole("group", { name: "連絡先 1" });
    await contact.getByLabel("氏名").fill("白山 研究");
    await contact.getByLabel("メールアドレス").fill("research@toyo.example");
    await page.getByLabel("区の担当者").selectOption({ label: "北区 太郎" });
    await page.getByRole("button", { name: "登録する" }).click();
    await heading(page, AGREEMENT);
    await toast(page, "協定を登録しました");
    await page.context().close();
  });

  it("the professor proposes a project; staff return it, the professor fixes and resubmits, staff approve", async () => {
    const professor = await signedIn("professor@toyo.example", "教員ホーム");
    await professor.getByRole("navigation").getByRole("link", { name: "自分の企画" }).click();
    await heading(professor, "自分の企画");
    await professor.getByRole("link", { name: "企画を提案する" }).click();
    await heading(professor, "企画の提案");
    await professor.getByLabel("企画名（日本語）").fill(TITLE);
    await professor.getByLabel("企画の概要（日本語）").fill("区内の企業を訪ね、一年をかけて取材と発表を行います。");
    await professor.getByLabel("ゼミ名").fill("マーケティングゼミ");
    await professor.getByRole("radio", { name: new RegExp(AGREEMENT) }).check();
    await professor.getByLabel("取材・調査のテーマ").fill("区内企業の仕事と販路");
    await professor.getByRole("checkbox", { name: "精密機械・計測器" }).check();
    await professor.getByLabel("参加学生数（上限）").fill("12");
    await professor.getByLabel("1チームの人数").fill("4");
    // Sign-up is open now; interviews start after it closes and end before the presentation (the form's rule).
    await professor.getByLabel("申込受付の開始（日本時間）").fill(`${inDays(-1)}T09:00`);
    await professor.getByLabel("申込受付の締切（日本時間）").fill(`${inDays(2)}T17:00`);
    await professor.getByLabel("取材期間の開始日").fill(inDays(3));
    await professor.getByLabel("取材期間の終了日").fill(inDays(60));
    await professor.getByLabel("発表予定日").fill(inDays(70));
    await professor.getByRole("button", { name: "下書きを保存する" }).click();
    await heading(professor, TITLE);
    await toast(professor, "企画を下書きとして保存しました。");
    const projectUrl = professor.url();
    projectId = Number(/\/professor\/projects\/(\d+)/.exec(projectUrl)![1]);
    await takeStep(professor, "審査に提出する", "企画を審査に提出しました。", "審査待ち");
    await expectAccessible(professor);

    const staff = await signedIn("staff@city.kita.example", "職員ホーム");
    await staff.getByRole("navigation").getByRole("link", { name: "企画", exact: true }).click();
    await heading(staff, "企画の審査");
    await staff.getByRole("link", { name: TITLE }).click();
    await heading(staff, TITLE);
    await staff.getByLabel("差し戻しの理由（教員へのコメント）").fill("受け入れ企業の業種をもう一つ挙げてください。");
    await staff.getByRole("button", { name: "差し戻す" }).click();
    await toast(staff, "企画を差し戻しました。");
    await expectAccessible(staff);

    await professor.goto(projectUrl);
    await heading(professor, TITLE);
    await professor.getByText("受け入れ企業の業種をもう一つ挙げてください。").waitFor();
    await professor.getByRole("link", { name: "編集する" }).click();
    await heading(professor, "企画の編集");
    await professor.getByRole("checkbox", { name: "金属製品" }).check();
    await professor.getByRole("button", { name: "保存する" }).click();
    await toast(professor, "企画を保存しました。");
    await professor.getByRole("button", { name: "審査に提出する" }).click();
    await toast(professor, "企画を審査に提出しました。");
    await expectAccessible(professor);

    await staff.reload();
    await heading(staff, TITLE);
    await takeStep(staff, "承認する", "企画を承認しました。", "承認済み");
    await expectAccessible(staff);

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
    await professor.context().close();
    await staff.context().close();
  });

  it("staff invite three firms: one answers by the emailed link without an account, two in the app", async () => {
    const cursor = await mailCursor();
    const staff = await signedIn("staff@city.kita.example", "職員ホーム");
    await invite(staff, firmNames.link, CONTACT);
    await invite(staff, firmNames.first);
    await invite(staff, firmNames.second);

    const contact = await (await newContext(browser)).newPage();
    await contact.goto(linkIn(await mailAbout(CONTACT, "受け入れのお願い", cursor), "/host-response/"));
    await heading(contact, TITLE);
    await expect(contact.getByText(`${firmNames.link} 様へのご依頼`).isVisible()).resolves.toBe(true);
    await contact.getByLabel("受け入れ可能な学生の人数").fill("4");
    await contact.getByRole("button", { name: "受け入れる" }).click();
    await heading(contact, "ご回答ありがとうございました");
    await contact.context().close();

    for (const email of ["firm@monozukuri.example", "firm2@monozukuri.example"]) {
      const firm = await signedIn(email, "企業ホーム");
      await firm.getByRole("navigation").getByRole("link", { name: "取材受け入れの依頼" }).click();
      await heading(firm, "取材受け入れの依頼");
      await firm.getByRole("link", { name: TITLE }).click();
      await heading(firm, TITLE);
      await firm.getByLabel("受け入れ可能な学生の人数").fill("4");
      await firm.getByRole("button", { name: "受け入れる" }).click();
      await toast(firm, "受け入れのご承諾を送りました");
      await expectAccessible(firm);
      await firm.context().close();
    }

    await staff.goto(`/staff/projects/${projectId}/hosts`);
    await heading(staff, `受け入れ企業：${TITLE}`);
    for (const name of Object.values(firmNames)) {
      const row = staff.getByRole("row", { name: new RegExp(name) });
      await expect(row.getByText("受け入れ承諾").isVisible()).resolves.toBe(true);
      await expect(row.getByText("4人").isVisible()).resolves.toBe(true);
    }
    await expect(
      staff
        .getByRole("row", { name: new RegExp(firmNames.link) })
        .getByText("メールのリンクから回答", { exact: false })
        .isVisible(),
    ).resolves.toBe(true);
    await staff.context().close();

    const ids = db
      .prepare(
        `select project_host.id, firm.name from project_host join firm on firm.id = project_host.firm_id
         where project_id = ? and status = 'accepted'`,
      )
      .all(projectId) as Array<{ id: number; name: string }>;
    const idOf = (name: string) => ids.find((h) => h.name === name)!.id;
    hosts = { link: idOf(firmNames.link), first: idOf(firmNames.first), second: idOf(firmNames.second) };
  });

  it("staff open the project; twelve students sign up with rankings, two through the form", async () => {
    const staff = await signedIn("staff@city.kita.example", "職員ホーム");
    await staff.goto(`/staff/projects/${projectId}`);
    await heading(staff, TITLE);
    await takeStep(staff, "募集を開始する", "募集を開始しました。", "募集中");
    await expectAccessible(staff);
    await staff.context().close();
    const { join_code: joinCode } = db.prepare("select join_code from project where id = ?").get(projectId) as {
      join_code: string;
    };

    // Through the form: each student moves their first choice to the top of the list.
    for (const [email, top] of [
      ["student@toyo.example", firmNames.link],
      ["s01@toyo.example", firmNames.first],
    ] as const) {
      const page = await signedIn(email, "学生ホーム");
      await page.getByRole("link", { name: "参加コードで企画に申し込む" }).click();
      await heading(page, "企画に参加する");
      await page.getByLabel("参加コード").fill(joinCode);
      await page.getByRole("button", { name: "次へ" }).click();
      await page.getByRole("heading", { name: "組み合わせの決め方" }).waitFor();
      const list = page.locator("ol.rank-list");
      await list.waitFor(); // the enhanced list replaces the selects after hydration
      await expectAccessible(page);
      const names = async () => list.locator(".rank-list__firm > a").allTextContents();
      for (let i = (await names()).indexOf(top); i > 0; i--)
        await page.getByRole("button", { name: new RegExp(`^上へ\\s*（${top}）$`) }).click();
      await expect.poll(async () => (await names())[0]).toBe(top);
      await page.getByLabel("志望動機").fill("区内の企業の仕事を、現場の方から直接聞きたいです。");
      await page.getByRole("checkbox", { name: /氏名・大学・ゼミ・メールアドレスを提供することに同意します/ }).check();
      await page.getByRole("button", { name: "申し込む", exact: true }).click();
      await toast(page, "申し込みました。");
      await expectAccessible(page);
      await page.context().close();
    }

    // The other ten, four first choices per host in all, so that the pairing is the same on every run.
    const rest: Array<[string, keyof typeof hosts]> = [
      ["s02@toyo.example", "link"],
      ["s03@toyo.example", "link"],
      ["s04@toyo.example", "link"],
      ["s05@toyo.example", "first"],
      ["s07@teikyo.example", "first"],
      ["s08@teikyo.example", "first"],
      ["s06@toyo.example", "second"],
      ["s09@teikyo.example", "second"],
      ["s10@tokyo-kasei.example", "second"],
      ["s11@tokyo-kasei.example", "second"],
    ];
    for (const [email, first] of rest) {
      const others = (["link", "first", "second"] as const).filter((k) => k !== first);
      addSignup(db, {
        projectId,
        studentId: userByEmail(db, email).id,
        motivation: "e2e",
        ranking: [hosts[first], ...others.map((k) => hosts[k])],
      });
    }

    const professor = await signedIn("professor@toyo.example", "教員ホーム");
    await professor.goto(`/professor/projects/${projectId}`);
    await heading(professor, TITLE);
    const signups = professor.locator("section", { has: professor.locator("#signups-title") });
    await expect(signups.getByText("山田 花子").first().isVisible()).resolves.toBe(true);
    await expectAccessible(professor);
    await professor.context().close();
  });

  it("staff publish the pairing; the host gets its link by mail and offers a slot without signing in", async () => {
    const cursor = await mailCursor();
    const staff = await signedIn("staff@city.kita.example", "職員ホーム");
    await staff.goto(`/staff/projects/${projectId}/pairing`);
    await heading(staff, `学生と企業の組み合わせ：${TITLE}`);
    await staff.getByRole("button", { name: "募集を締め切る" }).click();
    await toast(staff, "募集を締め切りました。");
    await staff.getByRole("button", { name: "組み合わせを作る" }).click();
    await heading(staff, new RegExp(`^組み合わせ #\\d+：${TITLE}$`));
    await staff.getByRole("button", { name: "この組み合わせを公開する" }).click();
    await toast(staff, "組み合わせを公開し、お知らせのメールを送りました。");
    await expectAccessible(staff);
    await staff.context().close();

    const mail = await mailAbout(CONTACT, "取材に伺う学生が決まりました", cursor);
    expect(mail.text).toContain("山田 花子");
    hostPath = linkIn(mail, "/host/");

    const host = await (await newContext(browser)).newPage();
    await host.goto(hostPath);
    await heading(host, `取材の受け入れ：${TITLE}`);
    await expect(
      host.getByText(`${hostFirm} ご担当者様専用のページです。`, { exact: false }).isVisible(),
    ).resolves.toBe(true);
    const students = host.getByRole("table").first();
    await expect(students.getByRole("rowheader", { name: "山田 花子" }).isVisible()).resolves.toBe(true);
    await expect(host.getByText("まだ枠を提示していません。", { exact: false }).isVisible()).resolves.toBe(true);

    const day = tokyoDay(new Date(Date.now() + 4 * DAY));
    await host.getByLabel("開始日時").fill(`${day}T14:00`);
    await host.getByLabel("終了日時").fill(`${day}T15:00`);
    await host.getByRole("button", { name: "枠を追加する" }).click();
    await host.getByText("場所かオンライン会議のURLのどちらかを入力してください。").waitFor();
    await expectAccessible(host);
    await host.getByLabel("場所（任意）").fill("北区 工場 応接室");
    await host.getByRole("button", { name: "枠を追加する" }).click();
    await toast(host, "枠を追加しました。");
    const row = host.getByRole("row", { name: /北区 工場 応接室/ });
    await expect(row.getByText("空き").isVisible()).resolves.toBe(true);
    await expectAccessible(host);
    await host.context().close();
  });

  it("a student books the host's slot; staff see it in the interview overview and on the host's page", async () => {
    const student = await signedIn("student@toyo.example", "学生ホーム");
    await student.goto("/student/interviews");
    await heading(student, "取材日程");
    const team = student.getByRole("region", { name: /取材先：/ }).filter({ hasText: TITLE });
    await team.getByRole("button", { name: "この枠を予約する" }).click();
    await toast(student, "予約しました。");
    await expect(team.getByText("北区 工場 応接室").first().isVisible()).resolves.toBe(true);
    await expectAccessible(student);
    await student.context().close();

    const staff = await signedIn("staff@city.kita.example", "職員ホーム");
    await staff.goto("/staff/interviews");
    await heading(staff, "取材の一覧（すべての企画）");
    await staff.getByLabel("企画").selectOption({ label: TITLE });
    await staff.getByRole("button", { name: "絞り込む" }).click();
    await staff.waitForURL(/project=\d+/);
    const booking = staff.getByRole("row").filter({ hasText: hostFirm });
    await booking.waitFor();
    await expect(booking.getByText("予約済み").isVisible()).resolves.toBe(true);
    await expect(booking.getByText("山田 花子", { exact: false }).isVisible()).resolves.toBe(true);
    await expectAccessible(staff);

    await staff.goto(`/staff/projects/${projectId}/interviews`);
    await staff.getByRole("heading", { level: 1 }).waitFor();
    await staff.getByRole("navigation", { name: "企業に代わって操作" }).getByRole("link", { name: hostFirm }).click();
    await heading(staff, `${hostFirm} の取材（企業に代わって操作）`);
    await expect(
      staff
        .getByRole("row", { name: /北区 工場 応接室/ })
        .getByText("予約済み")
        .isVisible(),
    ).resolves.toBe(true);
    await staff.context().close();
  });

  it("the interview is missed: the host marks it through its link and the team books a new slot", async () => {
    // The booked interview has to have ended before an outcome can be recorded: move it to yesterday.
    const { id: slotId } = db
      .prepare("select id from interview_slot where host_id = ? and place = ?")
      .get(hosts.link, "北区 工場 応接室") as { id: number };
    moveSlotIntoPast(db, slotId, 24);

    const host = await (await newContext(browser)).newPage();
    await host.goto(hostPath);
    await heading(host, `取材の受け入れ：${TITLE}`);
    await host
      .getByRole("row", { name: /北区 工場 応接室/ })
      .getByRole("button", { name: "不実施にする" })
      .click();
    await toast(host, "不実施として記録しました。");
    await expect(
      host
        .getByRole("row", { name: /北区 工場 応接室/ })
        .getByText("不実施", { exact: true })
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(host);
    const day = inDays(5);
    await host.getByLabel("開始日時").fill(`${day}T10:00`);
    await host.getByLabel("終了日時").fill(`${day}T11:00`);
    await host.getByLabel("場所（任意）").fill("北区 工場 会議室");
    await host.getByRole("button", { name: "枠を追加する" }).click();
    await toast(host, "枠を追加しました。");
    await expectAccessible(host);

    const student = await signedIn("student@toyo.example", "学生ホーム");
    await student.goto("/student/interviews");
    await heading(student, "取材日程");
    const team = student.getByRole("region", { name: /取材先：/ }).filter({ hasText: TITLE });
    await expect(team.getByText("この取材は不実施として記録されました。", { exact: false }).isVisible()).resolves.toBe(
      true,
    );
    await team
      .getByRole("row", { name: /北区 工場 会議室/ })
      .getByRole("button", { name: "この枠を予約する" })
      .click();
    await toast(student, "予約しました。");
    await expect(team.getByText("北区 工場 会議室").first().isVisible()).resolves.toBe(true);
    await expect(team.getByText("この取材は不実施として記録されました。", { exact: false }).count()).resolves.toBe(0);
    await expectAccessible(student);
    await student.context().close();

    await host.reload();
    await heading(host, `取材の受け入れ：${TITLE}`);
    await expect(
      host
        .getByRole("row", { name: /北区 工場 会議室/ })
        .getByText("予約済み")
        .isVisible(),
    ).resolves.toBe(true);
    await host.context().close();
  });

  it("staff start the interview period; the rebooked interview takes place and staff record it done", async () => {
    const staff = await signedIn("staff@city.kita.example", "職員ホーム");
    await staff.goto(`/staff/projects/${projectId}`);
    await heading(staff, TITLE);
    await takeStep(staff, "取材期間を始める", "取材期間を始めました。", "取材期間");
    await expectAccessible(staff);

    const { id: slotId } = db
      .prepare("select id from interview_slot where host_id = ? and place = ?")
      .get(hosts.link, "北区 工場 会議室") as { id: number };
    moveSlotIntoPast(db, slotId, 3);
    await staff.goto(`/staff/interviews?project=${projectId}`);
    await heading(staff, "取材の一覧（すべての企画）");
    // The host's two bookings: the missed one and the new one (the overview shows time, project, firm, team, state).
    const rows = staff.getByRole("row").filter({ hasText: hostFirm });
    const state = (name: string) => staff.getByRole("cell", { name, exact: true });
    await expect(rows.filter({ has: state("不実施") }).count()).resolves.toBe(1);
    await rows
      .filter({ has: state("予約済み") })
      .getByRole("button", { name: "実施済みにする" })
      .click();
    await toast(staff, "実施済みとして記録しました。");
    await expect(
      rows
        .filter({ has: state("実施済み") })
        .getByText("山田 花子", { exact: false })
        .count(),
    ).resolves.toBe(1);
    await expectAccessible(staff);
    await staff.context().close();
  });

  it("the event runs: the project is on its programme, the team is marked present and the talk given", async () => {
    const page = await signedIn("staff@city.kita.example", "職員ホーム");
    await page.goto("/staff/events");
    await heading(page, "発表会");
    await page.getByRole("link", { name: "発表会を登録する" }).click();
    await heading(page, "発表会の登録");
    await page.getByLabel("名称（日本語）").fill(EVENT);
    await page.getByLabel("名称（英語）").fill("E2E programme year results day");
    await page.getByLabel("開始日時").fill(`${inDays(70)}T13:00`);
    await page.getByLabel("終了日時").fill(`${inDays(70)}T16:00`);
    await page.getByLabel("会場（日本語）").fill("北とぴあ");
    await page.getByLabel("会場（英語）").fill("Hokutopia");
    await page.getByRole("button", { name: "登録する" }).click();
    await toast(page, "発表会を登録しました。");
    await heading(page, EVENT);
    eventId = Number(new URL(page.url()).pathname.split("/").pop());
    await page.getByLabel("発表するチーム").selectOption(`${projectId}:seminar`);
    await page.getByLabel("研究タイトル（日本語）").fill(TALK);
    await page.getByRole("button", { name: "プログラムに追加する" }).click();
    await toast(page, "発表をプログラムに追加しました。");
    await expect(
      page
        .getByRole("row", { name: new RegExp(TALK) })
        .getByText("山田 花子")
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page);

    // At the door, with JavaScript: each toggle posts through a fetcher (no reload, no toast, focus stays put), so
    // what the user sees is the button's pressed state and the row's text.
    await page.goto(`/staff/events/${eventId}/attendance`);
    await heading(page, `受付・出席確認：${EVENT}`);
    for (const name of TEAM) {
      const present = page.getByRole("button", { name: toggle("出席", name) });
      await present.click();
      await expect.poll(() => present.getAttribute("aria-pressed")).toBe("true");
      await page
        .locator(`li:has-text("${name}")`)
        .getByText(/^出席（\d\d:\d\d）$/)
        .waitFor();
    }
    const given = page.getByRole("button", { name: toggle("発表済み", `1. ${TALK}`) });
    await given.click();
    await expect.poll(() => given.getAttribute("aria-pressed")).toBe("true");
    await page.locator(".door-group").getByText("発表済み", { exact: true }).waitFor();
    await expect(page.getByRole("definition").filter({ hasText: "4 / 12" }).count()).resolves.toBe(1);
    await expectAccessible(page);

    // The event is weeks away in this test: staff mark the project presented by hand (the job would once it ends).
    await page.goto(`/staff/projects/${projectId}`);
    await heading(page, TITLE);
    await takeStep(page, "発表済みにする", "発表済みにしました。", "発表済み");
    await page.context().close();
  });

  it("certificates are issued to the team; the project completes by itself", async () => {
    const cursor = await mailCursor();
    const page = await signedIn("staff@city.kita.example", "職員ホーム");
    await page.goto(`/staff/events/${eventId}/certificates`);
    await heading(page, `参加証明書：${EVENT}`);
    const candidates = page.locator("section", { has: page.locator("#candidates-title") });
    for (const name of TEAM)
      await expect(
        candidates
          .getByRole("row", { name: new RegExp(name) })
          .getByRole("cell", { name: "発行できます" })
          .isVisible(),
      ).resolves.toBe(true);
    // s01 went to another host, whose interviews were never held, and was not at the door.
    await expect(
      candidates
        .getByRole("row", { name: /伊藤 翔太/ })
        .getByRole("cell", { name: "出席の記録なし / 取材が未実施" })
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByRole("button", { name: "対象者全員に発行する（4名）" }).click();
    await toast(page, "4件の証明書を発行しました。");
    await expect(page.getByText("新たに発行できる学生はいません。").isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    const mail = await mailAbout("student@toyo.example", "参加証明書が発行されました", cursor);
    expect(mail.text).toContain(TITLE);

    // presented → completed is the lifecycle job's step once a valid certificate exists (it runs every minute).
    const visitor = await (await newContext(browser)).newPage();
    await expect
      .poll(
        async () => {
          await visitor.goto(`/projects/${projectId}`);
          return visitor.locator(".badge").first().textContent();
        },
        { timeout: 90_000, interval: 5_000 },
      )
      .toBe("完了");
    await heading(visitor, TITLE);
    await expect(visitor.getByText("この企画は完了しました。").isVisible()).resolves.toBe(true);
    await visitor.context().close();

    await page.goto(`/staff/projects/${projectId}`);
    await heading(page, TITLE);
    const history = page.getByRole("region", { name: "審査と状態の履歴" });
    await history.getByRole("heading", { name: "完了（発表済み → 完了）" }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  }, 240_000); // the lifecycle job runs once a minute

  it("a certificate with a misspelt name is revoked and re-issued; the old one points to the new", async () => {
    const cursor = await mailCursor();
    const page = await signedIn("staff@city.kita.example", "職員ホーム");
    await page.goto(`/staff/events/${eventId}/certificates`);
    await heading(page, `参加証明書：${EVENT}`);
    await page
      .locator("section", { has: page.locator("#issued-title") })
      .getByRole("row", { name: /吉田 結衣/ })
      .getByRole("link")
      .click();
    await heading(page, /^証明書 [0-9A-Z]{32}$/);
    const oldId = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByLabel("取消理由").fill("氏名の表記誤り（戸籍上は「𠮷田」）");
    await page.getByRole("button", { name: "取り消す" }).click();
    await toast(page, "証明書を取り消しました。");
    await expect(page.getByText("この証明書は取り消し済みです。").isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByLabel("証明書に記載する氏名").fill("𠮷田 結衣");
    await page.getByRole("button", { name: "訂正した証明書を発行する" }).click();
    await toast(page, "訂正した証明書を発行し、学生にメールで知らせました。");
    await page.waitForURL((url) => !url.pathname.endsWith(oldId));
    await heading(page, /^証明書 [0-9A-Z]{32}$/);
    const newId = new URL(page.url()).pathname.split("/").pop()!;
    expect(newId).not.toBe(oldId);
    await expect(page.getByText("この証明書は、取り消した次の証明書に代わるものです：").isVisible()).resolves.toBe(
      true,
    );
    await expectAccessible(page);
    const mail = await mailAbout("s04@toyo.example", "参加証明書", cursor);
    expect(mail.text).toContain(newId);
    await page.context().close();

    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(`/verify/${oldId}`);
    await heading(visitor, "参加証明書の検証");
    const notice = visitor.getByRole("status").filter({ hasText: "取り消し済み。次の証明書に置き換えられました：" });
    await notice.getByRole("link", { name: newId }).click();
    await visitor.waitForURL(new RegExp(`/verify/${newId}$`));
    await heading(visitor, "参加証明書の検証");
    await expect(visitor.getByTestId("signature").textContent()).resolves.toContain("署名は有効です");
    await expect(visitor.getByText("𠮷田 結衣").first().isVisible()).resolves.toBe(true);
    await expectAccessible(visitor);
    const pdf = await visitor.request.get(`/verify/${newId}/certificate.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await visitor.context().close();
  });

  it("the completed project is counted in the annual report under its agreement", async () => {
    const { fiscal_year: year } = db.prepare("select fiscal_year from project where id = ?").get(projectId) as {
      fiscal_year: number;
    };
    const page = await signedIn("staff@city.kita.example", "職員ホーム");
    await page.goto(`/staff/reports/${year}`);
    await heading(page, `${year}年度 年次報告`);
    const header = page.getByRole("rowheader", { name: `${AGREEMENT} (産業)`, exact: true });
    const cells = await page
      .getByRole("table", { name: `${year}年度の協定別の実績（括弧内は協定の連携分野）` })
      .getByRole("row")
      .filter({ has: header })
      .getByRole("cell")
      .allInnerTexts();
    // projects, students, firms, interviews done, presentations, valid certificates (three + the corrected one).
    expect(cells).toEqual(["1", "12", "3", "1", "1", "4"]);
    await expectAccessible(page);
    await page.context().close();
  });

  it("the host turns its link into an account by invitation", async () => {
    const cursor = await mailCursor();
    const host = await (await newContext(browser)).newPage();
    await host.goto(hostPath);
    await heading(host, `取材の受け入れ：${TITLE}`);
    await expect(host.getByText(CONTACT, { exact: false }).isVisible()).resolves.toBe(true);
    await host.getByLabel("お名前（ご担当者）").fill("受入 太郎");
    await host.getByRole("button", { name: "招待メールを送る" }).click();
    await toast(host, "招待メールを送りました。");
    await expectAccessible(host);
    const invitation = await mailAbout(CONTACT, "招待", cursor);
    expect(linkIn(invitation, "/invitations/")).toMatch(/^\/invitations\/[A-Za-z0-9_-]+$/);
    await host.context().close();
  });
});
