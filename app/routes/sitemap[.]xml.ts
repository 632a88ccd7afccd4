/**
 * GET /sitemap.xml: every public page in both languages with its last change; past 50,000 URLs a sitemap index of
 * /sitemaps/N.xml instead (see app/seo/sitemap.ts). Public.
 */
import { partCount, sitemapIndexXml, urlsetXml, XML_HEADERS } from "~/seo/sitemap";
import { listSitemapPages } from "~/seo/sitemap.server";
import { config } from "~/utils/env.server";

export async function loader() {
  const pages = await listSitemapPages();
  const { publicUrl } = config();
  const body = partCount(pages.length) > 1 ? sitemapIndexXml(publicUrl, pages) : urlsetXml(publicUrl, pages);
  return new Response(body, { headers: XML_HEADERS });
}
