/**
 * A person's own profile corrections and their requests to staff (APPI correction and deletion requests): the
 * fields anyone may correct themselves (name, kana, Latin reading) change at once; everything else goes to the staff
 * queue as a request, which staff mark done or refuse with a reason. The requester is mailed the outcome in their
 * language, and every step is in the audit log. Deciding a deletion request "done" erases the student in the same
 * transaction (erasure.server.ts).
 */
import type { Kysely, Transaction } from "kysely";
import { isLng } from "~/i18n";
import { getDb } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { getT } from "~/utils/i18n.server";
import { fail, NOT_FOUND, ok, type Result } from "~/utils/result";
import type { Database, PrivacyRequestKind, PrivacyRequestStatus } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { eraseStudentWithin } from "./erasure.server";
import { enqueueMail } from "./outbox.server";

/** Open requests one person may have at once: enough for any real need, not a way to flood the queue. */
export const MAX_OPEN_REQUESTS = 3;

export interface ProfileFields {
  name: string;
  nameKana: string | null;
  nameLatin: string | null;
}

/** Corrects the signed-in user's own name fields. The audit entry names the fields changed, not their values. */
export async function correctOwnProfile(userId: number, fields: ProfileFields): Promise<Result<{ changed: string[] }>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const current = await trx
        .selectFrom("user")
        .select(["name", "name_kana", "name_latin"])
        .where("id", "=", userId)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      if (!current) return fail(NOT_FOUND);
      const next = { name: fields.name, name_kana: fields.nameKana, name_latin: fields.nameLatin };
      const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => current[k] !== next[k]);
      if (!changed.length) return ok({ changed });
      await trx
        .updateTable("user")
        .set({ ...next, updated_at: new Date().toISOString() })
        .where("id", "=", userId)
        .execute();
      await recordAudit(trx, {
        actorId: userId,
        action: "user.profileCorrected",
        entityType: "user",
        entityId: userId,
        detail: { fields: changed },
      });
      return ok({ changed });
    });
}

/** Files a request; refused when the person already has MAX_OPEN_REQUESTS open, or an open one of the same kind. */
export async function createPrivacyRequest(input: {
  userId: number;
  kind: PrivacyRequestKind;
  details: string;
}): Promise<Result<{ id: number }>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      // BEGIN IMMEDIATE is not needed: two tabs racing can at worst file one more request than the limit.
      const open = await trx
        .selectFrom("privacy_request")
        .select(["kind"])
        .where("user_id", "=", input.userId)
        .where("status", "=", "open")
        .execute();
      if (open.some((r) => r.kind === input.kind)) return fail("personalData.requests.alreadyOpen", { field: "kind" });
      if (open.length >= MAX_OPEN_REQUESTS) return fail("personalData.requests.tooMany", { field: "kind" });
      const row = await trx
        .insertInto("privacy_request")
        .values({
          user_id: input.userId,
          kind: input.kind,
          details: input.details,
          created_at: new Date().toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: input.userId,
        action: `privacyRequest.${input.kind}`,
        entityType: "privacy_request",
        entityId: row.id,
      });
      return ok({ id: row.id });
    });
}

export function listOwnRequests(userId: number) {
  return getDb()
    .selectFrom("privacy_request")
    .select(["id", "kind", "details", "status", "decision_reason", "created_at", "decided_at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .execute();
}

export const QUEUE_STATUSES = ["open", "done", "refused"] as const satisfies readonly PrivacyRequestStatus[];

/** The staff queue: one status, oldest first for open requests (first come, first served), newest first otherwise. */
export function listRequestQueue(status: PrivacyRequestStatus) {
  return getDb()
    .selectFrom("privacy_request")
    .innerJoin("user", "user.id", "privacy_request.user_id")
    .select([
      "privacy_request.id",
      "privacy_request.kind",
      "privacy_request.details",
      "privacy_request.status",
      "privacy_request.decision_reason",
      "privacy_request.created_at",
      "privacy_request.decided_at",
      "user.id as user_id",
      "user.name",
      "user.email",
      "user.role",
      "user.deleted_at",
      (eb) =>
        eb
          .selectFrom("certificate")
          .select((s) => s.fn.countAll<number>().as("n"))
          .whereRef("certificate.student_id", "=", "user.id")
          .where("certificate.revoked_at", "is", null)
          .as("valid_certificates"),
    ])
    .where("privacy_request.status", "=", status)
    .orderBy("privacy_request.id", status === "open" ? "asc" : "desc")
    .limit(200)
    .execute();
}

export interface Decision {
  requestId: number;
  actorId: number;
  outcome: "done" | "refused";
  reason: string | null;
  /**
   * For a deletion request decided "done": whether to revoke the certificates still valid. Null (not asked) is
   * refused when the student has any, so that nobody deletes a person without answering the question.
   */
  revokeCertificates: boolean | null;
}

/**
 * Decides an open request once (a replayed or concurrent decision finds it decided and fails), mails the requester
 * and audits it. A deletion "done" erases the student first; the mail still goes to the address they used.
 */
export async function decidePrivacyRequest(decision: Decision): Promise<Result<{ kind: PrivacyRequestKind }>> {
  if (decision.outcome === "refused" && !decision.reason)
    return fail("personalData.queue.reasonRequired", { field: "reason" });
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const request = await trx
        .selectFrom("privacy_request")
        .innerJoin("user", "user.id", "privacy_request.user_id")
        .select([
          "privacy_request.id",
          "privacy_request.kind",
          "privacy_request.user_id",
          "user.email",
          "user.name",
          "user.locale",
        ])
        .where("privacy_request.id", "=", decision.requestId)
        .executeTakeFirst();
      if (!request) return fail(NOT_FOUND);
      const erasing = request.kind === "deletion" && decision.outcome === "done";
      if (erasing && decision.revokeCertificates === null && (await countValidCertificates(request.user_id, trx)) > 0)
        return fail("personalData.erase.chooseRevoke", { field: "revokeCertificates" });
      const at = new Date().toISOString();
      const claimed = await trx
        .updateTable("privacy_request")
        .set({
          status: decision.outcome,
          decision_reason: decision.reason,
          decided_by: decision.actorId,
          decided_at: at,
        })
        .where("id", "=", request.id)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return fail("personalData.queue.alreadyDecided");
      if (erasing) {
        const erased = await eraseStudentWithin(trx, {
          userId: request.user_id,
          actorId: decision.actorId,
          revokeCertificates: decision.revokeCertificates ?? false,
          at,
        });
        // Throwing rolls the claim back too; the failure reaches the staff member as a toast.
        if (!erased.ok) throw new ErasureRefused(erased.reason);
      }
      const lng = isLng(request.locale) ? request.locale : "ja";
      const t = await getT(lng);
      const values = {
        name: request.name,
        kind: t(`personalData.kinds.${request.kind}`),
        reason: decision.reason ?? "",
        link: `${config().publicUrl}/privacy`,
      };
      await enqueueMail(trx, {
        to: request.email,
        subject: t(`personalData.mail.${decision.outcome}.subject`, values),
        body: t(`personalData.mail.${decision.outcome}.body`, values),
        kind: `privacyRequest.${decision.outcome}`,
      });
      await recordAudit(trx, {
        actorId: decision.actorId,
        action: `privacyRequest.${decision.outcome}`,
        entityType: "privacy_request",
        entityId: request.id,
        detail: { kind: request.kind, reason: decision.reason },
      });
      return ok({ kind: request.kind });
    })
    .catch((error: unknown) => {
      if (error instanceof ErasureRefused) return fail(error.reason);
      throw error;
    });
}

class ErasureRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Staff erase a student from the user's page, without a request: same transaction, audited the same way. */
export function eraseStudent(input: { userId: number; actorId: number; revokeCertificates: boolean }) {
  return getDb()
    .transaction()
    .execute((trx) => eraseStudentWithin(trx, { ...input, at: new Date().toISOString() }));
}

/** Certificates of a person that are still valid: staff are asked about them before a deletion. */
export async function countValidCertificates(userId: number, db: Kysely<Database> | Transaction<Database> = getDb()) {
  const row = await db
    .selectFrom("certificate")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("student_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A person as staff see them before erasing: role, whether already deleted, valid certificates. */
export async function getErasureSubject(userId: number) {
  const user = await getDb()
    .selectFrom("user")
    .select(["id", "name", "email", "role", "deleted_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  return user ? { ...user, validCertificates: await countValidCertificates(userId) } : null;
}
