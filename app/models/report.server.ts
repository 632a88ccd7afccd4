/**
 * The annual report the section gives the city's industrial revitalization plan: per fiscal year, per university and
 * per agreement area and per agreement (with its areas; issue 12), how many projects, students, firms, interviews, presentations and certificates.
 *
 * Everything is attributed to its project's fiscal year. One CTE lists the counted projects, a second turns every
 * countable thing into a (project, measure, item) fact, and three GROUP BY queries count distinct items per university,
 * per area and overall. So a student in two projects of one university counts once in that university's row, and
 * once in the total even when the rows add up to more. Portable SQL: no SQLite-only functions.
 */
import { sql } from "kysely";
import type { AnnualReport, Counts, Measure } from "~/reports/report";
import { getDb } from "~/utils/db.server";
import { fiscalYearOf } from "~/utils/format";
import { AGREEMENT_AREAS, type ProjectState } from "../../db/schema";
import { listProjectFiscalYears } from "./project.server";

/** Submitted or later: drafts were never proposed, rejected and cancelled projects did not take place. */
export const COUNTED_STATES: readonly ProjectState[] = [
  "submitted",
  "returned",
  "approved",
  "open",
  "closed",
  "paired",
  "interviewing",
  "presented",
  "completed",
];

const zero = (): Counts => ({ projects: 0, students: 0, firms: 0, interviews: 0, presentations: 0, certificates: 0 });

// Items are cast to text so that the union has one column type (certificate ids are text) on PostgreSQL too.
function factsOf(fiscalYear: number) {
  const item = (column: string) => sql<string>`cast(${sql.ref(column)} as text)`.as("item");
  const measure = (m: Measure) => sql<Measure>`${sql.lit(m)}`.as("measure");
  return getDb()
    .with("counted", (db) =>
      db
        .selectFrom("project")
        .select(["id", "university_id", "agreement_id"])
        .where("fiscal_year", "=", fiscalYear)
        .where("state", "in", COUNTED_STATES),
    )
    .with("fact", (db) =>
      db
        .selectFrom("counted")
        .select(["counted.id as project_id", measure("projects"), item("counted.id")])
        .unionAll(db.selectFrom("signup").select(["signup.project_id", measure("students"), item("signup.student_id")]))
        .unionAll(
          db
            .selectFrom("project_host")
            .select(["project_host.project_id", measure("firms"), item("project_host.firm_id")])
            .where("project_host.status", "=", "accepted"),
        )
        .unionAll(
          db
            .selectFrom("interview_slot")
            .innerJoin("project_host", "project_host.id", "interview_slot.host_id")
            .select(["project_host.project_id", measure("interviews"), item("interview_slot.id")])
            .where("interview_slot.outcome", "=", "done"),
        )
        .unionAll(
          db
            .selectFrom("presentation")
            .select(["presentation.project_id", measure("presentations"), item("presentation.id")])
            .where("presentation.given_at", "is not", null),
        )
        .unionAll(
          db
            .selectFrom("certificate")
            .select(["certificate.project_id", measure("certificates"), item("certificate.id")])
            .where("certificate.revoked_at", "is", null),
        ),
    )
    .selectFrom("fact")
    .innerJoin("counted", "counted.id", "fact.project_id");
}

/** The whole report for one fiscal year: every university and every area, with zeros where nothing happened. */
export async function annualReport(fiscalYear: number): Promise<AnnualReport> {
  const facts = factsOf(fiscalYear);
  const n = sql<number>`count(distinct fact.item)`.as("n");
  const [universityRows, byUniversity, byArea, byAgreement, overall] = await Promise.all([
    getDb().selectFrom("university").select(["id", "name_ja", "name_en"]).orderBy("id").execute(),
    facts
      .select(["counted.university_id as key", "fact.measure", n])
      .groupBy(["counted.university_id", "fact.measure"])
      .execute(),
    facts
      .innerJoin("agreement_area", "agreement_area.agreement_id", "counted.agreement_id")
      .select(["agreement_area.area as key", "fact.measure", n])
      .groupBy(["agreement_area.area", "fact.measure"])
      .execute(),
    facts
      .select(["counted.agreement_id as key", "fact.measure", n])
      .groupBy(["counted.agreement_id", "fact.measure"])
      .execute(),
    facts.select(["fact.measure", n]).groupBy("fact.measure").execute(),
  ]);
  // count() is a bigint on PostgreSQL, which its driver returns as a string.
  const tally = <K>(rows: Array<{ key: K; measure: Measure; n: number | string }>) => {
    const out = new Map<K, Counts>();
    for (const r of rows) {
      const counts = out.get(r.key) ?? zero();
      counts[r.measure] = Number(r.n);
      out.set(r.key, counts);
    }
    return out;
  };
  const universities = tally(byUniversity);
  const areas = tally(byArea);
  const agreements = tally(byAgreement);
  const ids = [...agreements.keys()];
  const [agreementRows, agreementAreas] = ids.length
    ? await Promise.all([
        getDb()
          .selectFrom("agreement")
          .select(["id", "title_ja", "title_en"])
          .where("id", "in", ids)
          .orderBy("university_id")
          .orderBy("signed_on")
          .orderBy("id")
          .execute(),
        getDb()
          .selectFrom("agreement_area")
          .select(["agreement_id", "area"])
          .where("agreement_id", "in", ids)
          .execute(),
      ])
    : [[], []];
  return {
    fiscalYear,
    universities: universityRows.map((u) => ({ ...u, counts: universities.get(u.id) ?? zero() })),
    areas: AGREEMENT_AREAS.map((area) => ({ area, counts: areas.get(area) ?? zero() })),
    agreements: agreementRows.map((a) => ({
      ...a,
      areas: AGREEMENT_AREAS.filter((area) => agreementAreas.some((x) => x.agreement_id === a.id && x.area === area)),
      counts: agreements.get(a.id) ?? zero(),
    })),
    totals: tally(overall.map((r) => ({ ...r, key: "all" }))).get("all") ?? zero(),
  };
}

/** Fiscal years that have projects, and the current one, newest first. */
export async function listReportYears(): Promise<number[]> {
  const years = new Set([...(await listProjectFiscalYears()), fiscalYearOf()]);
  return [...years].sort((a, b) => b - a);
}
