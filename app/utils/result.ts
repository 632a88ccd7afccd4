/**
 * The one shape for expected failures (STYLE.md principle 13). A model returns `ok(...)` or `fail("catalog.key")`
 * for what a user can cause (a full project, a closed window, a stale form); it throws only for bugs. Routes turn a
 * failure into an answer with one helper; models never build HTTP responses.
 */

/** Values interpolated into the catalog message, e.g. `{ minutes: 5 }`. */
export type MessageValues = Record<string, string | number>;

export type Failure<Reason extends string = string> = {
  ok: false;
  /** A catalog key, e.g. "projects.errors.full". */
  reason: Reason;
  /** The form field the failure belongs to, when it belongs to one. */
  field?: string;
  values?: MessageValues;
};

/**
 * The two failures every route answers the same way, as catalog keys of the error page: a row that is not there (or
 * whose existence is private) ends the request with a 404, a row that is not the user's with a 403.
 */
export const NOT_FOUND = "errors.404";
export const FORBIDDEN = "errors.403";

export type Ok<T extends object = object> = { ok: true } & T;

export type Result<T extends object = object, Reason extends string = string> = Ok<T> | Failure<Reason>;

export function ok(): Ok;
export function ok<T extends object>(value: T): Ok<T>;
export function ok<T extends object>(value?: T): Ok<T> {
  return { ok: true, ...(value as T) };
}

export function fail<Reason extends string>(
  reason: Reason,
  extra: { field?: string; values?: MessageValues } = {},
): Failure<Reason> {
  return { ok: false, reason, ...extra };
}
