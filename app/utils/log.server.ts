/**
 * Structured logging: one JSON object per line, on stdout (info) or stderr (warnings, errors), with the request id
 * when there is a request. Stack traces go here and nowhere else: pages never show them.
 */
import { currentRequestContext } from "./request-context.server";

type Level = "info" | "warn" | "error";

function errorFields(error: unknown) {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  return { error: String(error) };
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
