/**
 * GET /robots.txt: every public page may be crawled; the signed-in areas are disallowed (an anonymous crawler only
 * gets redirects there). Token and verification pages stay crawlable so that their noindex is seen (see
 * app/seo/indexing.js). Names the sitemap.
 */
import { DISALLOWED_PREFIXES } from "~/seo/indexing";
import { config } from "~/utils/env.server";

export function loader() {
  const lines = [
    "User-agent: *",
    // `$` ends a pattern (RFC 9309), so /firm is disallowed and /firms is not.
    ...DISALLOWED_PREFIXES.flatMap((p) => [`Disallow: ${p}$`, `Disallow: ${p}/`, `Disallow: ${p}.data`]),
    "Allow: /",
    "",
    `Sitemap: ${config().publicUrl}/sitemap.xml`,
    "",
  ];
  return new Response(lines.join("\n"), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
