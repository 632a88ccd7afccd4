/**
 * The Express application in front of Remix, in the order each request meets it: the request log (request id),
 * security headers (with the CSP nonce), `X-Robots-Tag: noindex` where it applies, compression, static files, the
 * cross-site guard, the body guard (content type, declared size), Remix (which
 * counts streamed bodies), and a last error handler. server.js builds it around the Remix build; tests build it around
 * a stand-in handler.
 */
import fs from "node:fs";
import compression from "compression";
import express from "express";
import { bodyGuard } from "./body-limit.js";
import { clientAddress, trustProxyHops } from "./client-address.js";
import { crossSiteGuard } from "./cross-site-guard.js";
import { sendStatusPage } from "./pages.js";
import { logServerError, requestLog } from "./request-log.js";
import { robotsTag } from "./robots-tag.js";
import { securityHeaders } from "./security-headers.js";

/**
 * @param {{
 *   handler: import("express").RequestHandler,
 *   env?: Record<string, string | undefined>,
 *   assets?: string,
 *   log?: ((line: string) => void) | null,
 *   shuttingDown?: () => boolean,
 * }} options `handler` answers everything the static files do not (Remix); `assets` is the client build folder;
 * `log` writes the request log's lines (stdout by default, none under APP_ENV=test); while `shuttingDown()` every
 * answer closes its connection, so that keep-alive clients reconnect to a server that is up.
 */
export function createApp({ handler, env = process.env, assets = "public/build", log, shuttingDown = () => false }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxyHops(env.TRUST_PROXY));
  app.use(requestLog({ write: log !== undefined ? log : env.APP_ENV === "test" ? null : undefined }));
  app.use((req, res, next) => {
    if (shuttingDown()) res.set("Connection", "close");
    next();
  });
  app.use(securityHeaders({ production: env.APP_ENV === "production", devOrigin: env.REMIX_DEV_ORIGIN }));
  app.use(robotsTag);
  app.use(compression());
  app.use("/build", express.static(assets, { immutable: true, maxAge: "1y" }));
  app.use(publicFiles("public", { maxAge: "1h" }));
  app.use(crossSiteGuard);
  app.use(bodyGuard);
  app.all("*", handler);
  app.use(lastErrorHandler);
  return app;
}

/**
 * express.static for `dir`, asked only about paths whose first segment is a name in that folder at start (it holds
 * the favicon and the build): for every other request, i.e. every page, it would stat a file that is not there, which
 * the CPU profile showed on each page view (README "Decisions", 2026-12-01).
 * @param {string} dir
 * @param {import("serve-static").ServeStaticOptions} options
 * @returns {import("express").RequestHandler}
 */
function publicFiles(dir, options) {
  const serve = express.static(dir, options);
  const names = new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  return (req, res, next) => {
    const first = req.path.split("/", 2)[1] ?? "";
    let name = first;
    try {
      name = decodeURIComponent(first);
    } catch {
      // Not decodable: serve-static answers it as before (the last error handler's 400).
    }
    if (names.has(name) || names.has(first)) serve(req, res, next);
    else next();
  };
}

/** What Remix needs from Express in every loader and action (see app/types.d.ts). */
export function loadContext(req, res) {
  return { clientIp: clientAddress(req), cspNonce: res.locals.cspNonce, requestId: res.locals.requestId };
}

/**
 * Anything that escapes (a path that cannot be decoded, a client that went away, a bug): logged here (a bug with its
 * stack, a client's mistake as a warning), answered with a short page and no detail but the request id. Errors Express marks as the client's (status
 * 4xx) answer 400.
 * @type {import("express").ErrorRequestHandler}
 */
function lastErrorHandler(error, req, res, next) {
  const status = Number(error?.status ?? error?.statusCode);
  const clientError = status >= 400 && status < 500;
  const requestId = res.locals.requestId;
  // A client's mistake (a path that cannot be decoded) is a warning: anyone can send one, and each must not add an
  // error with a stack trace to the log that operators watch (as app/entry.server.tsx's handleError does for Remix).
  if (clientError) logServerError(`client error ${status}`, error, requestId, { level: "warn" });
  else logServerError("unhandled server error", error, requestId);
  if (res.headersSent) {
    // Too late for a page: let Express close the connection.
    next(error);
    return;
  }
  sendStatusPage(res, status === 413 ? 413 : clientError ? 400 : 500, { close: clientError, requestId });
}
