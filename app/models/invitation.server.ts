/**
 * Invitations: staff invite staff, professors and firm users by email. The link carries a random token (only its
 * hash is stored, and the queued email holds the link only sealed); it is single-use and expires. Accepting it
 * creates the account in one transaction.
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
import { enqueueMail } from "./outbox.server";
import { createAccountFromLink, EmailTaken, normalizeEmail } from "./user.server";

export const INVITATION_DAYS = 7;

export interface InvitationInput {
  email: string;
  name: string;
  role: Exclude<Role, "student">;
  universityId: number | null;
  firmId: number | null;
  /** The staff member inviting, or null from the console (`npm run staff:invite`). */
  invitedBy: number | null;
}

type InvitationMail = (values: { link: string; expiresAt: string }) => { subject: string; body: string };

/**
 * The invitation mail, in both languages (the invitee's is not known yet), Japanese first: what createInvitation and
 * resendInvitation take as `mail`.
 */
export async function invitationMail(invitee: { name: string; role: Role }): Promise<InvitationMail> {
  const [ja, en] = await Promise.all([getT("ja"), getT("en")]);
  return ({ link, expiresAt }) => {
    const body = (t: typeof ja, lng: Lng) =>
      t("mail.invitationBody", {
        name: invitee.name,
        role: t(`roles.${invitee.role}`),
        link,
        expires: formatDateTime(expiresAt, lng),
      });
    return {
      subject: `${ja("mail.invitationSubject")} / ${en("mail.invitationSubject")}`,
      body: `${body(ja, "ja")}\n\n---\n\n${body(en, "en")}`,
    };
  };
}

/** A refusal names the field of the university or firm that does not exist (a tampered form). */
export type CreateInvitationResult = Result<{ token: string }, "validation.chooseOne">;

/**
 * Creates the invitation and queues its email in one transaction; returns the token (for the link). `mail` writes
 * the text with `link` where the link goes: a placeholder, the real link being stored sealed (see outbox.server.ts).
 * A professor's university or a firm user's firm that does not exist is a refusal on that field (a tampered form),
 * not a foreign key error.
 */
export async function createInvitation(
  input: InvitationInput,
  mail: (values: { link: string; expiresAt: string }) => { subject: string; body: string },
): Promise<CreateInvitationResult> {
  const token = newToken();
  const t = now();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString();
  const email = normalizeEmail(input.email);
  return getDb()
    .transaction()
    .execute(async (trx): Promise<CreateInvitationResult> => {
      if (input.role === "professor") {
        const found = await trx
          .selectFrom("university")
          .select("id")
          .where("id", "=", input.universityId ?? 0)
          .executeTakeFirst();
        if (!found) return fail("validation.chooseOne", { field: "universityId" });
      }
      if (input.role === "firm") {
        const found = await trx
          .selectFrom("firm")
          .select("id")
          .where("id", "=", input.firmId ?? 0)
          .executeTakeFirst();
        if (!found) return fail("validation.chooseOne", { field: "firmId" });
      }
      const { id } = await trx
        .insertInto("invitation")
        .values({
          token_hash: hashToken(token),
          email,
          role: input.role,
          name: input.name,
          university_id: input.role === "professor" ? input.universityId : null,
          firm_id: input.role === "firm" ? input.firmId : null,
          invited_by: input.invitedBy,
          created_at: t,
          expires_at: expiresAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await enqueueMail(trx, {
        to: email,
        kind: "invitation",
        ...mail({ link: secretPlaceholder("link"), expiresAt }),
        secrets: { link: `${config().publicUrl}/invitations/${token}` },
      });
      await recordAudit(trx, {
        actorId: input.invitedBy,
        action: "invitation.create",
        entityType: "invitation",
        entityId: id,
        detail: { email, role: input.role },
      });
      return ok({ token });
    });
}

export type InvitationState =
  | { state: "invalid" }
  | { state: "used" }
  | { state: "expired" }
  | { state: "withdrawn" }
  | { state: "open"; invitation: { id: number; email: string; name: string; role: Role } };

export async function findInvitation(token: string, at = new Date()): Promise<InvitationState> {
  const row = await getDb()
    .selectFrom("invitation")
    .select(["id", "email", "name", "role", "used_at", "expires_at", "withdrawn_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { state: "invalid" };
  if (row.used_at) return { state: "used" };
  if (row.withdrawn_at) return { state: "withdrawn" };
  if (Date.parse(row.expires_at) <= at.getTime()) return { state: "expired" };
  return { state: "open", invitation: { id: row.id, email: row.email, name: row.name, role: row.role } };
}

/**
 * Marks the invitation used (one conditional statement, so two clicks cannot both win) and creates the account.
 * Returns the new user's id, or the reason it could not.
 */
export async function acceptInvitation(
  token: string,
  password: string,
): Promise<Result<{ userId: number; role: Role }, AcceptFailure>> {
  const passwordHash = await hashPassword(password);
  const t = now();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const inv = await trx
        .updateTable("invitation")
        .set({ used_at: t })
        .where("token_hash", "=", hashToken(token))
        .where("used_at", "is", null)
        .where("withdrawn_at", "is", null)
        .where("expires_at", ">", t)
        .returning(["id", "email", "name", "role", "university_id", "firm_id", "invited_by"])
        .executeTakeFirst();
      if (!inv) return null;
      const userId = await createAccountFromLink(
        trx,
        {
          email: inv.email,
          password_hash: passwordHash,
          role: inv.role,
          name: inv.name,
          university_id: inv.university_id,
          firm_id: inv.firm_id,
        },
        () => ({ action: "invitation.accept", entityType: "invitation", entityId: inv.id }),
      );
      return ok({ userId, role: inv.role });
    })
    .then(async (result) => {
      if (result) return result;
      // Not used now: say why (outside the transaction, which holds the one connection).
      const current = await findInvitation(token);
      return fail(NOT_USABLE[current.state === "open" ? "invalid" : current.state]);
    })
    .catch((error) => {
      if (error instanceof EmailTaken) return fail("auth.emailTaken" as const);
      throw error;
    });
}

/** Why an invitation link cannot be used, as the catalog says it. */
const NOT_USABLE = {
  invalid: "auth.invitationInvalid",
  used: "auth.invitationUsed",
  expired: "auth.invitationExpired",
  withdrawn: "auth.invitationWithdrawn",
} as const;

export type AcceptFailure = (typeof NOT_USABLE)[keyof typeof NOT_USABLE] | "auth.emailTaken";

/** Invitations not used and not withdrawn, expired ones included (staff may send those again). */
export function listOpenInvitations() {
  return getDb()
    .selectFrom("invitation")
    .select(["id", "email", "name", "role", "expires_at", "created_at"])
    .where("used_at", "is", null)
    .where("withdrawn_at", "is", null)
    .orderBy("id", "desc")
    .execute();
}

/** The open (unused, not withdrawn) invitation for an address, if any: the newest. */
export function findOpenInvitationFor(email: string) {
  return getDb()
    .selectFrom("invitation")
    .select(["id", "email", "name", "role"])
    .where("email", "=", normalizeEmail(email))
    .where("used_at", "is", null)
    .where("withdrawn_at", "is", null)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/**
 * Sends an open invitation again: a new token (the old link stops working) and a new expiry, mailed in the same
 * transaction. Refused when it was used or withdrawn meanwhile.
 */
export async function resendInvitation(
  invitationId: number,
  actorId: number | null,
): Promise<Result<{ token: string; email: string }>> {
  const row = await getDb()
    .selectFrom("invitation")
    .select(["name", "role"])
    .where("id", "=", invitationId)
    .executeTakeFirst();
  if (!row) return fail("accounts.invitations.notOpen");
  const mail = await invitationMail(row);
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const updated = await trx
        .updateTable("invitation")
        .set({ token_hash: hashToken(token), expires_at: expiresAt })
        .where("id", "=", invitationId)
        .where("used_at", "is", null)
        .where("withdrawn_at", "is", null)
        .returning(["email"])
        .executeTakeFirst();
      if (!updated) return fail("accounts.invitations.notOpen");
      await enqueueMail(trx, {
        to: updated.email,
        kind: "invitation",
        ...mail({ link: secretPlaceholder("link"), expiresAt }),
        secrets: { link: `${config().publicUrl}/invitations/${token}` },
      });
      await recordAudit(trx, {
        actorId,
        action: "invitation.resend",
        entityType: "invitation",
        entityId: invitationId,
        detail: { email: updated.email },
      });
      return ok({ token, email: updated.email });
    });
}

/** Withdraws an open invitation: its link stops working at once. */
export async function withdrawInvitation(invitationId: number, actorId: number): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const updated = await trx
        .updateTable("invitation")
        .set({ withdrawn_at: now() })
        .where("id", "=", invitationId)
        .where("used_at", "is", null)
        .where("withdrawn_at", "is", null)
        .returning(["email"])
        .executeTakeFirst();
      if (!updated) return fail("accounts.invitations.notOpen");
      await recordAudit(trx, {
        actorId,
        action: "invitation.withdraw",
        entityType: "invitation",
        entityId: invitationId,
        detail: { email: updated.email },
      });
      return ok();
    });
}
