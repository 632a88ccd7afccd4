/**
 * Company-interview projects: proposals, the lifecycle (checked by app/projects/lifecycle.ts before every write),
 * the seminar join code, and student sign-ups with their ranked host preferences.
 *
 * Capacity is enforced by the database, not by a prior read: a sign-up is ONE `INSERT … SELECT … WHERE (count of
 * sign-ups) < capacity AND the window is open`, so under any concurrency sign-ups never exceed the number of students.
 */
import { randomInt } from "node:crypto";
import { sql, type Transaction } from "kysely";
import { agreementStatus } from "~/agreements/status";
import { checkTransition, PUBLIC_STATES, type ProjectAction } from "~/projects/lifecycle";
import { getDb, now } from "~/utils/db.server";
import { tokyoDate } from "~/utils/format";
import type { Database, ProjectState, Role } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { enqueueMail, type MailInput } from "./outbox.server";

/** The version of the consent text students agree to; bump it when the stated purpose changes. */
export const CONSENT_VERSION = "2026-11";

const JOIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

export function newJoinCode(): string {
  const chars = Array.from({ length: 8 }, () => JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

export function normalizeJoinCode(code: string): string {
  const compact = code
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

// ─── agreements a project may run under ──────────────────────────────────────

export type AgreementIneligibility = "otherUniversity" | "notInForce" | "wrongAreas";

/**
 * Every agreement with whether the professor's project may run under it, and why not: only an agreement of the
 * professor's university, in force today (active or in its notice window), whose areas include industry or education.
 */
export async function listAgreementChoices(universityId: number, today = tokyoDate()) {
  const db = getDb();
  const rows = await db
    .selectFrom("agreement")
    .innerJoin("university", "university.id", "agreement.university_id")
    .selectAll("agreement")
    .select(["university.name_ja as university_ja", "university.name_en as university_en"])
    .orderBy("agreement.university_id")
    .orderBy("agreement.signed_on")
    .execute();
  const areas = await db.selectFrom("agreement_area").select(["agreement_id", "area"]).execute();
  return rows
    .filter((a) => a.university_id === universityId)
    .map((a) => {
      const own = areas.filter((x) => x.agreement_id === a.id).map((x) => x.area);
      const status = agreementStatus(a, today);
      const reason: AgreementIneligibility | null =
        status !== "active" && status !== "expiring"
          ? "notInForce"
          : !own.some((x) => x === "industry" || x === "education")
            ? "wrongAreas"
            : null;
      return {
        id: a.id,
        title_ja: a.title_ja,
        title_en: a.title_en,
        status,
        areas: own,
        eligible: reason === null,
        reason,
      };
    });
}

// ─── proposals ───────────────────────────────────────────────────────────────

export interface ProjectInput {
  agreementId: number;
  titleJa: string;
  titleEn?: string | null;
  summaryJa: string;
  summaryEn?: string | null;
  seminarName: string;
  theme: string;
  firmIndustries: string[];
  newProductFocus: boolean;
  fiscalYear: number;
  studentCapacity: number;
  teamSize: number;
  signupOpensAt: string; // ISO UTC
  signupClosesAt: string;
  interviewFrom: string; // YYYY-MM-DD
  interviewUntil: string;
  presentationOn: string;
}

function projectColumns(input: ProjectInput) {
  return {
    agreement_id: input.agreementId,
    title_ja: input.titleJa,
    title_en: input.titleEn || null,
    summary_ja: input.summaryJa,
    summary_en: input.summaryEn || null,
    seminar_name: input.seminarName,
    theme: input.theme,
    firm_industries: JSON.stringify(input.firmIndustries),
    new_product_focus: input.newProductFocus ? 1 : 0,
    fiscal_year: input.fiscalYear,
    student_capacity: input.studentCapacity,
    team_size: input.teamSize,
    signup_opens_at: input.signupOpensAt,
    signup_closes_at: input.signupClosesAt,
    interview_from: input.interviewFrom,
    interview_until: input.interviewUntil,
    presentation_on: input.presentationOn,
  };
}

export class ProjectError extends Error {
  constructor(
    public status: 400 | 403 | 404 | 409,
    public reason: string,
  ) {
    super(reason);
  }
}

async function assertEligibleAgreement(universityId: number, agreementId: number) {
  const choice = (await listAgreementChoices(universityId)).find((a) => a.id === agreementId);
  if (!choice) throw new ProjectError(400, "agreementOtherUniversity");
  if (!choice.eligible) throw new ProjectError(400, `agreement_${choice.reason}`);
}

export async function createProject(professor: { id: number; university_id: number | null }, input: ProjectInput) {
  if (!professor.university_id) throw new ProjectError(403, "forbidden");
  await assertEligibleAgreement(professor.university_id, input.agreementId);
  const t = now();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto("project")
        .values({
          ...projectColumns(input),
          professor_id: professor.id,
          university_id: professor.university_id!,
          state: "draft",
          join_code: newJoinCode(),
          created_at: t,
          updated_at: t,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorId: professor.id, action: "project.create", entityType: "project", entityId: id });
      return id;
    });
}

export async function updateProject(
  professor: { id: number; university_id: number | null },
  projectId: number,
  input: ProjectInput,
) {
  if (!professor.university_id) throw new ProjectError(403, "forbidden");
  await assertEligibleAgreement(professor.university_id, input.agreementId);
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .updateTable("project")
        .set({ ...projectColumns(input), updated_at: now() })
        .where("id", "=", projectId)
        .where("professor_id", "=", professor.id)
        .where("state", "in", ["draft", "returned"])
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new ProjectError(409, "notEditable");
      await recordAudit(trx, {
        actorId: professor.id,
        action: "project.update",
        entityType: "project",
        entityId: projectId,
      });
    });
}

export function getProject(id: number) {
  return getDb().selectFrom("project").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function regenerateJoinCode(professor: { id: number; role: Role }, projectId: number) {
  const code = newJoinCode();
  const q = getDb().updateTable("project").set({ join_code: code, updated_at: now() }).where("id", "=", projectId);
  const r = await (professor.role === "staff" ? q : q.where("professor_id", "=", professor.id)).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new ProjectError(403, "forbidden");
  return code;
}

// ─── lifecycle ───────────────────────────────────────────────────────────────

type Notify = (
  trx: Transaction<Database>,
  project: { id: number; professor_id: number; title_ja: string },
  to: ProjectState,
) => Promise<MailInput[]>;

/**
 * Takes a lifecycle action: checks the role, ownership, state and comment, the business preconditions of opening,
 * then writes the new state with a conditional update (so two concurrent transitions cannot both win), the event
 * with its comment, the audit entry and the notifications, all in one transaction.
 */
export async function transitionProject(
  projectId: number,
  action: ProjectAction,
  actor: { id: number; role: Role },
  comment: string | null,
  notify: Notify,
  at: Date = new Date(),
  /** More writes that belong to this transition (e.g. publishing a pairing run), in the same transaction. */
  effect?: (trx: Transaction<Database>) => Promise<void>,
) {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const project = await trx.selectFrom("project").selectAll().where("id", "=", projectId).executeTakeFirst();
      if (!project) throw new ProjectError(404, "notFound");
      const check = checkTransition(project, action, actor, comment);
      if (!check.ok) throw new ProjectError(check.status, check.reason);
      if (action === "open") {
        const iso = at.toISOString();
        if (iso < project.signup_opens_at) throw new ProjectError(409, "windowNotStarted");
        if (iso >= project.signup_closes_at) throw new ProjectError(409, "windowEnded");
        const hosts = await trx
          .selectFrom("project_host")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("project_id", "=", projectId)
          .where("status", "=", "accepted")
          .executeTakeFirstOrThrow();
        if (Number(hosts.n) === 0) throw new ProjectError(409, "noAcceptingHost");
      }
      const r = await trx
        .updateTable("project")
        .set({ state: check.to, updated_at: now() })
        .where("id", "=", projectId)
        .where("state", "=", project.state)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new ProjectError(409, "wrongState");
      await trx
        .insertInto("project_event")
        .values({
          project_id: projectId,
          actor_id: actor.id,
          action,
          from_state: project.state,
          to_state: check.to,
          comment: comment?.trim() || null,
          created_at: now(),
        })
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: `project.${action}`,
        entityType: "project",
        entityId: projectId,
        detail: { from: project.state, to: check.to, comment: comment?.trim() || undefined },
      });
      if (effect) await effect(trx);
      for (const mail of await notify(trx, project, check.to)) await enqueueMail(trx, mail);
      return check.to;
    });
}

export function listProjectEvents(projectId: number) {
  return getDb()
    .selectFrom("project_event")
    .leftJoin("user", "user.id", "project_event.actor_id")
    .select([
      "project_event.id",
      "project_event.action",
      "project_event.from_state",
      "project_event.to_state",
      "project_event.comment",
      "project_event.created_at",
      "user.name as actor_name",
      "user.role as actor_role",
    ])
    .where("project_event.project_id", "=", projectId)
    .orderBy("project_event.id")
    .execute();
}

// ─── sign-up ─────────────────────────────────────────────────────────────────

export type SignupFailure = "full" | "closed" | "notOpen" | "already" | "wrongCode" | "badRanking";

export function listAcceptedHosts(projectId: number) {
  return getDb()
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select([
      "project_host.id",
      "project_host.capacity",
      "firm.id as firm_id",
      "firm.name",
      "firm.name_kana",
      "firm.industry",
      "firm.town",
      "firm.products",
      "firm.new_product",
    ])
    .where("project_host.project_id", "=", projectId)
    .where("project_host.status", "=", "accepted")
    .orderBy("firm.name_kana")
    .execute();
}

/** A ranking must list every accepting host exactly once (a shorter list would only hurt the student). */
function validRanking(ranking: number[], hostIds: number[]) {
  return (
    ranking.length === hostIds.length &&
    new Set(ranking).size === ranking.length &&
    ranking.every((id) => hostIds.includes(id))
  );
}

async function writePreferences(trx: Transaction<Database>, signupId: number, ranking: number[]) {
  await trx.deleteFrom("signup_preference").where("signup_id", "=", signupId).execute();
  await trx
    .insertInto("signup_preference")
    .values(ranking.map((hostId, i) => ({ signup_id: signupId, host_id: hostId, rank: i + 1 })))
    .execute();
}

/**
 * Signs a student up. The capacity check, the window check and the insert are one statement; the unique
 * (project, student) index makes a second sign-up impossible.
 */
export async function signUp(
  student: { id: number },
  projectId: number,
  input: { joinCode: string; ranking: number[]; motivation: string },
  at: Date = new Date(),
): Promise<{ ok: true; signupId: number } | { ok: false; reason: SignupFailure }> {
  const db = getDb();
  const project = await getProject(projectId);
  if (!project || project.join_code !== normalizeJoinCode(input.joinCode)) return { ok: false, reason: "wrongCode" };
  const hosts = await listAcceptedHosts(projectId);
  if (
    !validRanking(
      input.ranking,
      hosts.map((h) => h.id),
    )
  )
    return { ok: false, reason: "badRanking" };
  const t = at.toISOString();
  const inserted = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("signup")
      .columns([
        "project_id",
        "student_id",
        "motivation",
        "consented_at",
        "consent_version",
        "created_at",
        "updated_at",
      ])
      .expression((eb) =>
        eb
          .selectFrom("project")
          .select([
            "project.id",
            sql.lit(student.id).as("student_id"),
            sql.val(input.motivation).as("motivation"),
            sql.val(t).as("consented_at"),
            sql.val(CONSENT_VERSION).as("consent_version"),
            sql.val(t).as("created_at"),
            sql.val(t).as("updated_at"),
          ])
          .where("project.id", "=", projectId)
          .where("project.state", "=", "open")
          .where("project.signup_opens_at", "<=", t)
          .where("project.signup_closes_at", ">", t)
          .where((eb2) =>
            eb2(
              eb2
                .selectFrom("signup")
                .select((e) => e.fn.countAll().as("n"))
                .where("signup.project_id", "=", projectId),
              "<",
              eb2.ref("project.student_capacity"),
            ),
          ),
      )
      .onConflict((oc) => oc.columns(["project_id", "student_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return null;
    await writePreferences(trx, row.id, input.ranking);
    await recordAudit(trx, {
      actorId: student.id,
      action: "signup.create",
      entityType: "project",
      entityId: projectId,
    });
    return row.id;
  });
  if (inserted) return { ok: true, signupId: inserted };
  // Say why, in the order a student would want to know.
  const existing = await findSignup(student.id, projectId);
  if (existing) return { ok: false, reason: "already" };
  if (project.state !== "open" || t < project.signup_opens_at) return { ok: false, reason: "notOpen" };
  if (t >= project.signup_closes_at) return { ok: false, reason: "closed" };
  return { ok: false, reason: "full" };
}

export function findSignup(studentId: number, projectId: number) {
  return getDb()
    .selectFrom("signup")
    .selectAll()
    .where("student_id", "=", studentId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
}

/** The project a join code opens (case and width do not matter). */
export function findProjectByJoinCode(code: string) {
  return getDb().selectFrom("project").select("id").where("join_code", "=", normalizeJoinCode(code)).executeTakeFirst();
}

/** A student's sign-ups, latest first, each with its ranking of the hosts still accepting (firm names, first choice first). */
export async function listStudentSignups(studentId: number) {
  const db = getDb();
  const [signups, preferences] = await Promise.all([
    db
      .selectFrom("signup")
      .innerJoin("project", "project.id", "signup.project_id")
      .select([
        "signup.id",
        "signup.updated_at",
        "project.id as project_id",
        "project.title_ja",
        "project.title_en",
        "project.state",
        "project.signup_opens_at",
        "project.signup_closes_at",
      ])
      .where("signup.student_id", "=", studentId)
      .orderBy("project.signup_closes_at", "desc")
      .execute(),
    db
      .selectFrom("signup_preference")
      .innerJoin("signup", "signup.id", "signup_preference.signup_id")
      .innerJoin("project_host", "project_host.id", "signup_preference.host_id")
      .innerJoin("firm", "firm.id", "project_host.firm_id")
      .select(["signup_preference.signup_id", "firm.name"])
      .where("signup.student_id", "=", studentId)
      .where("project_host.status", "=", "accepted")
      .orderBy("signup_preference.rank")
      .execute(),
  ]);
  return signups.map((s) => ({ ...s, ranking: preferences.filter((p) => p.signup_id === s.id).map((p) => p.name) }));
}

export async function getSignupRanking(signupId: number) {
  const rows = await getDb()
    .selectFrom("signup_preference")
    .select(["host_id", "rank"])
    .where("signup_id", "=", signupId)
    .orderBy("rank")
    .execute();
  return rows.map((r) => r.host_id);
}

function windowOpen(project: { state: ProjectState; signup_opens_at: string; signup_closes_at: string }, t: string) {
  return project.state === "open" && project.signup_opens_at <= t && t < project.signup_closes_at;
}

/** Changes the ranking and motivation, until the window closes. */
export async function updateSignup(
  student: { id: number },
  projectId: number,
  input: { ranking: number[]; motivation: string },
  at: Date = new Date(),
): Promise<{ ok: true } | { ok: false; reason: SignupFailure | "notSignedUp" }> {
  const project = await getProject(projectId);
  const signup = await findSignup(student.id, projectId);
  if (!project || !signup) return { ok: false, reason: "notSignedUp" };
  if (!windowOpen(project, at.toISOString())) return { ok: false, reason: "closed" };
  const hosts = await listAcceptedHosts(projectId);
  if (
    !validRanking(
      input.ranking,
      hosts.map((h) => h.id),
    )
  )
    return { ok: false, reason: "badRanking" };
  await getDb()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("signup")
        .set({ motivation: input.motivation, updated_at: now() })
        .where("id", "=", signup.id)
        .execute();
      await writePreferences(trx, signup.id, input.ranking);
      await recordAudit(trx, {
        actorId: student.id,
        action: "signup.update",
        entityType: "project",
        entityId: projectId,
      });
    });
  return { ok: true };
}

/** Withdraws a sign-up, until the window closes; the seat becomes free again. */
export async function withdrawSignup(student: { id: number }, projectId: number, at: Date = new Date()) {
  const project = await getProject(projectId);
  if (!project || !windowOpen(project, at.toISOString())) return { ok: false as const, reason: "closed" as const };
  const removed = await getDb()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .deleteFrom("signup")
        .where("student_id", "=", student.id)
        .where("project_id", "=", projectId)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 1) {
        await recordAudit(trx, {
          actorId: student.id,
          action: "signup.withdraw",
          entityType: "project",
          entityId: projectId,
        });
      }
      return Number(r.numDeletedRows) === 1;
    });
  return removed ? { ok: true as const } : { ok: false as const, reason: "notSignedUp" as const };
}

export async function countSignups(projectId: number) {
  const row = await getDb()
    .selectFrom("signup")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("project_id", "=", projectId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ─── pages: lists, the project page, sign-up summaries, the public pages ─────

const PAGE_COLUMNS = [
  "project.id",
  "project.title_ja",
  "project.title_en",
  "project.seminar_name",
  "project.fiscal_year",
  "project.state",
  "project.signup_opens_at",
  "project.signup_closes_at",
  "project.updated_at",
] as const;

/** A professor's own projects, newest fiscal year first, with their sign-up counts. */
export function listProfessorProjects(professorId: number) {
  return getDb()
    .selectFrom("project")
    .select(PAGE_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom("signup")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("signup.project_id", "=", "project.id")
        .as("signups"),
    )
    .where("project.professor_id", "=", professorId)
    .orderBy("project.fiscal_year", "desc")
    .orderBy("project.id", "desc")
    .execute();
}

/** Lifecycle order, for sorting; the review queue puts "submitted" first. */
const STATE_ORDER: ProjectState[] = [
  "submitted",
  "returned",
  "draft",
  "approved",
  "open",
  "closed",
  "paired",
  "interviewing",
  "presented",
  "completed",
  "rejected",
  "cancelled",
];

/** The staff queue: projects waiting for review first, then by state, newest fiscal year and latest change first. */
export async function listProjectsForReview(filters: { state?: ProjectState; fiscalYear?: number } = {}) {
  let q = getDb()
    .selectFrom("project")
    .innerJoin("user", "user.id", "project.professor_id")
    .innerJoin("university", "university.id", "project.university_id")
    .select(PAGE_COLUMNS)
    .select([
      "user.name as professor_name",
      "university.name_ja as university_ja",
      "university.name_en as university_en",
    ]);
  if (filters.state) q = q.where("project.state", "=", filters.state);
  if (filters.fiscalYear) q = q.where("project.fiscal_year", "=", filters.fiscalYear);
  const rows = await q.execute();
  return rows.sort(
    (a, b) =>
      STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
      b.fiscal_year - a.fiscal_year ||
      b.updated_at.localeCompare(a.updated_at) ||
      b.id - a.id,
  );
}

export async function listProjectFiscalYears() {
  const rows = await getDb()
    .selectFrom("project")
    .select("fiscal_year")
    .distinct()
    .orderBy("fiscal_year", "desc")
    .execute();
  return rows.map((r) => r.fiscal_year);
}

/** One project with its university, agreement and professor, for the professor's and the staff's pages. */
export function getProjectDetail(id: number) {
  return getDb()
    .selectFrom("project")
    .innerJoin("university", "university.id", "project.university_id")
    .innerJoin("agreement", "agreement.id", "project.agreement_id")
    .innerJoin("user", "user.id", "project.professor_id")
    .selectAll("project")
    .select([
      "university.name_ja as university_ja",
      "university.name_en as university_en",
      "agreement.title_ja as agreement_ja",
      "agreement.title_en as agreement_en",
      "user.name as professor_name",
    ])
    .where("project.id", "=", id)
    .executeTakeFirst();
}

/** The sign-ups of a project, oldest first, each with its ranking (firm names, first choice first). */
export async function listProjectSignups(projectId: number) {
  const db = getDb();
  const [signups, preferences] = await Promise.all([
    db
      .selectFrom("signup")
      .innerJoin("user", "user.id", "signup.student_id")
      .leftJoin("university", "university.id", "user.university_id")
      .select([
        "signup.id",
        "signup.motivation",
        "signup.created_at",
        "user.name",
        "user.name_kana",
        "user.email",
        "university.name_ja as university_ja",
        "university.name_en as university_en",
      ])
      .where("signup.project_id", "=", projectId)
      .orderBy("signup.created_at")
      .orderBy("signup.id")
      .execute(),
    db
      .selectFrom("signup_preference")
      .innerJoin("signup", "signup.id", "signup_preference.signup_id")
      .innerJoin("project_host", "project_host.id", "signup_preference.host_id")
      .innerJoin("firm", "firm.id", "project_host.firm_id")
      .select(["signup_preference.signup_id", "signup_preference.rank", "firm.name"])
      .where("signup.project_id", "=", projectId)
      .orderBy("signup_preference.signup_id")
      .orderBy("signup_preference.rank")
      .execute(),
  ]);
  return signups.map((s) => ({ ...s, ranking: preferences.filter((p) => p.signup_id === s.id).map((p) => p.name) }));
}

/**
 * How often each host was ranked 1st, 2nd, 3rd…: `counts[i]` is the number of students who put the host at rank
 * i + 1. Accepting hosts and any host that students ranked (it may have withdrawn since), most wanted first.
 */
export async function hostPopularity(projectId: number) {
  const db = getDb();
  const [hosts, counts] = await Promise.all([
    db
      .selectFrom("project_host")
      .innerJoin("firm", "firm.id", "project_host.firm_id")
      .select(["project_host.id", "project_host.status", "firm.name", "firm.name_kana"])
      .where("project_host.project_id", "=", projectId)
      .execute(),
    db
      .selectFrom("signup_preference")
      .innerJoin("project_host", "project_host.id", "signup_preference.host_id")
      .select(["signup_preference.host_id", "signup_preference.rank", (eb) => eb.fn.countAll<number>().as("n")])
      .where("project_host.project_id", "=", projectId)
      .groupBy(["signup_preference.host_id", "signup_preference.rank"])
      .execute(),
  ]);
  const ranks = Math.max(0, ...counts.map((c) => c.rank));
  const rows = hosts
    .map((h) => ({
      id: h.id,
      name: h.name,
      nameKana: h.name_kana,
      status: h.status,
      counts: Array.from({ length: ranks }, (_, i) =>
        Number(counts.find((c) => c.host_id === h.id && c.rank === i + 1)?.n ?? 0),
      ),
    }))
    .filter((h) => h.status === "accepted" || h.counts.some((n) => n > 0));
  const byCounts = (a: number[], b: number[]) => b.reduce((d, n, i) => d || n - a[i], 0);
  return {
    ranks,
    hosts: rows.sort((a, b) => byCounts(a.counts, b.counts) || a.nameKana.localeCompare(b.nameKana, "ja")),
  };
}

/** True while students can sign up (the state is open and the window has not closed). */
export function isOpenForSignup(project: { state: ProjectState; signup_closes_at: string }, at: Date = new Date()) {
  return project.state === "open" && at.toISOString() < project.signup_closes_at;
}

/**
 * The public list, in ONE query (the page is on the throughput benchmark): projects in a public state, those open
 * for sign-up first (soonest deadline first), then the others, newest fiscal year first.
 */
export async function listPublicProjects(at: Date = new Date()) {
  const rows = await getDb()
    .selectFrom("project")
    .innerJoin("university", "university.id", "project.university_id")
    .select(PAGE_COLUMNS)
    .select(["project.theme", "university.name_ja as university_ja", "university.name_en as university_en"])
    .where("project.state", "in", PUBLIC_STATES)
    .orderBy("project.fiscal_year", "desc")
    .orderBy("project.signup_closes_at")
    .orderBy("project.id")
    .execute();
  const open = rows.filter((p) => isOpenForSignup(p, at));
  return { open, others: rows.filter((p) => !open.includes(p)) };
}

/**
 * A project's public page: no personal data (no professor or student), and of its hosts only the accepting firms
 * listed in the public directory, by name; the others are only counted.
 */
export async function getPublicProject(id: number) {
  const db = getDb();
  const project = await db
    .selectFrom("project")
    .innerJoin("university", "university.id", "project.university_id")
    .select([
      "project.id",
      "project.title_ja",
      "project.title_en",
      "project.summary_ja",
      "project.summary_en",
      "project.seminar_name",
      "project.theme",
      "project.firm_industries",
      "project.new_product_focus",
      "project.fiscal_year",
      "project.student_capacity",
      "project.team_size",
      "project.state",
      "project.signup_opens_at",
      "project.signup_closes_at",
      "project.interview_from",
      "project.interview_until",
      "project.presentation_on",
      "university.name_ja as university_ja",
      "university.name_en as university_en",
    ])
    .where("project.id", "=", id)
    .where("project.state", "in", PUBLIC_STATES)
    .executeTakeFirst();
  if (!project) return null;
  const hosts = await db
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select([
      "firm.id",
      "firm.name",
      "firm.name_kana",
      "firm.industry",
      "firm.town",
      "firm.is_public",
      "firm.hidden_at",
    ])
    .where("project_host.project_id", "=", id)
    .where("project_host.status", "=", "accepted")
    .orderBy("firm.name_kana")
    .execute();
  const listed = hosts.filter((h) => h.is_public === 1 && h.hidden_at === null);
  return {
    project,
    hosts: listed.map(({ id, name, industry, town }) => ({ id, name, industry, town })),
    unlistedHosts: hosts.length - listed.length,
  };
}
