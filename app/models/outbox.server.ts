/**
 * The email outbox. Every message is written to outbox_message in the same transaction as the change that causes
 * it, then a delivery step posts it to the mail API (SendGrid v3 JSON) when MAIL_API_URL is set, retrying with
 * exponential back-off for as long as it takes: a message is never dropped. Without a mail API, messages are kept
 * in the development mailbox that staff read in the app.
 */
import type { Kysely, Transaction } from "kysely";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import type { Database, OutboxMessage } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export interface MailInput {
  to: string;
  subject: string;
  body: string;
  kind: string;
}

export async function enqueueMail(db: Db, mail: MailInput) {
  const t = now();
  await db
    .insertInto("outbox_message")
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.body,
      kind: mail.kind,
      status: "pending",
      attempts: 0,
      next_attempt_at: t,
      created_at: t,
    })
    .execute();
}

const CLAIM_MS = 5 * 60 * 1000; // a message claimed by a crashed sender is retried after this
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

async function postToMailApi(message: OutboxMessage, signal: AbortSignal) {
  const { mailApiUrl, mailApiKey, mailFrom } = config();
  const response = await fetch(mailApiUrl!, {
    method: "POST",
    signal,
    headers: {
      "Content-Type": "application/json",
      ...(mailApiKey ? { Authorization: `Bearer ${mailApiKey}` } : {}),
    },
    body: JSON.stringify({
      personalizations: [{ to: [{ email: message.to_address }] }],
      from: { email: mailFrom, name: "北区 産業振興課 / Kita City" },
      subject: message.subject,
      content: [{ type: "text/plain", value: message.body_text }],
      custom_args: { outbox_id: String(message.id) },
    }),
  });
  if (!response.ok) throw new Error(`mail API answered ${response.status}`);
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  kept: number;
}

/** Delivers every due message once. Safe to run from several processes: each message is claimed first. */
export async function deliverDueMail(at: Date = new Date()): Promise<DeliveryReport> {
  const db = getDb();
  const report: DeliveryReport = { sent: 0, failed: 0, kept: 0 };
  const t = at.toISOString();
  if (!config().mailApiUrl) {
    const r = await db
      .updateTable("outbox_message")
      .set({ status: "kept" })
      .where("status", "=", "pending")
      .executeTakeFirst();
    report.kept = Number(r.numUpdatedRows);
    return report;
  }
  const due = await db
    .selectFrom("outbox_message")
    .selectAll()
    .where("status", "in", ["pending", "sending"])
    .where("next_attempt_at", "<=", t)
    .orderBy("id")
    .limit(100)
    .execute();
  for (const message of due) {
    const claimed = await db
      .updateTable("outbox_message")
      .set({ status: "sending", next_attempt_at: new Date(at.getTime() + CLAIM_MS).toISOString() })
      .where("id", "=", message.id)
      .where("status", "=", message.status)
      .where("next_attempt_at", "=", message.next_attempt_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      await postToMailApi(message, AbortSignal.timeout(10_000));
      await db
        .updateTable("outbox_message")
        .set({ status: "sent", sent_at: now(), attempts: message.attempts + 1, last_error: null })
        .where("id", "=", message.id)
        .execute();
      report.sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      await db
        .updateTable("outbox_message")
        .set({
          status: "pending",
          attempts,
          last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
          next_attempt_at: new Date(at.getTime() + backoffMs(attempts)).toISOString(),
        })
        .where("id", "=", message.id)
        .execute();
      report.failed++;
    }
  }
  return report;
}

export function listMailbox(limit = 200) {
  return getDb().selectFrom("outbox_message").selectAll().orderBy("id", "desc").limit(limit).execute();
}

export async function countUnsentMail() {
  const row = await getDb()
    .selectFrom("outbox_message")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
