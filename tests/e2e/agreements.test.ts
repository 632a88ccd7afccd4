// Staff keep an agreement end to end in the browser (create, attach a PDF, edit, read the history); a visitor reads
// /partners. Every page visited passes axe.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";

let browser: Browser;
let pdfPath: string;

beforeAll(async () => {
  browser = await launch();
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Joint research agreement - Kita City and Toyo University");
  pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kita-pdf-")), "research-agreement.pdf");
  fs.writeFileSync(pdfPath, await doc.save());
});

afterAll(async () => {
  await browser?.close();
  if (pdfPath) fs.rmSync(path.dirname(pdfPath), { recursive: true, force: true });
});

describe("agreements", () => {
  it("staff create an agreement, attach its PDF, edit it and see the version history", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "staff@city.kita.example");
    await page.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await expect(page.getByRole("heading", { name: "対応が必要な協定" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByRole("navigation").getByRole("link", { name: "協定", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "協定" }).waitFor();
    await expect(page.getByRole("link", { name: "北区と東洋大学との包括連携に関する協定" }).isVisible()).resolves.toBe(
      true,
    );
    await expectAccessible(page);

    await page.getByRole("link", { name: "協定を登録する" }).click();
    await page.getByRole("heading", { level: 1, name: "協定の登録" }).waitFor();
    await expectAccessible(page);

    // An incomplete form is refused with messages next to the fields. Forms validate on the server only (README),
    // so even with JavaScript the incomplete form is posted and answered 400.
    await page.getByLabel("協定名（日本語）").fill("北区と東洋大学との共同研究に関する協定");
    const [refused] = await Promise.all([
      page.waitForResponse(
        // With JavaScript, Remix's single fetch posts to the route's `.data` URL.
        (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/staff/agreements/new.data",
      ),
      page.getByRole("button", { name: "登録する" }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.getByText("連携分野を1つ以上選んでください。").waitFor();
    await expectAccessible(page);

    await page.getByLabel("大学", { exact: true }).selectOption({ label: "東洋大学" });
    await page.getByLabel("協定の種類").selectOption({ label: "共同研究協定" });
    await page.getByLabel("協定名（英語）").fill("Joint research agreement between Kita City and Toyo University");
    await page.getByLabel("締結日").fill("2026-04-01");
    await page.getByLabel("効力発生日").fill("2026-04-01");
    await page.getByLabel("満了日").fill("2029-03-31");
    await page.getByRole("checkbox", { name: "産業" }).check();
    await page.getByRole("checkbox", { name: "環境" }).check();
    const contact = page.getByRole("group", { name: "連絡先 1" });
    await contact.getByLabel("氏名").fill("白山 研究");
    await contact.getByLabel("部署").fill("研究推進課");
    await contact.getByLabel("メールアドレス").fill("research@toyo.example");
    await page.getByLabel("区の担当者").selectOption({ label: "北区 太郎" });
    await page.getByRole("button", { name: "登録する" }).click();

    await page.getByRole("heading", { level: 1, name: "北区と東洋大学との共同研究に関する協定" }).waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toContain("協定を登録しました");
    await expect(page.getByRole("cell", { name: "研究推進課" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    // Attach the signed agreement.
    await page.getByLabel("文書の種類").selectOption({ label: "締結済みの協定書" });
    await page.getByLabel("文書名").fill("締結済み協定書（原本）");
    await page.getByLabel("PDFファイル").setInputFiles(pdfPath);
    await page.getByRole("button", { name: "添付する" }).click();
    await page.getByRole("status").filter({ hasText: "締結済み協定書（原本）" }).waitFor();
    const link = page.getByRole("link", { name: "research-agreement.pdf" });
    await link.waitFor();
    const downloaded = await page.request.get((await link.getAttribute("href"))!);
    expect(downloaded.status()).toBe(200);
    expect(downloaded.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.from(await downloaded.body()).equals(fs.readFileSync(pdfPath))).toBe(true);
    await expectAccessible(page);

    // Edit, then read the history: creation first, the change on top.
    await page.getByRole("link", { name: "編集する" }).click();
    await page.getByRole("heading", { level: 1, name: "協定の編集" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("通知期間（日）").fill("60");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByRole("status").filter({ hasText: "協定を更新しました" }).waitFor();
    const history = page.getByRole("region", { name: "変更履歴" });
    await expect(history.getByRole("heading", { name: "第2版：変更" }).isVisible()).resolves.toBe(true);
    await expect(history.getByText("通知期間（日）：90 → 60").isVisible()).resolves.toBe(true);
    await expect(history.getByRole("heading", { name: "第1版：登録" }).isVisible()).resolves.toBe(true);
    await expect(history.getByText("連携分野：産業、環境").isVisible()).resolves.toBe(true);
    await expect(history.textContent()).resolves.toContain("北区 太郎");
    await expectAccessible(page);
    await page.context().close();
  });

  it("a visitor sees the partner universities and their areas on /partners, without contacts", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "連携大学" }).first().click();
    await page.getByRole("heading", { level: 1, name: "連携大学" }).waitFor();
    for (const name of ["東京家政大学", "東洋大学", "帝京大学"]) {
      await expect(page.getByRole("heading", { level: 2, name }).isVisible()).resolves.toBe(true);
    }
    const toyo = page.getByRole("region", { name: "東洋大学" });
    await expect(toyo.textContent()).resolves.toContain("包括連携協定");
    await expect(toyo.textContent()).resolves.toContain("2011年7月13日 締結");
    await expect(toyo.getByText("防犯").first().isVisible()).resolves.toBe(true);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).not.toContain("renkei@toyo.example");
    expect(main).not.toContain("社会連携推進課");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { level: 1, name: "Partner universities" }).waitFor();
    await expect(page.getByRole("region", { name: "Toyo University" }).textContent()).resolves.toContain(
      "Town planning",
    );
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("agreements without JavaScript", () => {
  it("staff record a collaboration and attach a PDF with plain form posts; a fake PDF is refused with a message", async () => {
    const page = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(page, "staff@city.kita.example");
    await page.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await page.goto("/staff/agreements");
    await page.getByRole("link", { name: "北区と帝京大学とのインターンシップの実施に関する協定" }).click();
    await page
      .getByRole("heading", { level: 1, name: "北区と帝京大学とのインターンシップの実施に関する協定" })
      .waitFor();
    await expectAccessible(page);

    await page.getByLabel("件名").fill("インターンシップ受け入れ説明会");
    await page.getByRole("button", { name: "記録を追加する" }).click();
    await page.getByRole("status").filter({ hasText: "連携活動を記録しました" }).waitFor();
    await expect(page.getByText("インターンシップ受け入れ説明会").isVisible()).resolves.toBe(true);

    const fake = path.join(path.dirname(pdfPath), "not-really.pdf");
    fs.writeFileSync(fake, "これはPDFではありません。");
    await page.getByLabel("文書の種類").selectOption({ label: "変更協定書" });
    await page.getByLabel("文書名").fill("変更協定書");
    await page.getByLabel("PDFファイル").setInputFiles(fake);
    await page.getByRole("button", { name: "添付する" }).click();
    await page.getByText("PDFファイルではありません。PDF形式のファイルを選んでください。").waitFor();
    await expect(page.getByLabel("文書名").inputValue()).resolves.toBe("変更協定書");
    await expectAccessible(page);

    await page.getByLabel("PDFファイル").setInputFiles(pdfPath);
    await page.getByRole("button", { name: "添付する" }).click();
    await page.getByRole("status").filter({ hasText: "変更協定書" }).waitFor();
    await expect(page.getByRole("link", { name: "research-agreement.pdf" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("link", { name: "not-really.pdf" }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
