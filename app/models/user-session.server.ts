/**
 * A signed-in user's own account: the sessions they have open (device, address, last seen), signing out the others,
 * and changing the password with the current one (counted like sign-in attempts, so a borrowed session cannot guess
 * it). Changing the password ends every other session and tells the owner by mail.
 */
import Bowser from "bowser";
import type { Lng } from "~/i18n";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { fail, ok, type Result } from "~/utils/result";
import { SESSION_IDLE_MS } from "~/utils/session.server";
import { recordAudit } from "./audit.server";
import { claimSignInAttempt, markSignInSucceeded } from "./login-attempt.server";
import { enqueueMail } from "./outbox.server";

/** "Firefox 133 · Windows", from the User-Agent the session started with; null when there was none. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os } = Bowser.parse(userAgent);
  const name = [browser.name, browser.version?.split(".")[0]].filter(Boolean).join(" ");
  const system = [os.name, os.versionName].filter(Boolean).join(" ");
  return [name, system].filter(Boolean).join(" · ") || userAgent.slice(0, 60);
}

/** The user's live sessions, the current one first, then by last use. */
export async function listSessions(userId: number, currentId: string | null) {
  const idleSince = new Date(Date.now() - SESSION_IDLE_MS).toISOString();
  const rows = await getDb()
    .selectFrom("session")
    .select(["id", "created_at", "last_seen_at", "ip", "user_agent"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now())
    .where("last_seen_at", ">", idleSince)
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows
    .map((r) => ({
      current: r.id === currentId,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      ip: r.ip,
      device: describeDevice(r.user_agent),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends every session of the user but `keepId` (the device asking); returns how many ended. Audited. */
export async function endOtherSessions(userId: number, keepId: string | null): Promise<number> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const ended = await trx
        .deleteFrom("session")
        .where("user_id", "=", userId)
        .$if(keepId !== null, (q) => q.where("id", "!=", keepId!))
        .executeTakeFirst();
      const count = Number(ended.numDeletedRows);
      if (count > 0) {
        await recordAudit(trx, {
          actorId: userId,
          action: "session.endOthers",
          entityType: "user",
          entityId: userId,
          detail: { count },
        });
      }
      return count;
    });
}

/**
 * Sets a new password after checking the current one. The check is a sign-in attempt for the limits (5 wrong
 * guesses from one address in 15 minutes, then a wait). On success every other session ends and the owner is told.
 */
export async function changePassword(input: {
  userId: number;
  current: string;
  next: string;
  keepSessionId: string | null;
  ip: string;
}): Promise<Result<object, "accounts.password.wrongCurrent" | "auth.rateLimited">> {
  const db = getDb();
  const user = await db
    .selectFrom("user")
    .select(["email", "name", "locale", "password_hash"])
    .where("id", "=", input.userId)
    .executeTakeFirstOrThrow();
  const claim = await claimSignInAttempt(user.email, input.ip);
  if (!claim.ok) {
    return fail("auth.rateLimited", {
      field: "current",
      values: { minutes: Math.ceil(claim.retryAfterSeconds / 60) },
    });
  }
  if (!(await verifyPassword(input.current, user.password_hash))) {
    return fail("accounts.password.wrongCurrent", { field: "current" });
  }
  await markSignInSucceeded(claim.attemptId);
  const passwordHash = await hashPassword(input.next);
  const lng: Lng = user.locale ?? "ja";
  const t = await getT(lng);
  const at = now();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("user")
      .set({ password_hash: passwordHash, updated_at: at })
      .where("id", "=", input.userId)
      .execute();
    await trx
      .deleteFrom("session")
      .where("user_id", "=", input.userId)
      .$if(input.keepSessionId !== null, (q) => q.where("id", "!=", input.keepSessionId!))
      .execute();
    await trx
      .updateTable("password_reset")
      .set({ used_at: at })
      .where("user_id", "=", input.userId)
      .where("used_at", "is", null)
      .execute();
    await enqueueMail(trx, {
      to: user.email,
      kind: "password-changed",
      subject: t("accounts.mail.changedSubject"),
      body: t("accounts.mail.changedBody", {
        name: user.name,
        when: formatDateTime(at, lng),
        forgot: `${config().publicUrl}/forgot-password`,
      }),
    });
    await recordAudit(trx, {
      actorId: input.userId,
      action: "password.change",
      entityType: "user",
      entityId: input.userId,
    });
  });
  return ok();
}
