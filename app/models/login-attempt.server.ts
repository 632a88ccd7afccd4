/**
 * Sign-in rate limiting, kept in the database so it holds across restarts and processes:
 * at most 5 failed attempts per account and 30 per address in 15 minutes.
 */
import { getDb, now } from "~/utils/db.server";

export const RATE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Minutes until the caller may try again, or 0 when not limited. */
export async function signInBlockedFor(email: string, ip: string, at = Date.now()): Promise<number> {
  const since = new Date(at - RATE_WINDOW_MS).toISOString();
  const db = getDb();
  const count = (column: "email" | "ip", value: string) =>
    db
      .selectFrom("login_attempt")
      .select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.min("created_at").as("first")])
      .where(column, "=", value)
      .where("succeeded", "=", 0)
      .where("created_at", ">", since)
      .executeTakeFirstOrThrow();
  const [byEmail, byIp] = await Promise.all([count("email", email), count("ip", ip)]);
  const limited = [
    Number(byEmail.n) >= MAX_FAILURES_PER_ACCOUNT ? byEmail.first : null,
    Number(byIp.n) >= MAX_FAILURES_PER_ADDRESS ? byIp.first : null,
  ].filter((v): v is string => Boolean(v));
  if (limited.length === 0) return 0;
  const freeAt = Math.max(...limited.map((first) => Date.parse(first) + RATE_WINDOW_MS));
  return Math.max(1, Math.ceil((freeAt - at) / 60_000));
}

export async function recordSignInAttempt(email: string, ip: string, succeeded: boolean) {
  await getDb()
    .insertInto("login_attempt")
    .values({ email, ip, succeeded: succeeded ? 1 : 0, created_at: now() })
    .execute();
}
