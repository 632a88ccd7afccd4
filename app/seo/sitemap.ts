/**
 * The sitemap's XML (sitemaps.org 0.9 with xhtml:link alternates, as search engines read hreflang from sitemaps).
 * Each page is listed in both languages, each language version with the full set of alternates. Past 50,000 URLs
 * (the protocol's limit per file) the pages are split into parts and /sitemap.xml becomes a sitemap index; both
 * language versions of a page stay in the same part. Written by hand: two elements and five escapes (the `sitemap`
 * package wants streams and a newer @types/node than ours). Client-safe, no I/O.
 */
import { fallbackLng, supportedLngs } from "~/i18n";
import { languageUrl } from "./meta";

export const XML_HEADERS = {
  "Content-Type": "application/xml; charset=utf-8",
  "Cache-Control": "public, max-age=3600",
};

/** sitemaps.org: at most 50,000 URLs (and 50 MB) per file. */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapPage {
  /** The page's path (its Japanese URL; `?lng=en` gives the English one). */
  path: string;
  /** When the page's data last changed (ISO timestamp), when known. */
  lastmod: string | null;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export const xmlEscape = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

/** A timestamp as W3C datetime to the second ("2026-11-30T03:00:00Z"). */
const w3cDate = (iso: string) => `${iso.slice(0, 19)}Z`;

const pagesPerPart = (maxUrls: number) => Math.max(1, Math.floor(maxUrls / supportedLngs.length));

/** How many parts the pages need (1: no index). */
export function partCount(pageCount: number, maxUrls = SITEMAP_MAX_URLS): number {
  return Math.max(1, Math.ceil(pageCount / pagesPerPart(maxUrls)));
}

/** The pages of part `part` (1-based). */
export function partPages(pages: readonly SitemapPage[], part: number, maxUrls = SITEMAP_MAX_URLS): SitemapPage[] {
  const size = pagesPerPart(maxUrls);
  return pages.slice((part - 1) * size, part * size);
}

/** The latest of some timestamps, or null. */
export function latest(stamps: ReadonlyArray<string | null | undefined>): string | null {
  let max: string | null = null;
  for (const s of stamps) if (s && (!max || s > max)) max = s;
  return max;
}

export function urlsetXml(publicUrl: string, pages: readonly SitemapPage[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const page of pages) {
    const alternates = [
      ...supportedLngs.map((lng) => [lng, languageUrl(publicUrl, page.path, lng)]),
      ["x-default", languageUrl(publicUrl, page.path, fallbackLng)],
    ].map(([lng, href]) => `<xhtml:link rel="alternate" hreflang="${lng}" href="${xmlEscape(href)}"/>`);
    for (const lng of supportedLngs) {
      out.push(
        `<url><loc>${xmlEscape(languageUrl(publicUrl, page.path, lng))}</loc>` +
          (page.lastmod ? `<lastmod>${w3cDate(page.lastmod)}</lastmod>` : "") +
          `${alternates.join("")}</url>`,
      );
    }
  }
  out.push("</urlset>", "");
  return out.join("\n");
}

export function sitemapIndexXml(publicUrl: string, pages: readonly SitemapPage[], maxUrls = SITEMAP_MAX_URLS): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
  ];
  for (let part = 1; part <= partCount(pages.length, maxUrls); part++) {
    const lastmod = latest(partPages(pages, part, maxUrls).map((p) => p.lastmod));
    out.push(
      `<sitemap><loc>${xmlEscape(`${publicUrl}/sitemaps/${part}.xml`)}</loc>` +
        (lastmod ? `<lastmod>${w3cDate(lastmod)}</lastmod>` : "") +
        "</sitemap>",
    );
  }
  out.push("</sitemapindex>", "");
  return out.join("\n");
}
