/**
 * A host firm's own priority order over the students who signed up (optional: without it the run's lottery
 * decides). The firm sees the applicants pseudonymously: the sign-up id, and the motivation only when the student
 * chose to share it for this purpose (free text can identify a person); never a name, university or email, because
 * the students consented to share those only with the firm they are paired with.
 */
import { getDb } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import type { ProjectState } from "../../db/schema";
import { recordAudit } from "./audit.server";

/** A firm may rank while sign-up is open and after it closes, until a pairing is published. */
export const RANKING_STATES: readonly ProjectState[] = ["open", "closed"];

/** The consented sign-ups that listed this host, in sign-up order, with the host's saved rank (null: not ranked). */
export async function listApplicants(hostId: number, projectId: number) {
  const rows = await getDb()
    .selectFrom("signup")
    .innerJoin("signup_preference", (j) =>
      j.onRef("signup_preference.signup_id", "=", "signup.id").on("signup_preference.host_id", "=", hostId),
    )
    .leftJoin("host_ranking", (j) =>
      j.onRef("host_ranking.signup_id", "=", "signup.id").on("host_ranking.host_id", "=", hostId),
    )
    .select(["signup.id", "signup.motivation", "signup.motivation_shared", "host_ranking.rank"])
    .where("signup.project_id", "=", projectId)
    .where("signup.consented_at", "is not", null)
    .orderBy("signup.id")
    .execute();
  // The text never leaves the model unless the student shared it.
  return rows.map((r) => ({ id: r.id, motivation: r.motivation_shared === 1 ? r.motivation : null, rank: r.rank }));
}

export type RankingFailure = typeof RANKING_CLOSED | "pairing.errors.unknownApplicant";

/** The project no longer takes rankings (a pairing was published). */
export const RANKING_CLOSED = "pairing.errors.closed";

/** Replaces the host's ranking (best first; empty: use the lottery) in one transaction, while the project allows it. */
export async function saveHostRanking(
  host: { id: number; project_id: number },
  signupIds: number[],
  actor: { id: number },
): Promise<Result<object, RankingFailure>> {
  const applicants = new Set((await listApplicants(host.id, host.project_id)).map((a) => a.id));
  if (signupIds.some((id) => !applicants.has(id)) || new Set(signupIds).size !== signupIds.length) {
    return fail("pairing.errors.unknownApplicant");
  }
  return getDb()
    .transaction()
    .execute(async (trx) => {
      // Checked inside the transaction that writes, so a publication cannot slip in between.
      const project = await trx
        .selectFrom("project")
        .select("state")
        .where("id", "=", host.project_id)
        .executeTakeFirst();
      if (!project || !RANKING_STATES.includes(project.state)) return fail(RANKING_CLOSED);
      await trx.deleteFrom("host_ranking").where("host_id", "=", host.id).execute();
      if (signupIds.length) {
        await trx
          .insertInto("host_ranking")
          .values(signupIds.map((signupId, i) => ({ host_id: host.id, signup_id: signupId, rank: i + 1 })))
          .execute();
      }
      await recordAudit(trx, {
        actorId: actor.id,
        action: signupIds.length ? "pairing.hostRanking" : "pairing.hostRankingCleared",
        entityType: "project_host",
        entityId: host.id,
        detail: { ranked: signupIds.length },
      });
      return ok();
    });
}
