/**
 * One JSON line per request on stdout: time, request id, method, path (tokens in the path redacted, query values
 * kept only for harmless names), status, duration and the signed-in user's id. The request id is also the
 * `X-Request-Id` header and goes to the app through the load context (the error page shows it, so staff can quote
 * it). Each request runs inside the AsyncLocalStorage the app reads (app/utils/request-context.server.ts), which is
 * where the app notes the user once it has read the session.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";

/** @type {AsyncLocalStorage<{ requestId: string, userId: number | null }>} */
const storage = (globalThis.__kitaRequestContext ??= new AsyncLocalStorage());

// Which worker of the cluster answered (server/cluster.js); absent when one process serves.
const WORKER = cluster.isWorker ? { worker: cluster.worker.id } : {};

// A path segment after these is a credential (emailed links, feed and wallet URLs): never written to the log.
const TOKEN_AFTER =
  /(\/(?:invitations|reset-password|register\/confirm|host-response|calendar|wallet\/(?:add|exchanges|interactions))\/)(?!thanks(?:[/?#.]|$))([^/?#]+)/gi;
// Query values worth keeping in a log line; every other value (a search for a person's name, a code) is redacted.
const KEPT_QUERY = new Set(["page", "role", "status", "university", "firm", "format", "intent", "confirm", "index"]);

/** The URL as it may be logged: token segments and unknown query values replaced by `[redacted]`. */
export function redactUrl(originalUrl) {
  const q = originalUrl.indexOf("?");
  const rawPath = q === -1 ? originalUrl : originalUrl.slice(0, q);
  const path = rawPath.replace(TOKEN_AFTER, (_m, before, token) => {
    const suffix = /\.(ics|data)$/i.exec(token)?.[0] ?? "";
    return `${before}[redacted]${suffix}`;
  });
  if (q === -1) return path;
  const params = new URLSearchParams(originalUrl.slice(q + 1));
  const kept = new URLSearchParams();
  for (const [name, value] of params) kept.append(name, KEPT_QUERY.has(name) ? value : "[redacted]");
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * @param {{ write?: ((line: string) => void) | null }} [options] where lines go (stdout by default; null: nowhere)
 * @returns {import("express").RequestHandler}
 */
export function requestLog({ write = (line) => process.stdout.write(`${line}\n`) } = {}) {
  return (req, res, next) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    const context = { requestId, userId: null };
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    let logged = false;
    const done = () => {
      if (logged || !write) return;
      logged = true;
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          level: "info",
          msg: "request",
          requestId,
          method: req.method,
          path: redactUrl(req.originalUrl),
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          userId: context.userId,
          ...WORKER,
          ...(res.writableFinished ? {} : { aborted: true }),
        }),
      );
    };
    res.on("finish", done);
    res.on("close", done);
    storage.run(context, next);
  };
}

/** A log line for an error (for the server's own error handler): level "error" with its stack, or "warn" without. */
export function logServerError(message, error, requestId, { level = "error" } = {}) {
  process.stderr.write(
    `${JSON.stringify({
      time: new Date().toISOString(),
      level,
      msg: message,
      ...(requestId ? { requestId } : {}),
      error: error instanceof Error ? error.message : String(error),
      // A client's mistake needs no stack: its line says what was wrong, and one per request is all it may cost.
      stack: level === "error" && error instanceof Error ? error.stack : undefined,
    })}\n`,
  );
}
