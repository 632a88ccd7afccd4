/**
 * Server-side, revocable sessions. The cookie holds only a random token (signed with SESSION_SECRET, which may
 * list several secrets for rotation); the session row is keyed by the token's SHA-256. A new token at every
 * sign-in; idle and absolute expiry; sign-out deletes the row.
 */
import { createCookie, redirect } from "@remix-run/node";
import type { Role, User } from "../../db/schema";
import { getDb, now } from "./db.server";
import { config } from "./env.server";
import { invariantResponse } from "./invariant";
import { currentRequestContext, noteRequestUser } from "./request-context.server";
import { hashToken, newToken } from "./tokens.server";

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000; // 12 hours without activity
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000; // 7 days at most
const TOUCH_EVERY_MS = 60 * 1000;

/** Whether the request came over HTTPS (behind a proxy: as the trusted proxy said, see server/client-address.js). */
export function isHttpsRequest(request: Request | undefined): boolean {
  return request !== undefined && new URL(request.url).protocol === "https:";
}

/** The cookie names: browsers accept `__Host-` only with Secure, so plain http (the local demo) keeps the old name. */
export const SESSION_COOKIE_SECURE = "__Host-session";
export const SESSION_COOKIE_PLAIN = "__session";

const cookies = new Map<string, ReturnType<typeof createCookie>>();
/**
 * The session cookie for this request: `__Host-session` and Secure over HTTPS (and always in production), so no
 * subdomain or plain-http page can set or overwrite it; `__session` on plain http. A session cookie of the other
 * name is ignored (the person signs in again).
 */
export function sessionCookie(request?: Request) {
  const secure = isHttpsRequest(request) || config().isProduction;
  const name = secure ? SESSION_COOKIE_SECURE : SESSION_COOKIE_PLAIN;
  let cookie = cookies.get(name);
  if (!cookie) {
    cookie = createCookie(name, {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      secrets: config().sessionSecrets,
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
    cookies.set(name, cookie);
  }
  return cookie;
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The id (token hash) of the session the request carries, or null: to tell "this device" among a user's sessions. */
export async function currentSessionId(request: Request): Promise<string | null> {
  const token = await readToken(request);
  return token ? hashToken(token) : null;
}

export type SessionUser = Pick<
  User,
  "id" | "email" | "role" | "name" | "name_kana" | "name_latin" | "locale" | "university_id" | "firm_id"
>;

/** The signed-in user, or null. Expired sessions are deleted on sight. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  // A page view asks in the root loader and again in the page's (requireRole): each asked with its own copy of the
  // request, so the answer is kept in the request's context, for the same cookie. Only for GET and HEAD: an action
  // may sign the person out, and the loaders that follow it must see that.
  const context = request.method === "GET" || request.method === "HEAD" ? currentRequestContext() : undefined;
  if (!context) return lookUpSessionUser(request);
  const cookie = request.headers.get("Cookie");
  if (!context.sessionUser || context.sessionUser.cookie !== cookie) {
    context.sessionUser = { cookie, user: lookUpSessionUser(request) };
  }
  return context.sessionUser.user as Promise<SessionUser | null>;
}

async function lookUpSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  const db = getDb();
  const id = hashToken(token);
  const row = await db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.user_id")
    .select([
      "session.expires_at",
      "session.last_seen_at",
      "user.id",
      "user.email",
      "user.role",
      "user.name",
      "user.name_kana",
      "user.name_latin",
      "user.locale",
      "user.university_id",
      "user.firm_id",
      "user.disabled_at",
    ])
    .where("session.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const t = Date.now();
  const lastSeen = Date.parse(row.last_seen_at);
  if (row.disabled_at || Date.parse(row.expires_at) <= t || lastSeen + SESSION_IDLE_MS <= t) {
    await db.deleteFrom("session").where("id", "=", id).execute();
    return null;
  }
  if (t - lastSeen > TOUCH_EVERY_MS) {
    await db
      .updateTable("session")
      .set({ last_seen_at: new Date(t).toISOString() })
      .where("id", "=", id)
      .execute();
  }
  const { expires_at: _e, last_seen_at: _l, disabled_at: _d, ...user } = row;
  noteRequestUser(user.id);
  return user;
}

/** Starts a fresh session (dropping any session the request carried) and returns its Set-Cookie header. */
export async function startSession(request: Request, userId: number, clientIp: string | null): Promise<string> {
  const db = getDb();
  const previous = await readToken(request);
  if (previous) await db.deleteFrom("session").where("id", "=", hashToken(previous)).execute();
  const token = newToken();
  const t = now();
  await db
    .insertInto("session")
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: t,
      last_seen_at: t,
      expires_at: new Date(Date.now() + SESSION_ABSOLUTE_MS).toISOString(),
      ip: clientIp,
      user_agent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    })
    .execute();
  return sessionCookie(request).serialize(token);
}

/** Deletes the request's session row and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await getDb().deleteFrom("session").where("id", "=", hashToken(token)).execute();
  return sessionCookie(request).serialize("", { maxAge: 0 });
}

export function homePathFor(role: Role): string {
  return `/${role}`;
}

const MAX_REDIRECT_LENGTH = 2048;
// C0 controls (tab, CR, LF, NUL, …) and DEL: browsers drop tab/CR/LF inside URLs (so "/\t/evil" becomes "//evil"),
// and CR/LF in a Location header would split it.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Every form a path takes while percent-decoding it again and again (a few rounds), so that `/%2F%2Fevil` is seen as
 * `///evil`; null when the path itself is malformed. A later round that fails (`?q=100%25` decodes to `?q=100%`)
 * just ends the list.
 */
function decodedForms(path: string): string[] | null {
  const forms = [path];
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(forms[forms.length - 1]);
    } catch {
      return round === 0 ? null : forms;
    }
    if (next === forms[forms.length - 1]) break;
    forms.push(next);
  }
  return forms;
}

/**
 * Where to go after a form, for every redirect the app builds from what it was sent (`redirectTo` of /login and
 * /locale, toasts' targets): only a same-site path, else `fallback` (the role's home). Leading and trailing spaces
 * are stripped; control characters, backslashes and anything that is not a plain path (`//host`, `/\host`,
 * `https:`, `javascript:`, and the same written with percent-escapes, such as `/%2F%2Fevil`) are refused. What is
 * returned can always go into a Location header: characters outside ASCII are percent-encoded.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string") return fallback;
  const path = to.replace(/^ +| +$/g, "");
  if (path.length === 0 || path.length > MAX_REDIRECT_LENGTH) return fallback;
  if (CONTROL.test(path) || path.includes("\\")) return fallback;
  const forms = decodedForms(path);
  if (forms === null) return fallback;
  for (const form of forms) {
    // The path part decides where the browser goes; an escaped "//" or "\\" in the query is only data.
    const target = form.split(/[?#]/, 1)[0];
    if (!target.startsWith("/") || target.startsWith("//") || target.includes("\\") || CONTROL.test(target)) {
      return fallback;
    }
  }
  try {
    // encodeURIComponent throws on a lone surrogate, which no real path has.
    return path.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
  } catch {
    return fallback;
  }
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  invariantResponse(roles.includes(user.role), "Forbidden", { status: 403 });
  return user;
}

export async function requireAnonymous(request: Request) {
  const user = await getSessionUser(request);
  if (user) throw redirect(homePathFor(user.role));
}
