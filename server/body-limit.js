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
/** Room for the multipart framing and the small text fields sent beside an uploaded file. */
export const MULTIPART_OVERHEAD = 64 * 1024;
/** Any other form post. The largest real one (a ranking of every host) is a few kilobytes. */
export const DEFAULT_BODY_LIMIT = 1 * MB;

/**
 * Routes that take an upload, with the file's own limit (the action checks the file again and answers a field
 * error; these only stop what could never be accepted). Paths as Express sees them, before decoding; Remix's single
 * fetch posts the same form to `<path>.data`, which the patterns allow for. Matching is case-insensitive because
 * Remix's route matching is.
 */
export const BODY_LIMITS = [
  // Agreement documents: one PDF of at most 10 MB (app/schemas/agreements.ts, MAX_DOCUMENT_BYTES).
  { pattern: /^\/staff\/agreements\/\d+(?:\.data|\/)?$/i, fileLimit: 10 * MB },
  // The firm register import: one CSV of at most 5 MB (app/utils/firm-csv.server.ts, MAX_IMPORT_BYTES).
  { pattern: /^\/staff\/firms\/import(?:\.data|\/)?$/i, fileLimit: 5 * MB },
].map((route) => ({ ...route, limit: route.fileLimit + MULTIPART_OVERHEAD }));

/** The largest body, in bytes, that a request to this path may carry. */
export function bodyLimitFor(path) {
  return BODY_LIMITS.find((route) => route.pattern.test(path))?.limit ?? DEFAULT_BODY_LIMIT;
}

const WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/**
 * What Remix's own client sends: <Form>, fetcher.Form and submit() post application/x-www-form-urlencoded by default
 * and multipart/form-data with encType (single fetch keeps the submission's type when it posts to `.data`). Every
 * action reads request.formData(), which cannot read anything else, so JSON and text/plain are refused here.
 */
export const ACCEPTED_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * 0 when the request's content type is acceptable, else the status to answer: 415 for a missing or unsupported type,
 * 400 for one that cannot be parsed or a multipart body without its boundary.
 * @param {string} method @param {string | undefined} header
 * @returns {0 | 400 | 415}
 */
export function contentTypeProblem(method, header) {
  if (!WITH_BODY.has(method.toUpperCase())) return 0;
  if (!header) return 415;
  let parsed;
  try {
    parsed = contentType.parse(header);
  } catch {
    return 400;
  }
  if (!ACCEPTED_TYPES.has(parsed.type)) return 415;
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
  const problem = contentTypeProblem(req.method, req.get("content-type"));
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
