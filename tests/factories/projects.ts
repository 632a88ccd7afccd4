// Builds the rows a project test needs: a university with an agreement, a professor, firms as hosts, a project.
import { newJoinCode } from "~/models/project.server";
import { makeCorporateNumber } from "~/utils/corporate-number";
import { getDb, now } from "~/utils/db.server";
import type { Result } from "~/utils/result";
import type { AgreementArea, ProjectState } from "../../db/schema";
import { createUser } from "../setup/http";

let seq = 0;
const DAY = 86_400_000;

export async function createUniversity() {
  seq++;
  return getDb()
    .insertInto("university")
    .values({
      slug: `u-${seq}-${Date.now()}`,
      name_ja: `テスト大学${seq}`,
      name_en: `Test University ${seq}`,
      created_at: now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function createAgreement(
  universityId: number,
  options: {
    areas?: AgreementArea[];
    expiresOn?: string | null;
    terminatedOn?: string | null;
    effectiveFrom?: string;
  } = {},
) {
  const t = now();
  const { id } = await getDb()
    .insertInto("agreement")
    .values({
      university_id: universityId,
      kind: "comprehensive",
      title_ja: "包括連携協定",
      title_en: "Comprehensive partnership agreement",
      signed_on: "2011-04-01",
      effective_from: options.effectiveFrom ?? "2011-04-01",
      expires_on: options.expiresOn ?? null,
      auto_renew: 0,
      notes: null,
      terminated_on: options.terminatedOn ?? null,
      created_at: t,
      updated_at: t,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const areas = options.areas ?? ["education", "industry"];
  if (areas.length)
    await getDb()
      .insertInto("agreement_area")
      .values(areas.map((area) => ({ agreement_id: id, area })))
      .execute();
  return id;
}

export async function createFirm(name = `テスト工業${++seq}`) {
  const t = now();
  const base = String(100000000000 + seq * 7919 + Math.floor(Math.random() * 1000)).slice(-12);
  return getDb()
    .insertInto("firm")
    .values({
      corporate_number: makeCorporateNumber(base),
      name,
      name_kana: "テストコウギョウ",
      industry: "machinery",
      postal_code: "115-0045",
      town: "akabane",
      address: "1丁目1番1号",
      products: "部品",
      new_product: 1,
      is_public: 1,
      created_at: t,
      updated_at: t,
    } as any)
    .returning("id")
    .executeTakeFirstOrThrow();
}

export interface ProjectFixture {
  projectId: number;
  professor: Awaited<ReturnType<typeof createUser>>;
  universityId: number;
  agreementId: number;
  hostIds: number[];
  joinCode: string;
}

/** A project in `state` whose sign-up window is open now (unless given), with `hosts` accepting firms. */
export async function createProjectFixture(
  options: { state?: ProjectState; capacity?: number; hosts?: number; opensAt?: Date; closesAt?: Date } = {},
): Promise<ProjectFixture> {
  const { id: universityId } = await createUniversity();
  const agreementId = await createAgreement(universityId);
  const professor = await createUser("professor", { university_id: universityId });
  const t = now();
  const joinCode = newJoinCode();
  const { id: projectId } = await getDb()
    .insertInto("project")
    .values({
      professor_id: professor.id,
      university_id: universityId,
      agreement_id: agreementId,
      title_ja: "北区のものづくり企業を取材する",
      title_en: "Interviewing Kita City manufacturers",
      summary_ja: "新製品の販路を調べる。",
      summary_en: null,
      seminar_name: "マーケティングゼミ",
      theme: "新製品の販路",
      firm_industries: JSON.stringify(["machinery"]),
      new_product_focus: 1,
      fiscal_year: 2026,
      student_capacity: options.capacity ?? 10,
      team_size: 3,
      signup_opens_at: (options.opensAt ?? new Date(Date.now() - DAY)).toISOString(),
      signup_closes_at: (options.closesAt ?? new Date(Date.now() + 7 * DAY)).toISOString(),
      interview_from: "2027-01-10",
      interview_until: "2027-01-31",
      presentation_on: "2027-02-20",
      state: options.state ?? "open",
      join_code: joinCode,
      created_at: t,
      updated_at: t,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const hostIds: number[] = [];
  for (let i = 0; i < (options.hosts ?? 3); i++) {
    const firm = await createFirm();
    const host = await getDb()
      .insertInto("project_host")
      .values({
        project_id: projectId,
        firm_id: firm.id,
        status: "accepted",
        capacity: 4,
        created_at: t,
        updated_at: t,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    hostIds.push(host.id);
  }
  return { projectId, professor, universityId, agreementId, hostIds, joinCode };
}

/** The new pairing run's id; the test fails when the model refused to create it. */
export async function runIdOf(created: Promise<Result<{ runId: number }>>) {
  const r = await created;
  if (!r.ok) throw new Error(`pairing run refused (${r.reason})`);
  return r.runId;
}
