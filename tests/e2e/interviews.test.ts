// Interviews in the browser, on the demo seed: a project of this test's own with a PUBLISHED pairing that puts the
// demo student in the team of firm@monozukuri.example's firm. The firm adds a slot; the student books it (with
// JavaScript) and downloads the .ics; the firm and the professor see the booking. axe on every page visited.
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";
import {
  addAcceptedHost,
  addSignup,
  cloneDemoProject,
  insertRow,
  openDemoDb,
  userByEmail,
  type DemoDb,
} from "./demo-db";

const PROJECT = "E2E 取材日程の確認用企画";
const DAY = 86_400_000;
const tokyoDay = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

let browser: Browser;
let db: DemoDb;
let projectId: number;
let hostId: number;

beforeAll(async () => {
  browser = await launch();
  db = openDemoDb();
  projectId = cloneDemoProject(db, {
    title_ja: PROJECT,
    state: "paired",
    join_code: "E2EI-2627",
    interview_from: tokyoDay(new Date(Date.now() - DAY)),
    interview_until: tokyoDay(new Date(Date.now() + 60 * DAY)),
  });
  const firm = userByEmail(db, "firm@monozukuri.example");
  const staff = userByEmail(db, "staff@city.kita.example");
  hostId = addAcceptedHost(db, projectId, firm.firm_id!, 2);
  const result: Record<string, string> = {};
  for (const email of ["student@toyo.example", "s06@toyo.example"]) {
    const signupId = addSignup(db, { projectId, studentId: userByEmail(db, email).id, motivation: "e2e" });
    result[String(signupId)] = String(hostId);
  }
  const t = new Date().toISOString();
  insertRow(db, "pairing_run", {
    project_id: projectId,
    seed: "00",
    instance: "{}",
    result: JSON.stringify(result),
    created_by: staff.id,
    created_at: t,
    published_at: t,
    published_by: staff.id,
  });
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

describe("interviews", () => {
  it("the firm offers a slot, the student books it and downloads the .ics, the firm and the professor see it", async () => {
    const day = tokyoDay(new Date(Date.now() + 3 * DAY));
    const firm = await (await newContext(browser)).newPage();
    await signInThroughForm(firm, "firm@monozukuri.example");
    await firm.getByRole("heading", { level: 1, name: "企業ホーム" }).waitFor();
    await firm.goto("/firm/interviews");
    await firm.getByRole("heading", { level: 1, name: "取材日程" }).waitFor();
    await expectAccessible(firm);
    await firm.getByRole("link", { name: PROJECT }).click();
    await firm.getByRole("heading", { level: 1, name: `取材日程：${PROJECT}` }).waitFor();
    await expect(firm.getByText("山田 花子").isVisible()).resolves.toBe(true);
    await expectAccessible(firm);

    // Without place or link the form says so next to the field.
    await firm.getByLabel("開始日時").fill(`${day}T10:00`);
    await firm.getByLabel("終了日時").fill(`${day}T11:30`);
    await firm.getByRole("button", { name: "枠を追加する" }).click();
    await firm.getByText("場所かオンライン会議のURLのどちらかを入力してください。").waitFor();
    await expectAccessible(firm);
    await firm.getByLabel("場所（任意）").fill("本社 2階 会議室");
    await firm.getByRole("button", { name: "枠を追加する" }).click();
    await firm.getByRole("status").filter({ hasText: "枠を追加しました。" }).waitFor();
    const row = firm.getByRole("row", { name: /本社 2階 会議室/ });
    await expect(row.getByText("空き").isVisible()).resolves.toBe(true);
    await expect(row.getByRole("rowheader").textContent()).resolves.toMatch(/10:00–11:30$/);
    await expectAccessible(firm);

    const student = await (await newContext(browser)).newPage();
    await signInThroughForm(student, "student@toyo.example");
    await student.getByRole("heading", { level: 1, name: "学生ホーム" }).waitFor();
    await student.goto("/student/interviews");
    await student.getByRole("heading", { level: 1, name: "取材日程" }).waitFor();
    await expectAccessible(student);
    const team = student.getByRole("region", { name: /取材先：/ }).filter({ hasText: PROJECT });
    await expect(team.getByText("まだ予約していません。").isVisible()).resolves.toBe(true);
    await team.getByRole("button", { name: "この枠を予約する" }).click();
    await student.getByRole("status").filter({ hasText: "予約しました。" }).waitFor();
    await expect(team.getByText("本社 2階 会議室").first().isVisible()).resolves.toBe(true);
    await expect(team.getByRole("button", { name: "予約を取り消す" }).isVisible()).resolves.toBe(true);
    await expectAccessible(student);

    const [download] = await Promise.all([
      student.waitForEvent("download"),
      team.getByRole("link", { name: "カレンダー用ファイル（.ics）" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^interview-\d+\.ics$/);
    const ics = fs.readFileSync((await download.path())!, "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toMatch(/UID:interview-\d+@kita-collab/);
    expect(unfolded).toContain(`DTSTART:${day.replace(/-/g, "")}T010000Z`);
    expect(unfolded).toContain("LOCATION:本社 2階 会議室");
    await student.context().close();

    await firm.reload();
    const booked = firm.getByRole("row", { name: /本社 2階 会議室/ });
    await expect(booked.getByText("予約済み").isVisible()).resolves.toBe(true);
    await expect(booked.getByText("（山田 花子さんが予約）").isVisible()).resolves.toBe(true);
    await expectAccessible(firm);
    await firm.context().close();

    const professor = await (await newContext(browser)).newPage();
    await signInThroughForm(professor, "professor@toyo.example");
    await professor.getByRole("heading", { level: 1, name: "教員ホーム" }).waitFor();
    await professor.goto(`/professor/projects/${projectId}/interviews`);
    await professor.getByRole("heading", { level: 1, name: `取材日程：${PROJECT}` }).waitFor();
    await expect(
      professor
        .getByRole("row", { name: /山田 花子/ })
        .getByText("予約済み")
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(professor);
    await professor.context().close();
  });

  it("a user creates a private calendar feed URL that serves the interviews, and can reset it (without JavaScript)", async () => {
    const page = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(page, "s06@toyo.example");
    await page.getByRole("heading", { level: 1, name: "学生ホーム" }).waitFor();
    await page.goto("/account");
    await page.getByRole("link", { name: "取材日程をカレンダーアプリで購読する" }).click();
    await page.getByRole("heading", { level: 1, name: "カレンダーの購読" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "購読用のURLを作成する" }).click();
    const url = await page.getByLabel("購読用のURL").inputValue();
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectAccessible(page);
    const feedPath = new URL(url).pathname;
    const feed = await page.request.get(feedPath);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toMatch(/UID:interview-\d+@kita-collab/);

    await page.getByRole("button", { name: /URLを作り直す/ }).click();
    const next = await page.getByLabel("購読用のURL").inputValue();
    expect(next).not.toBe(url);
    expect((await page.request.get(feedPath)).status()).toBe(404);
    expect((await page.request.get(new URL(next).pathname)).status()).toBe(200);
    await page.context().close();
  });
});
