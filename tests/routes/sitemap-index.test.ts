// Past 50,000 URLs (the sitemap protocol's limit per file) /sitemap.xml becomes a sitemap index of parts, each part
// within the limit, together listing every page once per language. A real register of 25,001 listed firms (50,002
// firm URLs) in its own database; the splitting rules themselves on small numbers.
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as sitemapLoader } from "~/routes/sitemap[.]xml";
import { loader as partLoader } from "~/routes/sitemaps.$part[.]xml";
import { partCount, partPages, sitemapIndexXml, SITEMAP_MAX_URLS, urlsetXml } from "~/seo/sitemap";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { callLoader } from "../setup/call";
import { settle, statusOf } from "../setup/http";

const FIRMS = 25_001;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => name === "url" || name === "sitemap",
});

beforeAll(async () => {
  const t = now();
  const rows = Array.from({ length: FIRMS }, (_, i) => ({
    corporate_number: String(9_000_000_000_000 + i),
    name: `株式会社大量${i}`,
    name_kana: "タイリョウ",
    industry: "other",
    postal_code: "114-0003",
    town: "toshima",
    address: "1丁目1番1号",
    products: "部品",
    new_product: 0,
    is_public: 1,
    search_text: `大量${i}`,
    created_at: t,
    updated_at: t,
  }));
  await getDb()
    .transaction()
    .execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 1_000)
        await trx
          .insertInto("firm")
          .values(rows.slice(i, i + 1_000))
          .execute();
    });
}, 60_000);

describe("a sitemap past 50,000 URLs", () => {
  it("is an index of parts within the limit that together list every page in both languages", async () => {
    const index = xml.parse(await ((await sitemapLoader()) as Response).text());
    expect(index.urlset).toBeUndefined();
    const parts = index.sitemapindex.sitemap as Array<{ loc: string; lastmod: string }>;
    expect(parts.map((p) => p.loc)).toEqual([
      `${config().publicUrl}/sitemaps/1.xml`,
      `${config().publicUrl}/sitemaps/2.xml`,
    ]);
    const seen = new Set<string>();
    for (let part = 1; part <= parts.length; part++) {
      const body = await (
        (await callLoader(partLoader, `/sitemaps/${part}.xml`, { params: { part: String(part) } })) as Response
      ).text();
      expect(Buffer.byteLength(body)).toBeLessThan(50 * 1024 * 1024);
      const urls = xml.parse(body).urlset.url as Array<{ loc: string }>;
      expect(urls.length).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
      for (const u of urls) {
        expect(seen.has(u.loc)).toBe(false);
        seen.add(u.loc);
      }
      expect(parts[part - 1].lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    expect([...seen].filter((l) => /\/firms\/\d+/.test(l))).toHaveLength(FIRMS * 2);
    const third = await settle(callLoader(partLoader, "/sitemaps/3.xml", { params: { part: "3" } }));
    expect(statusOf(third)).toBe(404);
  }, 60_000);
});

describe("splitting", () => {
  const pages = Array.from({ length: 7 }, (_, i) => ({
    path: `/firms/${i + 1}`,
    lastmod: `2026-11-0${i + 1}T00:00:00.000Z`,
  }));

  it("keeps both languages of a page in one part, and names each part's latest change", () => {
    expect(partCount(7, 4)).toBe(4);
    expect(partCount(0, 4)).toBe(1);
    expect(partPages(pages, 4, 4).map((p) => p.path)).toEqual(["/firms/7"]);
    const index = xml.parse(sitemapIndexXml("https://kita.example", pages, 6));
    expect(index.sitemapindex.sitemap).toEqual([
      { loc: "https://kita.example/sitemaps/1.xml", lastmod: "2026-11-03T00:00:00Z" },
      { loc: "https://kita.example/sitemaps/2.xml", lastmod: "2026-11-06T00:00:00Z" },
      { loc: "https://kita.example/sitemaps/3.xml", lastmod: "2026-11-07T00:00:00Z" },
    ]);
  });

  it("escapes what XML must not see raw", () => {
    const body = urlsetXml("https://kita.example/a&b", [{ path: "/firms?page=2", lastmod: null }]);
    const urls = xml.parse(body).urlset.url;
    expect(urls[1].loc).toBe("https://kita.example/a&b/firms?page=2&lng=en");
    expect(body).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});
