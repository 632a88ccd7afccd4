/**
 * Structured logging: one JSON object per line, on stdout (info) or stderr (warnings, errors), with the request id
 * when there is a request. Stack traces go here and nowhere else: pages never show them.
 */
import { currentRequestContext } from "./request-context.server";

type Level = "info" | "warn" | "error";

/**
 * The error's message and stack, and its code when it has one: SQLite's "database is locked" is the same message for
 * a lock held past the busy timeout (SQLITE_BUSY) and for a transaction refused at once (SQLITE_BUSY_SNAPSHOT), and
 * PostgreSQL's codes (40001, 23505) say more than its messages.
 */
function errorFields(error: unknown) {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = (error as { code?: unknown }).code;
  return { error: error.message, ...(typeof code === "string" ? { code } : {}), stack: error.stack };
}

export function logEvent(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  const context = currentRequestContext();
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    msg,
    ...(context ? { requestId: context.requestId } : {}),
    ...fields,
  });
  (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
}

export function logError(msg: string, error: unknown, fields: Record<string, unknown> = {}) {
  logEvent("error", msg, { ...fields, ...errorFields(error) });
}
