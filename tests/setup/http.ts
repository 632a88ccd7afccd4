// Helpers to call loaders and actions with a real Request, and to read what they answer.
import { getDb, now } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { startSession } from "~/utils/session.server";
import type { Role } from "../../db/schema";

export const BASE = "http://localhost:3000";

export function get(path: string, init: { cookie?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(BASE + path, { headers });
}

export function post(
  path: string,
  form: Record<string, string | string[]> | FormData,
  init: { cookie?: string; headers?: Record<string, string> } = {},
) {
  let body: FormData;
  if (form instanceof FormData) body = form;
  else {
    body = new FormData();
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(BASE + path, { method: "POST", body, headers });
}

/** The cookie pairs (name=value) a response sets, joined as a Cookie header. */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

/** Remix loaders/actions may throw a Response (redirects, 403, 404): catch it and return it. */
export async function settle<T>(promise: Promise<T>): Promise<T | Response> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** Data returned with data()/json(): single fetch's DataWithResponseInit or a plain object. */
export function payload(result: any): any {
  if (result && typeof result === "object" && result.type === "DataWithResponseInit") return result.data;
  return result;
}

export function statusOf(result: any): number {
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && result.type === "DataWithResponseInit") return result.init?.status ?? 200;
  return 200;
}

let counter = 0;
export async function createUser(
  role: Role,
  overrides: Partial<{
    email: string;
    password: string;
    name: string;
    university_id: number | null;
    firm_id: number | null;
  }> = {},
) {
  counter++;
  const t = now();
  const password = overrides.password ?? "correct horse battery staple";
  const row = await getDb()
    .insertInto("user")
    .values({
      email: overrides.email ?? `${role}${counter}-${Math.random().toString(36).slice(2, 8)}@test.example`,
      password_hash: await hashPassword(password),
      role,
      name: overrides.name ?? `テスト ${role} ${counter}`,
      name_kana: "テスト",
      name_latin: "Test",
      locale: null,
      university_id: overrides.university_id ?? null,
      firm_id: overrides.firm_id ?? null,
      created_at: t,
      updated_at: t,
    })
    .returning(["id", "email"])
    .executeTakeFirstOrThrow();
  return { ...row, password };
}

/** A signed-in user's Cookie header. */
export async function signIn(userId: number): Promise<string> {
  const setCookie = await startSession(get("/login"), userId, "127.0.0.1");
  return setCookie.split(";")[0];
}

export async function userWithCookie(role: Role, overrides: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(role, overrides);
  return { ...user, cookie: await signIn(user.id) };
}
