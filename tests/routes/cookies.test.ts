// Cookie names and flags over HTTPS and plain http: the session cookie is `__Host-session` and Secure on HTTPS,
// `__session` on plain http (browsers refuse __Host- without Secure); the language and toast cookies are Secure on
// HTTPS too. (That every cookie of an HTTPS response is Secure is also enforced by the server: server-edge.test.ts.)
import { describe, expect, it, vi } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as localeAction } from "~/routes/locale";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { getSessionUser, startSession } from "~/utils/session.server";
import { setToastCookie } from "~/utils/toast.server";
import { callAction, callLoader } from "../setup/call";
import { createUser, settle } from "../setup/http";

function formRequest(url: string, fields: Record<string, string>, cookie?: string) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request(url, { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

async function signInOver(origin: string) {
  const user = await createUser("student");
  const res = (await settle(
    callAction(loginAction, formRequest(`${origin}/login`, { email: user.email, password: user.password }), {
      context: { clientIp: "192.0.2.77" },
    }),
  )) as Response;
  expect(res).toHaveRedirect();
  const session = res.headers.getSetCookie().find((c) => /^(__Host-session|__session)=/.test(c))!;
  return { user, session, pair: session.split(";")[0] };
}

const attrs = (cookie: string) =>
  cookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().split("=")[0].toLowerCase());

describe("the session cookie", () => {
  it("is __Host-session, Secure, Path=/ and without Domain over HTTPS", async () => {
    const { session } = await signInOver("https://kita.example");
    expect(session).toMatch(/^__Host-session=/);
    expect(attrs(session)).toEqual(expect.arrayContaining(["secure", "httponly", "path", "samesite"]));
    expect(attrs(session)).not.toContain("domain");
    expect(session).toMatch(/Path=\/(;|$)/);
  });

  it("keeps the plain name without Secure on plain http, where browsers would refuse __Host-", async () => {
    const { session } = await signInOver("http://localhost:3000");
    expect(session).toMatch(/^__session=/);
    expect(attrs(session)).not.toContain("secure");
  });

  it("is read under its own name only: a plain-http session is dropped over HTTPS", async () => {
    const https = await signInOver("https://kita.example");
    const asHttps = (cookie: string) => new Request("https://kita.example/", { headers: { Cookie: cookie } });
    expect((await getSessionUser(asHttps(https.pair)))?.id).toBe(https.user.id);
    const http = await signInOver("http://localhost:3000");
    expect(await getSessionUser(asHttps(http.pair))).toBeNull();
    // A __Host- cookie sent over plain http is not read either.
    expect(await getSessionUser(new Request("http://localhost:3000/", { headers: { Cookie: https.pair } }))).toBeNull();
  });

  it("is cleared with the same name and flags at sign-out over HTTPS", async () => {
    const { pair, user } = await signInOver("https://kita.example");
    const res = (await settle(
      callAction(logoutAction, formRequest("https://kita.example/logout", {}, pair)),
    )) as Response;
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith("__Host-session="))!;
    expect(cleared).toMatch(/^__Host-session=;/);
    expect(attrs(cleared)).toContain("secure");
    expect(attrs(cleared)).toContain("max-age");
    const asHttps = new Request("https://kita.example/", { headers: { Cookie: pair } });
    expect(await getSessionUser(asHttps)).toBeNull();
    expect(user.id).toBeGreaterThan(0);
  });

  it("is Secure in production even when the request looks like plain http", async () => {
    const { resetConfig } = await import("~/utils/env.server");
    const before = { ...process.env };
    Object.assign(process.env, {
      APP_ENV: "production",
      SESSION_SECRET: "s".repeat(40),
      PUBLIC_URL: "https://kita.example",
      MAIL_MODE: "keep",
    });
    resetConfig();
    vi.resetModules();
    try {
      const fresh = await import("~/utils/session.server");
      const serialized = await fresh.sessionCookie(new Request("http://internal:3000/")).serialize("t");
      expect(serialized).toMatch(/^__Host-session=/);
      expect(serialized).toMatch(/; Secure/);
    } finally {
      process.env = before;
      resetConfig();
      vi.resetModules();
    }
  });
});

describe("the language and toast cookies", () => {
  it("the language switch sets lng Secure over HTTPS, not over plain http", async () => {
    const over = async (origin: string) => {
      const res = (await settle(
        callAction(localeAction, formRequest(`${origin}/locale`, { locale: "en", redirectTo: "/" })),
      )) as Response;
      return res.headers.getSetCookie().find((c) => c.startsWith("lng="))!;
    };
    expect(attrs(await over("https://kita.example"))).toContain("secure");
    expect(attrs(await over("http://localhost:3000"))).not.toContain("secure");
  });

  it("the root loader clears a shown toast with a Secure cookie over HTTPS", async () => {
    const toast = (await setToastCookie({ kind: "success", key: "account.saved" })).split(";")[0];
    const res = await callLoader(rootLoader, new Request("https://kita.example/", { headers: { Cookie: toast } }));
    const init = (res as any).init as { headers: Record<string, string> };
    const cleared = init.headers["Set-Cookie"];
    expect(cleared).toMatch(/^toast=;/);
    expect(attrs(cleared)).toContain("secure");
  });

  it("a session started for a plain-http request stays usable there (the local demo)", async () => {
    const user = await createUser("firm");
    const setCookie = await startSession(new Request("http://localhost:3000/login"), user.id, null);
    const pair = setCookie.split(";")[0];
    expect(pair).toMatch(/^__session=/);
    const asHttp = new Request("http://localhost:3000/firm", { headers: { Cookie: pair } });
    expect((await getSessionUser(asHttp))?.id).toBe(user.id);
  });
});
