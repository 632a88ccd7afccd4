/**
 * The lifecycle steps after pairing that follow from facts rather than from a decision (issue 12), so that no project
 * stays "paired" forever:
 * - paired → interviewing on the first day of the interview period (Tokyo);
 * - interviewing → presented once an event in which the project has a slot has ended and its slots were given;
 * - presented → completed once a valid certificate has been issued for it.
 * Staff can take each step earlier with the project page's buttons (transitionProject). Each automatic step is a
 * conditional update (a step taken by hand at the same moment wins, the other does nothing), with its event and an
 * audit entry without an actor, in one transaction per project.
 */
import { RULES, type ProjectAction } from "~/projects/lifecycle";
import { getDb, now } from "~/utils/db.server";
import { tokyoDate } from "~/utils/format";
import type { ProjectState } from "../../db/schema";
import { recordAudit } from "./audit.server";

type Step = { action: ProjectAction; from: ProjectState; to: ProjectState };

const step = (action: ProjectAction): Step => ({ action, from: RULES[action].from[0], to: RULES[action].to });

async function due(at: Date): Promise<Array<{ id: number; step: Step }>> {
  const db = getDb();
  const iso = at.toISOString();
  const [starting, presented, completed] = await Promise.all([
    db
      .selectFrom("project")
      .select("id")
      .where("state", "=", "paired")
      .where("interview_from", "<=", tokyoDate(at))
      .execute(),
    db
      .selectFrom("project")
      .select("id")
      .where("state", "=", "interviewing")
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("presentation")
            .innerJoin("event", "event.id", "presentation.event_id")
            .select("presentation.id")
            .whereRef("presentation.project_id", "=", "project.id")
            .where("presentation.given_at", "is not", null)
            .where("event.ends_at", "<=", iso),
        ),
      )
      .execute(),
    db
      .selectFrom("project")
      .select("id")
      .where("state", "=", "presented")
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("certificate")
            .select("certificate.id")
            .whereRef("certificate.project_id", "=", "project.id")
            .where("certificate.revoked_at", "is", null),
        ),
      )
      .execute(),
  ]);
  return [
    ...starting.map((p) => ({ id: p.id, step: step("start_interviews") })),
    ...presented.map((p) => ({ id: p.id, step: step("mark_presented") })),
    ...completed.map((p) => ({ id: p.id, step: step("complete") })),
  ];
}

/** Takes every step that is due at `at`; returns the projects moved, with their new state. */
export async function advanceProjects(at: Date = new Date()) {
  const moved: Array<{ projectId: number; to: ProjectState }> = [];
  for (const { id, step: s } of await due(at)) {
    const done = await getDb()
      .transaction()
      .execute(async (trx) => {
        const r = await trx
          .updateTable("project")
          .set({ state: s.to, updated_at: now() })
          .where("id", "=", id)
          .where("state", "=", s.from)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
        await trx
          .insertInto("project_event")
          .values({
            project_id: id,
            actor_id: null,
            action: s.action,
            from_state: s.from,
            to_state: s.to,
            comment: null,
            created_at: now(),
          })
          .execute();
        await recordAudit(trx, {
          actorId: null,
          action: `project.${s.action}`,
          entityType: "project",
          entityId: id,
          detail: { from: s.from, to: s.to, automatic: true },
        });
        return true;
      });
    if (done) moved.push({ projectId: id, to: s.to });
  }
  return moved;
}
