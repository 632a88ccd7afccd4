// Sign-in, sessions, sign-out, rate limiting and guards, through the real loaders and actions.
import { describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, MAX_FAILURES_PER_ADDRESS } from "~/models/login-attempt.server";
import { loader as notFoundLoader } from "~/routes/$";
import { loader as healthLoader } from "~/routes/healthz";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as staffHomeLoader } from "~/routes/staff._index";
import { loader as studentHomeLoader } from "~/routes/student._index";
import { getDb } from "~/utils/db.server";
import { getSessionUser, sessionCookie, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "~/utils/session.server";
import { hashToken } from "~/utils/tokens.server";
import { callAction, callLoader } from "../setup/call";
import { cookiesFrom, createUser, get, payload, settle, signIn, statusOf } from "../setup/http";

const ctx = (ip = "192.0.2.1") => ({ clientIp: ip });

async function login(email: string, password: string, ip = "192.0.2.1", cookie?: string) {
  return settle(callAction(loginAction, "/login", { form: { email, password }, cookie, context: ctx(ip) }));
}

async function sessionIdsOf(userId: number) {
  const rows = await getDb().selectFrom("session").select("id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.id);
}

function sessionToken(cookieHeader: string) {
  const pair = cookieHeader.split("; ").find((c) => c.startsWith("__session="))!;
  return pair;
}

describe("sign-in", () => {
  it("signs in with a plain form POST and lands on the role's home, with a safe session cookie", async () => {
    const staff = await createUser("staff");
    const res = (await login(staff.email, staff.password)) as Response;
    expect(res).toHaveRedirect("/staff");
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("__session="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i); // only in production
    // The cookie holds a signed random token, never the user id or data.
    const token = await sessionCookie().parse(setCookie.split(";")[0]);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(await sessionIdsOf(staff.id)).toHaveLength(1);
  });

  it("sets the Secure flag in production", async () => {
    const { resetConfig } = await import("~/utils/env.server");
    const before = { ...process.env };
    process.env.APP_ENV = "production";
    process.env.SESSION_SECRET = "x".repeat(40);
    process.env.PUBLIC_URL = "https://kita.example";
    process.env.MAIL_MODE = "keep";
    resetConfig();
    vi.resetModules();
    try {
      const fresh = await import("~/utils/session.server");
      expect(await fresh.sessionCookie().serialize("token")).toMatch(/Secure/);
    } finally {
      process.env = before;
      resetConfig();
      vi.resetModules();
    }
  });

  it("refuses to start in production without secrets", async () => {
    const { resetConfig, config } = await import("~/utils/env.server");
    const before = { ...process.env };
    process.env.APP_ENV = "production";
    delete process.env.SESSION_SECRET;
    resetConfig();
    try {
      expect(() => config()).toThrow(/SESSION_SECRET/);
    } finally {
      process.env = before;
      resetConfig();
    }
  });

  it("refuses to start in production without MAIL_API_URL unless MAIL_MODE=keep says so", async () => {
    const { resetConfig, config } = await import("~/utils/env.server");
    const before = { ...process.env };
    process.env.APP_ENV = "production";
    process.env.SESSION_SECRET = "x".repeat(40);
    process.env.PUBLIC_URL = "https://kita.example";
    delete process.env.MAIL_API_URL;
    delete process.env.MAIL_MODE;
    try {
      resetConfig();
      expect(() => config()).toThrow(/MAIL_API_URL/);
      process.env.MAIL_MODE = "api";
      resetConfig();
      expect(() => config()).toThrow(/MAIL_API_URL/);
      process.env.MAIL_MODE = "bogus";
      resetConfig();
      expect(() => config()).toThrow(/MAIL_MODE/);
      process.env.MAIL_MODE = "keep";
      resetConfig();
      expect(config().mailMode).toBe("keep");
      delete process.env.MAIL_MODE;
      process.env.MAIL_API_URL = "https://mail.example/send";
      resetConfig();
      expect(config().mailMode).toBe("api");
    } finally {
      process.env = before;
      resetConfig();
    }
  });

  it("issues a new session id at every sign-in and drops the one the browser had", async () => {
    const user = await createUser("student");
    const first = cookiesFrom((await login(user.email, user.password)) as Response);
    const [firstId] = await sessionIdsOf(user.id);
    const second = cookiesFrom((await login(user.email, user.password, "192.0.2.1", first)) as Response);
    const ids = await sessionIdsOf(user.id);
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe(firstId);
    expect(sessionToken(second)).not.toBe(sessionToken(first));
    expect(await getSessionUser(get("/", { cookie: first }))).toBeNull();
    expect((await getSessionUser(get("/", { cookie: second })))?.id).toBe(user.id);
  });

  it("answers a wrong password with a clear form error and no session", async () => {
    const user = await createUser("student");
    const res = await login(user.email, "wrong password!");
    expect(statusOf(res)).toBe(401);
    expect(payload(res).result.error[""]).toEqual(["auth.invalidCredentials"]);
    expect(await sessionIdsOf(user.id)).toHaveLength(0);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const res = await login("nobody@test.example", "whatever-password");
    expect(statusOf(res)).toBe(401);
    expect(payload(res).result.error[""]).toEqual(["auth.invalidCredentials"]);
  });

  it("shows field errors for an empty form", async () => {
    const res = await login("", "");
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error.email).toEqual(["validation.required"]);
  });

  it("only follows same-site redirect paths after sign-in", async () => {
    const user = await createUser("staff");
    const evil = (await settle(
      callAction(loginAction, "/login", {
        form: { email: user.email, password: user.password, redirectTo: "//evil.example/x" },
        context: ctx(),
      }),
    )) as Response;
    expect(evil.headers.get("Location")).toBe("/staff");
    const good = (await settle(
      callAction(loginAction, "/login", {
        form: { email: user.email, password: user.password, redirectTo: "/staff/users" },
        context: ctx(),
      }),
    )) as Response;
    expect(good.headers.get("Location")).toBe("/staff/users");
  });

  it("sends signed-in users from /login to their home", async () => {
    const user = await createUser("firm");
    const res = (await settle(callLoader(loginLoader, "/login", { cookie: await signIn(user.id) }))) as Response;
    expect(res.headers.get("Location")).toBe("/firm");
  });
});

describe("rate limiting", () => {
  it("limits failed attempts per account and address with 429 and a clear message, even with the right password", async () => {
    const user = await createUser("student");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect(statusOf(await login(user.email, "bad-password", "198.51.100.1"))).toBe(401);
    }
    const limited = await login(user.email, user.password, "198.51.100.1");
    expect(statusOf(limited)).toBe(429);
    expect(payload(limited).result.error[""][0]).toMatch(/^auth\.rateLimited\?minutes=\d+$/);
    expect(await sessionIdsOf(user.id)).toHaveLength(0);
    // Whoever guessed from that address has not locked the owner out: another address still signs in.
    expect(statusOf(await login(user.email, user.password, "198.51.100.99"))).toBe(302);
  });

  it("limits failed attempts per address across accounts", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await login(`spray${i}@test.example`, "guess-password", ip);
    const user = await createUser("student");
    expect(statusOf(await login(user.email, user.password, ip))).toBe(429);
    // Another address is not affected.
    expect(statusOf(await login(user.email, user.password, "203.0.113.8"))).toBe(302);
  });
});

describe("session expiry and sign-out", () => {
  it("expires a session after the idle timeout and deletes the row", async () => {
    const user = await createUser("student");
    const cookie = await signIn(user.id);
    const [id] = await sessionIdsOf(user.id);
    await getDb()
      .updateTable("session")
      .set({ last_seen_at: new Date(Date.now() - SESSION_IDLE_MS - 1000).toISOString() })
      .where("id", "=", id)
      .execute();
    expect(await getSessionUser(get("/", { cookie }))).toBeNull();
    expect(await sessionIdsOf(user.id)).toHaveLength(0);
  });

  it("looks a page view's session up once, but again for another cookie, and anew for every POST", async () => {
    const user = await createUser("student");
    const cookie = await signIn(user.id);
    const other = await signIn((await createUser("staff")).id);
    const storage = globalThis.__kitaRequestContext!;
    const [id] = await sessionIdsOf(user.id);
    const signOutMeanwhile = () => getDb().deleteFrom("session").where("id", "=", id).execute();
    await storage.run({ requestId: "page-view", userId: null }, async () => {
      expect((await getSessionUser(get("/", { cookie })))?.id).toBe(user.id);
      await signOutMeanwhile();
      // The page's loader, with its own copy of the same request: the root loader's answer.
      expect((await getSessionUser(get("/student", { cookie })))?.id).toBe(user.id);
      expect((await getSessionUser(get("/", { cookie: other })))?.role).toBe("staff");
    });
    const second = await signIn(user.id);
    const [secondId] = await sessionIdsOf(user.id);
    await storage.run({ requestId: "action", userId: null }, async () => {
      const post = () => new Request("http://localhost/account", { method: "POST", headers: { cookie: second } });
      expect((await getSessionUser(post()))?.id).toBe(user.id);
      await getDb().deleteFrom("session").where("id", "=", secondId).execute();
      expect(await getSessionUser(post())).toBeNull();
    });
  });

  it("expires a session at its absolute expiry even when active", async () => {
    const user = await createUser("student");
    const cookie = await signIn(user.id);
    const [id] = await sessionIdsOf(user.id);
    await getDb()
      .updateTable("session")
      .set({
        expires_at: new Date(Date.now() - 1000).toISOString(),
        created_at: new Date(Date.now() - SESSION_ABSOLUTE_MS).toISOString(),
      })
      .where("id", "=", id)
      .execute();
    expect(await getSessionUser(get("/", { cookie }))).toBeNull();
  });

  it("sign-out deletes the session row, so the old cookie no longer works", async () => {
    const user = await createUser("staff");
    const cookie = await signIn(user.id);
    const res = (await settle(callAction(logoutAction, "/logout", { cookie }))) as Response;
    expect(res).toHaveRedirect();
    expect(
      res.headers
        .getSetCookie()
        .some((c) => c.startsWith("__session=;") && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)),
    ).toBe(true);
    expect(await sessionIdsOf(user.id)).toHaveLength(0);
    const replay = (await settle(callLoader(staffHomeLoader, "/staff", { cookie }))) as Response;
    expect(replay).toHaveRedirect("/login?redirectTo=%2Fstaff");
  });

  it("stores only a hash of the token", async () => {
    const user = await createUser("student");
    const cookie = await signIn(user.id);
    const token = await sessionCookie().parse(cookie);
    const [id] = await sessionIdsOf(user.id);
    expect(id).toBe(hashToken(token));
    expect(id).not.toBe(token);
  });
});

describe("guards", () => {
  it("answers 403 to a signed-in user of another role", async () => {
    const student = await createUser("student");
    const res = await settle(callLoader(staffHomeLoader, "/staff", { cookie: await signIn(student.id) }));
    expect(statusOf(res)).toBe(403);
  });

  it("lets the right role in", async () => {
    const student = await createUser("student");
    const res = await callLoader(studentHomeLoader, "/student", { cookie: await signIn(student.id) });
    expect(payload(res).user.name).toContain("テスト");
  });

  it("answers 404 for an unknown page", async () => {
    expect(statusOf(await settle(notFoundLoader()))).toBe(404);
  });

  it("GET /healthz answers 200 when the database answers", async () => {
    const res = await healthLoader();
    expect(res.status).toBe(200);
  });
});
