/**
 * Student self-registration that does not tell whether an address has an account: every registration is answered
 * "check your mail". A new address gets a confirmation link (24 hours, single use, only its hash stored) and the
 * account is created when it is used; an address that already has an account gets a mail to its owner instead,
 * saying someone tried and how to sign in or reset the password. Requests are limited per address and per email.
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
import { addressBucket } from "./login-attempt.server";
import { enqueueMail } from "./outbox.server";
import { insertWithinLimits, type RequestLimits } from "./request-limits.server";
import { createAccountFromLink, EmailTaken, normalizeEmail } from "./user.server";

export const REGISTRATION_LINK_MS = 24 * 60 * 60 * 1000;
export const REGISTRATION_LIMITS: RequestLimits = { windowMs: 60 * 60 * 1000, perEmail: 3, perAddress: 10 };

export interface RegistrationInput {
  email: string;
  password: string;
  name: string;
  nameKana: string;
  nameLatin: string;
  universityId: number;
  ip: string;
  /** The language of the page: the mails are written in it. */
  lng: Lng;
}

/** Records the registration and mails the confirmation link, or the owner's notice; the answer is always the same. */
export async function requestRegistration(input: RegistrationInput): Promise<void> {
  const email = normalizeEmail(input.email);
  // Hashed whether or not it is kept, so a taken address answers as slowly as a new one.
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  const owner = await db
    .selectFrom("user")
    .select(["id", "name", "locale"])
    .where("email", "=", email)
    .executeTakeFirst();
  const token = newToken();
  const t = now();
  const expiresAt = new Date(Date.parse(t) + REGISTRATION_LINK_MS).toISOString();
  const lng: Lng = owner?.locale ?? input.lng;
  const tr = await getT(lng);
  await db.transaction().execute(async (trx) => {
    const id = await insertWithinLimits(
      trx,
      "registration",
      {
        email,
        ip: addressBucket(input.ip),
        token_hash: owner ? null : hashToken(token),
        password_hash: owner ? null : passwordHash,
        name: input.name,
        name_kana: input.nameKana,
        name_latin: input.nameLatin,
        university_id: input.universityId,
        created_at: t,
        expires_at: expiresAt,
      },
      REGISTRATION_LIMITS,
    );
    if (id === null) return;
    if (owner) {
      await enqueueMail(trx, {
        to: email,
        kind: "registration-existing",
        subject: tr("accounts.mail.registeredAgainSubject"),
        body: tr("accounts.mail.registeredAgainBody", {
          name: owner.name,
          login: `${config().publicUrl}/login`,
          forgot: `${config().publicUrl}/forgot-password`,
        }),
      });
      return;
    }
    await enqueueMail(trx, {
      to: email,
      kind: "registration",
      subject: tr("accounts.mail.confirmSubject"),
      body: tr("accounts.mail.confirmBody", {
        name: input.name,
        link: secretPlaceholder("link"),
        expires: formatDateTime(expiresAt, lng),
      }),
      secrets: { link: `${config().publicUrl}/register/confirm/${token}` },
    });
  });
}

export type RegistrationState =
  { state: "invalid" | "used" | "expired" } | { state: "open"; name: string; email: string };

export async function findRegistration(token: string, at = new Date()): Promise<RegistrationState> {
  const row = await getDb()
    .selectFrom("registration")
    .select(["name", "email", "used_at", "expires_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { state: "invalid" };
  if (row.used_at) return { state: "used" };
  if (Date.parse(row.expires_at) <= at.getTime()) return { state: "expired" };
  return { state: "open", name: row.name, email: row.email };
}

/**
 * Spends the link (one conditional UPDATE) and creates the student account in the same transaction. If the address
 * got an account meanwhile (an invitation, a second registration), nothing is written.
 */
export async function confirmRegistration(token: string): Promise<Result<{ userId: number; name: string }>> {
  const t = now();
  try {
    const created = await getDb()
      .transaction()
      .execute(async (trx) => {
        const reg = await trx
          .updateTable("registration")
          .set({ used_at: t })
          .where("token_hash", "=", hashToken(token))
          .where("used_at", "is", null)
          .where("expires_at", ">", t)
          .returning(["id", "email", "password_hash", "name", "name_kana", "name_latin", "university_id"])
          .executeTakeFirst();
        if (!reg) return null;
        const userId = await createAccountFromLink(
          trx,
          {
            email: reg.email,
            password_hash: reg.password_hash,
            role: "student",
            name: reg.name,
            name_kana: reg.name_kana,
            name_latin: reg.name_latin,
            locale: null,
            university_id: reg.university_id,
          },
          (id) => ({ action: "registration.confirm", entityType: "user", entityId: id }),
        );
        return { userId, name: reg.name };
      });
    if (created) return ok(created);
  } catch (error) {
    if (error instanceof EmailTaken) return fail("accounts.register.taken");
    throw error;
  }
  const state = await findRegistration(token);
  return fail(`accounts.register.${state.state === "open" ? "invalid" : state.state}`);
}
