/**
 * Secret links leave the outbox's clear text. Adds `outbox_message.secrets_sealed` and rewrites the bodies already
 * stored: every live invitation link (`/invitations/<token>`) and host-answer link (`/host-response/<token>`)
 * becomes a placeholder. A message still to be delivered keeps its links, sealed as new messages are (so nothing
 * queued is lost); in one already sent or kept the link is dropped, so the mailbox shows it hidden. The tokens
 * themselves stay valid: only the copy in the database goes.
 */
import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";

// Frozen copies of the v1 formats as they were when this migration was written (app/utils/mail-secrets.ts,
// app/utils/secret-box.server.ts, app/utils/keys.server.ts): a migration never imports app code.
const secretPlaceholder = (name: string) => `[[secret:${name}]]`;
const sealContextOf = (to: string) => `outbox:${to}`;
function sealSecrets(values: Record<string, string>, context: string): string {
  const secret =
    (process.env.SESSION_SECRET ?? "")
      .split(",")
      .map((s) => s.trim())
      .find(Boolean) ?? "kita-demo-session-secret-do-not-use-in-production";
  const key = Buffer.from(hkdfSync("sha256", secret, "kita-collab/hkdf-salt", "kita-collab/outbox-secrets/v1", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
  return ["v1", iv, ciphertext, cipher.getAuthTag()]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

// The links as the app wrote them: PUBLIC_URL, then a 32-byte base64url invitation token or a signed answer token.
const LIVE_LINK =
  /(?:https?:\/\/\S*?)?\/(?:invitations\/[A-Za-z0-9_-]{43}|host-response\/\d+\.\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox_message").addColumn("secrets_sealed", "text").execute();
  const rows: Array<{ id: number; to_address: string; status: string; body_text: string }> = await db
    .selectFrom("outbox_message")
    .select(["id", "to_address", "status", "body_text"])
    .where((eb) => eb.or([eb("body_text", "like", "%/invitations/%"), eb("body_text", "like", "%/host-response/%")]))
    .execute();
  for (const row of rows) {
    const queued = row.status === "pending" || row.status === "sending";
    const secrets: Record<string, string> = {};
    const body = row.body_text.replace(LIVE_LINK, (link) => {
      if (!queued) return secretPlaceholder("redacted");
      const name = `link${Object.keys(secrets).length + 1}`;
      secrets[name] = link;
      return secretPlaceholder(name);
    });
    if (body === row.body_text) continue;
    await db
      .updateTable("outbox_message")
      .set({
        body_text: body,
        secrets_sealed: Object.keys(secrets).length ? sealSecrets(secrets, sealContextOf(row.to_address)) : null,
      })
      .where("id", "=", row.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropped links cannot come back; sealed ones would be lost with the column.
  await db.schema.alterTable("outbox_message").dropColumn("secrets_sealed").execute();
}
