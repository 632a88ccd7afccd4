/**
 * Deleting a student's personal data (APPI: suspension of use and deletion), in one transaction. The account row
 * stays as an empty tombstone (no email, no name, no password, `deleted_at` set) because sign-ups and certificates
 * point at it and the annual report counts them: a deleted student still counts as one student of their projects.
 * Everything that says something about the person goes: motivation texts, rankings (their own and the host firms'
 * of them), interview bookings and attendance, mail addressed to them, details of audit entries about them,
 * sessions, calendar feed, reset and registration records, requests' texts. Audit entries keep their action and
 * date, so what happened stays countable.
 *
 * Certificates are the student's own record, so staff decide: revoke them or leave them valid. A revoked
 * certificate of a deleted person keeps no name: its frozen data loses the name and the signed credential (which
 * carries the name) is emptied, so the public verify page shows only that it was revoked.
 */
import type { Transaction } from "kysely";
import { fail, ok, type Result } from "~/utils/result";
import type { Database } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { revokeWithin } from "./certificate.server";

export interface EraseInput {
  userId: number;
  actorId: number;
  /** Revoke the certificates still valid (otherwise they stay valid and keep the name they certify). */
  revokeCertificates: boolean;
  at: string;
}

export const ERASED_EMAIL_DOMAIN = "deleted.invalid";

/** What an erasure removed, for the audit entry and the staff's toast. Counts only: no personal data. */
export interface ErasureCounts {
  signups: number;
  rankings: number;
  bookings: number;
  attendance: number;
  mail: number;
  auditDetails: number;
  sessions: number;
  revokedCertificates: number;
}

export async function eraseStudentWithin(
  trx: Transaction<Database>,
  input: EraseInput,
): Promise<Result<{ counts: ErasureCounts }>> {
  const { userId, actorId, at } = input;
  const user = await trx
    .selectFrom("user")
    .select(["id", "email", "role", "deleted_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return fail("personalData.erase.notFound");
  if (user.deleted_at) return fail("personalData.erase.already");
  // Professors and firm users own projects and hostings that other people's records hang on: handled by hand.
  if (user.role !== "student") return fail("personalData.erase.studentsOnly");

  const signupIds = (await trx.selectFrom("signup").select("id").where("student_id", "=", userId).execute()).map(
    (s) => s.id,
  );
  const n = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
    Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0);

  let rankings = 0;
  if (signupIds.length) {
    await trx
      .updateTable("signup")
      .set({ motivation: "", motivation_shared: 0, updated_at: at })
      .where("id", "in", signupIds)
      .execute();
    rankings += n(await trx.deleteFrom("signup_preference").where("signup_id", "in", signupIds).executeTakeFirst());
    rankings += n(await trx.deleteFrom("host_ranking").where("signup_id", "in", signupIds).executeTakeFirst());
  }
  const bookings = n(await trx.deleteFrom("interview_participant").where("student_id", "=", userId).executeTakeFirst());
  // The slot stays booked for the rest of the team; only who booked it is forgotten.
  await trx.updateTable("interview_slot").set({ booked_by: null }).where("booked_by", "=", userId).execute();
  const attendance = n(await trx.deleteFrom("attendance").where("student_id", "=", userId).executeTakeFirst());
  const mail = n(await trx.deleteFrom("outbox_message").where("to_address", "=", user.email).executeTakeFirst());
  const auditDetails = n(
    await trx
      .updateTable("audit_entry")
      .set({ detail: null })
      .where((eb) =>
        eb.or([
          eb("actor_user_id", "=", userId),
          eb.and([eb("entity_type", "=", "user"), eb("entity_id", "=", String(userId))]),
          ...(signupIds.length
            ? [eb.and([eb("entity_type", "=", "signup"), eb("entity_id", "in", signupIds.map(String))])]
            : []),
        ]),
      )
      .where("detail", "is not", null)
      .executeTakeFirst(),
  );
  const sessions = n(await trx.deleteFrom("session").where("user_id", "=", userId).executeTakeFirst());
  await trx.deleteFrom("calendar_token").where("user_id", "=", userId).execute();
  await trx
    .deleteFrom("password_reset")
    .where((eb) => eb.or([eb("user_id", "=", userId), eb("email", "=", user.email)]))
    .execute();
  await trx.deleteFrom("registration").where("email", "=", user.email).execute();
  await trx.deleteFrom("login_attempt").where("email", "=", user.email).execute();
  await trx.updateTable("wallet_exchange").set({ holder_did: null }).where("student_id", "=", userId).execute();
  await trx.updateTable("privacy_request").set({ details: "" }).where("user_id", "=", userId).execute();

  let revokedCertificates = 0;
  if (input.revokeCertificates) {
    const valid = await trx
      .selectFrom("certificate")
      .select("id")
      .where("student_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
    for (const c of valid) {
      if (await revokeWithin(trx, c.id, "personal data deleted", { id: actorId }, at)) revokedCertificates++;
    }
  }
  await forgetRevokedCertificates(trx, userId);

  await trx
    .updateTable("user")
    .set({
      email: `deleted-${userId}@${ERASED_EMAIL_DOMAIN}`,
      name: "",
      name_kana: null,
      name_latin: null,
      password_hash: null,
      locale: null,
      disabled_at: at,
      deleted_at: at,
      updated_at: at,
    })
    .where("id", "=", userId)
    .execute();

  const counts: ErasureCounts = {
    signups: signupIds.length,
    rankings,
    bookings,
    attendance,
    mail,
    auditDetails,
    sessions,
    revokedCertificates,
  };
  await recordAudit(trx, { actorId, action: "user.erase", entityType: "user", entityId: userId, detail: counts });
  return ok({ counts });
}

/** The revoked certificates of a person lose the name: their data's student and the signed copies are emptied. */
async function forgetRevokedCertificates(trx: Transaction<Database>, userId: number) {
  const revoked = await trx
    .selectFrom("certificate")
    .select(["id", "data"])
    .where("student_id", "=", userId)
    .where("revoked_at", "is not", null)
    .execute();
  for (const c of revoked) {
    const data = c.data ? (JSON.parse(c.data) as Record<string, unknown>) : null;
    if (data) data.student = { name: "", nameLatin: "" };
    await trx
      .updateTable("certificate")
      .set({ data: data ? JSON.stringify(data) : null, credential_jwt: "" })
      .where("id", "=", c.id)
      .execute();
    await trx.updateTable("wallet_credential").set({ credential_jwt: "" }).where("certificate_id", "=", c.id).execute();
  }
}
