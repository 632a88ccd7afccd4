// The production build behind its real server with the Content-Security-Policy enforced: each role's home and the
// public pages load with no CSP violation and no console error, and still work where they need JavaScript
// (hydration, client navigation, the language switch, the ranking's move buttons, a fetcher). Every script in a
// rendered page carries the response's nonce; every kind of response carries the headers; bodies are limited before
// the app reads them. axe on every page visited.
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseURL, expectAccessible, launch, newContext, signInThroughForm } from "./browser";

let browser: Browser;
let db: Database.Database;
beforeAll(async () => {
  browser = await launch();
  db = new Database(path.join(inject("dataDir"), "app.db"));
  db.pragma("busy_timeout = 5000");
});
afterAll(async () => {
  await browser?.close();
  db?.close();
});

interface Watched {
  page: Page;
  /** CSP violations the page reported, console errors (a refused script or style logs one), header warnings. */
  problems: () => Promise<string[]>;
}

/** A page that records every `securitypolicyviolation` event and console error, from the first document on. */
async function watchedPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Watched> {
  const page = await (await newContext(browser, options)).newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    // Header mistakes (an unknown Permissions-Policy feature, a malformed CSP) are only warnings in Chromium.
    const headerWarning =
      message.type() === "warning" && /Permissions-Policy|Content.Security.Policy/i.test(message.text());
    if (message.type() !== "error" && !headerWarning) return;
    // The browser logs a page answered with 4xx (the 404 page) as a failed load: that is the page, not a problem.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return {
    page,
    problems: async () => {
      const violations = options.javaScriptEnabled === false ? [] : await page.evaluate(() => (window as any).__csp);
      return [...violations, ...consoleErrors];
    },
  };
}

async function expectClean(watched: Watched) {
  await watched.page.waitForLoadState("networkidle");
  expect(await watched.problems(), `CSP violations or console errors on ${watched.page.url()}`).toEqual([]);
  await expectAccessible(watched.page);
}

/** Hydration finished: Remix's router exists and answers client-side navigations. */
async function hydrated(page: Page) {
  await page.waitForFunction(() => (window as any).__remixRouter?.state?.initialized === true);
}

describe("public pages with the CSP enforced", () => {
  const pages = ["/", "/projects", "/firms", "/events", "/partners", "/login", "/register", "/no-such-page"];
  for (const path of pages) {
    it(`${path} loads and hydrates with no violation`, async () => {
      const watched = await watchedPage();
      const response = await watched.page.goto(path);
      expect(response?.status()).toBe(path === "/no-such-page" ? 404 : 200);
      await hydrated(watched.page);
      await expectClean(watched);
      await watched.page.context().close();
    });
  }

  it("a certificate's public verification page loads with no violation", async () => {
    const certificate = db.prepare("select id from certificate where revoked_at is null limit 1").get() as {
      id: string;
    };
    const watched = await watchedPage();
    expect((await watched.page.goto(`/verify/${certificate.id}`))?.status()).toBe(200);
    await hydrated(watched.page);
    await expectClean(watched);
    await watched.page.context().close();
  });

  it("navigates client-side after hydration, without reloading the document", async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.goto("/");
    await hydrated(page);
    await page.evaluate(() => ((window as any).sameDocument = true));
    await page.getByRole("navigation").getByRole("link", { name: "企業を探す" }).click();
    await page.waitForURL(`${baseURL()}/firms`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expect(page.evaluate(() => (window as any).sameDocument)).resolves.toBe(true);
    // Then a firm's page.
    await page.locator("main a[href^='/firms/']").first().click();
    await page.waitForURL(/\/firms\/\d+$/);
    await expect(page.evaluate(() => (window as any).sameDocument)).resolves.toBe(true);
    await expectClean(watched);
    await page.context().close();
  });

  it("switches the language with JavaScript (a form posted by fetch) and without", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const watched = await watchedPage({ javaScriptEnabled });
      const { page } = watched;
      await page.goto("/login");
      if (javaScriptEnabled) await hydrated(page);
      await page.getByRole("button", { name: "Switch to English" }).click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      // The lang attribute can change a frame before React re-renders the heading.
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in");
      await expectClean(watched);
      await page.context().close();
    }
  });
});

describe("each role's home with the CSP enforced", () => {
  const roles = [
    ["staff@city.kita.example", "/staff", "職員ホーム"],
    ["professor@toyo.example", "/professor", "教員ホーム"],
    ["student@toyo.example", "/student", "学生ホーム"],
    ["firm@monozukuri.example", "/firm", "企業ホーム"],
  ] as const;
  for (const [email, home, heading] of roles) {
    it(`${email} signs in and lands on ${home} with no violation`, async () => {
      const watched = await watchedPage();
      await signInThroughForm(watched.page, email);
      await watched.page.getByRole("heading", { level: 1, name: heading }).waitFor();
      expect(new URL(watched.page.url()).pathname).toBe(home);
      await hydrated(watched.page);
      await expectClean(watched);
      await watched.page.context().close();
    });
  }

  it("the ranking's move buttons work after hydration (nothing is submitted)", async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await signInThroughForm(page, "student@toyo.example");
    await page.getByRole("heading", { level: 1, name: "学生ホーム" }).waitFor();
    await page.goto("/student/join");
    await page.getByLabel("参加コード").fill("MKTG-2627");
    await page.getByRole("button", { name: "次へ" }).click();
    await page.waitForURL(/\/student\/projects\/\d+\/signup\?code=MKTG-2627/);
    const list = page.locator("ol.rank-list");
    await list.waitFor(); // replaces the position selects only once React has hydrated
    const names = () => list.locator(".rank-list__firm > a").allTextContents();
    const before = await names();
    await page.getByRole("button", { name: new RegExp(`^下へ\\s*（${before[0]}）$`) }).click();
    await expect.poll(names).toEqual([before[1], before[0], ...before.slice(2)]);
    await expectClean(watched);
    await page.context().close();
  });

  it("a fetcher marks attendance at the door without a reload", async () => {
    const event = db.prepare("select id from event where title_ja = '北区産学連携研究発表会 2026'").get() as {
      id: number;
    };
    const student = "山田 花子"; // present at the seeded 2026 presentation day
    const presentAt = () =>
      db
        .prepare(
          "select attendance.present_at from attendance join user on user.id = attendance.student_id where event_id = ? and user.name = ?",
        )
        .get(event.id, student);
    const watched = await watchedPage();
    const { page } = watched;
    await signInThroughForm(page, "staff@city.kita.example");
    await page.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    await page.goto(`/staff/events/${event.id}/attendance`);
    await hydrated(page);
    await page.evaluate(() => ((window as any).sameDocument = true));
    const button = page.getByRole("button", { name: new RegExp(`^出席\\s?（${student}）$`) });
    await expect(button.getAttribute("aria-pressed")).resolves.toBe("true");
    try {
      await button.click();
      await expect.poll(presentAt).toBeUndefined();
      await expect.poll(() => button.getAttribute("aria-pressed")).toBe("false");
      await page.waitForLoadState("networkidle");
      await button.click();
      await expect.poll(presentAt).toBeTruthy();
      await expect.poll(() => button.getAttribute("aria-pressed")).toBe("true");
      await expect(page.evaluate(() => (window as any).sameDocument)).resolves.toBe(true);
    } finally {
      // Leave the seed as it was for the other browser tests, whatever happened above.
      await page.waitForLoadState("networkidle");
      if (!presentAt()) {
        await button.click();
        await expect.poll(presentAt).toBeTruthy();
      }
    }
    await expectClean(watched);
    await page.context().close();
  });
});

describe("the real server's headers and limits", () => {
  const directives = (csp: string) =>
    Object.fromEntries(
      csp.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );

  it("puts the response's nonce on every script of a rendered page, and a new one on each response", async () => {
    const nonces = new Set<string>();
    for (const path of ["/", "/login", "/firms"]) {
      const res = await fetch(`${baseURL()}${path}`);
      const csp = res.headers.get("content-security-policy")!;
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1];
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThanOrEqual(3);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      expect(html).not.toMatch(/\sstyle="/);
      expect(directives(csp)["script-src"]).not.toContain("'unsafe-inline'");
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it("sends the headers on a page, a resource route, a static file, a built asset and the error pages", async () => {
    const home = await (await fetch(`${baseURL()}/`)).text();
    const asset =
      /<script[^>]+src="(\/build\/[^"]+\.js)"/.exec(home)?.[1] ?? /href="(\/build\/[^"]+\.js)"/.exec(home)![1];
    const answers: Array<[string, RequestInit | undefined, number]> = [
      ["/login", undefined, 200],
      ["/healthz", undefined, 200],
      ["/.well-known/jwks.json", undefined, 200],
      ["/favicon.svg", undefined, 200],
      [asset, undefined, 200],
      ["/no-such-page", undefined, 404],
      ["/%E0%A4%A", undefined, 400],
      [
        "/login",
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "x" }) },
        415,
      ],
    ];
    for (const [path, init, status] of answers) {
      const res = await fetch(`${baseURL()}${path}`, init);
      expect(res.status, path).toBe(status);
      const csp = directives(res.headers.get("content-security-policy") ?? "");
      expect(csp["frame-ancestors"], path).toEqual(["'none'"]);
      expect(csp["object-src"], path).toEqual(["'none'"]);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("permissions-policy"), path).toContain("camera=()");
      // The demo runs with APP_ENV=demo over plain http: no HSTS.
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
      await res.arrayBuffer();
    }
  });

  it("answers 413 to an oversized sign-in form, on the page path and single fetch's .data path", async () => {
    for (const path of ["/login", "/login.data"]) {
      const res = await fetch(`${baseURL()}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: `email=a%40b.example&password=${"x".repeat(1024 * 1024)}`,
      });
      expect(res.status, path).toBe(413);
      expect(await res.text()).toContain("送信された内容が大きすぎます");
    }
  });
});
