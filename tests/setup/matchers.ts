// Custom Vitest matchers for route answers (the Epic Stack has the same two): `toHaveRedirect` for post → redirect
// and `toSendToast` for the flash toast the redirect carries. Each failure message says what the answer was.
import { expect } from "vitest";
import { readToast, type Toast } from "~/utils/toast.server";
import { cookiesFrom, get } from "./http";

interface RouteMatchers<R = unknown> {
  /**
   * A redirect (302 unless `status` says otherwise: every redirect the app makes is Remix's `redirect()`), to
   * `location` when given.
   */
  toHaveRedirect(location?: string, options?: { status?: number }): R;
  /** The answer sets the toast cookie: of this kind, with this catalog key (and these values), when given. */
  toSendToast(kind?: Toast["kind"], key?: string, values?: Toast["values"]): Promise<R>;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging needs an interface
  interface Assertion<T = any> extends RouteMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging needs an interface
  interface AsymmetricMatchersContaining extends RouteMatchers {}
}

function describeAnswer(received: unknown): string {
  if (received instanceof Response) {
    return `a ${received.status} Response with Location ${JSON.stringify(received.headers.get("Location"))}`;
  }
  if (received && typeof received === "object" && "type" in received && received.type === "DataWithResponseInit") {
    const init = (received as { init?: ResponseInit | null }).init;
    return `data() with status ${init?.status ?? 200}`;
  }
  return `${typeof received} ${JSON.stringify(received)?.slice(0, 200)}`;
}

expect.extend({
  toHaveRedirect(received: unknown, location?: string, options: { status?: number } = {}) {
    const status = options.status ?? 302;
    const isRedirect = received instanceof Response && received.status === status;
    const at = received instanceof Response ? received.headers.get("Location") : null;
    const pass = isRedirect && (location === undefined || at === location);
    const wanted = `a ${status} redirect${location === undefined ? "" : ` to ${JSON.stringify(location)}`}`;
    return {
      pass,
      message: () => `expected ${this.isNot ? "not " : ""}${wanted}, got ${describeAnswer(received)}`,
      actual: at,
      expected: location,
    };
  },

  async toSendToast(received: unknown, kind?: Toast["kind"], key?: string, values?: Toast["values"]) {
    const toast =
      received instanceof Response ? (await readToast(get("/", { cookie: cookiesFrom(received) }))).toast : null;
    const pass =
      toast !== null &&
      (kind === undefined || toast.kind === kind) &&
      (key === undefined || toast.key === key) &&
      (values === undefined || this.equals(toast.values, values));
    const wanted = [kind, key, values && JSON.stringify(values)].filter(Boolean).join(" ") || "any";
    return {
      pass,
      message: () =>
        `expected ${this.isNot ? "no" : "a"} toast (${wanted}), got ${
          toast ? JSON.stringify(toast) : `no toast on ${describeAnswer(received)}`
        }`,
      actual: toast,
      expected: { kind, key, values },
    };
  },
});
