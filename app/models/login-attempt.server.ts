/**
 * Sign-in rate limiting, kept in the database so it holds across restarts and processes. Every attempt is counted
 * *before* the password is checked, by one conditional INSERT that only succeeds while the limits allow another try:
 * parallel attempts cannot all slip past a count they read at the same moment. An attempt counts as a failure until
 * the password proves right. In a 15-minute window (see README, Decisions):
 *
 * - 5 failures for one account from one address, then that address waits;
 * - 30 failures from one address, whatever the accounts (password spraying);
 * - 50 failures for one account from all addresses: then every address that has failed for it waits, while an
 *   address that has not (the owner's own) may still try, so nobody can lock an account for everyone.
 *
 * An address is an IPv4 address or an IPv6 /64 (one subscriber's network: the rest of it costs nothing to rotate).
 */
import ipaddr from "ipaddr.js";
import type { ExpressionBuilder, Transaction } from "kysely";
import { getDb, lockKeys } from "~/utils/db.server";
import type { Database } from "../../db/schema";

export const RATE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const MAX_FAILURES_PER_ACCOUNT = 50;

/** The rate-limiting bucket of a client address: IPv4 as is, IPv6 by its /64, anything unparsable as given. */
export function addressBucket(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.parse(ip);
  if (address.kind() === "ipv4") return address.toString();
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const prefix = v6.toNormalizedString().split(":").slice(0, 4).join(":");
  return `${ipaddr.IPv6.parse(`${prefix}::`).toString()}/64`;
}

export type SignInClaim = { ok: true; attemptId: number } | { ok: false; retryAfterSeconds: number };

type Eb = ExpressionBuilder<Database, "login_attempt">;

/** Failures in the window, narrowed by `filter`. */
function failures(eb: Eb, since: string, filter: { email?: string; ip?: string }) {
  let query = eb.selectFrom("login_attempt as a").where("a.succeeded", "=", 0).where("a.created_at", ">", since);
  if (filter.email !== undefined) query = query.where("a.email", "=", filter.email);
  if (filter.ip !== undefined) query = query.where("a.ip", "=", filter.ip);
  return query;
}

/**
 * Counts a sign-in attempt for `email` from `ip` if the limits allow it (then the password may be checked), in one
 * statement. Otherwise nothing is written and the answer says how long to wait.
 */
export async function claimSignInAttempt(email: string, ip: string, at = Date.now()): Promise<SignInClaim> {
  const db = getDb();
  const bucket = addressBucket(ip);
  const since = new Date(at - RATE_WINDOW_MS).toISOString();
  // One statement decides; the transaction is only there so that on PostgreSQL attempts for the same account or
  // address queue on their keys first (READ COMMITTED would let parallel attempts count past each other).
  const row = await db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`login:email:${email}`, `login:ip:${bucket}`]);
    return claimStatement(trx, { email, bucket, since, at });
  });
  if (row) return { ok: true, attemptId: row.id };
  return { ok: false, retryAfterSeconds: await secondsUntilAllowed(email, bucket, at) };
}

/** The one conditional INSERT that counts an attempt while every limit leaves room. */
function claimStatement(
  db: Transaction<Database>,
  { email, bucket, since, at }: { email: string; bucket: string; since: string; at: number },
) {
  return db
    .insertInto("login_attempt")
    .columns(["email", "ip", "succeeded", "created_at"])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.val(email).as("email"),
          eb.val(bucket).as("ip"),
          eb.val(0).as("succeeded"),
          eb.val(new Date(at).toISOString()).as("created_at"),
        ])
        .where((eb) => {
          const count = (filter: { email?: string; ip?: string }) =>
            failures(eb as unknown as Eb, since, filter).select((s) => s.fn.countAll().as("n"));
          return eb.and([
            eb(count({ email, ip: bucket }), "<", MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS),
            eb(count({ ip: bucket }), "<", MAX_FAILURES_PER_ADDRESS),
            eb.or([
              eb(count({ email }), "<", MAX_FAILURES_PER_ACCOUNT),
              eb.not(eb.exists(failures(eb as unknown as Eb, since, { email, ip: bucket }).select("a.id"))),
            ]),
          ]);
        }),
    )
    .returning("id")
    .executeTakeFirst();
}

/** The attempt proved the password right: it no longer counts as a failure. */
export async function markSignInSucceeded(attemptId: number) {
  await getDb().updateTable("login_attempt").set({ succeeded: 1 }).where("id", "=", attemptId).execute();
}

/**
 * When the refused caller may try again: the earliest moment one of the limits it hit lets it through (the oldest
 * failure that holds it leaves the window). Only for the answer's Retry-After; the claim decides.
 */
async function secondsUntilAllowed(email: string, bucket: string, at: number): Promise<number> {
  const db = getDb();
  const since = new Date(at - RATE_WINDOW_MS).toISOString();
  const stats = (filter: { email?: string; ip?: string }) =>
    db
      .selectFrom("login_attempt")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("created_at").as("first")])
      .where("succeeded", "=", 0)
      .where("created_at", ">", since)
      .$if(filter.email !== undefined, (q) => q.where("email", "=", filter.email!))
      .$if(filter.ip !== undefined, (q) => q.where("ip", "=", filter.ip!))
      .executeTakeFirstOrThrow();
  const [pair, address, account] = await Promise.all([
    stats({ email, ip: bucket }),
    stats({ ip: bucket }),
    stats({ email }),
  ]);
  const freeAt = (s: { first: string | null }) => (s.first ? Date.parse(s.first) + RATE_WINDOW_MS : at);
  const waits: number[] = [];
  if (Number(pair.n) >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS) waits.push(freeAt(pair));
  if (Number(address.n) >= MAX_FAILURES_PER_ADDRESS) waits.push(freeAt(address));
  if (Number(account.n) >= MAX_FAILURES_PER_ACCOUNT && Number(pair.n) > 0) {
    // Free once the account is under its limit again, or once this address's own failures have left the window.
    const lastOwn = await db
      .selectFrom("login_attempt")
      .select((eb) => eb.fn.max("created_at").as("last"))
      .where("succeeded", "=", 0)
      .where("created_at", ">", since)
      .where("email", "=", email)
      .where("ip", "=", bucket)
      .executeTakeFirstOrThrow();
    waits.push(Math.min(freeAt(account), lastOwn.last ? Date.parse(lastOwn.last) + RATE_WINDOW_MS : at));
  }
  const until = waits.length ? Math.max(...waits) : at;
  return Math.max(1, Math.ceil((until - at) / 1000));
}
