/**
 * Pairing runs: build the engine instance from a closed project's sign-ups (students' ranked hosts; hosts'
 * priorities = their own ranking of the pseudonymous sign-ups when they gave one, else one lottery order drawn from
 * the run's seed), run the engine, keep the run, let staff move students by hand with a reason (the preview then
 * shows the blocking pairs), and publish one run per project.
 */
import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import { blockingPairs, match, type Instance } from "~/matching/engine.js";
import { lotteryOrder } from "~/matching/lottery";
import { getDb, now } from "~/utils/db.server";
import { fail, NOT_FOUND, ok, type Result } from "~/utils/result";
import type { Database, ProjectState, Role } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { enqueueMail, type MailInput } from "./outbox.server";
import { transitionProject } from "./project.server";

export type Assignments = Record<string, string | null>;

interface ProjectInput {
  signups: Array<{ id: number; ranking: number[] }>;
  hosts: Array<{ id: number; capacity: number; ranking: number[] }>;
}

async function loadInput(
  projectId: number,
  db: Pick<Transaction<Database>, "selectFrom"> = getDb(),
): Promise<ProjectInput> {
  const signups = await db
    .selectFrom("signup")
    .select("id")
    .where("project_id", "=", projectId)
    .orderBy("id")
    .execute();
  const prefs = await db
    .selectFrom("signup_preference")
    .innerJoin("signup", "signup.id", "signup_preference.signup_id")
    .select(["signup_preference.signup_id", "signup_preference.host_id"])
    .where("signup.project_id", "=", projectId)
    .orderBy("signup_preference.signup_id")
    .orderBy("signup_preference.rank")
    .execute();
  const hosts = await db
    .selectFrom("project_host")
    .select(["id", "capacity"])
    .where("project_id", "=", projectId)
    .where("status", "=", "accepted")
    .orderBy("id")
    .execute();
  const rankings = await db
    .selectFrom("host_ranking")
    .innerJoin("project_host", "project_host.id", "host_ranking.host_id")
    .select(["host_ranking.host_id", "host_ranking.signup_id"])
    .where("project_host.project_id", "=", projectId)
    .orderBy("host_ranking.host_id")
    .orderBy("host_ranking.rank")
    .execute();
  // A host withdrawn after students ranked it is dropped from their lists.
  const accepted = new Set(hosts.map((h) => h.id));
  return {
    signups: signups.map((s) => ({
      id: s.id,
      ranking: prefs.filter((p) => p.signup_id === s.id && accepted.has(p.host_id)).map((p) => p.host_id),
    })),
    hosts: hosts.map((h) => ({
      id: h.id,
      capacity: h.capacity ?? 0,
      ranking: rankings.filter((r) => r.host_id === h.id).map((r) => r.signup_id),
    })),
  };
}

/**
 * The engine instance. Student ids are sign-up ids, host ids are project_host ids (as strings). A host's priorities
 * are its own ranking first (if any), then everyone else who listed it in the lottery order.
 */
export function buildInstance(input: ProjectInput, seed: string): Instance {
  const lottery = lotteryOrder(
    input.signups.map((s) => s.id),
    seed,
  );
  const listed = (hostId: number) => new Set(input.signups.filter((s) => s.ranking.includes(hostId)).map((s) => s.id));
  return {
    students: input.signups.map((s) => ({ id: String(s.id), preferences: s.ranking.map(String) })),
    hosts: input.hosts.map((h) => {
      const wanted = listed(h.id);
      const own = h.ranking.filter((id) => wanted.has(id));
      const rest = lottery.filter((id) => wanted.has(id) && !own.includes(id));
      return { id: String(h.id), capacity: h.capacity, priorities: [...own, ...rest].map(String) };
    }),
  };
}

export async function createRun(
  projectId: number,
  actor: { id: number; role: Role },
  seed = randomBytes(16).toString("hex"),
): Promise<Result<{ runId: number }>> {
  if (actor.role !== "staff") return fail("pairing.errors.forbidden");
  const project = await getDb().selectFrom("project").select(["state"]).where("id", "=", projectId).executeTakeFirst();
  if (!project) return fail(NOT_FOUND);
  if (project.state !== "closed") return fail("pairing.errors.pairingNeedsClosed");
  const input = await loadInput(projectId);
  const instance = buildInstance(input, seed);
  const result = match(instance);
  // Which hosts gave their own ranking is not visible in the instance; the run's audit entry records it.
  const ownRanking = input.hosts.filter((h) => h.ranking.length > 0).map((h) => h.id);
  const runId = await getDb()
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto("pairing_run")
        .values({
          project_id: projectId,
          seed,
          instance: JSON.stringify(instance),
          result: JSON.stringify(result.assignments),
          created_by: actor.id,
          created_at: now(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "pairing.run",
        entityType: "project",
        entityId: projectId,
        detail: { runId: id, seed, ownRanking },
      });
      return id;
    });
  return ok({ runId });
}

/** `db`: pass the transaction when reading inside one (the SQLite connection is not shared with other queries). */
export async function getRun(runId: number, db: Pick<Transaction<Database>, "selectFrom"> = getDb()) {
  const run = await db.selectFrom("pairing_run").selectAll().where("id", "=", runId).executeTakeFirst();
  if (!run) return null;
  const overrides = await db
    .selectFrom("pairing_override")
    .leftJoin("user", "user.id", "pairing_override.actor_id")
    .select([
      "pairing_override.id",
      "pairing_override.signup_id",
      "pairing_override.host_id",
      "pairing_override.reason",
      "pairing_override.created_at",
      "user.name as actor_name",
      "user.role as actor_role",
    ])
    .where("run_id", "=", runId)
    .orderBy("pairing_override.id")
    .execute();
  const instance = JSON.parse(run.instance) as Instance;
  const engine = JSON.parse(run.result) as Assignments;
  const final: Assignments = { ...engine };
  for (const o of overrides) final[String(o.signup_id)] = o.host_id === null ? null : String(o.host_id);
  return { run, instance, engine, final, overrides };
}

/** The hosts that used their own ranking in a run (recorded in the run's audit entry when it was created). */
export async function hostsWithOwnRanking(projectId: number, runId: number): Promise<string[]> {
  const entries = await getDb()
    .selectFrom("audit_entry")
    .select("detail")
    .where("action", "=", "pairing.run")
    .where("entity_type", "=", "project")
    .where("entity_id", "=", String(projectId))
    .execute();
  for (const e of entries) {
    const detail = JSON.parse(e.detail ?? "{}") as { runId?: number; ownRanking?: number[] };
    if (detail.runId === runId) return (detail.ownRanking ?? []).map(String);
  }
  return [];
}

export function listRuns(projectId: number) {
  return getDb()
    .selectFrom("pairing_run")
    .leftJoin("user", "user.id", "pairing_run.created_by")
    .select([
      "pairing_run.id",
      "pairing_run.seed",
      "pairing_run.created_at",
      "pairing_run.published_at",
      "user.name as created_by_name",
    ])
    .where("pairing_run.project_id", "=", projectId)
    .orderBy("pairing_run.id", "desc")
    .execute();
}

export interface RunSummary {
  /** byRank[k] = students who got their (k+1)-th choice. */
  byRank: number[];
  /** Students placed (by hand) with a host they did not rank: counted, never as a "0th choice". */
  outsideRanking: number;
  unmatched: string[];
  /** host id → free seats left. */
  unusedCapacity: Record<string, number>;
  blocking: Array<{ student: string; host: string }>;
}

export function summarize(instance: Instance, assignments: Assignments): RunSummary {
  const byRank: number[] = [];
  let outsideRanking = 0;
  const unmatched: string[] = [];
  for (const s of instance.students) {
    const h = assignments[s.id];
    if (h === null || h === undefined) {
      unmatched.push(s.id);
      continue;
    }
    const k = s.preferences.indexOf(h);
    if (k < 0) outsideRanking++;
    else byRank[k] = (byRank[k] ?? 0) + 1;
  }
  const unusedCapacity: Record<string, number> = {};
  for (const h of instance.hosts) {
    unusedCapacity[h.id] = h.capacity - Object.values(assignments).filter((x) => x === h.id).length;
  }
  return {
    byRank: Array.from(byRank, (n) => n ?? 0),
    outsideRanking,
    unmatched,
    unusedCapacity,
    blocking: blockingPairs(instance, assignments),
  };
}

/** States in which staff may still place an unplaced student on the published run. */
export const LATE_PLACEMENT_STATES: readonly ProjectState[] = ["paired", "interviewing"];

/**
 * Moves a student by hand (host null: unplaced), with a required reason; never over capacity. Before publishing any
 * move is allowed (staff). After publishing, the only move is placing an unplaced student while the project is paired
 * or interviewing, by staff or the project's professor: it is recorded as an override (the published stamp stays) and `notify` tells those concerned.
 * The checks and the write share one transaction, so two moves at once cannot over-fill a host.
 */
export async function overrideAssignment(
  runId: number,
  signupId: number,
  hostId: number | null,
  reason: string,
  actor: { id: number; role: Role },
  notify?: (
    trx: Transaction<Database>,
    move: { runId: number; signupId: number; hostId: number },
  ) => Promise<MailInput[]>,
): Promise<Result> {
  if (actor.role !== "staff" && actor.role !== "professor") return fail("pairing.errors.forbidden");
  if (!reason.trim()) return fail("pairing.errors.reasonRequired", { field: "reason" });
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const current = await getRun(runId, trx);
      if (!current) return fail(NOT_FOUND);
      const from = current.final[String(signupId)] ?? null;
      const project = await trx
        .selectFrom("project")
        .select(["state", "professor_id"])
        .where("id", "=", current.run.project_id)
        .executeTakeFirstOrThrow();
      // A professor (issue 5, 12) may only place their own unplaced students after publication; the rest is staff's.
      if (actor.role === "professor" && (project.professor_id !== actor.id || !current.run.published_at))
        return fail("pairing.errors.forbidden");
      if (current.run.published_at) {
        if (hostId === null || from !== null || !LATE_PLACEMENT_STATES.includes(project.state))
          return fail("pairing.errors.alreadyPublished");
      }
      if (!current.instance.students.some((s) => s.id === String(signupId)))
        return fail("pairing.errors.unknownStudent", { field: "signupId" });
      if (hostId !== null) {
        const host = current.instance.hosts.find((h) => h.id === String(hostId));
        if (!host) return fail("pairing.errors.unknownHost", { field: "target" });
        const taken = Object.entries(current.final).filter(([s, h]) => h === host.id && s !== String(signupId)).length;
        if (taken >= host.capacity) return fail("pairing.errors.hostFull", { field: "target" });
      }
      await trx
        .insertInto("pairing_override")
        .values({
          run_id: runId,
          signup_id: signupId,
          host_id: hostId,
          reason: reason.trim(),
          actor_id: actor.id,
          created_at: now(),
        })
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "pairing.override",
        entityType: "project",
        entityId: current.run.project_id,
        detail: {
          runId,
          signupId,
          from,
          to: hostId,
          reason: reason.trim(),
          afterPublication: Boolean(current.run.published_at),
        },
      });
      if (current.run.published_at && notify && hostId !== null) {
        for (const mail of await notify(trx, { runId, signupId, hostId })) await enqueueMail(trx, mail);
      }
      return ok();
    });
}

/**
 * Publishes a run: the project moves closed → paired (the lifecycle check and its conditional update make a second
 * publication impossible), the run is stamped, and everyone concerned is notified, in one transaction.
 */
export async function publishRun(
  runId: number,
  actor: { id: number; role: Role },
  notify: (trx: Transaction<Database>, runId: number) => Promise<MailInput[]>,
): Promise<Result> {
  const run = await getDb()
    .selectFrom("pairing_run")
    .select(["project_id", "published_at"])
    .where("id", "=", runId)
    .executeTakeFirst();
  if (!run) return fail(NOT_FOUND);
  if (run.published_at) return fail("pairing.errors.alreadyPublished");
  return transitionProject({
    projectId: run.project_id,
    action: "publish_pairing",
    actor,
    errors: "pairing.errors",
    notify: async (trx) => notify(trx, runId),
    effect: async (trx) => {
      await trx
        .updateTable("pairing_run")
        .set({ published_at: now(), published_by: actor.id })
        .where("id", "=", runId)
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "pairing.publish",
        entityType: "project",
        entityId: run.project_id,
        detail: { runId },
      });
    },
  });
}

export async function getPublishedRun(projectId: number) {
  const row = await getDb()
    .selectFrom("pairing_run")
    .select("id")
    .where("project_id", "=", projectId)
    .where("published_at", "is not", null)
    .executeTakeFirst();
  return row ? getRun(row.id) : null;
}

/**
 * What a run looks like to an outside auditor: students pseudonymised as s1…sN (in sign-up order), hosts named by
 * their firm's corporate number; the engine's own result (which `npm run match` reproduces) and the manual moves.
 */
export async function exportRun(runId: number) {
  const current = await getRun(runId);
  if (!current) return null;
  const hosts = await getDb()
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select(["project_host.id", "firm.corporate_number"])
    .where("project_host.project_id", "=", current.run.project_id)
    .execute();
  const hostName = new Map(hosts.map((h) => [String(h.id), `firm-${h.corporate_number}`]));
  const studentName = new Map(current.instance.students.map((s, i) => [s.id, `s${i + 1}`]));
  const mapAssignments = (a: Assignments) =>
    Object.fromEntries(Object.entries(a).map(([s, h]) => [studentName.get(s)!, h === null ? null : hostName.get(h)!]));
  return {
    seed: current.run.seed,
    instance: {
      students: current.instance.students.map((s) => ({
        id: studentName.get(s.id)!,
        preferences: s.preferences.map((h) => hostName.get(h)!),
      })),
      hosts: current.instance.hosts.map((h) => ({
        id: hostName.get(h.id)!,
        capacity: h.capacity,
        priorities: h.priorities.map((s) => studentName.get(s)!),
      })),
    },
    result: { assignments: mapAssignments(current.engine) },
    overrides: current.overrides.map((o) => ({
      student: studentName.get(String(o.signup_id))!,
      host: o.host_id === null ? null : hostName.get(String(o.host_id))!,
      reason: o.reason,
    })),
    published: { assignments: mapAssignments(current.final) },
  };
}

export type Explanation = Array<{ hostId: string; capacity: number; filledAhead: boolean; movedByStaff: boolean }>;

/**
 * Why a student got their result: for each host they ranked above it, whether it was filled by students with
 * higher priority there (who, is not revealed). With the engine's result this is always so (stability); a manual
 * move can break it, which the explanation then says.
 */
export function explain(instance: Instance, assignments: Assignments, studentId: string): Explanation {
  const student = instance.students.find((s) => s.id === studentId);
  if (!student) return [];
  const got = assignments[studentId];
  const k = got === null || got === undefined ? -1 : student.preferences.indexOf(got);
  // Unplaced, or placed with a host they did not rank: every ranked choice needs its reason.
  const above = k < 0 ? student.preferences : student.preferences.slice(0, k);
  return above.flatMap((hostId) => {
    const host = instance.hosts.find((h) => h.id === hostId);
    if (!host) return [];
    const mine = host.priorities.indexOf(studentId);
    const holders = Object.entries(assignments)
      .filter(([, h]) => h === hostId)
      .map(([s]) => s);
    const filledAhead =
      mine >= 0 && holders.length >= host.capacity && holders.every((s) => host.priorities.indexOf(s) < mine);
    return { hostId, capacity: host.capacity, filledAhead, movedByStaff: !filledAhead };
  });
}
