/**
 * Flash toasts after post → redirect → get. The cookie carries a catalog key (and its values), so the toast is
 * shown in the reader's language. Over HTTPS the cookie is Secure: set here where the request is at hand, and by
 * the server for every cookie of an HTTPS response (server/remix-handler.js), which covers redirectWithToast.
 */
import { createCookie, redirect } from "@remix-run/node";
import { config } from "./env.server";
import { isHttpsRequest, safeRedirectPath } from "./session.server";

export interface Toast {
  kind: "success" | "error";
  key: string;
  values?: Record<string, string | number>;
}

let cookie: ReturnType<typeof createCookie> | undefined;
function toastCookie() {
  cookie ??= createCookie("toast", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().isProduction,
    path: "/",
    secrets: config().sessionSecrets,
    maxAge: 60,
  });
  return cookie;
}

export function setToastCookie(toast: Toast): Promise<string> {
  return toastCookie().serialize(toast);
}

/** The pending toast and the header that clears it. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; clear: string | null }> {
  const value = await toastCookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object" || typeof value.key !== "string") return { toast: null, clear: null };
  const secure = isHttpsRequest(request) || config().isProduction;
  return { toast: value as Toast, clear: await toastCookie().serialize("", { maxAge: 0, secure }) };
}

/** Redirects to a same-site path (through safeRedirectPath, so no target can break the Location header). */
export async function redirectWithToast(url: string, toast: Toast, headers: HeadersInit = {}) {
  const h = new Headers(headers);
  h.append("Set-Cookie", await setToastCookie(toast));
  return redirect(safeRedirectPath(url, "/"), { headers: h });
}
