// Certificates in the browser, on the demo seed. The seed has already issued the FY2025 seminar's certificates, so
// beforeAll takes the demo student's certificate and attendance back out of the database ("not yet at the door").
// Staff mark her present at the door, issue the event's certificates, the student downloads her PDF and opens the
// verification page, and a visitor opens it in English; the seeded revoked certificate says so. axe on every page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";
import { openDemoDb, userByEmail, type DemoDb } from "./demo-db";

const STUDENT = "山田 花子"; // student@toyo.example

let browser: Browser;
let db: DemoDb;
let eventId: number;
let certificateId: string;

beforeAll(async () => {
  browser = await launch();
  db = openDemoDb();
  eventId = (db.prepare("select id from event where title_ja = '北区産学連携研究発表会 2026'").get() as { id: number })
    .id;
  const student = userByEmail(db, "student@toyo.example");
  db.prepare("delete from certificate where student_id = ?").run(student.id);
  db.prepare("delete from attendance where event_id = ? and student_id = ?").run(eventId, student.id);
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

describe("certificates", () => {
  it("staff mark a student present and issue the event's certificates", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "staff@city.kita.example");
    await page.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();

    await page.goto(`/staff/events/${eventId}/attendance`);
    const present = page.getByRole("button", {
      name: new RegExp(`^出席\\s?（${STUDENT}）$`),
    });
    await expect(present.getAttribute("aria-pressed")).resolves.toBe("false");
    await expectAccessible(page);
    await present.click();
    await page.waitForFunction(
      (name) => [...document.querySelectorAll("button[aria-pressed=true]")].some((b) => b.textContent?.includes(name)),
      STUDENT,
    );

    await page.goto(`/staff/events/${eventId}/certificates`);
    await page.getByRole("heading", { level: 1, name: /^参加証明書：/ }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(STUDENT) }).first();
    await expect(row.getByRole("cell", { name: "発行できます" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByRole("button", { name: "対象者全員に発行する（1名）" }).click();
    await page.getByText("1件の証明書を発行しました。").waitFor();
    await expect(page.getByText("新たに発行できる学生はいません。").isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    const cert = db
      .prepare(
        "select certificate.id from certificate join user on user.id = certificate.student_id where user.email = 'student@toyo.example'",
      )
      .get() as { id: string };
    certificateId = cert.id;
    expect(certificateId).toMatch(/^[0-9A-Z]{32}$/);
    await page.context().close();
  });

  it("the student downloads the PDF and opens the verification page", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "student@toyo.example");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/student/certificates");
    await page.getByRole("heading", { level: 1, name: "参加証明書" }).waitFor();
    await expectAccessible(page);

    const pdfLink = page.getByRole("link", { name: "証明書PDFをダウンロード" }).first();
    const href = (await pdfLink.getAttribute("href"))!;
    expect(href).toBe(`/verify/${certificateId}/certificate.pdf`);
    const pdf = await page.request.get(href);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expect(
      page.getByRole("link", { name: "LinkedInのプロフィールに追加" }).first().getAttribute("href"),
    ).resolves.toContain("linkedin.com/profile/add");

    await page.getByRole("link", { name: "検証ページ" }).first().click();
    await page.getByRole("heading", { level: 1, name: "参加証明書の検証" }).waitFor();
    expect(page.url()).toContain(`/verify/${certificateId}`);
    await expect(page.getByTestId("signature").textContent()).resolves.toContain("署名は有効です");
    await expect(page.getByText(STUDENT).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it("a visitor verifies it in English; the revoked demo certificate says since when; an unknown id is a 404 page", async () => {
    const page = await (await newContext(browser, { locale: "en-GB" })).newPage();
    await page.goto(`/verify/${certificateId}`);
    await page.getByRole("heading", { level: 1, name: "Certificate verification" }).waitFor();
    await expect(page.getByTestId("signature").textContent()).resolves.toContain("The signature is valid");
    await expect(page.getByText("Valid", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("Hanako Yamada", { exact: false }).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    const revoked = db
      .prepare(
        "select certificate.id from certificate join user on user.id = certificate.student_id where user.email = 's03@toyo.example'",
      )
      .get() as { id: string };
    await page.goto(`/verify/${revoked.id}`);
    await page.getByText("This certificate has been revoked.").waitFor();
    await expect(page.getByText(/^Revoked on /).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    const missing = await page.goto(`/verify/${"0".repeat(32)}`);
    expect(missing?.status()).toBe(404);
    await expectAccessible(page);
    await page.context().close();
  });
});
