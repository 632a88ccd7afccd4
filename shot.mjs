import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-background-networking"] });
const [email, lang, ...paths] = process.argv.slice(2);
const ctx = await browser.newContext({ baseURL: "http://localhost:3000", locale: lang === "en" ? "en-US" : "ja-JP", viewport: { width: 1100, height: 900 } });
const page = await ctx.newPage();
if (email !== "-") {
  await page.goto("/login");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', "kita-demo-2026");
  await page.click('main button[type="submit"]');
  await page.waitForTimeout(1000);
}
for (const [i, p] of paths.entries()) {
  await page.goto(p);
  await page.screenshot({ path: `/tmp/shot-${i}.png`, fullPage: true });
  console.log(p, page.url());
}
await browser.close();
