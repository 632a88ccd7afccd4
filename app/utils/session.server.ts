/**
 * Server-side, revocable sessions. The cookie holds only a random token (signed with SESSION_SECRET, which may
 * list several secrets for rotation); the session row is keyed by the token's SHA-256. A new token at every
 * sign-in; idle and absolute expiry; sign-out deletes the row.
 */
import { createCookie, redirect } from "@remix-run/node";
import type { Role, User } from "../../db/schema";
import { getDb, now } from "./db.server";
import { config } from "./env.server";
import { hashToken, newToken } from "./tokens.server";

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000; // 12 hours without activity
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000; // 7 days at most
const TOUCH_EVERY_MS = 60 * 1000;

let cookie: ReturnType<typeof createCookie> | undefined;
export function sessionCookie() {
  cookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().isProduction,
    path: "/",
    secrets: config().sessionSecrets,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
  return cookie;
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export type SessionUser = Pick<
  User,
  "id" | "email" | "role" | "name" | "name_kana" | "name_latin" | "locale" | "university_id" | "firm_id"
>;

/** The signed-in user, or null. Expired sessions are deleted on sight. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
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
  return sessionCookie().serialize(token);
}

/** Deletes the request's session row and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await getDb().deleteFrom("session").where("id", "=", hashToken(token)).execute();
  return sessionCookie().serialize("", { maxAge: 0 });
}

export function homePathFor(role: Role): string {
  return `/${role}`;
}

/** Only same-site relative paths are followed after sign-in. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
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
  if (!roles.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

export async function requireAnonymous(request: Request) {
  const user = await getSessionUser(request);
  if (user) throw redirect(homePathFor(user.role));
}
