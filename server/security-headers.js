/**
 * The security headers on every response (pages, resource routes, static files, the server's own error pages):
 * helmet's set with an enforced Content-Security-Policy whose script nonce is new for every response, plus a
 * Permissions-Policy. The nonce is put in `res.locals.cspNonce`; server.js hands it to Remix through the load context,
 * and app/entry.server.tsx gives it to every script Remix renders.
 */
import crypto from "node:crypto";
import helmet from "helmet";

/**
 * Browser features the app never uses, denied to the page and anything it could embed. Only names Chromium knows:
 * an unknown one (e.g. `bluetooth`, `interest-cohort`) makes it log a warning on every page.
 */
export const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(", ");

// Nonces are cut from one read of the system's random generator that serves 256 of them: reading 16 bytes on every
// response cost ~6 µs, a slice of the block ~0.2 µs. Each slice is used once, so every nonce is as unpredictable.
const NONCE_BYTES = 16;
const NONCE_POOL = NONCE_BYTES * 256;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** A fresh nonce: 128 random bits, base64. */
export function newNonce() {
  if (poolOffset >= pool.length) {
    pool = crypto.randomBytes(NONCE_POOL);
    poolOffset = 0;
  }
  const nonce = pool.toString("base64", poolOffset, poolOffset + NONCE_BYTES);
  poolOffset += NONCE_BYTES;
  return nonce;
}

/**
 * `remix dev`'s live-reload socket (REMIX_DEV_ORIGIN, e.g. http://localhost:3001) as a connect-src source, or none.
 * @param {string | undefined} devOrigin
 * @returns {string[]}
 */
function devSockets(devOrigin) {
  if (!devOrigin) return [];
  const url = new URL(devOrigin);
  return [`${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`];
}

/**
 * Express middleware setting every security header and this response's nonce (`res.locals.cspNonce`). Styles come
 * only from our stylesheet (the app has no inline `style` attribute; see README, Decisions), scripts only from us or
 * with the response's nonce.
 *
 * helmet decides the headers; they are the same on every response but for the nonce, so helmet runs once, here, with
 * a placeholder for the nonce, and each response gets its recorded headers with the placeholder replaced: running
 * helmet's thirteen middlewares and building the policy string on every response showed in the CPU profile of each
 * page (README "Decisions", 2026-12-02).
 * @param {{ production: boolean, devOrigin?: string }} options
 */
export function securityHeaders({ production, devOrigin }) {
  const helmetMiddleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", ...devSockets(devOrigin)],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        // Only where the site is served over HTTPS: on the plain-http demo it would send the browser to https.
        "upgrade-insecure-requests": production ? [] : null,
      },
    },
    strictTransportSecurity: production ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xFrameOptions: { action: "deny" },
  });
  const { set, removed } = recordHeaders(helmetMiddleware);
  const csp = set.find(([name]) => name === CSP);
  if (!csp) throw new Error("helmet set no Content-Security-Policy");
  const [cspBefore, cspAfter, ...rest] = csp[1].split(NONCE_PLACEHOLDER);
  if (cspAfter === undefined || rest.length > 0)
    throw new Error("the nonce is not in the Content-Security-Policy once");
  const headers = [["Permissions-Policy", PERMISSIONS_POLICY], ...set];
  return function setSecurityHeaders(_req, res, next) {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, name === CSP ? `${cspBefore}${nonce}${cspAfter}` : value);
    next();
  };
}

const CSP = "Content-Security-Policy";
// Stands for the nonce while helmet runs once; base64 never contains "_", so no real nonce can look like it.
const NONCE_PLACEHOLDER = "__nonce__";

/**
 * The headers a synchronous middleware sets and removes, in order, on a stand-in response whose nonce is the
 * placeholder (helmet's middlewares read nothing else from the request or response).
 * @param {import("express").RequestHandler} middleware
 * @returns {{ set: [string, string][], removed: string[] }}
 */
function recordHeaders(middleware) {
  /** @type {[string, string][]} */
  const set = [];
  /** @type {string[]} */
  const removed = [];
  const res = {
    locals: { cspNonce: NONCE_PLACEHOLDER },
    setHeader: (name, value) => void set.push([name, String(value)]),
    removeHeader: (name) => void removed.push(name),
  };
  let done = false;
  middleware(/** @type {any} */ ({}), /** @type {any} */ (res), (error) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error("helmet did not finish synchronously");
  return { set, removed };
}
