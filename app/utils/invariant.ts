/**
 * Guards that end a loader or action with an HTTP answer (the Epic Stack's `invariantResponse`): a missing row is a
 * 404, a row the user may not see a 403 (or a 404 when even its existence is private). Routes only: models return
 * results (app/utils/result.ts) and never build responses.
 */

export function invariantResponse(
  condition: unknown,
  message: string | (() => string) = "Not Found",
  init: ResponseInit = { status: 404 },
): asserts condition {
  if (!condition) {
    throw new Response(typeof message === "function" ? message() : message, { status: 404, ...init });
  }
}

/** The row, or a 404. */
export function found<T>(value: T | null | undefined): T {
  invariantResponse(value !== null && value !== undefined);
  return value;
}
