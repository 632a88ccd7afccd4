/**
 * The one way a route answers a model's failure (app/utils/result.ts, STYLE.md principle 13). The model says what
 * went wrong as a catalog key; the route says how its page shows it, and this module builds that answer:
 *
 * - `failureReply`: the message on the Conform form, next to a field or above the form, with what was entered kept
 *   (400, or the status the route answers with);
 * - `failureToast`: back to a page with the message as an error toast (post → redirect → get), and `toastResult`
 *   for the buttons that go back there either way, with a success toast or the failure's;
 * - `failureData`: the message as the action's `error`, for pages whose buttons are not a Conform form.
 *
 * Each of them first ends the request for NOT_FOUND (404) and FORBIDDEN (403), and for the reasons a route lists in
 * `end` (a reason that is a 404 on one page and a message on another, such as a sign-up that is not there);
 * `throwFailure` does only that, for loaders whose model can fail in no other way.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { msg } from "~/schemas/messages";
import { invariantResponse } from "~/utils/invariant";
import { FORBIDDEN, NOT_FOUND, type Failure, type Result } from "~/utils/result";
import { redirectWithToast } from "~/utils/toast.server";

interface ReplyOptions {
  formErrors?: string[];
  fieldErrors?: Record<string, string[]>;
  hideFields?: string[];
  resetForm?: boolean;
}

/** A Conform submission, as `form.parse(Schema)` returns it. */
export interface Replyable {
  reply(options?: ReplyOptions): SubmissionResult<string[]>;
}

/** The status of the answer: one for every reason, or chosen per reason. */
export type StatusFor = number | ((reason: string) => number);

/** Reasons that end the request with a bare HTTP error (the error page) instead of an answer the page shows. */
export type Ends = Record<string, number>;

const ALWAYS_ENDS: Ends = { [NOT_FOUND]: 404, [FORBIDDEN]: 403 };
const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 410: "Gone" };

function endIfMissing(failure: Failure, end: Ends = {}) {
  const status = end[failure.reason] ?? ALWAYS_ENDS[failure.reason];
  invariantResponse(status === undefined, () => STATUS_TEXT[status!] ?? "Error", { status });
}

/**
 * Ends the request for a failure that can only be one of the request-ending ones (NOT_FOUND, FORBIDDEN or a reason in
 * `end`), as a loader that only reads does: any other reason here is a bug.
 */
export function throwFailure(failure: Failure, end?: Ends): never {
  endIfMissing(failure, end);
  throw new Error(`Unexpected failure: ${failure.reason}`);
}

function statusOf(status: StatusFor | undefined, failure: Failure, fallback: number) {
  if (status === undefined) return fallback;
  return typeof status === "number" ? status : status(failure.reason);
}

/** The failure's message as forms and toasts carry it: the catalog key with its values. */
export function failureMessage(failure: Failure): string {
  return msg(failure.reason, failure.values);
}

/**
 * The failure on the form. It goes next to a field when the route names one (for every reason, or per reason) or
 * else when the model named one, and above the form otherwise. `with` adds the page's own fields to the payload.
 * With `resetForm` the form starts again from what the loader shows, and the message travels beside it as `notice`.
 */
export function failureReply<W extends object = object>(
  submission: Replyable,
  failure: Failure,
  options: {
    status?: StatusFor;
    field?: string | Partial<Record<string, string>>;
    with?: W;
    hideFields?: string[];
    resetForm?: boolean;
    headers?: HeadersInit;
    end?: Ends;
  } = {},
) {
  endIfMissing(failure, options.end);
  const { field: named, hideFields } = options;
  const message = failureMessage(failure);
  const status = statusOf(options.status, failure, 400);
  const init = { status, headers: options.headers };
  if (options.resetForm) {
    const payload: FailureReply<W> = {
      ...(options.with as W),
      result: submission.reply({ resetForm: true }),
      notice: message,
    };
    return data(payload, init);
  }
  const field = (typeof named === "string" ? named : named?.[failure.reason]) ?? failure.field;
  const result = submission.reply({
    ...(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }),
    ...(hideFields ? { hideFields } : {}),
  });
  const payload: FailureReply<W> = { ...(options.with as W), result };
  return data(payload, init);
}

/** What `failureReply` answers: the page's own fields, the form's result, and a notice when the form started again. */
export type FailureReply<W extends object = object> = W & { result: SubmissionResult<string[]>; notice?: string };

/** Back to `to` with the failure as an error toast. */
export function failureToast(to: string, failure: Failure, options: { end?: Ends } = {}) {
  endIfMissing(failure, options.end);
  return redirectWithToast(to, {
    kind: "error",
    key: failure.reason,
    ...(failure.values ? { values: failure.values } : {}),
  });
}

/** Back to `to` either way: with the success toast (a catalog key), or with the failure's message. */
export function toastResult(result: Result, to: string, successKey: string, options: { end?: Ends } = {}) {
  if (!result.ok) return failureToast(to, result, options);
  return redirectWithToast(to, { kind: "success", key: successKey });
}

/** The failure as the action's `error` (a catalog key the page translates), with the page's own fields. */
export function failureData<W extends object = object>(
  failure: Failure,
  options: { status?: StatusFor; with?: W; end?: Ends } = {},
) {
  endIfMissing(failure, options.end);
  return data({ ...(options.with as W), error: failure.reason }, { status: statusOf(options.status, failure, 409) });
}

/**
 * The status a project or pairing refusal is answered with (the last part of its catalog key): a role or owner that
 * may not do it 403, a missing or unusable input 400, anything the project's state no longer allows 409.
 */
export function projectFailureStatus(reason: string): number {
  const key = reason.slice(reason.lastIndexOf(".") + 1);
  if (key === "forbidden") return 403;
  if (key.startsWith("agreement") || BAD_INPUT.has(key)) return 400;
  return 409;
}
const BAD_INPUT = new Set(["commentRequired", "reasonRequired", "unknownStudent", "unknownHost"]);
