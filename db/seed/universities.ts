/**
 * The partner universities and their agreements: the three comprehensive agreements (Tokyo Kasei 2010, Toyo 2011,
 * Teikyo 2012) covering every area, then (once the staff accounts exist) their contacts, owner, first version and
 * collaborations, and one internship agreement in its notice window.
 */
import type { Transaction } from "kysely";
import { diffSnapshots, type AgreementContactValue } from "../../app/agreements/versions";
import { AGREEMENT_AREAS, type Database } from "../schema";
import { SEEDED_AT } from "./common";

export const UNIVERSITIES = [
  { slug: "tokyo-kasei", name_ja: "東京家政大学", name_en: "Tokyo Kasei University" },
  { slug: "toyo", name_ja: "東洋大学", name_en: "Toyo University" },
  { slug: "teikyo", name_ja: "帝京大学", name_en: "Teikyo University" },
] as const;
export type UniversitySlug = (typeof UNIVERSITIES)[number]["slug"];

/** Signing dates are plausible demo values, not the historical record. */
const AGREEMENTS: readonly {
  university: UniversitySlug;
  signed_on: string;
  expires_on: string | null;
  auto_renew: number;
}[] = [
  { university: "tokyo-kasei", signed_on: "2010-10-20", expires_on: null, auto_renew: 0 },
  { university: "toyo", signed_on: "2011-07-13", expires_on: null, auto_renew: 0 },
  { university: "teikyo", signed_on: "2012-03-27", expires_on: "2027-03-31", auto_renew: 1 },
];

/** Inserts the universities and their comprehensive agreements; answers a university's id by its slug. */
export async function seedUniversities(trx: Transaction<Database>) {
  await trx
    .insertInto("university")
    .values(UNIVERSITIES.map((u) => ({ ...u, created_at: SEEDED_AT })))
    .execute();
  const universityRows = await trx.selectFrom("university").select(["id", "slug"]).execute();
  const universityId = (slug: UniversitySlug) => {
    const row = universityRows.find((u) => u.slug === slug);
    if (!row) throw new Error(`seed: university ${slug} missing`);
    return row.id;
  };

  for (const a of AGREEMENTS) {
    const university = UNIVERSITIES.find((u) => u.slug === a.university)!;
    const { id } = await trx
      .insertInto("agreement")
      .values({
        university_id: universityId(a.university),
        kind: "comprehensive",
        title_ja: `北区と${university.name_ja}との包括連携に関する協定`,
        title_en: `Comprehensive partnership agreement between Kita City and ${university.name_en}`,
        signed_on: a.signed_on,
        effective_from: a.signed_on,
        expires_on: a.expires_on,
        auto_renew: a.auto_renew,
        notes: null,
        created_at: SEEDED_AT,
        updated_at: SEEDED_AT,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("agreement_area")
      .values(AGREEMENT_AREAS.map((area) => ({ agreement_id: id, area })))
      .execute();
  }
  return universityId;
}

// ---------------------------------------------------------------------------------------------------------------
// Agreement details (agreements feature): contacts, the staff member in charge, the first version, collaborations,
// and one non-comprehensive agreement. The Teikyo internship agreement ends on 2027-01-31 with a 90-day notice
// period, so its notice window opened on 2026-11-02: on the demo date (2026-11-25) it shows as expiring. Fixed
// dates keep the seed deterministic; on later dates it will show as expired.

const AGREEMENT_OWNER = "staff@city.kita.example";

const AGREEMENT_CONTACTS: Record<UniversitySlug, AgreementContactValue[]> = {
  "tokyo-kasei": [
    { name: "十条 さくら", department: "地域連携センター", email: "renkei@tokyo-kasei.example", phone: "03-5555-0101" },
  ],
  toyo: [
    { name: "赤羽 一郎", department: "社会連携推進課", email: "renkei@toyo.example", phone: "03-5555-0201" },
    { name: "東洋 恵子", department: "経営学部 マーケティング学科", email: "professor@toyo.example", phone: null },
  ],
  teikyo: [{ name: "板橋 健", department: "産学連携推進室", email: "sangaku@teikyo.example", phone: "03-5555-0301" }],
};

const INTERNSHIP_AGREEMENT = {
  university: "teikyo" as UniversitySlug,
  kind: "internship",
  title_ja: "北区と帝京大学とのインターンシップの実施に関する協定",
  title_en: "Agreement between Kita City and Teikyo University on internships",
  signed_on: "2024-01-15",
  effective_from: "2024-02-01",
  expires_on: "2027-01-31",
  areas: ["education", "industry"] as const,
};

const AGREEMENT_ACTIVITIES: readonly {
  university: UniversitySlug;
  occurred_on: string;
  title: string;
  description: string;
}[] = [
  {
    university: "toyo",
    occurred_on: "2025-10-18",
    title: "2025年度 マーケティングゼミによる区内企業の取材",
    description:
      "東洋大学経営学部マーケティングゼミの学生が、新製品を開発した区内のものづくり企業を取材し、その製品の販売先を調査した。",
  },
  {
    university: "toyo",
    occurred_on: "2026-02-14",
    title: "北とぴあでの研究成果発表",
    description: "取材と調査の成果を、北とぴあで開かれた区の産業イベントで発表した。",
  },
];

export async function seedAgreementDetails(trx: Transaction<Database>, universityId: (slug: UniversitySlug) => number) {
  const { id: ownerId } = await trx
    .selectFrom("user")
    .select("id")
    .where("email", "=", AGREEMENT_OWNER)
    .executeTakeFirstOrThrow();
  const { university, areas: internshipAreas, ...internship } = INTERNSHIP_AGREEMENT;
  const { id: internshipId } = await trx
    .insertInto("agreement")
    .values({
      ...internship,
      university_id: universityId(university),
      auto_renew: 0,
      notes: null,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("agreement_area")
    .values(internshipAreas.map((area) => ({ agreement_id: internshipId, area })))
    .execute();

  const slugOf = new Map(UNIVERSITIES.map((u) => [universityId(u.slug), u.slug]));
  const agreements = await trx.selectFrom("agreement").selectAll().orderBy("id").execute();
  for (const a of agreements) {
    const contacts = AGREEMENT_CONTACTS[slugOf.get(a.university_id)!];
    const renewal_term_months = a.auto_renew ? 12 : null;
    await trx
      .updateTable("agreement")
      .set({ owner_user_id: ownerId, notice_days: 90, renewal_term_months })
      .where("id", "=", a.id)
      .execute();
    await trx
      .insertInto("agreement_contact")
      .values(contacts.map((c, position) => ({ agreement_id: a.id, position, ...c })))
      .execute();
    const held = await trx.selectFrom("agreement_area").select("area").where("agreement_id", "=", a.id).execute();
    const changes = diffSnapshots(null, {
      university_id: a.university_id,
      kind: a.kind,
      title_ja: a.title_ja,
      title_en: a.title_en,
      signed_on: a.signed_on,
      effective_from: a.effective_from,
      expires_on: a.expires_on,
      auto_renew: a.auto_renew === 1,
      renewal_term_months,
      notice_days: 90,
      areas: AGREEMENT_AREAS.filter((area) => held.some((r) => r.area === area)),
      contacts,
      owner_user_id: ownerId,
      notes: a.notes,
      terminated_on: null,
      termination_reason: null,
    });
    await trx
      .insertInto("agreement_version")
      .values({
        agreement_id: a.id,
        version: 1,
        action: "create",
        changes: JSON.stringify(changes),
        actor_user_id: ownerId,
        created_at: SEEDED_AT,
      })
      .execute();
  }

  const comprehensive = (slug: UniversitySlug) =>
    agreements.find((a) => a.kind === "comprehensive" && a.university_id === universityId(slug))!.id;
  await trx
    .insertInto("agreement_activity")
    .values(
      AGREEMENT_ACTIVITIES.map(({ university, ...activity }) => ({
        ...activity,
        agreement_id: comprehensive(university),
        kind: "manual",
        created_by: ownerId,
        created_at: SEEDED_AT,
      })),
    )
    .execute();
}
