/**
 * Which URLs search engines may index and crawl. Plain JavaScript (checked by tsc through JSDoc) because the Express
 * edge (server/robots-tag.js) reads it too, outside the Remix build; the app reads it for robots.txt and the root
 * document's robots meta. Client-safe.
 *
 * Two lists, on purpose different:
 * - NOINDEX_PREFIXES answer `X-Robots-Tag: noindex` (and HTML pages carry `<meta name="robots" content="noindex">`):
 *   the signed-in areas, account pages, pages whose URL holds a token, and the certificate verification pages with
 *   the credential identifiers behind them. A crawler must be allowed to fetch such a page to see the noindex
 *   (a URL only blocked by robots.txt can still be listed from links), so token and verification pages stay
 *   crawlable.
 * - DISALLOWED_PREFIXES are kept out of crawling by robots.txt: the signed-in areas, where an anonymous crawler only
 *   ever gets a redirect to sign in, so crawling them is wasted.
 */

/** Path prefixes, each a whole first segment, whose responses are never to be indexed. */
export const NOINDEX_PREFIXES = [
  // Signed-in areas.
  "/staff",
  "/professor",
  "/student",
  "/firm",
  "/account",
  // Account pages.
  "/login",
  "/register",
  "/logout",
  "/locale",
  "/forgot-password",
  // Token pages: the URL is the credential.
  "/invitations",
  "/reset-password",
  "/host-response",
  "/host",
  "/wallet",
  "/calendar",
  "/interviews",
  // Verification, and the credential identifiers it dereferences.
  "/verify",
  "/credentials",
  "/issuer",
  "/achievements",
  "/.well-known",
  "/did.json",
  // Operations.
  "/healthz",
  "/readyz",
];

/** Signed-in areas that robots.txt disallows (nothing there for an anonymous crawler). */
export const DISALLOWED_PREFIXES = ["/staff", "/professor", "/student", "/firm", "/account"];

/**
 * True when the path lies under one of the prefixes: the prefix itself, below it, or its single-fetch data URL
 * (`/staff.data`). `/firms` is not under `/firm`.
 * @param {string} pathname
 * @param {readonly string[]} [prefixes]
 */
export function isUnder(pathname, prefixes = NOINDEX_PREFIXES) {
  return prefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`) || pathname.startsWith(`${p}.`));
}

/** @param {string} pathname */
export function isNoindexPath(pathname) {
  return isUnder(pathname, NOINDEX_PREFIXES);
}
