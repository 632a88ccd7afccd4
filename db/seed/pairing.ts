/**
 * The FY2025 project's (MKTG-2526) published pairing run and the teams it makes: the students the run (with any
 * manual moves) gave each accepted host. If no earlier block seeded a run, it is built here the way the app builds
 * runs (buildInstance + match) from a fixed seed, so `npm run match` reproduces it.
 */
import type { Transaction } from "kysely";
import { match } from "../../app/matching/engine.js";
import { buildInstance } from "../../app/models/pairing.server";
import type { Database } from "../schema";
import { STAFF } from "./common";

const FY2025_PAIRING_SEED = "5eed2025000000000000000000000001";

export interface Fy2025Teams {
  projectId: number;
  /** The accepted hosts, oldest first. */
  hosts: Array<{ id: number; capacity: number | null }>;
  /** The student ids the published run placed with a host. */
  teamOf: (hostId: number) => number[];
}

export async function seedFy2025Pairing(trx: Transaction<Database>): Promise<Fy2025Teams> {
  const staffId = (await trx.selectFrom("user").select("id").where("email", "=", STAFF).executeTakeFirstOrThrow()).id;
  const projectId = (
    await trx.selectFrom("project").select("id").where("join_code", "=", "MKTG-2526").executeTakeFirstOrThrow()
  ).id;
  const hosts = await trx
    .selectFrom("project_host")
    .select(["id", "capacity"])
    .where("project_id", "=", projectId)
    .where("status", "=", "accepted")
    .orderBy("id")
    .execute();

  let run = await trx
    .selectFrom("pairing_run")
    .select(["id", "result"])
    .where("project_id", "=", projectId)
    .where("published_at", "is not", null)
    .executeTakeFirst();
  if (!run) {
    const signups = await trx
      .selectFrom("signup")
      .select("id")
      .where("project_id", "=", projectId)
      .orderBy("id")
      .execute();
    const prefs = await trx
      .selectFrom("signup_preference")
      .select(["signup_id", "host_id"])
      .where(
        "signup_id",
        "in",
        signups.map((s) => s.id),
      )
      .orderBy("signup_id")
      .orderBy("rank")
      .execute();
    const instance = buildInstance(
      {
        signups: signups.map((s) => ({
          id: s.id,
          ranking: prefs.filter((p) => p.signup_id === s.id).map((p) => p.host_id),
        })),
        hosts: hosts.map((h) => ({ id: h.id, capacity: h.capacity ?? 0, ranking: [] })),
      },
      FY2025_PAIRING_SEED,
    );
    run = await trx
      .insertInto("pairing_run")
      .values({
        project_id: projectId,
        seed: FY2025_PAIRING_SEED,
        instance: JSON.stringify(instance),
        result: JSON.stringify(match(instance).assignments),
        created_by: staffId,
        created_at: "2025-07-09T01:00:00.000Z",
        published_at: "2025-07-10T01:00:00.000Z", // the project's publish_pairing event
        published_by: staffId,
      })
      .returning(["id", "result"])
      .executeTakeFirstOrThrow();
  }
  const assignments: Record<string, string | null> = JSON.parse(run.result);
  for (const o of await trx
    .selectFrom("pairing_override")
    .select(["signup_id", "host_id"])
    .where("run_id", "=", run.id)
    .orderBy("id")
    .execute()) {
    assignments[String(o.signup_id)] = o.host_id === null ? null : String(o.host_id);
  }
  const signupStudents = await trx
    .selectFrom("signup")
    .select(["id", "student_id"])
    .where("project_id", "=", projectId)
    .orderBy("id")
    .execute();
  const teamOf = (hostId: number) =>
    signupStudents.filter((s) => assignments[String(s.id)] === String(hostId)).map((s) => s.student_id);
  return { projectId, hosts, teamOf };
}
