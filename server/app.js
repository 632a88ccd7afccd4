/**
 * The Express application in front of Remix, in the order each request meets it: security headers (with the CSP
 * nonce), `X-Robots-Tag: noindex` where it applies, compression, static files, the cross-site guard, the body guard (content type, declared size), Remix (which
 * counts streamed bodies), and a last error handler. server.js builds it around the Remix build; tests build it around
 * a stand-in handler.
 */
import compression from "compression";
import express from "express";
import { bodyGuard } from "./body-limit.js";
import { clientAddress, trustProxyHops } from "./client-address.js";
import { crossSiteGuard } from "./cross-site-guard.js";
import { sendStatusPage } from "./pages.js";
import { robotsTag } from "./robots-tag.js";
import { cspNonce, securityHeaders } from "./security-headers.js";

/**
 * @param {{
 *   handler: import("express").RequestHandler,
 *   env?: Record<string, string | undefined>,
 *   assets?: string,
 * }} options `handler` answers everything the static files do not (Remix); `assets` is the client build folder.
 */
export function createApp({ handler, env = process.env, assets = "public/build" }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxyHops(env.TRUST_PROXY));
  app.use(cspNonce);
  app.use(securityHeaders({ production: env.APP_ENV === "production", devOrigin: env.REMIX_DEV_ORIGIN }));
  app.use(robotsTag);
  app.use(compression());
  app.use("/build", express.static(assets, { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(crossSiteGuard);
  app.use(bodyGuard);
  app.all("*", handler);
  app.use(lastErrorHandler);
  return app;
}

/** What Remix needs from Express in every loader and action (see app/types.d.ts). */
export function loadContext(req, res) {
  return { clientIp: clientAddress(req), cspNonce: res.locals.cspNonce };
}

/**
 * Anything that escapes (a path that cannot be decoded, a client that went away, a bug): logged here with its
 * stack, answered with a short page and no detail. Errors Express marks as the client's (status 4xx) answer 400.
 * @type {import("express").ErrorRequestHandler}
 */
function lastErrorHandler(error, req, res, next) {
  const status = Number(error?.status ?? error?.statusCode);
  const clientError = status >= 400 && status < 500;
  if (clientError) console.warn(`${status} ${req.method} ${req.originalUrl}: ${error?.message ?? error}`);
  else console.error(`${req.method} ${req.originalUrl}:`, error);
  if (res.headersSent) {
    // Too late for a page: let Express close the connection.
    next(error);
    return;
  }
  sendStatusPage(res, status === 413 ? 413 : clientError ? 400 : 500, { close: clientError });
}
