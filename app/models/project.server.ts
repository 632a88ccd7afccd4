/**
 * Company-interview projects: proposals, the lifecycle (checked by app/projects/lifecycle.ts before every write),
 * the seminar join code, and the project lists and pages. Student sign-ups are in signup.server.ts.
 */
import { randomInt } from "node:crypto";
import type { Transaction } from "kysely";
import { agreementStatus } from "~/agreements/status";
import { checkTransition, PUBLIC_STATES, type ProjectAction } from "~/projects/lifecycle";
import { getDb, now } from "~/utils/db.server";
import { tokyoDate } from "~/utils/format";
import { fail, FORBIDDEN, NOT_FOUND, ok, type Result } from "~/utils/result";
import type { Database, ProjectState, Role } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { enqueueMail, type MailInput } from "./outbox.server";

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

/** The project a join code opens (case and width do not matter). */
export function findProjectByJoinCode(code: string) {
  return getDb().selectFrom("project").select("id").where("join_code", "=", normalizeJoinCode(code)).executeTakeFirst();
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

/** Why the agreement cannot carry the project, on the form's agreement field; null when it can. */
async function agreementRefusal(universityId: number, agreementId: number) {
  const choice = (await listAgreementChoices(universityId)).find((a) => a.id === agreementId);
  if (!choice) return fail("projects.errors.agreementOtherUniversity", { field: "agreementId" });
  if (!choice.eligible) return fail(`projects.errors.agreement_${choice.reason}`, { field: "agreementId" });
  return null;
}

/**
 * The presentation must fall within the agreement's term (auto-renewal counted): the year's work is done under it.
 */
export async function checkPresentationInTerm(input: { agreementId: number; presentationOn: string }): Promise<Result> {
  const agreement = await getDb()
    .selectFrom("agreement")
    .selectAll()
    .where("id", "=", input.agreementId)
    .executeTakeFirst();
  const inForce = (status: string) => status === "active" || status === "expiring";
  // An unknown agreement or one not in force today is refused by the eligibility check, with its own message.
  if (!agreement || !inForce(agreementStatus(agreement, tokyoDate()))) return ok();
  const status = agreementStatus(agreement, input.presentationOn);
  return inForce(status) ? ok() : fail("projects.errors.presentationOutsideTerm", { field: "presentationOn" });
}

export async function createProject(
  professor: { id: number; university_id: number | null },
  input: ProjectInput,
): Promise<Result<{ id: number }>> {
  if (!professor.university_id) return fail(FORBIDDEN);
  const refusal = await agreementRefusal(professor.university_id, input.agreementId);
  if (refusal) return refusal;
  const t = now();
  const id = await getDb()
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
  return ok({ id });
}

export async function updateProject(
  professor: { id: number; university_id: number | null },
  projectId: number,
  input: ProjectInput,
): Promise<Result<{ id: number }>> {
  if (!professor.university_id) return fail(FORBIDDEN);
  const refusal = await agreementRefusal(professor.university_id, input.agreementId);
  if (refusal) return refusal;
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .updateTable("project")
        .set({ ...projectColumns(input), updated_at: now() })
        .where("id", "=", projectId)
        .where("professor_id", "=", professor.id)
        .where("state", "in", ["draft", "returned"])
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return fail(NOT_EDITABLE);
      await recordAudit(trx, {
        actorId: professor.id,
        action: "project.update",
        entityType: "project",
        entityId: projectId,
      });
      return ok({ id: projectId });
    });
}

/** The projects run under an agreement (issue 12: the agreement page lists them), newest fiscal year first. */
export function listAgreementProjects(agreementId: number) {
  return getDb()
    .selectFrom("project")
    .select(["id", "title_ja", "title_en", "fiscal_year", "seminar_name", "state"])
    .where("agreement_id", "=", agreementId)
    .orderBy("fiscal_year", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function getProject(id: number) {
  return getDb().selectFrom("project").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Only drafts and returned proposals can be edited. */
export const NOT_EDITABLE = "projects.errors.notEditable";

export async function regenerateJoinCode(
  professor: { id: number; role: Role },
  projectId: number,
): Promise<Result<{ code: string }, typeof FORBIDDEN>> {
  const code = newJoinCode();
  const q = getDb().updateTable("project").set({ join_code: code, updated_at: now() }).where("id", "=", projectId);
  const r = await (professor.role === "staff" ? q : q.where("professor_id", "=", professor.id)).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail(FORBIDDEN);
  return ok({ code });
}

// ─── lifecycle ───────────────────────────────────────────────────────────────

type Notify = (
  trx: Transaction<Database>,
  project: { id: number; professor_id: number; title_ja: string },
  to: ProjectState,
) => Promise<MailInput[]>;

export interface TransitionOptions {
  projectId: number;
  action: ProjectAction;
  actor: { id: number; role: Role };
  /** Required by return, reject and cancel; stored trimmed, an empty one as none. */
  comment?: string | null;
  /** The mails the transition sends, queued in its transaction. */
  notify: Notify;
  /** When the transition happens (opening checks the sign-up window against it); now by default. */
  at?: Date;
  /** More writes that belong to this transition (e.g. publishing a pairing run), in the same transaction. */
  effect?: (trx: Transaction<Database>) => Promise<void>;
  /** The catalog the refusals are keyed in: the page that asks words them (the pairing pages have their own). */
  errors?: "projects.errors" | "pairing.errors";
}

/**
 * Takes a lifecycle action: checks the role, ownership, state and comment, the business preconditions of opening,
 * then writes the new state with a conditional update (so two concurrent transitions cannot both win), the event
 * with its comment, the audit entry and the notifications, all in one transaction.
 */
export async function transitionProject({
  projectId,
  action,
  actor,
  comment = null,
  notify,
  at = new Date(),
  effect,
  errors = "projects.errors",
}: TransitionOptions): Promise<Result<{ to: ProjectState }>> {
  const refuse = (reason: string) =>
    fail(`${errors}.${reason}`, reason === "commentRequired" ? { field: "comment" } : {});
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const project = await trx.selectFrom("project").selectAll().where("id", "=", projectId).executeTakeFirst();
      if (!project) return fail(NOT_FOUND);
      const check = checkTransition(project, action, actor, comment);
      if (!check.ok) return refuse(check.reason);
      if (action === "open") {
        const iso = at.toISOString();
        if (iso < project.signup_opens_at) return refuse("windowNotStarted");
        if (iso >= project.signup_closes_at) return refuse("windowEnded");
        const hosts = await trx
          .selectFrom("project_host")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("project_id", "=", projectId)
          .where("status", "=", "accepted")
          .executeTakeFirstOrThrow();
        if (Number(hosts.n) === 0) return refuse("noAcceptingHost");
      }
      const r = await trx
        .updateTable("project")
        .set({ state: check.to, updated_at: now() })
        .where("id", "=", projectId)
        .where("state", "=", project.state)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return refuse("wrongState");
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
      return ok({ to: check.to });
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
