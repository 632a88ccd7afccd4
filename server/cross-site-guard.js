/**
 * Refuses state-changing requests sent from another site (CSRF defence in depth on top of SameSite=Lax cookies):
 * a non-GET/HEAD/OPTIONS request whose Sec-Fetch-Site is "cross-site", or whose Origin is not this host, gets 403.
 */
import { sendStatusPage } from "./pages.js";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @param {{ method: string, host: string | undefined, origin?: string | undefined, secFetchSite?: string | undefined }} request
 * @returns {boolean} true when the request must be refused.
 */
export function isCrossSiteMutation({ method, host, origin, secFetchSite }) {
  if (SAFE.has(method.toUpperCase())) return false;
  if (secFetchSite === "cross-site") return true;
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  if (origin === "null") return true;
  return false;
}

/** Express middleware. @param {import("express").Request} req @param {import("express").Response} res @param {() => void} next */
export function crossSiteGuard(req, res, next) {
  const refused = isCrossSiteMutation({
    method: req.method,
    host: req.get("x-forwarded-host") && req.app.get("trust proxy") ? req.get("x-forwarded-host") : req.get("host"),
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
  });
  if (refused) {
    sendStatusPage(res, 403, { close: true });
    return;
  }
  next();
}
