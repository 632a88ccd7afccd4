/**
 * Student sign-ups: a student joins a project with its join code, ranks every accepting host and states a
 * motivation, may change both or withdraw until the window closes; professors and staff read the sign-ups and how
 * often each host was ranked where.
 *
 * Capacity is enforced by the database, not by a prior read: a sign-up is ONE `INSERT … SELECT … WHERE (count of
 * sign-ups) < capacity AND the window is open`, so under any concurrency sign-ups never exceed the number of students.
 */
import { sql, type Transaction } from "kysely";
import { CONSENT_VERSION } from "~/projects/signup";
import { getDb, lockRowsForUpdate, now } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import type { Database, ProjectState } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { getProject, normalizeJoinCode } from "./project.server";

export type SignupFailure =
  | "signup.errors.full"
  | "signup.errors.closed"
  | "signup.errors.notOpen"
  | "signup.errors.already"
  | "signup.errors.wrongCode"
  /** The ranking does not list exactly the accepting hosts: they changed since the page was shown. */
  | "signup.errors.hostsChanged";

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
 * (project, student) index makes a second sign-up impossible. On PostgreSQL (READ COMMITTED) the statement runs after
 * taking the project row's lock, so concurrent sign-ups to one project are counted one after another.
 */
export async function signUp(
  student: { id: number },
  projectId: number,
  input: { joinCode: string; ranking: number[]; motivation: string; shareMotivation?: boolean },
  at: Date = new Date(),
): Promise<Result<{ signupId: number }, SignupFailure>> {
  const db = getDb();
  const project = await getProject(projectId);
  if (!project || project.join_code !== normalizeJoinCode(input.joinCode)) return fail("signup.errors.wrongCode");
  const hosts = await listAcceptedHosts(projectId);
  if (
    !validRanking(
      input.ranking,
      hosts.map((h) => h.id),
    )
  )
    return fail("signup.errors.hostsChanged");
  const t = at.toISOString();
  const inserted = await db.transaction().execute(async (trx) => {
    // PostgreSQL: sign-ups to one project queue on its row, so the count below sees every committed sign-up.
    await lockRowsForUpdate(trx, "project", [projectId]);
    const row = await trx
      .insertInto("signup")
      .columns([
        "project_id",
        "student_id",
        "motivation",
        "motivation_shared",
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
            sql.lit(input.shareMotivation ? 1 : 0).as("motivation_shared"),
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
  if (inserted) return ok({ signupId: inserted });
  // Say why, in the order a student would want to know.
  const existing = await findSignup(student.id, projectId);
  if (existing) return fail("signup.errors.already");
  if (project.state !== "open" || t < project.signup_opens_at) return fail("signup.errors.notOpen");
  if (t >= project.signup_closes_at) return fail("signup.errors.closed");
  return fail("signup.errors.full");
}

export function findSignup(studentId: number, projectId: number) {
  return getDb()
    .selectFrom("signup")
    .selectAll()
    .where("student_id", "=", studentId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
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
  input: { ranking: number[]; motivation: string; shareMotivation?: boolean },
  at: Date = new Date(),
): Promise<Result<object, SignupFailure | "signup.errors.notSignedUp">> {
  const project = await getProject(projectId);
  const signup = await findSignup(student.id, projectId);
  if (!project || !signup) return fail("signup.errors.notSignedUp");
  if (!windowOpen(project, at.toISOString())) return fail("signup.errors.closed");
  const hosts = await listAcceptedHosts(projectId);
  if (
    !validRanking(
      input.ranking,
      hosts.map((h) => h.id),
    )
  )
    return fail("signup.errors.hostsChanged");
  await getDb()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("signup")
        .set({ motivation: input.motivation, motivation_shared: input.shareMotivation ? 1 : 0, updated_at: now() })
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
  return ok();
}

/** Withdraws a sign-up, until the window closes; the seat becomes free again. */
export async function withdrawSignup(
  student: { id: number },
  projectId: number,
  at: Date = new Date(),
): Promise<Result<object, "signup.errors.closed" | "signup.errors.notSignedUp">> {
  const project = await getProject(projectId);
  if (!project || !windowOpen(project, at.toISOString())) return fail("signup.errors.closed");
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
  return removed ? ok() : fail("signup.errors.notSignedUp");
}

export async function countSignups(projectId: number) {
  const row = await getDb()
    .selectFrom("signup")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("project_id", "=", projectId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
// ─── summaries for the project page and the sign-ups CSV ─────────────────────

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
