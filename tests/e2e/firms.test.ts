// The firm register in the browser: a visitor searches the directory in Japanese, a firm user edits its profile,
// staff read the register and a firm's change history, and import a CSV. axe on every page visited.
import path from "node:path";
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

async function search(page: Page, words: string) {
  await page.getByLabel("キーワード").fill(words);
  await Promise.all([page.waitForURL(/[?&]q=/), page.getByRole("button", { name: "検索する" }).click()]);
}

describe("the public firm directory", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`finds a firm by its reading in hiragana and opens its page (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const page = await (await newContext(browser, { javaScriptEnabled })).newPage();
      await page.goto("/firms");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("企業を探す");
      await expectAccessible(page);

      await search(page, "あかばね　せいみつ");
      const result = page.getByRole("link", { name: "株式会社赤羽精密" });
      await expect(result.count()).resolves.toBe(1);
      await expect(page.locator(".result-count").textContent()).resolves.toMatch(/^\d+件中 1〜\d+件目を表示$/);
      await expectAccessible(page);

      await Promise.all([page.waitForURL(/\/firms\/\d+$/), result.click()]);
      // A client-side navigation renders just after the URL changes: wait for the new page, then read it.
      await page.getByRole("heading", { level: 1, name: "株式会社赤羽精密" }).waitFor();
      await expect(page.locator("main").textContent()).resolves.toContain("精密切削部品");
      await expectAccessible(page);
      await page.context().close();
    });
  }

  it("filters by industry and pages through the results, keeping the filters", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto("/firms");
    await page.waitForLoadState("networkidle"); // hydration resets a select's value: choose after it
    await page.getByLabel("業種").selectOption({ label: "印刷・同関連業" });
    await Promise.all([page.waitForURL(/industry=printing/), page.getByRole("button", { name: "検索する" }).click()]);
    await Promise.all([page.waitForURL(/page=2/), page.getByRole("link", { name: "次のページ" }).click()]);
    expect(page.url()).toContain("industry=printing");
    // The URL changes before the new page renders: wait for the current-page marker to move.
    await page.locator('.pagination [aria-current="page"]', { hasText: /^2$/ }).waitFor();
    await expect(page.getByRole("link", { name: "前のページ" }).getAttribute("href")).resolves.toContain(
      "industry=printing",
    );
    await expectAccessible(page);
    await page.context().close();
  });

  it("page links, result links and the site's navigation change the page without a reload", async () => {
    // They are plain anchors under one handler (app/components/plain-links.tsx), not <Link>s: a reload would lose
    // the marker set on the window below.
    const page = await (await newContext(browser)).newPage();
    await page.goto("/firms");
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));
    const marker = () => page.evaluate(() => (window as unknown as { marker?: string }).marker);

    await page.getByRole("link", { name: "次のページ" }).click();
    await page.locator('.pagination [aria-current="page"]', { hasText: /^2$/ }).waitFor();
    await expect(marker()).resolves.toBe("same document");
    await expectAccessible(page);

    const first = page.locator(".firm-list a").first();
    const name = (await first.textContent()) ?? "";
    await Promise.all([page.waitForURL(/\/firms\/\d+$/), first.click()]);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await expect(marker()).resolves.toBe("same document");
    await expectAccessible(page);

    const menu = page.getByRole("navigation", { name: "メインメニュー" });
    const nav = menu.getByRole("link", { name: "企業を探す" });
    // As <NavLink> marked it: the directory's entry is current on a firm's page too, the others are not.
    await expect(nav.getAttribute("aria-current")).resolves.toBe("page");
    await expect(menu.getByRole("link", { name: "募集中の企画" }).getAttribute("aria-current")).resolves.toBeNull();
    await Promise.all([page.waitForURL(/\/firms$/), nav.click()]);
    await page.getByRole("heading", { level: 1, name: "企業を探す" }).waitFor();
    await expect(nav.getAttribute("aria-current")).resolves.toBe("page");
    await expect(marker()).resolves.toBe("same document");
    await expectAccessible(page);
    await page.context().close();
  });

  it("answers a missing firm with a 404 page", async () => {
    const page = await (await newContext(browser)).newPage();
    const response = await page.goto("/firms/999999");
    expect(response?.status()).toBe(404);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("a firm user's profile", () => {
  it("edits the products and sees the toast", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "firm@monozukuri.example");
    await page.waitForURL("**/firm");
    await page.getByRole("link", { name: "企業情報の編集" }).click();
    await page.waitForURL("**/firm/profile");
    await expectAccessible(page);
    await page.getByLabel("製品", { exact: true }).fill("精密切削部品、医療機器部品、光学部品、試作品");
    await page.getByRole("button", { name: "保存する" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "企業情報を保存しました" }).textContent(),
    ).resolves.toContain("企業情報を保存しました");
    await expect(page.getByLabel("製品", { exact: true }).inputValue()).resolves.toContain("試作品");
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("staff and the register", () => {
  it("open the register, find the firm and read its change history", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "staff@city.kita.example");
    await page.waitForURL("**/staff");
    await page.getByRole("link", { name: "企業登録" }).click();
    await page.waitForURL("**/staff/firms");
    await expectAccessible(page);

    await search(page, "赤羽精密");
    await Promise.all([
      page.waitForURL(/\/staff\/firms\/\d+$/),
      page.getByRole("link", { name: "株式会社赤羽精密" }).click(),
    ]);
    const history = page.locator("section", { has: page.getByRole("heading", { name: "変更履歴" }) });
    const latest = history.getByRole("row").nth(1);
    await expect(latest.getByRole("cell").nth(1).textContent()).resolves.toBe("田中 健一（企業）");
    await expect(latest.getByRole("cell").nth(2).textContent()).resolves.toBe("企業による編集");
    await expect(latest.getByRole("cell").nth(3).textContent()).resolves.toBe(
      "製品：精密切削部品、医療機器部品、光学部品 → 精密切削部品、医療機器部品、光学部品、試作品",
    );
    await expectAccessible(page);

    await page.getByRole("link", { name: "編集する" }).click();
    await page.waitForURL(/\/edit$/);
    await expectAccessible(page);
    await page.goto("/staff/firms/new");
    await page.getByRole("button", { name: "登録する" }).click();
    await expect(page.locator("#new-firm-name-error, [id$='-error']").first().textContent()).resolves.toContain(
      "入力してください",
    );
    await expectAccessible(page);
    await page.context().close();
  });

  it("import a UTF-8 CSV: preview, confirm, toast", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "staff@city.kita.example");
    await page.waitForURL("**/staff");
    await page.goto("/staff/firms/import");
    await expectAccessible(page);
    await page
      .getByLabel("CSVファイル")
      .setInputFiles(path.join(import.meta.dirname, "../fixtures/firms-utf8-bom.csv"));
    await Promise.all([
      page.waitForURL(/import\?id=\d+/),
      page.getByRole("button", { name: "内容を確認する" }).click(),
    ]);
    await expect(page.getByText("新規登録：2件").textContent()).resolves.toBe("新規登録：2件");
    await expectAccessible(page);
    await page.getByRole("button", { name: "この内容で反映する" }).click();
    await expect(page.getByRole("status").filter({ hasText: "取り込みました" }).textContent()).resolves.toContain(
      "新規 2件",
    );
    await expectAccessible(page);
    await page.context().close();
  });
});
