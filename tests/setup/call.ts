// One way to call a route's loader or action in a test: a path (or a ready Request), the cookie, the form, the URL
// params and the load context, instead of building `{ request, params, context }` by hand. What the handler returns
// (or throws) comes back unchanged, so `settle`, `payload` and `.rejects` work on it as before.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { get, post } from "./http";

interface CallInit {
  cookie?: string;
  headers?: Record<string, string>;
  params?: LoaderFunctionArgs["params"];
  context?: AppLoadContext;
}

/** GET `target` (a path, or a Request built elsewhere) through `loader`. */
export function callLoader<R>(loader: (args: LoaderFunctionArgs) => R, target: string | Request, init: CallInit = {}) {
  const { params = {}, context = {}, ...request } = init;
  return loader({ request: typeof target === "string" ? get(target, request) : target, params, context });
}

/** POST `form` to `target` (a path, or a Request built elsewhere, which then carries its own body) through `action`. */
export function callAction<R>(
  action: (args: ActionFunctionArgs) => R,
  target: string | Request,
  init: CallInit & { form?: Record<string, string | string[]> | FormData } = {},
) {
  const { params = {}, context = {}, form = {}, ...request } = init;
  return action({ request: typeof target === "string" ? post(target, form, request) : target, params, context });
}
