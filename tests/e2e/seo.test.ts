// What search engines and link previews read, in the server-rendered HTML with JavaScript off: title, description,
// canonical and hreflang, Open Graph and Twitter tags, and JSON-LD that parses with its required properties; the
// staff and verification side says noindex. axe on every page visited.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, expectAccessible, launch, newContext } from "./browser";

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** PUBLIC_URL as the test server has it (unset: http://localhost:PORT), which canonical and alternate URLs use. */
const publicUrl = () => baseURL().replace("//127.0.0.1:", "//localhost:");

const attr = (selector: string, name: string) => page.locator(selector).first().getAttribute(name);

async function jsonLd(): Promise<Array<Record<string, any>>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b));
}

async function expectHead(path: string) {
  const canonical = await attr('link[rel="canonical"]', "href");
  expect(canonical).toBe(`${publicUrl()}${path}`);
  expect(await attr('link[rel="alternate"][hreflang="ja"]', "href")).toBe(
    `${publicUrl()}${path.replace(/\?lng=en$/, "")}`,
  );
  expect(await attr('link[rel="alternate"][hreflang="x-default"]', "href")).toBe(
    `${publicUrl()}${path.replace(/\?lng=en$/, "")}`,
  );
  expect(await attr('meta[property="og:url"]', "content")).toBe(canonical);
  expect(await attr('meta[name="twitter:card"]', "content")).toBe("summary_large_image");
  const description = await attr('meta[name="description"]', "content");
  expect(description?.length).toBeGreaterThan(20);
  expect(await attr('meta[property="og:description"]', "content")).toBe(description);
  const image = await attr('meta[property="og:image"]', "content");
  const answer = await page.request.get(image!);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("image/png");
  expect(await page.locator('meta[name="robots"]').count()).toBe(0);
}

describe("the public pages' server-rendered head (JavaScript off)", () => {
  it("describes a firm with meta tags and an Organization", async () => {
    await page.goto("/firms?q=赤羽精密");
    await Promise.all([page.waitForURL(/\/firms\/\d+$/), page.getByRole("link", { name: "株式会社赤羽精密" }).click()]);
    const path = new URL(page.url()).pathname;
    await expect(page.title()).resolves.toBe("株式会社赤羽精密（北区赤羽・精密機械・計測器） | 北区 産学連携");
    await expectHead(path);
    const [org] = await jsonLd();
    expect(org).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Organization",
      name: "株式会社赤羽精密",
      alternateName: "アカバネセイミツ",
      address: { "@type": "PostalAddress", postalCode: "115-0045", addressLocality: "北区" },
    });
    expect(org.makesOffer.length).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.goto(`${path}?lng=en`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.title()).resolves.toMatch(/^株式会社赤羽精密 \(Akabane, Kita City · /);
    await expectHead(`${path}?lng=en`);
    await expectAccessible(page);
  });

  it("describes an event with an Event organised by the city", async () => {
    await page.goto("/events");
    await Promise.all([page.waitForURL(/\/events\/\d+$/), page.locator("main ul a").first().click()]);
    const path = new URL(page.url()).pathname;
    await expectHead(path);
    const [event] = await jsonLd();
    expect(event).toMatchObject({
      "@type": "Event",
      eventStatus: "https://schema.org/EventScheduled",
      organizer: { name: "東京都北区" },
      location: { "@type": "Place" },
    });
    expect(event.startDate).toMatch(/\+09:00$/);
    await expectAccessible(page);
  });

  it("gives the home page, the directory and the open-data page their own heads, with the licence", async () => {
    const titles = new Set<string>();
    for (const path of ["/", "/firms", "/projects", "/partners", "/open-data"]) {
      await page.goto(path);
      await expectHead(path);
      titles.add(await page.title());
      await expectAccessible(page);
    }
    expect(titles.size).toBe(5);
    await expect(page.locator("main").textContent()).resolves.toContain("CC BY 4.0");
    const csv = await page.request.get(`${baseURL()}/open-data/events.csv`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("says noindex on the sign-in page and its answers, and serves robots.txt and the sitemap", async () => {
    const response = await page.goto("/login");
    expect(response?.headers()["x-robots-tag"]).toBe("noindex");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
    await expectAccessible(page);
    const robots = await page.request.get(`${baseURL()}/robots.txt`);
    expect(await robots.text()).toContain(`Sitemap: ${publicUrl()}/sitemap.xml`);
    const sitemap = await page.request.get(`${baseURL()}/sitemap.xml`);
    expect(await sitemap.text()).toContain(`<loc>${publicUrl()}/firms</loc>`);
  });
});
