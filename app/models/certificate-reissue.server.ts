/**
 * Re-issuing a revoked certificate (issue 12): a misspelt name, or the key-leak procedure ("re-issue what it
 * signed"), must not leave a student without a valid certificate. The new certificate goes through the ordinary
 * issuing code (new id, new status list index, the embedded proof and the VC-JWT, the audit entry and the student's
 * email) and records the certificate it supersedes; the old one stays revoked, and its verify page links to the new.
 */
import { getDb } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { issue } from "./certificate.server";

export interface ReissueInput {
  /** How the name is written on the new certificate; the stored account name when omitted. */
  name?: string | null;
  nameLatin?: string | null;
}

/** Issues the replacement of revoked certificate `id`; the reason is a catalog key when it cannot. */
export async function reissueCertificate(
  id: string,
  input: ReissueInput,
  actor: { id: number },
): Promise<Result<{ id: string }>> {
  const db = getDb();
  const old = await db.selectFrom("certificate").selectAll().where("id", "=", id).executeTakeFirst();
  if (!old) return fail("certificates.errors.notFound");
  if (!old.revoked_at) return fail("certificates.errors.reissueNotRevoked");
  const replaced = await db.selectFrom("certificate").select("id").where("supersedes", "=", id).executeTakeFirst();
  if (replaced) return fail("certificates.errors.alreadyReissued");
  const name = input.name?.trim();
  const [issued] = await issue(
    [
      {
        studentId: old.student_id,
        projectId: old.project_id,
        eventId: old.event_id,
        manualReason: old.manual_reason,
        supersedes: id,
        studentName: name ? { name, nameLatin: input.nameLatin?.trim() || name } : null,
      },
    ],
    actor,
  ).catch((error: unknown) => {
    // Two re-issues of the same certificate at once: the unique `supersedes` lets only one in.
    if (/supersedes/i.test(String(error))) return [];
    throw error;
  });
  // Nothing inserted: the student already holds a valid certificate for this project (or it was just re-issued).
  return issued ? ok({ id: issued.id }) : fail("certificates.errors.alreadyIssued");
}

/** The certificate that replaced `id`, if it was re-issued. */
export async function findReplacement(id: string) {
  const row = await getDb().selectFrom("certificate").select("id").where("supersedes", "=", id).executeTakeFirst();
  return row?.id ?? null;
}
