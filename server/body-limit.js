/**
 * Request bodies, checked before Remix reads them: the content types an action accepts, and how many bytes a body may
 * have. The one table of limits is BODY_LIMITS; everything else gets DEFAULT_BODY_LIMIT. A declared Content-Length
 * over the limit is refused at once; a body without one (chunked) is counted as it streams to Remix, and refused the
 * moment it passes the limit. Either way the rest is never read: the 413 answer closes the connection.
 */
import { Transform } from "node:stream";
import contentType from "content-type";
import { sendStatusPage } from "./pages.js";

const MB = 1024 * 1024;
/**
 * What Remix's own client sends: <Form>, fetcher.Form and submit() post application/x-www-form-urlencoded by default
 * and multipart/form-data with encType (single fetch keeps the submission's type when it posts to `<path>.data`).
 * Every action reads its form through the form reader, which reads nothing else, so JSON and text/plain are refused
 * — except where BODY_LIMITS says a route takes JSON.
 */
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
const JSON_TYPES = new Set(["application/json"]);
/** Room for the multipart framing and the small text fields sent beside an uploaded file. */
export const MULTIPART_OVERHEAD = 64 * 1024;
/** Any other form post. The largest real one (a ranking of every host) is a few kilobytes. */
export const DEFAULT_BODY_LIMIT = 1 * MB;

/**
 * Routes with a body other than an ordinary form post: uploads with the file's own limit (the action checks the file
 * again and answers a field error; these only stop what could never be accepted), and the wallet exchange, which
 * speaks JSON (VC-API). Paths as Express sees them, before decoding; Remix's single fetch posts the same form to
 * `<path>.data`, which the patterns allow for. Matching is case-insensitive because Remix's route matching is.
 */
export const BODY_LIMITS = [
  // Agreement documents: one PDF of at most 10 MB (app/schemas/agreements.ts, MAX_DOCUMENT_BYTES).
  { pattern: /^\/staff\/agreements\/\d+(?:\.data|\/)?$/i, fileLimit: 10 * MB },
  // The firm register import: one CSV of at most 5 MB (app/firms/firm-csv.server.ts, MAX_IMPORT_BYTES).
  { pattern: /^\/staff\/firms\/import(?:\.data|\/)?$/i, fileLimit: 5 * MB },
]
  .map((route) => ({ ...route, limit: route.fileLimit + MULTIPART_OVERHEAD, types: FORM_TYPES }))
  .concat([
    // A wallet's DID-Auth presentation (a few kilobytes) posted to the VC-API exchange.
    { pattern: /^\/wallet\/exchanges\/[^/]+\/?$/i, fileLimit: 0, limit: 64 * 1024, types: JSON_TYPES },
  ]);

function routeFor(path) {
  return BODY_LIMITS.find((route) => route.pattern.test(path));
}

/** The largest body, in bytes, that a request to this path may carry. */
export function bodyLimitFor(path) {
  return routeFor(path)?.limit ?? DEFAULT_BODY_LIMIT;
}

const WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/**
 * 0 when the request's content type is acceptable, else the status to answer: 415 for a missing or unsupported type,
 * 400 for one that cannot be parsed or a multipart body without its boundary.
 * @param {string} method @param {string | undefined} header @param {string} [path] the route's own types apply
 * @returns {0 | 400 | 415}
 */
export function contentTypeProblem(method, header, path = "") {
  if (!WITH_BODY.has(method.toUpperCase())) return 0;
  if (!header) return 415;
  let parsed;
  try {
    parsed = contentType.parse(header);
  } catch {
    return 400;
  }
  if (!(routeFor(path)?.types ?? FORM_TYPES).has(parsed.type)) return 415;
  if (parsed.type === "multipart/form-data") {
    const boundary = parsed.parameters.boundary;
    // RFC 2046: 1–70 characters.
    if (!boundary || boundary.length > 70) return 400;
  }
  return 0;
}

/**
 * Express middleware: refuses a bad content type (415/400) and a declared body over the path's limit (413), without
 * reading the body.
 * @param {import("express").Request} req @param {import("express").Response} res @param {() => void} next
 */
export function bodyGuard(req, res, next) {
  const problem = contentTypeProblem(req.method, req.get("content-type"), req.path);
  if (problem) {
    // Nothing of the body will be read: close rather than drain it.
    sendStatusPage(res, problem, { close: hasBody(req) });
    return;
  }
  const declared = req.get("content-length");
  if (declared !== undefined && Number(declared) > bodyLimitFor(req.path)) {
    sendStatusPage(res, 413, { close: true });
    return;
  }
  next();
}

function hasBody(req) {
  return req.get("transfer-encoding") !== undefined || Number(req.get("content-length") ?? 0) > 0;
}

/**
 * The request body for Remix, counted as it streams in. Past the path's limit the stream stops: the request is
 * paused (nothing more is read), `onTooLarge` is called (the caller answers 413 and aborts Remix's request) and the
 * stream errors, so whoever was reading it gives up.
 * @param {import("express").Request} req
 * @param {() => void} onTooLarge
 * @returns {import("node:stream").Readable}
 */
export function limitedBody(req, onTooLarge) {
  const limit = bodyLimitFor(req.path);
  let seen = 0;
  const counted = new Transform({
    transform(chunk, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) {
        req.unpipe(counted);
        req.pause();
        onTooLarge();
        callback(Object.assign(new Error("Request body too large"), { status: 413 }));
        return;
      }
      callback(null, chunk);
    },
  });
  req.on("error", (error) => counted.destroy(error));
  return req.pipe(counted);
}
