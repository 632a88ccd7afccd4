// Each role's way in: sign-in (with and without JavaScript), registration, invitation by email (read from the mail
// catcher, hidden in the mailbox), the language switch, errors, axe.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, DEMO_PASSWORD, expectAccessible, launch, newContext, signInThroughForm } from "./browser";
import { linkIn, mailCursor, waitForMail } from "./mail";

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
      await page.getByRole("button", { name: "ログアウト", exact: true }).click();
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
    const email = `jiro.${Date.now()}@toyo.example`;
    await page.getByLabel("メールアドレス").fill(email);
    await page.getByLabel("パスワード").fill("akabane-jiro-2026");
    const after = await mailCursor();
    await page.getByRole("button", { name: "登録する" }).click();
    // The same answer whether or not the address had an account: the account is made by the mailed link.
    await page.getByRole("heading", { level: 1, name: "メールを確認してください" }).waitFor();
    await expectAccessible(page);
    const link = linkIn(await waitForMail(email, { after }), "/register/confirm/");
    await page.goto(link);
    await expectAccessible(page);
    await page.getByRole("button", { name: "登録を完了する" }).click();
    await page.waitForURL("**/student");
    await expect(page.getByRole("status").textContent()).resolves.toContain("赤羽 次郎");
    await expectAccessible(page);
    await page.context().close();
  });

  it("sets a forgotten password by the mailed link, without JavaScript, and the old one stops working", async () => {
    const email = `forgetful.${Date.now()}@toyo.example`;
    // A fresh student of this test's own (the demo accounts' password stays as other tests expect).
    const signup = await (await newContext(browser)).newPage();
    await signup.goto("/register");
    await signup.getByLabel("氏名（漢字）").fill("忘 れ子");
    await signup.getByLabel("氏名（ふりがな）").fill("わすれ れこ");
    await signup.getByLabel("氏名（ローマ字）").fill("Reko Wasure");
    await signup.getByLabel("大学").selectOption({ label: "東洋大学" });
    await signup.getByLabel("メールアドレス").fill(email);
    await signup.getByLabel("パスワード").fill("the-first-passphrase");
    let after = await mailCursor();
    await signup.getByRole("button", { name: "登録する" }).click();
    await signup.goto(linkIn(await waitForMail(email, { after }), "/register/confirm/"));
    await signup.getByRole("button", { name: "登録を完了する" }).click();
    await signup.waitForURL("**/student");
    await signup.context().close();

    const page = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await page.goto("/login");
    await page.getByRole("link", { name: "パスワードを忘れた場合" }).click();
    await expectAccessible(page);
    await page.getByLabel("メールアドレス").fill(email);
    after = await mailCursor();
    await page.getByRole("button", { name: "リンクを送る" }).click();
    await page.getByRole("heading", { level: 1, name: "メールを確認してください" }).waitFor();
    const link = linkIn(await waitForMail(email, { after }), "/reset-password/");
    await page.goto(link);
    await expectAccessible(page);
    await page.getByLabel("新しいパスワード").fill("the-second-passphrase");
    await page.getByRole("button", { name: "パスワードを設定する" }).click();
    await page.getByRole("heading", { level: 1, name: "学生ホーム" }).waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toContain("新しいパスワードを設定しました");
    await page.context().close();

    // The link is spent, and only the new password signs in.
    const again = await (await newContext(browser)).newPage();
    const replay = await again.goto(link);
    expect(replay?.status()).toBe(410);
    await signInThroughForm(again, email, "the-first-passphrase");
    await expect(again.getByRole("alert").textContent()).resolves.toContain("正しくありません");
    await signInThroughForm(again, email, "the-second-passphrase");
    await again.getByRole("heading", { level: 1, name: "学生ホーム" }).waitFor();
    await again.context().close();
  });

  it("switches to English and keeps it, with JavaScript and without", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await (await newContext(browser, { javaScriptEnabled })).newPage();
      await page.goto("/login");
      await page.getByRole("button", { name: "Switch to English" }).click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      // The lang attribute can change a frame before React re-renders the heading.
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
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

describe("invitations by email", () => {
  it("staff invite a professor: the mail carries the live link, the mailbox hides it, and the link opens the account", async () => {
    const email = `invited.${Date.now()}@toyo.example`;
    const staff = await (await newContext(browser)).newPage();
    await signInThroughForm(staff, "staff@city.kita.example");
    await staff.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await staff.goto("/staff/users");
    const after = await mailCursor();
    // The invitation form (the account filters above it have a role field too).
    const invite = staff.getByRole("region", { name: "招待する" });
    await invite.getByLabel("氏名", { exact: true }).fill("招待 太郎");
    await invite.getByLabel("メールアドレス", { exact: true }).fill(email);
    await invite.getByLabel("役割").selectOption({ label: "教員" });
    await invite.getByLabel("大学（教員の場合）").selectOption({ label: "東洋大学" });
    await invite.getByRole("button", { name: "招待メールを送る" }).click();
    await staff
      .getByRole("status")
      .filter({ hasText: `${email} に招待メールを送りました。` })
      .waitFor();

    const mail = await waitForMail(email, { after });
    expect(mail.subject).toContain("招待");
    expect(mail.authorization).toBe("Bearer e2e-mail-key");
    const link = linkIn(mail, "/invitations/");

    // Delivered (the catcher has it), and shown in the mailbox with the link hidden.
    await staff.goto("/staff/mailbox");
    const entry = staff.locator(".mailbox > li", { hasText: email }).first();
    await expect(entry.locator(".badge").textContent()).resolves.toBe("送信済み");
    const body = (await entry.locator(".mail-body").textContent()) ?? "";
    expect(body).toContain("［リンク非表示：受信者あてのメールにだけ記載されます］");
    expect(body).not.toContain(link);
    expect(body).not.toContain("/invitations/");
    await expectAccessible(staff);
    await staff.context().close();

    const invitee = await (await newContext(browser)).newPage();
    const shown = await invitee.goto(link);
    expect(shown?.status()).toBe(200);
    await invitee.getByRole("heading", { level: 1, name: "アカウントの有効化" }).waitFor();
    await expectAccessible(invitee);
    await invitee.getByLabel("パスワード").fill("invited-professor-2026");
    await invitee.getByRole("button", { name: "パスワードを設定してはじめる" }).click();
    await invitee.getByRole("heading", { level: 1, name: "教員ホーム" }).waitFor();
    expect(new URL(invitee.url()).pathname).toBe("/professor");
    await invitee.context().close();
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
