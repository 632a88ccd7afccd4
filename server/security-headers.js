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

/** Express middleware: a fresh nonce (128 random bits) for this response. */
export function cspNonce(_req, res, next) {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
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
 * Express middleware setting every security header. Styles come only from our stylesheet (the app has no inline
 * `style` attribute; see README, Decisions), scripts only from us or with this response's nonce.
 * @param {{ production: boolean, devOrigin?: string }} options
 */
export function securityHeaders({ production, devOrigin }) {
  const headers = helmet({
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
  return function setSecurityHeaders(req, res, next) {
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    headers(req, res, next);
  };
}
