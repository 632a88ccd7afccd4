/**
 * The email outbox. Every message is written to outbox_message in the same transaction as the change that causes
 * it, then a delivery step posts it to the mail API (SendGrid v3 JSON) when MAIL_API_URL is set, retrying with
 * exponential back-off for as long as it takes: a message is never dropped. Without a mail API, messages are kept
 * in the development mailbox that staff read in the app.
 *
 * Secret links (invitations, host answers) are never stored in clear: the body holds a placeholder
 * (`secretPlaceholder`) and the links are sealed apart in `secrets_sealed` (AES-256-GCM, secret-box.server.ts), which
 * is wiped once the message is sent or kept. Only delivery opens them; the mailbox shows "link hidden". In a demo
 * without a mail API, kept messages with such links are printed to the console, so invitations still work there.
 */
import type { Kysely, Transaction } from "kysely";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { fillSecrets, sealContextOf, secretPlaceholder } from "~/utils/mail-secrets";
import { fail, ok, type Result } from "~/utils/result";
import { openSecrets, sealSecrets } from "~/utils/secret-box.server";
import type { Database, OutboxMessage } from "../../db/schema";
import { recordAudit } from "./audit.server";

type Db = Kysely<Database> | Transaction<Database>;

export interface MailInput {
  to: string;
  subject: string;
  /** The text; a secret link appears only as `secretPlaceholder(name)`. */
  body: string;
  kind: string;
  /** Secret links by placeholder name: stored sealed, put into the body only when the message is delivered. */
  secrets?: Record<string, string>;
}

export async function enqueueMail(db: Db, mail: MailInput) {
  const secrets = mail.secrets ?? {};
  for (const [name, value] of Object.entries(secrets)) {
    // Bugs in the caller, not user input: a secret that would be lost, or one written in clear after all.
    if (!mail.body.includes(secretPlaceholder(name))) throw new Error(`mail body lacks the placeholder of "${name}"`);
    if (!value || mail.body.includes(value) || mail.subject.includes(value))
      throw new Error(`secret "${name}" is empty or in clear`);
  }
  const t = now();
  await db
    .insertInto("outbox_message")
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.body,
      secrets_sealed: Object.keys(secrets).length ? sealSecrets(secrets, sealContextOf(mail.to)) : null,
      kind: mail.kind,
      status: "pending",
      attempts: 0,
      next_attempt_at: t,
      created_at: t,
    })
    .execute();
}

type Sealed = Pick<OutboxMessage, "to_address" | "body_text" | "secrets_sealed">;

/** The body as the recipient gets it, real links included. Throws when the links cannot be opened. */
export function deliverableBody(message: Sealed): string {
  if (!message.secrets_sealed) return message.body_text;
  const secrets = openSecrets(message.secrets_sealed, sealContextOf(message.to_address));
  // Retried with back-off like any failure: it goes out once the secret that sealed it is listed again.
  if (!secrets) throw new Error("the message's links cannot be opened: was its SESSION_SECRET removed?");
  return fillSecrets(message.body_text, secrets);
}

const CLAIM_MS = 5 * 60 * 1000; // a message claimed by a crashed sender is retried after this
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

async function postToMailApi(message: OutboxMessage, signal: AbortSignal) {
  const body = deliverableBody(message);
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
      content: [{ type: "text/plain", value: body }],
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
  if (config().mailMode === "keep") {
    report.kept = await keepPendingMail();
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
        .set({
          status: "sent",
          sent_at: now(),
          attempts: message.attempts + 1,
          last_error: null,
          secrets_sealed: null,
        })
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

/**
 * Without a mail API, pending messages are kept in the development mailbox; their sealed links are wiped, so they
 * stay hidden there. In a demo (never in production) each kept message with such links is printed to the console
 * with the real links, like a development mailer, so that invitations can still be followed. Each row is claimed by
 * one conditional UPDATE, so two processes never print the same message.
 */
async function keepPendingMail(): Promise<number> {
  const db = getDb();
  const pending = await db
    .selectFrom("outbox_message")
    .select(["id", "to_address", "subject", "body_text", "secrets_sealed"])
    .where("status", "=", "pending")
    .orderBy("id")
    .limit(500)
    .execute();
  if (!pending.length) return 0;
  const ids = pending.map((m) => m.id);
  const claimed = await db
    .updateTable("outbox_message")
    .set({ status: "kept", secrets_sealed: null })
    .where("status", "=", "pending")
    .where("id", "in", ids)
    .returning("id")
    .execute();
  if (config().appEnv === "demo") {
    const ours = new Set(claimed.map((r) => r.id));
    for (const message of pending) {
      if (!ours.has(message.id) || !message.secrets_sealed) continue;
      printToConsole(message);
    }
  }
  return claimed.length;
}

function printToConsole(message: Sealed & { subject: string }) {
  let body: string;
  try {
    body = deliverableBody(message);
  } catch (error) {
    body = `${message.body_text}\n(${error instanceof Error ? error.message : String(error)})`;
  }
  console.info(
    `[mail] Kept, not sent (no MAIL_API_URL). Demo only: the links below are live.\nTo: ${message.to_address}\nSubject: ${message.subject}\n\n${body}\n`,
  );
}

/** The mailbox as staff see it: bodies with their placeholders, never the sealed links. */
export function listMailbox(limit = 200) {
  return getDb()
    .selectFrom("outbox_message")
    .select([
      "id",
      "to_address",
      "subject",
      "body_text",
      "kind",
      "status",
      "attempts",
      "last_error",
      "next_attempt_at",
      "created_at",
      "sent_at",
    ])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Messages that failed at least once and are not delivered yet (retried with back-off), oldest first. */
export function listUndelivered(limit = 200) {
  return getDb()
    .selectFrom("outbox_message")
    .select([
      "id",
      "to_address",
      "subject",
      "kind",
      "status",
      "attempts",
      "last_error",
      "next_attempt_at",
      "created_at",
    ])
    .where("status", "in", ["pending", "sending"])
    .where("attempts", ">", 0)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/**
 * "Retry now": a waiting message becomes due at once (the next delivery pass, within 5 s, sends it). Only a message
 * waiting after a failure; one being sent or already sent is left alone. Audited.
 */
export async function retryMailNow(messageId: number, actorId: number): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const updated = await trx
        .updateTable("outbox_message")
        .set({ next_attempt_at: now() })
        .where("id", "=", messageId)
        .where("status", "=", "pending")
        .where("attempts", ">", 0)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return fail("accounts.mailbox.notRetryable");
      await recordAudit(trx, { actorId, action: "mail.retry", entityType: "outbox_message", entityId: messageId });
      return ok();
    });
}

/** When the oldest message not yet delivered was written (null: none waiting), for /readyz. */
export async function oldestUnsentAt(): Promise<string | null> {
  const row = await getDb()
    .selectFrom("outbox_message")
    .select((eb) => eb.fn.min("created_at").as("oldest"))
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirst();
  return (row?.oldest as string | null | undefined) ?? null;
}
