/** Partner universities: the lists, the year their comprehensive agreement began, and staff adding and renaming them. */
import type { Kysely, Transaction } from "kysely";
import { getDb, now } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import type { Database } from "../../db/schema";
import { recordAudit } from "./audit.server";

export function listUniversities() {
  return getDb().selectFrom("university").select(["id", "slug", "name_ja", "name_en"]).orderBy("id").execute();
}

/** Each university with the signing date of its earliest comprehensive agreement, oldest partnership first. */
export function listPartnerships() {
  return getDb()
    .selectFrom("university")
    .leftJoin("agreement", (join) =>
      join.onRef("agreement.university_id", "=", "university.id").on("agreement.kind", "=", "comprehensive"),
    )
    .select([
      "university.id",
      "university.name_ja",
      "university.name_en",
      (eb) => eb.fn.min("agreement.signed_on").as("since"),
    ])
    .groupBy(["university.id", "university.name_ja", "university.name_en"])
    .orderBy("since")
    .execute();
}

export interface UniversityInput {
  nameJa: string;
  nameEn: string;
}

/** Each university with its agreements (newest first) and how many professors and students it has. */
export async function listUniversitiesForStaff() {
  const db = getDb();
  const [universities, agreements, people] = await Promise.all([
    db.selectFrom("university").select(["id", "name_ja", "name_en", "created_at"]).orderBy("id").execute(),
    db
      .selectFrom("agreement")
      .select(["id", "university_id", "kind", "title_ja", "title_en", "signed_on", "expires_on", "terminated_on"])
      .orderBy("signed_on", "desc")
      .execute(),
    db
      .selectFrom("user")
      .select(["university_id", "role", (eb) => eb.fn.countAll<number>().as("n")])
      .where("university_id", "is not", null)
      .groupBy(["university_id", "role"])
      .execute(),
  ]);
  return universities.map((u) => ({
    ...u,
    agreements: agreements.filter((a) => a.university_id === u.id),
    professors: Number(people.find((p) => p.university_id === u.id && p.role === "professor")?.n ?? 0),
    students: Number(people.find((p) => p.university_id === u.id && p.role === "student")?.n ?? 0),
  }));
}

export function getUniversity(id: number) {
  return getDb()
    .selectFrom("university")
    .select(["id", "slug", "name_ja", "name_en"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A URL-safe, unique identifier from the English name ("Tokyo Kasei University" → "tokyo-kasei-university"). */
function slugBase(nameEn: string): string {
  const base = nameEn
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return base || "university";
}

type Db = Kysely<Database> | Transaction<Database>;

/** A name another university already has: a field failure, so that staff do not add the same partner twice. */
async function duplicateName(db: Db, input: UniversityInput, exceptId: number | null) {
  const row = await db
    .selectFrom("university")
    .select(["name_ja", "name_en"])
    .where((eb) =>
      eb.or([eb("name_ja", "=", input.nameJa), eb(eb.fn("lower", ["name_en"]), "=", input.nameEn.toLowerCase())]),
    )
    .$if(exceptId !== null, (q) => q.where("id", "!=", exceptId!))
    .executeTakeFirst();
  if (!row) return null;
  return fail("accounts.universities.duplicate", { field: row.name_ja === input.nameJa ? "nameJa" : "nameEn" });
}

export async function createUniversity(input: UniversityInput, actorId: number): Promise<Result<{ id: number }>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const duplicate = await duplicateName(trx, input, null);
      if (duplicate) return duplicate;
      const base = slugBase(input.nameEn);
      const taken = await trx
        .selectFrom("university")
        .select("slug")
        .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
        .execute();
      const slugs = new Set(taken.map((r) => r.slug));
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
      const { id } = await trx
        .insertInto("university")
        .values({ slug, name_ja: input.nameJa, name_en: input.nameEn, created_at: now() })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId,
        action: "university.create",
        entityType: "university",
        entityId: id,
        detail: { name_ja: input.nameJa, name_en: input.nameEn },
      });
      return ok({ id });
    });
}

/** Renames a university (both names); audited with the old and new names. Nothing changed: nothing written. */
export async function updateUniversity(id: number, input: UniversityInput, actorId: number): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("university")
        .select(["name_ja", "name_en"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!before) return fail("accounts.universities.notFound");
      if (before.name_ja === input.nameJa && before.name_en === input.nameEn) return ok();
      const duplicate = await duplicateName(trx, input, id);
      if (duplicate) return duplicate;
      await trx
        .updateTable("university")
        .set({ name_ja: input.nameJa, name_en: input.nameEn })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, {
        actorId,
        action: "university.update",
        entityType: "university",
        entityId: id,
        detail: { from: before, to: { name_ja: input.nameJa, name_en: input.nameEn } },
      });
      return ok();
    });
}
