// Debian's Chromium through playwright-core, and the axe check every visited page must pass.
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { criterionOfTag } from "~/accessibility/results";
import { recordCheck } from "./a11y-log";

export const baseURL = () => inject("baseURL");

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

const withoutJavaScript = new WeakSet<BrowserContext>();
/** Contexts not yet closed: a failed test's pages are reported from here (tests/e2e/failure-report.ts). */
export const openContexts = new Set<BrowserContext>();

export async function newContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    locale: options.locale ?? "ja-JP",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  openContexts.add(context);
  context.on("close", () => openContexts.delete(context));
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
  else waitForHydrationAfterGoto(context);
  return context;
}

/**
 * With JavaScript on, a page typed into before React hydrates it can lose what was typed or submit natively; on a
 * busy machine that made journeys flaky. Every `goto` of this context's pages therefore waits for the mark the root
 * layout sets once hydrated.
 */
function waitForHydrationAfterGoto(context: BrowserContext) {
  const newPage = context.newPage.bind(context);
  context.newPage = async () => {
    const page = await newPage();
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      const html = (response?.headers()["content-type"] ?? "").startsWith("text/html");
      if (html) await page.waitForSelector("html[data-hydrated]", { state: "attached" });
      return response;
    };
    return page;
  };
}

/**
 * Zero axe violations (WCAG 2.0/2.1/2.2 A and AA rules) on the page as it is now. axe runs as a script, so for a
 * page without JavaScript its exact HTML is checked in a scripting page (with the same stylesheets). Every check is
 * recorded (page, JavaScript on/off, the rules that found something to check, their criteria, the violations) for
 * the accessibility statement, before the assertion, so that a failing page is recorded as failing.
 */
export async function expectAccessible(page: Page) {
  let target = page;
  const js = !withoutJavaScript.has(page.context());
  if (!js) {
    const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/gi, "");
    const browser = page.context().browser()!;
    target = await (await browser.newContext({ baseURL: baseURL() })).newPage();
    await target.goto(`${baseURL()}/healthz`);
    await target.setContent(html, { waitUntil: "load" });
  }
  const results = await new AxeBuilder({ page: target })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  if (target !== page) await target.context().close();
  const checked = [...results.passes, ...results.violations, ...results.incomplete];
  recordCheck({
    kind: "axe",
    path: new URL(page.url()).pathname,
    js,
    rules: [...new Set(checked.map((r) => r.id))],
    criteria: [...new Set(checked.flatMap((r) => r.tags.map(criterionOfTag).filter((c) => c !== null)))],
    violations: results.violations.length,
    axeVersion: results.testEngine.version,
  });
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const DEMO_PASSWORD = "kita-demo-2026";

export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/メールアドレス|Email address/).fill(email);
  await page.getByLabel(/^(パスワード|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(ログイン|Sign in)$/ }).click();
}
