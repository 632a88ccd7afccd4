// A project with a PUBLISHED pairing run: each host firm has a firm user and a team of signed-in students. The run
// is written directly (engine result + one staff override), which is exactly what getPublishedRun reads.
import { getDb, now } from "~/utils/db.server";
import { tokyoDate } from "~/utils/format";
import { signIn, userWithCookie } from "../setup/http";
import { createProjectFixture, type ProjectFixture } from "./projects";

const DAY = 86_400_000;

export type SignedIn = Awaited<ReturnType<typeof userWithCookie>>;

export interface Team {
  hostId: number;
  firmId: number;
  firmUser: SignedIn;
  members: SignedIn[];
}

export interface PublishedFixture extends ProjectFixture {
  runId: number;
  teams: Team[];
  professorCookie: string;
}

/**
 * `teams` hosts with `perTeam` new students each; `shared[i]` adds existing students to team i (a student in two
 * projects); `unplaced` students signed up but were placed nowhere. The last member of the first team is placed
 * there by a staff override, not by the engine.
 */
export async function createPublishedProject(
  options: { teams?: number; perTeam?: number; shared?: SignedIn[][]; unplaced?: SignedIn[] } = {},
): Promise<PublishedFixture & { unplacedSignups: number[] }> {
  const p = await createProjectFixture({ state: "paired", hosts: options.teams ?? 2 });
  const db = getDb();
  // The interview period runs from yesterday for two months (Tokyo dates), so tests can use times relative to now.
  await db
    .updateTable("project")
    .set({
      interview_from: tokyoDate(new Date(Date.now() - DAY)),
      interview_until: tokyoDate(new Date(Date.now() + 60 * DAY)),
    })
    .where("id", "=", p.projectId)
    .execute();
  const t = now();
  const teams: Team[] = [];
  const engine: Record<string, string | null> = {};
  let overridden: number | null = null;
  for (const [i, hostId] of p.hostIds.entries()) {
    const { firm_id: firmId } = await db
      .selectFrom("project_host")
      .select("firm_id")
      .where("id", "=", hostId)
      .executeTakeFirstOrThrow();
    const firmUser = await userWithCookie("firm", { firm_id: firmId });
    const members: SignedIn[] = [];
    for (let k = 0; k < (options.perTeam ?? 2); k++)
      members.push(await userWithCookie("student", { university_id: p.universityId }));
    members.push(...(options.shared?.[i] ?? []));
    for (const [k, m] of members.entries()) {
      const { id } = await db
        .insertInto("signup")
        .values({
          project_id: p.projectId,
          student_id: m.id,
          motivation: "m",
          consented_at: t,
          consent_version: "2026-11",
          created_at: t,
          updated_at: t,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const viaOverride = i === 0 && k === members.length - 1;
      engine[String(id)] = viaOverride ? null : String(hostId);
      if (viaOverride) overridden = id;
    }
    teams.push({ hostId, firmId, firmUser, members });
  }
  const unplacedSignups: number[] = [];
  for (const m of options.unplaced ?? []) {
    const { id } = await db
      .insertInto("signup")
      .values({
        project_id: p.projectId,
        student_id: m.id,
        motivation: "m",
        consented_at: t,
        consent_version: "2026-11",
        created_at: t,
        updated_at: t,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    engine[String(id)] = null;
    unplacedSignups.push(id);
  }
  const staff = await userWithCookie("staff");
  const { id: runId } = await db
    .insertInto("pairing_run")
    .values({
      project_id: p.projectId,
      seed: "00",
      instance: JSON.stringify({ students: [], hosts: [] }),
      result: JSON.stringify(engine),
      created_by: staff.id,
      created_at: t,
      published_at: t,
      published_by: staff.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("pairing_override")
    .values({
      run_id: runId,
      signup_id: overridden!,
      host_id: p.hostIds[0],
      reason: "配慮",
      actor_id: staff.id,
      created_at: t,
    })
    .execute();
  return { ...p, runId, teams, unplacedSignups, professorCookie: await signIn(p.professor.id) };
}

/** Inserts a slot directly (for tests that need past or odd times the form refuses). */
export async function insertSlot(
  hostId: number,
  createdBy: number,
  startsAt: Date,
  minutes = 60,
  extra: Record<string, unknown> = {},
) {
  const t = now();
  const { id } = await getDb()
    .insertInto("interview_slot")
    .values({
      host_id: hostId,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
      place: "本社 会議室",
      online_url: null,
      created_by: createdBy,
      created_at: t,
      updated_at: t,
      ...extra,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
