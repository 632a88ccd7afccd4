import { chromium } from "playwright-core";
const base = "http://127.0.0.1:3917";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
async function login(page, email) {
  await page.goto(base + "/login");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', "kita-demo-2026");
  await page.click('button[type="submit"]:has-text("ログイン")');
  await page.waitForLoadState("networkidle");
}
for (const js of [true, false]) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1100, height: 900 } });
  const page = await ctx.newPage();
  await login(page, "student@toyo.example");
  await page.goto(base + "/student/join");
  await page.fill('input[name="code"]', "MKTG-2627");
  await page.click('button:has-text("次へ")');
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/signup-${js ? "js" : "nojs"}.png`, fullPage: true });
  await ctx.close();
}
const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
const page = await ctx.newPage();
await login(page, "staff@city.kita.example");
await page.goto(base + "/staff/projects/2/hosts");
await page.screenshot({ path: `/tmp/staff-hosts.png`, fullPage: true });
await browser.close();
