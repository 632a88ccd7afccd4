/**
 * Participation certificates: who may get one, issuing (one, by hand, or a whole event in one batch), revoking and
 * reading. What the public endpoints read (status lists, credentials by public id, achievements) is in
 * certificate-public.server.ts.
 *
 * Eligibility (per event, per student and project): the student is on the event's programme, their team's
 * presentation was marked given, they were marked present, and their team's interview (a slot of the host the
 * published pairing gave them) has the outcome "done". Attendance is required as well because the certificate
 * states that the student presented at the event. Staff may certify anyone by hand, with a recorded reason.
 *
 * Issuing: each credential is signed twice (embedded eddsa-rdfc-2022 proof, then the VC-JWT; tens of milliseconds)
 * with a random status list index not yet used, BEFORE the write transaction (signCertificates), then inserted with
 * ON CONFLICT (student_id, project_id) WHERE revoked_at IS NULL DO NOTHING, so a batch repeated or run twice at once
 * never issues two valid certificates for the same student and project (re-issuing: certificate-reissue.server.ts). The audit entry and the student's email are written in the same
 * transaction. A collision on status_index (another batch took the index meanwhile) fails the transaction, which is
 * retried with fresh indexes.
 *
 * The functions taking a `db` work inside a caller's transaction (the demo seed uses them).
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { credentialFromJwt, issueCredential } from "~/certificates/credential.server";
import { type CertificateData, inLng } from "~/certificates/data";
import { type StatusListId, statusListPath } from "~/certificates/identifiers";
import { newCertificateId, normalizeCertificateId } from "~/certificates/ids";
import { loadSigningKeys } from "~/certificates/keys.server";
import { randomStatusListIndex } from "~/certificates/status-list";
import { isLng } from "~/i18n";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { tokyoDate } from "~/utils/format";
import { getT } from "~/utils/i18n.server";
import { fail, NOT_FOUND, ok, type Result } from "~/utils/result";
import type { Database } from "../../db/schema";
import { listEventParticipants } from "./attendance.server";
import { recordAudit } from "./audit.server";
import { enqueueMail } from "./outbox.server";
import { getRun } from "./pairing.server";

type Db = Kysely<Database> | Transaction<Database>;

interface Actor {
  id: number;
}

/** Where the revocation lists are served: 1 for certificates (every certificate's credentialStatus), 2 for wallet copies. */
export const STATUS_LIST_PATH = statusListPath(1);
export const statusListUrl = (list: StatusListId = 1) => `${config().publicUrl}${statusListPath(list)}`;

// ─── eligibility ─────────────────────────────────────────────────────────────

export type IneligibleReason = "notPresented" | "absent" | "interviewNotDone";

export interface Candidate {
  studentId: number;
  name: string;
  nameLatin: string | null;
  projectId: number;
  projectTitleJa: string;
  projectTitleEn: string | null;
  firmName: string | null;
  reasons: IneligibleReason[];
  /** The certificate the student already holds for this project, if any. */
  certificateId: string | null;
  revokedAt: string | null;
}

/** The host the published pairing gave each (student, project); the key is `${studentId}:${projectId}`. */
export async function assignedHosts(db: Db, pairs: Array<{ studentId: number; projectId: number }>) {
  const hosts = new Map<string, number>();
  if (!pairs.length) return hosts;
  const signups = await db
    .selectFrom("signup")
    .select(["id", "student_id", "project_id"])
    .where("student_id", "in", [...new Set(pairs.map((p) => p.studentId))])
    .where("project_id", "in", [...new Set(pairs.map((p) => p.projectId))])
    .execute();
  for (const projectId of new Set(signups.map((s) => s.project_id))) {
    // The published run read through `db` (not getPublishedRun): this may run inside a caller's transaction.
    const published = await db
      .selectFrom("pairing_run")
      .select("id")
      .where("project_id", "=", projectId)
      .where("published_at", "is not", null)
      .executeTakeFirst();
    const final = (published && (await getRun(published.id, db))?.final) || {};
    for (const s of signups.filter((x) => x.project_id === projectId)) {
      const host = final[String(s.id)];
      if (host) hosts.set(`${s.student_id}:${projectId}`, Number(host));
    }
  }
  return hosts;
}

/** Everyone on the event's programme, once per (student, project), with why they are not eligible (if so). */
export async function listEventCandidates(eventId: number): Promise<Candidate[]> {
  const participants = await listEventParticipants(eventId);
  const unique = [...new Map(participants.map((p) => [`${p.studentId}:${p.projectId}`, p])).values()];
  const db = getDb();
  const hosts = await assignedHosts(db, unique);
  const hostIds = [...new Set([...hosts.values(), ...unique.flatMap((p) => (p.hostId ? [p.hostId] : []))])];
  const done = new Set(
    hostIds.length
      ? (
          await db
            .selectFrom("interview_slot")
            .select("host_id")
            .where("host_id", "in", hostIds)
            .where("outcome", "=", "done")
            .execute()
        ).map((r) => r.host_id)
      : [],
  );
  const issued = unique.length
    ? await db
        .selectFrom("certificate")
        .select(["id", "student_id", "project_id", "revoked_at"])
        .where(
          "student_id",
          "in",
          unique.map((p) => p.studentId),
        )
        .execute()
    : [];
  return unique.map((p) => {
    const host = p.hostId ?? hosts.get(`${p.studentId}:${p.projectId}`);
    const reasons: IneligibleReason[] = [];
    if (!p.presentationGiven) reasons.push("notPresented");
    if (!p.present) reasons.push("absent");
    if (!host || !done.has(host)) reasons.push("interviewNotDone");
    // After a re-issue the pair has a revoked certificate and its valid replacement: show the valid one.
    const mine = issued.filter((c) => c.student_id === p.studentId && c.project_id === p.projectId);
    const cert = mine.find((c) => c.revoked_at === null) ?? mine.at(-1);
    return {
      studentId: p.studentId,
      name: p.name,
      nameLatin: p.nameLatin,
      projectId: p.projectId,
      projectTitleJa: p.projectTitleJa,
      projectTitleEn: p.projectTitleEn,
      firmName: p.firmName,
      reasons,
      certificateId: cert?.id ?? null,
      revokedAt: cert?.revoked_at ?? null,
    };
  });
}

// ─── issuing ─────────────────────────────────────────────────────────────────

export interface IssueRequest {
  studentId: number;
  projectId: number;
  eventId: number | null;
  manualReason?: string | null;
  /** A re-issue: the revoked certificate this one replaces (certificate-reissue.server.ts). */
  supersedes?: string | null;
  /** A re-issue may correct how the student's name is written on the certificate. */
  studentName?: { name: string; nameLatin: string } | null;
}

type Subject = Omit<CertificateData, "certificateId" | "issuedAt">;

/**
 * What a certificate will say, read from the database. The event is the one given, else the project's latest
 * event on which it presented; the firms are the host the student was paired with (else the project's hosts).
 * Null when the student, project or an event is missing.
 */
async function loadSubject(db: Db, r: IssueRequest): Promise<Subject | null> {
  const [student, project] = await Promise.all([
    db
      .selectFrom("user")
      .select(["name", "name_latin"])
      .where("id", "=", r.studentId)
      .where("role", "=", "student")
      .executeTakeFirst(),
    db
      .selectFrom("project")
      .innerJoin("university", "university.id", "project.university_id")
      .select([
        "project.id",
        "project.title_ja",
        "project.title_en",
        "project.seminar_name",
        "university.name_ja",
        "university.name_en",
      ])
      .where("project.id", "=", r.projectId)
      .executeTakeFirst(),
  ]);
  const event = await db
    .selectFrom("event")
    .select(["title_ja", "title_en", "starts_at"])
    .$if(r.eventId !== null, (q) => q.where("id", "=", r.eventId!))
    .$if(r.eventId === null, (q) =>
      q
        .where("id", "in", db.selectFrom("presentation").select("event_id").where("project_id", "=", r.projectId))
        .orderBy("starts_at", "desc"),
    )
    .executeTakeFirst();
  if (!student || !project || !event) return null;
  const host = (await assignedHosts(db, [r])).get(`${r.studentId}:${r.projectId}`);
  const firms = await db
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select("firm.name")
    .where("project_host.project_id", "=", r.projectId)
    .$if(host !== undefined, (q) => q.where("project_host.id", "=", host!))
    .$if(host === undefined, (q) => q.where("project_host.status", "=", "accepted"))
    .orderBy("project_host.id")
    .execute();
  return {
    student: {
      name: student.name,
      nameLatin: student.name_latin ?? student.name,
    },
    project: {
      id: project.id,
      title: { ja: project.title_ja, en: project.title_en },
    },
    seminar: { ja: project.seminar_name },
    university: { ja: project.name_ja, en: project.name_en },
    firms: firms.map((f) => ({ ja: f.name })),
    event: {
      name: { ja: event.title_ja, en: event.title_en },
      date: tokyoDate(new Date(event.starts_at)),
    },
  };
}

// SQLite: "UNIQUE constraint failed: certificate.status_index"; PostgreSQL names the constraint (certificate_status_index_key).
const isStatusIndexConflict = (error: unknown) => /status_index/i.test(String(error));

/** A certificate ready to insert: what it says, its status list index and its signed credential. */
export interface SignedCertificate {
  request: IssueRequest;
  data: CertificateData;
  index: number;
  jwt: string;
}

/**
 * Reads what each requested certificate will say, draws its status list index and signs it (the embedded proof and
 * the VC-JWT, tens of milliseconds each): the slow part, which `issue` does before its write transaction so that no
 * lock is held meanwhile. Requests whose student, project or event is missing are left out.
 */
export async function signCertificates(db: Db, requests: IssueRequest[], at = now()): Promise<SignedCertificate[]> {
  await loadSigningKeys(); // fails before writing anything when a key is missing
  const used = new Set(
    (await db.selectFrom("certificate").select("status_index").execute()).map((r) => r.status_index),
  );
  const signed: SignedCertificate[] = [];
  for (const request of requests) {
    const subject = await loadSubject(db, request);
    if (!subject) continue;
    let index = randomStatusListIndex();
    while (used.has(index)) index = randomStatusListIndex();
    used.add(index);
    const data: CertificateData = {
      certificateId: newCertificateId(),
      // The credential's subject: random, so that it says nothing about the student (README, Decisions).
      subjectId: `urn:uuid:${randomUUID()}`,
      issuedAt: at,
      ...subject,
      ...(request.studentName ? { student: request.studentName } : {}),
    };
    const { jwt } = await issueCredential(data, { statusListUrl: statusListUrl(), index });
    signed.push({ request, data, index, jwt });
  }
  return signed;
}

/**
 * Inserts signed certificates inside `trx` (audit and email included); returns the ids issued. Certificates for a
 * (student, project) that already has one are skipped.
 */
export async function insertSignedCertificates(
  trx: Transaction<Database>,
  signed: SignedCertificate[],
  actor: Actor | null,
  at = now(),
) {
  const issued: Array<{ id: string; studentId: number; projectId: number }> = [];
  for (const { request: r, data, index, jwt } of signed) {
    const row = await trx
      .insertInto("certificate")
      .values({
        id: data.certificateId,
        student_id: r.studentId,
        project_id: r.projectId,
        event_id: r.eventId,
        status_index: index,
        credential_jwt: jwt,
        manual_reason: r.manualReason ?? null,
        issued_at: at,
        issued_by: actor?.id ?? null,
        data: JSON.stringify(data),
        supersedes: r.supersedes ?? null,
      })
      // One valid certificate per student and project (a partial unique index: revoked ones do not count).
      .onConflict((oc) => oc.columns(["student_id", "project_id"]).where("revoked_at", "is", null).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) continue;
    issued.push({ id: row.id, studentId: r.studentId, projectId: r.projectId });
    await recordAudit(trx, {
      actorId: actor?.id ?? null,
      action: r.supersedes ? "certificate.reissue" : r.manualReason ? "certificate.certifyByHand" : "certificate.issue",
      entityType: "certificate",
      entityId: row.id,
      detail: {
        studentId: r.studentId,
        projectId: r.projectId,
        eventId: r.eventId,
        reason: r.manualReason ?? undefined,
        supersedes: r.supersedes ?? undefined,
      },
    });
    await enqueueIssuedMail(trx, r.studentId, data);
  }
  return issued;
}

/**
 * Issues the requested certificates inside `trx` (signing included; audit and email too); returns the ids issued.
 * Requests for a (student, project) that already has a certificate are skipped.
 */
export async function issueWithin(
  trx: Transaction<Database>,
  requests: IssueRequest[],
  actor: Actor | null,
  at = now(),
) {
  return insertSignedCertificates(trx, await signCertificates(trx, requests, at), actor, at);
}

async function enqueueIssuedMail(trx: Transaction<Database>, studentId: number, data: CertificateData) {
  const student = await trx
    .selectFrom("user")
    .select(["email", "locale"])
    .where("id", "=", studentId)
    .executeTakeFirstOrThrow();
  const lng = isLng(student.locale) ? student.locale : "ja";
  const t = await getT(lng);
  const values = {
    name: data.student.name,
    project: inLng(data.project.title, lng),
    verifyLink: `${config().publicUrl}/verify/${data.certificateId}`,
    listLink: `${config().publicUrl}/student/certificates`,
  };
  await enqueueMail(trx, {
    to: student.email,
    subject: t("certificates.mail.subject"),
    body: t("certificates.mail.body", values),
    kind: "certificate.issued",
  });
}

/** Signs and inserts (retrying when another batch took a status index meanwhile); returns the ids issued. */
export async function issue(requests: IssueRequest[], actor: Actor) {
  for (let attempt = 1; ; attempt++) {
    const at = now();
    // Signed before the transaction (tens of milliseconds a certificate), so the write lock is held for the inserts
    // only. A status index another process took meanwhile fails the inserts, and the batch is signed again.
    const signed = await signCertificates(getDb(), requests, at);
    try {
      return await getDb()
        .transaction()
        .execute((trx) => insertSignedCertificates(trx, signed, actor, at));
    } catch (error) {
      if (attempt >= 3 || !isStatusIndexConflict(error)) throw error;
    }
  }
}

/** Issues every eligible student's certificate of the event in one transaction. */
export async function issueForEvent(eventId: number, actor: Actor) {
  const eligible = (await listEventCandidates(eventId)).filter((c) => c.reasons.length === 0 && !c.certificateId);
  const issued = await issue(
    eligible.map((c) => ({
      studentId: c.studentId,
      projectId: c.projectId,
      eventId,
    })),
    actor,
  );
  return { issued: issued.length, skipped: eligible.length - issued.length };
}

export type IssueFailure = typeof NOT_FOUND | "certificates.toast.notEligible" | "certificates.toast.alreadyIssued";

/** One eligible student of the event. */
export async function issueCertificate(
  eventId: number,
  studentId: number,
  projectId: number,
  actor: Actor,
): Promise<Result<{ id: string }, IssueFailure>> {
  const candidate = (await listEventCandidates(eventId)).find(
    (c) => c.studentId === studentId && c.projectId === projectId,
  );
  if (!candidate) return fail(NOT_FOUND);
  if (candidate.certificateId) return fail("certificates.toast.alreadyIssued");
  if (candidate.reasons.length) return fail("certificates.toast.notEligible");
  const [issued] = await issue([{ studentId, projectId, eventId }], actor);
  return issued ? ok({ id: issued.id }) : fail("certificates.toast.alreadyIssued");
}

/** Staff certify a student by hand (eligible or not), with a reason that is recorded on the certificate. */
export async function certifyByHand(
  studentId: number,
  projectId: number,
  eventId: number | null,
  reason: string,
  actor: Actor,
): Promise<Result<{ id: string }, IssueFailure>> {
  if (!reason.trim()) throw new Error("certifyByHand needs a reason");
  const existing = await getDb()
    .selectFrom("certificate")
    .select("id")
    .where("student_id", "=", studentId)
    .where("project_id", "=", projectId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (existing) return fail("certificates.toast.alreadyIssued");
  const [issued] = await issue([{ studentId, projectId, eventId, manualReason: reason.trim() }], actor);
  // Nothing issued: the student, project or event is not there (issue leaves such requests out).
  return issued ? ok({ id: issued.id }) : fail(NOT_FOUND);
}

// ─── revoking ────────────────────────────────────────────────────────────────

/** False when there is no such certificate or it is already revoked. */
export async function revokeWithin(
  trx: Transaction<Database>,
  id: string,
  reason: string,
  actor: Actor | null,
  at = now(),
) {
  const r = await trx
    .updateTable("certificate")
    .set({
      revoked_at: at,
      revoked_reason: reason,
      revoked_by: actor?.id ?? null,
    })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await recordAudit(trx, {
    actorId: actor?.id ?? null,
    action: "certificate.revoke",
    entityType: "certificate",
    entityId: id,
    detail: { reason },
  });
  return true;
}

export function revokeCertificate(id: string, reason: string, actor: Actor) {
  return getDb()
    .transaction()
    .execute((trx) => revokeWithin(trx, id, reason, actor));
}

// ─── reading ─────────────────────────────────────────────────────────────────

function certificateRows() {
  return getDb()
    .selectFrom("certificate")
    .select([
      "id",
      "student_id",
      "project_id",
      "event_id",
      "status_index",
      "credential_jwt",
      "manual_reason",
      "issued_at",
      "revoked_at",
      "revoked_reason",
      "data",
      "supersedes",
    ]);
}

function withData<T extends { data: string | null; credential_jwt: string }>(row: T) {
  const { data, ...rest } = row;
  return { ...rest, data: JSON.parse(data ?? "null") as CertificateData };
}

export async function getCertificate(id: string) {
  const row = await certificateRows().where("id", "=", id).executeTakeFirst();
  return row ? withData(row) : null;
}

export type Certificate = NonNullable<Awaited<ReturnType<typeof getCertificate>>>;

/** What the PDF needs besides the data: the verification URL, the JWT and the credential it carries. */
export function pdfInput(cert: Certificate) {
  return {
    ...cert.data,
    verifyUrl: `${config().publicUrl}/verify/${cert.id}`,
    credentialJwt: cert.credential_jwt,
    credential: credentialFromJwt(cert.credential_jwt),
  };
}

export async function listStudentCertificates(studentId: number) {
  const rows = await certificateRows()
    .where("student_id", "=", studentId)
    .orderBy("issued_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(withData);
}

/** Certificates of an event (and by hand for its projects), for staff. */
export async function listEventCertificates(eventId: number) {
  const rows = await certificateRows()
    .where((eb) =>
      eb.or([
        eb("event_id", "=", eventId),
        eb("project_id", "in", eb.selectFrom("presentation").select("project_id").where("event_id", "=", eventId)),
      ]),
    )
    .orderBy("issued_at")
    .orderBy("id")
    .execute();
  return rows.map(withData);
}

/** A certificate by the id in a public URL (typed ids are normalised); null when malformed or unknown. */
export async function findPublicCertificate(rawId: string | undefined) {
  const id = normalizeCertificateId(rawId ?? "");
  const certificate = id ? await getCertificate(id) : null;
  // Revoked and its person deleted: the signed copy with the name is gone (erasure.server.ts).
  return certificate?.credential_jwt === "" ? null : certificate;
}
