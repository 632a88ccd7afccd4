// The annual report through the real loaders: exact counts per university, per agreement area and in total (distinct
// within a row; cancelled, draft and other-year projects left out; revoked certificates and missed interviews left
// out), the CSV export (BOM, CRLF, headers in the user's language, the page's figures), and who may open what.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { MEASURES, type Counts } from "~/reports/report";
import { loader as reportLoader } from "~/routes/staff.reports.$fiscalYear";
import { loader as csvLoader } from "~/routes/staff.reports.$fiscalYear[.]csv";
import { loader as indexLoader } from "~/routes/staff.reports._index";
import { getDb, now } from "~/utils/db.server";
import { fiscalYearOf } from "~/utils/format";
import type { AgreementArea, ProjectState } from "../../db/schema";
import { insertSlot } from "../factories/interviews";
import { createFirm, createProjectFixture } from "../factories/projects";
import { callLoader } from "../setup/call";
import { payload, settle, statusOf, userWithCookie } from "../setup/http";

const ctx = {};
const loadReport = (cookie: string | undefined, fy: string) =>
  settle(callLoader(reportLoader, `/staff/reports/${fy}`, { cookie, params: { fiscalYear: fy }, context: ctx }));
const loadCsv = (cookie: string | undefined, fy: string, headers: Record<string, string> = {}) =>
  settle(
    callLoader(csvLoader, `/staff/reports/${fy}.csv`, { cookie, headers, params: { fiscalYear: fy }, context: ctx }),
  );
const loadIndex = (cookie: string | undefined, search = "") =>
  settle(callLoader(indexLoader, `/staff/reports${search}`, { cookie, context: ctx }));

const counts = (
  projects: number,
  students: number,
  firms: number,
  interviews: number,
  presentations: number,
  certificates: number,
): Counts => ({
  projects,
  students,
  firms,
  interviews,
  presentations,
  certificates,
});
const NONE = counts(0, 0, 0, 0, 0, 0);

let staff: { id: number; cookie: string };
let u1: number; // areas: education, industry
let u2: number; // areas: industry, health
let certificateSeq = 0;

/** Another project of the same university and agreement as `projectId`, with no hosts or sign-ups. */
async function cloneProject(projectId: number, state: ProjectState, fiscalYear = 2026) {
  const { id: _id, ...row } = await getDb()
    .selectFrom("project")
    .selectAll()
    .where("id", "=", projectId)
    .executeTakeFirstOrThrow();
  const { id } = await getDb()
    .insertInto("project")
    .values({ ...row, state, fiscal_year: fiscalYear, join_code: `${row.join_code}-${state}-${fiscalYear}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function addHost(projectId: number, firmId: number, status: "accepted" | "declined" = "accepted") {
  const t = now();
  const { id } = await getDb()
    .insertInto("project_host")
    .values({ project_id: projectId, firm_id: firmId, status, capacity: 3, created_at: t, updated_at: t })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function signUp(projectId: number, studentId: number) {
  const t = now();
  await getDb()
    .insertInto("signup")
    .values({
      project_id: projectId,
      student_id: studentId,
      motivation: "m",
      consented_at: t,
      consent_version: "2026-11",
      created_at: t,
      updated_at: t,
    })
    .execute();
}

async function interview(hostId: number, outcome: "done" | "missed" | null) {
  await insertSlot(hostId, staff.id, new Date("2027-01-15T01:00:00Z"), 60, { outcome });
}

async function presentation(eventId: number, projectId: number, hostId: number | null, given: boolean) {
  await getDb()
    .insertInto("presentation")
    .values({
      event_id: eventId,
      project_id: projectId,
      host_id: hostId,
      position: 1,
      title_ja: "発表",
      given_at: given ? now() : null,
      created_at: now(),
    })
    .execute();
}

async function certificate(projectId: number, studentId: number, revoked = false) {
  certificateSeq++;
  await getDb()
    .insertInto("certificate")
    .values({
      id: `report-test-${certificateSeq}`,
      student_id: studentId,
      project_id: projectId,
      event_id: null,
      status_index: 900_000 + certificateSeq,
      credential_jwt: "x.y.z",
      manual_reason: null,
      issued_at: now(),
      issued_by: staff.id,
      revoked_at: revoked ? now() : null,
      revoked_reason: revoked ? "誤発行" : null,
      revoked_by: revoked ? staff.id : null,
    })
    .execute();
}

async function setAreas(agreementId: number, areas: AgreementArea[]) {
  await getDb().deleteFrom("agreement_area").where("agreement_id", "=", agreementId).execute();
  await getDb()
    .insertInto("agreement_area")
    .values(areas.map((area) => ({ agreement_id: agreementId, area })))
    .execute();
}

beforeAll(async () => {
  staff = await userWithCookie("staff");
  const [s1, s2, s3, s4, s5] = await Promise.all([1, 2, 3, 4, 5].map(() => userWithCookie("student")));
  const t = now();
  const { id: eventId } = await getDb()
    .insertInto("event")
    .values({
      title_ja: "発表会",
      title_en: "Day",
      starts_at: t,
      ends_at: t,
      venue_ja: "北とぴあ",
      venue_en: "Hokutopia",
      created_at: t,
      updated_at: t,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  // University 1, FY2026: an open project (hosts f1, f2 accepted; the third declined) and a completed one (f1 again, f4).
  const p1 = await createProjectFixture({ state: "open", hosts: 3 });
  u1 = p1.universityId;
  const [h1, h2, h3] = p1.hostIds;
  await getDb().updateTable("project_host").set({ status: "declined" }).where("id", "=", h3).execute();
  const { firm_id: f1 } = await getDb()
    .selectFrom("project_host")
    .select("firm_id")
    .where("id", "=", h1)
    .executeTakeFirstOrThrow();
  const p2 = await cloneProject(p1.projectId, "completed");
  const p2h1 = await addHost(p2, f1);
  await addHost(p2, (await createFirm()).id);
  await signUp(p1.projectId, s1.id);
  await signUp(p1.projectId, s2.id);
  await signUp(p2, s1.id); // the same student in two projects of one university: once in the row
  await signUp(p2, s3.id);
  await interview(h1, "done");
  await interview(h1, "missed");
  await interview(h2, "done");
  await interview(h2, null);
  await interview(p2h1, "done");
  await presentation(eventId, p1.projectId, h1, true);
  await presentation(eventId, p1.projectId, h2, false);
  await presentation(eventId, p2, null, true); // the whole seminar
  await certificate(p1.projectId, s1.id);
  await certificate(p1.projectId, s2.id, true); // revoked
  await certificate(p2, s3.id);

  // Left out of FY2026: a cancelled project, a draft, and a completed FY2025 project, each with activity.
  for (const [state, fy] of [
    ["cancelled", 2026],
    ["draft", 2026],
    ["completed", 2025],
  ] as const) {
    const p = await cloneProject(p1.projectId, state, fy);
    const h = await addHost(p, (await createFirm()).id);
    await signUp(p, s4.id);
    await interview(h, "done");
    await presentation(eventId, p, h, true);
    await certificate(p, s4.id);
  }

  // University 2, FY2026 (industry and health): a submitted project hosted by f1, with s1 and s5 signed up.
  const q1 = await createProjectFixture({ state: "submitted", hosts: 0 });
  u2 = q1.universityId;
  await setAreas(q1.agreementId, ["industry", "health"]);
  await addHost(q1.projectId, f1);
  await signUp(q1.projectId, s1.id);
  await signUp(q1.projectId, s5.id);
});

type Report = {
  report: {
    fiscalYear: number;
    universities: Array<{ id: number; counts: Counts }>;
    areas: Array<{ area: string; counts: Counts }>;
    agreements: Array<{ id: number; title_ja: string; areas: string[]; counts: Counts }>;
    totals: Counts;
  };
  years: number[];
};

async function report(fy: string): Promise<Report> {
  const result = await loadReport(staff.cookie, fy);
  expect(statusOf(result)).toBe(200);
  return payload(result);
}

describe("annual report figures", () => {
  it("counts per university, distinct within each row", async () => {
    const { report: r } = await report("2026");
    expect(r.fiscalYear).toBe(2026);
    expect(r.universities.find((u) => u.id === u1)!.counts).toEqual(counts(2, 3, 2 + 1, 3, 2, 2));
    expect(r.universities.find((u) => u.id === u2)!.counts).toEqual(counts(1, 2, 1, 0, 0, 0));
  });

  it("counts a project in every area of its agreement, with zeros for the other areas", async () => {
    const { report: r } = await report("2026");
    const area = (a: string) => r.areas.find((x) => x.area === a)!.counts;
    expect(r.areas.map((a) => a.area)).toEqual([
      "education",
      "culture",
      "industry",
      "health",
      "environment",
      "town_planning",
      "disaster_prevention",
      "crime_prevention",
    ]);
    expect(area("education")).toEqual(counts(2, 3, 3, 3, 2, 2));
    expect(area("industry")).toEqual(counts(3, 4, 3, 3, 2, 2));
    expect(area("health")).toEqual(counts(1, 2, 1, 0, 0, 0));
    for (const a of ["culture", "environment", "town_planning", "disaster_prevention", "crime_prevention"])
      expect(area(a)).toEqual(NONE);
  });

  it("totals count each student and firm once across universities", async () => {
    const { report: r } = await report("2026");
    // s1 signed up in both universities and f1 hosts in both: the total is less than the sum of the rows.
    expect(r.totals).toEqual(counts(3, 4, 3, 3, 2, 2));
  });

  it("reports another fiscal year on its own", async () => {
    const { report: r, years } = await report("2025");
    expect(r.universities.find((u) => u.id === u1)!.counts).toEqual(counts(1, 1, 1, 1, 1, 1));
    expect(r.universities.find((u) => u.id === u2)!.counts).toEqual(NONE);
    expect(r.totals).toEqual(counts(1, 1, 1, 1, 1, 1));
    expect(years).toEqual(expect.arrayContaining([2026, 2025, fiscalYearOf()]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it("shows an empty year with zeros", async () => {
    const { report: r, years } = await report("2040");
    expect(r.totals).toEqual(NONE);
    expect(years).toContain(2040);
  });
});

describe("CSV export", () => {
  it("is UTF-8 with BOM and CRLF, in Japanese, with the page's figures", async () => {
    const res = (await loadCsv(staff.cookie, "2026")) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toContain("annual-report-2026.csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // drops the BOM checked above
    expect(text.split("\r\n")[0]).toBe("区分,名称,企画,参加学生,受け入れ企業,実施した取材,発表,参加証明書");
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");

    const records: string[][] = parse(text, { bom: true });
    const { report: r } = await report("2026");
    const names = await getDb().selectFrom("university").select(["id", "name_ja"]).execute();
    const expected = [
      ...r.universities.map((u) => [
        "大学別",
        names.find((n) => n.id === u.id)!.name_ja,
        ...MEASURES.map((m) => String(u.counts[m])),
      ]),
      ["大学別", "合計（重複なし）", ...MEASURES.map((m) => String(r.totals[m]))],
      ...r.areas.map((a, i) => [
        "連携分野別",
        ["教育", "文化", "産業", "健康", "環境", "まちづくり", "防災", "防犯"][i],
        ...MEASURES.map((m) => String(a.counts[m])),
      ]),
      ["連携分野別", "合計（重複なし）", ...MEASURES.map((m) => String(r.totals[m]))],
      // Issue 12: the agreements the year's projects ran under, with their areas.
      ...r.agreements.map((a) => [
        "協定別",
        `${a.title_ja} (${a.areas.map((x) => ({ education: "教育", industry: "産業", health: "健康" })[x as string]).join("・")})`,
        ...MEASURES.map((m) => String(a.counts[m])),
      ]),
      ["協定別", "合計（重複なし）", ...MEASURES.map((m) => String(r.totals[m]))],
    ];
    expect(records.slice(1)).toEqual(expected);
    // Every counted project runs under exactly one agreement: the agreement rows add up to the projects.
    expect(r.agreements.length).toBeGreaterThan(0);
    expect(r.agreements.reduce((n, a) => n + a.counts.projects, 0)).toBe(r.totals.projects);
    expect(r.agreements.map((a) => a.areas)).toContainEqual(["education", "industry"]);
    expect(records.find((row) => row[1] === "産業")).toEqual(["連携分野別", "産業", "3", "4", "3", "3", "2", "2"]);
  });

  it("has English headers and names for an English reader", async () => {
    const res = (await loadCsv(staff.cookie, "2026", { "Accept-Language": "en" })) as Response;
    const records: string[][] = parse(await res.text(), { bom: true });
    expect(records[0]).toEqual([
      "Section",
      "Name",
      "Projects",
      "Students",
      "Host firms",
      "Interviews held",
      "Presentations",
      "Certificates",
    ]);
    expect(records).toContainEqual(["By agreement area", "Industry", "3", "4", "3", "3", "2", "2"]);
    expect(records).toContainEqual(["By university", "Total (each counted once)", "3", "4", "3", "3", "2", "2"]);
  });
});

describe("access", () => {
  it("sends anonymous visitors to sign in", async () => {
    for (const res of [
      await loadReport(undefined, "2026"),
      await loadCsv(undefined, "2026"),
      await loadIndex(undefined),
    ]) {
      expect(res).toHaveRedirect();
      expect((res as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fstaff%2Freports/);
    }
  });

  it("refuses professors, students and firms", async () => {
    for (const role of ["professor", "student", "firm"] as const) {
      const { cookie } = await userWithCookie(role);
      expect(statusOf(await loadReport(cookie, "2026"))).toBe(403);
      expect(statusOf(await loadCsv(cookie, "2026"))).toBe(403);
      expect(statusOf(await loadIndex(cookie))).toBe(403);
    }
  });

  it("answers 404 for a year that is not one", async () => {
    for (const fy of ["abc", "1999", "2101", "20261", "2026.5", "-2026", ""]) {
      expect(statusOf(await loadReport(staff.cookie, fy))).toBe(404);
      expect(statusOf(await loadCsv(staff.cookie, fy))).toBe(404);
    }
  });

  it("redirects /staff/reports to the current fiscal year, or to the year chosen", async () => {
    const current = (await loadIndex(staff.cookie)) as Response;
    expect(current.headers.get("Location")).toBe(`/staff/reports/${fiscalYearOf()}`);
    expect(((await loadIndex(staff.cookie, "?fy=2025")) as Response).headers.get("Location")).toBe(
      "/staff/reports/2025",
    );
    expect(((await loadIndex(staff.cookie, "?fy=nonsense")) as Response).headers.get("Location")).toBe(
      `/staff/reports/${fiscalYearOf()}`,
    );
  });
});
