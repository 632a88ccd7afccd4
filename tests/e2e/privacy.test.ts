// Own data and a deletion request in the browser (issue 14), without JavaScript: a student of the test's own (a copy
// of the demo student's password, so the seeded student stays as every other test expects) downloads the JSON, files
// a deletion request on /account, and staff decide it on /staff/privacy-requests; the student can no longer sign in.
// axe on every page visited.
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, expectAccessible, launch, newContext, signInThroughForm } from "./browser";
import { insertRow, openDemoDb } from "./demo-db";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

function createStudent(email: string) {
  const db = openDemoDb();
  try {
    const demo = db
      .prepare("select password_hash, university_id from user where email = ?")
      .get("student@toyo.example") as {
      password_hash: string;
      university_id: number;
    };
    const t = new Date().toISOString();
    insertRow(db, "user", {
      email,
      password_hash: demo.password_hash,
      role: "student",
      name: "削除 希望子",
      name_kana: "さくじょ きぼうこ",
      name_latin: "Kiboko SAKUJO",
      locale: null,
      university_id: demo.university_id,
      firm_id: null,
      created_at: t,
      updated_at: t,
    });
  } finally {
    db.close();
  }
}

describe("own data and requests", () => {
  it("a student downloads their data and asks for deletion; staff carry it out", async () => {
    const email = `privacy-e2e-${Date.now()}@toyo.example`;
    createStudent(email);
    const student = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(student, email, DEMO_PASSWORD);
    await student.goto("/account");
    await student.getByRole("heading", { level: 2, name: "自分のデータ" }).waitFor();
    await expectAccessible(student);

    const [download] = await Promise.all([
      student.waitForEvent("download"),
      student.getByRole("link", { name: "保有している情報をすべてダウンロード（JSON）" }).click(),
    ]);
    const body = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    expect(body.profile).toMatchObject({ email, name: "削除 希望子" });

    await student.getByLabel("請求の種類").selectOption("deletion");
    await student.getByLabel("内容").fill("卒業したので、個人情報を削除してください。");
    await student.getByRole("button", { name: "請求する" }).click();
    await student.getByRole("table", { name: "あなたの請求" }).waitFor();
    await expect(student.getByRole("table", { name: "あなたの請求" }).innerText()).resolves.toContain("受付済み");
    await expectAccessible(student);

    const staff = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(staff, "staff@city.kita.example");
    await staff.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await staff.goto("/staff/privacy-requests");
    await staff.getByRole("heading", { level: 1, name: "個人情報の請求" }).waitFor();
    await expectAccessible(staff);
    const request = staff.getByRole("article").filter({ hasText: email });
    await request.getByLabel("対応済みにする").check();
    await request.getByRole("button", { name: "決定する" }).click();
    await staff.getByText("請求を決定し、請求者にメールを送りました。").waitFor();
    await staff.goto("/staff/privacy-requests?status=done");
    await staff.getByText("削除済みのアカウント").first().waitFor();
    await expectAccessible(staff);

    await staff.goto("/staff/privacy-register");
    await staff.getByRole("heading", { level: 1, name: "個人情報ファイル簿" }).waitFor();
    await expectAccessible(staff);

    // The account is gone: signing in again fails.
    const again = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(again, email, DEMO_PASSWORD);
    await again.getByRole("heading", { level: 1, name: "ログイン" }).waitFor();
  });
});
