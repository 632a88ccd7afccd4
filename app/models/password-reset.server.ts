/**
 * Forgotten passwords. A request for an address always looks the same to the person asking; if an enabled account
 * has the address, a single-use link valid for one hour is mailed (the token sealed in the outbox, only its SHA-256
 * stored). Requests are limited per address and per account (request-limits.server.ts). Setting the new password
 * spends the link and every other open link of the account, and ends all the account's sessions: the browser that
 * set it is then signed in afresh.
 */
import type { Lng } from "~/i18n";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";
import { secretPlaceholder } from "~/utils/mail-secrets";
import { hashPassword } from "~/utils/password.server";
import { fail, ok, type Result } from "~/utils/result";
import { hashToken, newToken } from "~/utils/tokens.server";
import type { Role } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { addressBucket } from "./login-attempt.server";
import { enqueueMail } from "./outbox.server";
import { insertWithinLimits, type RequestLimits } from "./request-limits.server";
import { normalizeEmail } from "./user.server";

export const RESET_LINK_MS = 60 * 60 * 1000;
/** Three links an hour per account (a typo, a slow mail, one more), twenty per address (a shared office network). */
export const RESET_LIMITS: RequestLimits = { windowMs: 60 * 60 * 1000, perEmail: 3, perAddress: 20 };

/**
 * Records the request and, when an enabled account has the address and the limits allow it, mails the link in the
 * account's language (else `lng`, the language of the page that asked). Answers nothing: the page says the same
 * whatever happened.
 */
export async function requestPasswordReset(input: { email: string; ip: string; lng: Lng }): Promise<void> {
  const email = normalizeEmail(input.email);
  const db = getDb();
  const user = await db
    .selectFrom("user")
    .select(["id", "email", "name", "locale", "disabled_at"])
    .where("email", "=", email)
    .executeTakeFirst();
  const live = user && !user.disabled_at ? user : null;
  const token = newToken();
  const t = now();
  const expiresAt = new Date(Date.parse(t) + RESET_LINK_MS).toISOString();
  const lng: Lng = live?.locale ?? input.lng;
  const tr = await getT(lng);
  await db.transaction().execute(async (trx) => {
    const id = await insertWithinLimits(
      trx,
      "password_reset",
      {
        email,
        ip: addressBucket(input.ip),
        user_id: user?.id ?? null,
        token_hash: live ? hashToken(token) : null,
        created_at: t,
        expires_at: expiresAt,
      },
      RESET_LIMITS,
    );
    if (id === null || !live) return;
    await enqueueMail(trx, {
      to: live.email,
      kind: "password-reset",
      subject: tr("accounts.mail.resetSubject"),
      body: tr("accounts.mail.resetBody", {
        name: live.name,
        link: secretPlaceholder("link"),
        expires: formatDateTime(expiresAt, lng),
      }),
      secrets: { link: `${config().publicUrl}/reset-password/${token}` },
    });
    await recordAudit(trx, { actorId: null, action: "password.resetRequested", entityType: "user", entityId: live.id });
  });
}

export type ResetLinkState = { state: "invalid" | "used" | "expired" } | { state: "open"; email: string };

/** What a reset link is now (a disabled account's link is invalid). */
export async function findPasswordReset(token: string, at = new Date()): Promise<ResetLinkState> {
  const row = await getDb()
    .selectFrom("password_reset")
    .innerJoin("user", "user.id", "password_reset.user_id")
    .select(["password_reset.used_at", "password_reset.expires_at", "user.email", "user.disabled_at"])
    .where("password_reset.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled_at) return { state: "invalid" };
  if (row.used_at) return { state: "used" };
  if (Date.parse(row.expires_at) <= at.getTime()) return { state: "expired" };
  return { state: "open", email: row.email };
}

/**
 * Spends the link (one conditional UPDATE, so it works once) and sets the password; every open link of the account
 * is spent with it and all its sessions end. A disabled account's link changes nothing.
 */
export async function resetPassword(
  token: string,
  password: string,
): Promise<Result<{ userId: number; role: Role; name: string }>> {
  const passwordHash = await hashPassword(password);
  const t = now();
  const done = await getDb()
    .transaction()
    .execute(async (trx) => {
      const spent = await trx
        .updateTable("password_reset")
        .set({ used_at: t })
        .where("token_hash", "=", hashToken(token))
        .where("used_at", "is", null)
        .where("expires_at", ">", t)
        .where("user_id", "in", (eb) => eb.selectFrom("user").select("id").where("disabled_at", "is", null))
        .returning("user_id")
        .executeTakeFirst();
      if (!spent?.user_id) return null;
      const userId = spent.user_id;
      const user = await trx
        .updateTable("user")
        .set({ password_hash: passwordHash, updated_at: t })
        .where("id", "=", userId)
        .returning(["id", "role", "name"])
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("password_reset")
        .set({ used_at: t })
        .where("user_id", "=", userId)
        .where("used_at", "is", null)
        .execute();
      await trx.deleteFrom("session").where("user_id", "=", userId).execute();
      await recordAudit(trx, { actorId: userId, action: "password.reset", entityType: "user", entityId: userId });
      return user;
    });
  if (done) return ok({ userId: done.id, role: done.role, name: done.name });
  const state = await findPasswordReset(token);
  return fail(`accounts.reset.${state.state === "open" ? "invalid" : state.state}`);
}
