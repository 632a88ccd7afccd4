/**
 * `X-Robots-Tag: noindex` on every response of a path search engines must not index (signed-in areas, account,
 * token and verification pages; the list is app/seo/indexing.js). A header rather than only a meta tag, so that the
 * PDFs, calendar feeds and JSON behind those paths are covered as well as the pages.
 */
import { isNoindexPath } from "../app/seo/indexing.js";

/** @type {import("express").RequestHandler} */
export function robotsTag(req, res, next) {
  if (isNoindexPath(req.path)) res.setHeader("X-Robots-Tag", "noindex");
  next();
}
