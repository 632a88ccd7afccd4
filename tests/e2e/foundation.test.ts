// Each role's way in: sign-in (with and without JavaScript), registration, the language switch, errors, axe.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, DEMO_PASSWORD, expectAccessible, launch, newContext, signInThroughForm } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("public pages", () => {
  it("serves a Japanese home page with no axe violations, and /healthz", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("北区");
    await expectAccessible(page);
    const health = await fetch(`${baseURL()}/healthz`);
    expect(health.status).toBe(200);
    await page.context().close();
  });

  it("renders an unknown page as a 404 in the page shell", async () => {
    const page = await (await newContext(browser)).newPage();
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toContain("404");
    await expect(page.locator("main").textContent()).resolves.toContain("見つかりませんでした");
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("sign-in for each demo role", () => {
  const roles = [
    ["staff@city.kita.example", "/staff", "職員ホーム"],
    ["professor@toyo.example", "/professor", "教員ホーム"],
    ["student@toyo.example", "/student", "学生ホーム"],
    ["firm@monozukuri.example", "/firm", "企業ホーム"],
  ] as const;
  for (const [email, home, heading] of roles) {
    it(`${email} signs in and lands on ${home}`, async () => {
      const page = await (await newContext(browser)).newPage();
      await signInThroughForm(page, email);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      expect(new URL(page.url()).pathname).toBe(home);
      await expectAccessible(page);
      await page.goto("/account");
      await expectAccessible(page);
      await page.getByRole("button", { name: "ログアウト" }).click();
      await page.waitForURL(`${baseURL()}/`);
      await expect(page.getByRole("status").textContent()).resolves.toContain("ログアウトしました");
      await page.context().close();
    });
  }

  it("signs in with JavaScript disabled through a plain form POST", async () => {
    const page = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await page.goto("/login");
    await expectAccessible(page);
    await page.fill('input[name="email"]', "staff@city.kita.example");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.click('button[type="submit"]:has-text("ログイン")');
    await page.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await page.goto("/staff/users");
    await expectAccessible(page);
    await page.goto("/staff/mailbox");
    await expectAccessible(page);
    await page.context().close();
  });

  it("shows a clear error for a wrong password, next to the form", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "student@toyo.example", "not-the-password");
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "メールアドレスまたはパスワードが正しくありません",
    );
    expect(new URL(page.url()).pathname).toBe("/login");
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("registration and language", () => {
  it("registers a new student, with field errors first", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto("/register");
    await expectAccessible(page);
    await page.getByRole("button", { name: "登録する" }).click();
    await expect(page.locator("#register-name-error, [id$='-error']").first().textContent()).resolves.toContain(
      "入力してください",
    );
    await expectAccessible(page);
    await page.getByLabel("氏名（漢字）").fill("赤羽 次郎");
    await page.getByLabel("氏名（ふりがな）").fill("あかばね じろう");
    await page.getByLabel("氏名（ローマ字）").fill("Jiro Akabane");
    await page.getByLabel("大学").selectOption({ label: "東洋大学" });
    await page.getByLabel("メールアドレス").fill(`jiro.${Date.now()}@toyo.example`);
    await page.getByLabel("パスワード").fill("akabane-jiro-2026");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.waitForURL("**/student");
    await expect(page.getByRole("status").textContent()).resolves.toContain("赤羽 次郎");
    await expectAccessible(page);
    await page.context().close();
  });

  it("switches to English and keeps it, with JavaScript and without", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await (await newContext(browser, { javaScriptEnabled })).newPage();
      await page.goto("/login");
      await page.getByRole("button", { name: "Switch to English" }).click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      expect(new URL(page.url()).pathname).toBe("/login");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in");
      await expectAccessible(page);
      await page.goto("/");
      expect(await page.getAttribute("html", "lang")).toBe("en");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Connecting Kita City");
      await expectAccessible(page);
      await page.context().close();
    }
  });

  it("follows the browser's language on a first visit", async () => {
    const page = await (await newContext(browser, { locale: "en-US" })).newPage();
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.context().close();
  });
});

describe("cross-site requests", () => {
  it("refuses a POST whose Origin is another site with 403", async () => {
    const res = await fetch(`${baseURL()}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=staff%40city.kita.example&password=kita-demo-2026",
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    const same = await fetch(`${baseURL()}/login`, {
      method: "POST",
      headers: { Origin: baseURL(), "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=staff%40city.kita.example&password=kita-demo-2026",
      redirect: "manual",
    });
    expect(same.status).toBe(302);
  });
});
