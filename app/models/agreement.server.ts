/**
 * Partnership agreements: the agreement with its areas and counterpart contacts, its version history (written in
 * the same transaction as every change), its activity log, and the lists built on the date-derived status.
 * Documents live in agreement-document.server.ts.
 */
import type { Kysely, Transaction } from "kysely";
import { agreementTerm, needingAttention } from "~/agreements/status";
import { COLUMN_FIELDS, diffSnapshots, type AgreementSnapshot, type FieldChange } from "~/agreements/versions";
import { recordAudit } from "~/models/audit.server";
import type { AgreementInput } from "~/schemas/agreements";
import { msg } from "~/schemas/messages";
import { getDb, now } from "~/utils/db.server";
import { fail, NOT_FOUND, ok, type Result } from "~/utils/result";
import { AGREEMENT_AREAS, type AgreementArea, type Database } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

async function readSnapshot(db: Db, id: number): Promise<AgreementSnapshot | undefined> {
  const row = await db.selectFrom("agreement").select(COLUMN_FIELDS).where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const [areas, contacts] = await Promise.all([
    db.selectFrom("agreement_area").select("area").where("agreement_id", "=", id).execute(),
    db
      .selectFrom("agreement_contact")
      .select(["name", "department", "email", "phone"])
      .where("agreement_id", "=", id)
      .orderBy("position")
      .execute(),
  ]);
  const held = new Set<string>(areas.map((a) => a.area));
  return { ...row, auto_renew: row.auto_renew === 1, areas: AGREEMENT_AREAS.filter((a) => held.has(a)), contacts };
}

/** The agreement as its edit form shows it, or undefined. */
export function getAgreementSnapshot(id: number) {
  return readSnapshot(getDb(), id);
}

function agreementColumns(input: AgreementInput) {
  const { areas: _a, contacts: _c, auto_renew, ...columns } = input;
  return { ...columns, auto_renew: auto_renew ? 1 : 0 };
}

async function writeAreasAndContacts(trx: Transaction<Database>, id: number, input: AgreementInput) {
  await trx.deleteFrom("agreement_area").where("agreement_id", "=", id).execute();
  await trx.deleteFrom("agreement_contact").where("agreement_id", "=", id).execute();
  if (input.areas.length) {
    await trx
      .insertInto("agreement_area")
      .values(input.areas.map((area) => ({ agreement_id: id, area: area as AgreementArea })))
      .execute();
  }
  if (input.contacts.length) {
    await trx
      .insertInto("agreement_contact")
      .values(input.contacts.map((c, position) => ({ agreement_id: id, position, ...c })))
      .execute();
  }
}

async function recordVersion(
  db: Db,
  agreementId: number,
  action: "create" | "update" | "terminate",
  changes: FieldChange[],
  actorId: number | null,
  at = now(),
) {
  const last = await db
    .selectFrom("agreement_version")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("agreement_id", "=", agreementId)
    .executeTakeFirst();
  await db
    .insertInto("agreement_version")
    .values({
      agreement_id: agreementId,
      version: Number(last?.v ?? 0) + 1,
      action,
      changes: JSON.stringify(changes),
      actor_user_id: actorId,
      created_at: at,
    })
    .execute();
}

/** Field errors (catalog keys) for references the form cannot check: the university exists, the owner is staff. */
export async function invalidReferences(input: Pick<AgreementInput, "university_id" | "owner_user_id">) {
  const db = getDb();
  const errors: Record<string, string[]> = {};
  const university = await db
    .selectFrom("university")
    .select("id")
    .where("id", "=", input.university_id)
    .executeTakeFirst();
  if (!university) errors.university_id = [msg("validation.chooseOne")];
  if (input.owner_user_id !== null) {
    const owner = await db
      .selectFrom("user")
      .select("id")
      .where("id", "=", input.owner_user_id)
      .where("role", "=", "staff")
      .where("disabled_at", "is", null)
      .executeTakeFirst();
    if (!owner) errors.owner_user_id = [msg("validation.chooseOne")];
  }
  return Object.keys(errors).length ? errors : null;
}

export async function createAgreement(input: AgreementInput, actorId: number): Promise<number> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const t = now();
      const { id } = await trx
        .insertInto("agreement")
        .values({ ...agreementColumns(input), created_at: t, updated_at: t })
        .returning("id")
        .executeTakeFirstOrThrow();
      await writeAreasAndContacts(trx, id, input);
      const changes = diffSnapshots(null, { ...input, terminated_on: null, termination_reason: null });
      await recordVersion(trx, id, "create", changes, actorId, t);
      await recordAudit(trx, {
        actorId,
        action: "agreement.create",
        entityType: "agreement",
        entityId: id,
        detail: { title: input.title_ja },
      });
      return id;
    });
}

/** Saves the form; returns the number of fields that changed (0: nothing written), or null for no such agreement. */
export async function updateAgreement(id: number, input: AgreementInput, actorId: number): Promise<number | null> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await readSnapshot(trx, id);
      if (!before) return null;
      const changes = diffSnapshots(before, { ...before, ...input });
      if (changes.length === 0) return 0;
      const t = now();
      await trx
        .updateTable("agreement")
        .set({ ...agreementColumns(input), updated_at: t })
        .where("id", "=", id)
        .execute();
      await writeAreasAndContacts(trx, id, input);
      await recordVersion(trx, id, "update", changes, actorId, t);
      await recordAudit(trx, {
        actorId,
        action: "agreement.update",
        entityType: "agreement",
        entityId: id,
        detail: { fields: changes.map((c) => c.field) },
      });
      return changes.length;
    });
}

export type TerminateFailure =
  typeof NOT_FOUND | "agreements.errors.alreadyTerminated" | "agreements.errors.terminateBeforeEffective";

export async function terminateAgreement(
  id: number,
  input: { terminated_on: string; termination_reason: string },
  actorId: number,
): Promise<Result<object, TerminateFailure>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await readSnapshot(trx, id);
      if (!before) return fail(NOT_FOUND);
      if (before.terminated_on) return fail("agreements.errors.alreadyTerminated");
      if (input.terminated_on < before.effective_from) {
        return fail("agreements.errors.terminateBeforeEffective", { field: "terminated_on" });
      }
      const t = now();
      await trx
        .updateTable("agreement")
        .set({ ...input, updated_at: t })
        .where("id", "=", id)
        .execute();
      await recordVersion(trx, id, "terminate", diffSnapshots(before, { ...before, ...input }), actorId, t);
      await recordAudit(trx, {
        actorId,
        action: "agreement.terminate",
        entityType: "agreement",
        entityId: id,
        detail: input,
      });
      return ok();
    });
}

/** Adds a hand-written activity entry; NOT_FOUND when there is no such agreement. */
export async function addActivity(
  id: number,
  input: { occurred_on: string; title: string; description?: string },
  actorId: number,
): Promise<Result<object, typeof NOT_FOUND>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const exists = await trx.selectFrom("agreement").select("id").where("id", "=", id).executeTakeFirst();
      if (!exists) return fail(NOT_FOUND);
      const t = now();
      const { id: activityId } = await trx
        .insertInto("agreement_activity")
        .values({
          agreement_id: id,
          kind: "manual",
          occurred_on: input.occurred_on,
          title: input.title,
          description: input.description ?? null,
          created_by: actorId,
          created_at: t,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId,
        action: "agreement.activity",
        entityType: "agreement",
        entityId: id,
        detail: { activityId },
      });
      return ok();
    });
}

/** Every agreement with its university and what the status needs, each with its status and term as of `today`. */
export async function listAgreements(today: string) {
  const rows = await getDb()
    .selectFrom("agreement")
    .innerJoin("university", "university.id", "agreement.university_id")
    .select([
      "agreement.id",
      "agreement.university_id",
      "agreement.kind",
      "agreement.title_ja",
      "agreement.title_en",
      "agreement.signed_on",
      "agreement.effective_from",
      "agreement.expires_on",
      "agreement.auto_renew",
      "agreement.renewal_term_months",
      "agreement.notice_days",
      "agreement.terminated_on",
      "agreement.updated_at",
      "university.name_ja as university_ja",
      "university.name_en as university_en",
    ])
    .orderBy("university.id")
    .orderBy("agreement.signed_on")
    .execute();
  return rows.map((r) => ({ ...r, ...agreementTerm(r, today) }));
}

/** For the staff home: agreements whose notice deadline is within 90 days or has passed, soonest first. */
export async function listAgreementsNeedingAttention(today: string) {
  return needingAttention(await listAgreements(today), today);
}

/** The agreement page: everything but the documents. Undefined when there is no such agreement. */
export async function getAgreement(id: number) {
  const db = getDb();
  const agreement = await db
    .selectFrom("agreement")
    .innerJoin("university", "university.id", "agreement.university_id")
    .leftJoin("user as owner", "owner.id", "agreement.owner_user_id")
    .selectAll("agreement")
    .select(["university.name_ja as university_ja", "university.name_en as university_en", "owner.name as owner_name"])
    .where("agreement.id", "=", id)
    .executeTakeFirst();
  if (!agreement) return undefined;
  const [snapshot, activities, versions] = await Promise.all([
    readSnapshot(db, id),
    db
      .selectFrom("agreement_activity")
      .select(["id", "kind", "occurred_on", "title", "description"])
      .where("agreement_id", "=", id)
      .orderBy("occurred_on", "desc")
      .orderBy("id", "desc")
      .execute(),
    db
      .selectFrom("agreement_version")
      .leftJoin("user", "user.id", "agreement_version.actor_user_id")
      .select([
        "agreement_version.version",
        "agreement_version.action",
        "agreement_version.changes",
        "agreement_version.created_at",
        "user.name as actor_name",
      ])
      .where("agreement_version.agreement_id", "=", id)
      .orderBy("agreement_version.version", "desc")
      .execute(),
  ]);
  return {
    agreement,
    areas: snapshot!.areas,
    contacts: snapshot!.contacts,
    activities,
    versions: versions.map((v) => ({ ...v, changes: JSON.parse(v.changes) as FieldChange[] })),
  };
}

/**
 * For the public /partners page: each university with its agreements in force today (active or expiring), their
 * areas and signing dates. Deliberately nothing personal: no contacts, no owner, no notes.
 */
export async function listPartners(today: string) {
  const db = getDb();
  const inForce = (await listAgreements(today)).filter((a) => a.status === "active" || a.status === "expiring");
  const areas = inForce.length
    ? await db
        .selectFrom("agreement_area")
        .select(["agreement_id", "area"])
        .where(
          "agreement_id",
          "in",
          inForce.map((a) => a.id),
        )
        .execute()
    : [];
  const universities = await db.selectFrom("university").select(["id", "name_ja", "name_en"]).orderBy("id").execute();
  return universities
    .map((u) => ({
      ...u,
      agreements: inForce
        .filter((a) => a.university_id === u.id)
        .map((a) => ({
          id: a.id,
          kind: a.kind,
          title_ja: a.title_ja,
          title_en: a.title_en,
          signed_on: a.signed_on,
          effective_from: a.effective_from,
          expires_on: a.expires_on,
          term_end: a.termEnd,
          auto_renew: a.auto_renew,
          renewal_term_months: a.renewal_term_months,
          status: a.status,
          updated_at: a.updated_at,
          areas: AGREEMENT_AREAS.filter((area) => areas.some((r) => r.agreement_id === a.id && r.area === area)),
        })),
    }))
    .filter((u) => u.agreements.length > 0);
}
