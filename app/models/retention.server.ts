/**
 * The retention job (issue 14): removes what the privacy notice says is kept only for a while, using the same
 * periods the notice shows (app/privacy/retention.server.ts).
 *
 * - Motivation texts and rankings (the students' and the host firms'): of projects that are over (completed, or
 *   cancelled) once the day is past `signupRetainedUntil` of the day they ended. A project in any other state is live
 *   and keeps everything. Sign-up rows themselves stay: the annual report counts them.
 * - Mail bodies: of messages sent (or kept in the development mailbox) before `mailBodyCutoff`. Pending mail is never
 *   touched, whatever its age: it has not been delivered yet.
 *
 * Runs daily from startBackgroundJobs and on demand with `npm run privacy:purge`; each run that removed anything
 * writes one audit entry with the counts. Idempotent: a second run finds nothing to remove.
 */
import {
  mailBodyCutoff,
  retentionPeriods,
  signupRetainedUntil,
  type RetentionPeriods,
} from "~/privacy/retention.server";
import { getDb } from "~/utils/db.server";
import { tokyoDate } from "~/utils/format";
import { recordAudit } from "./audit.server";

export interface PurgeReport {
  projects: number;
  motivations: number;
  rankings: number;
  mailBodies: number;
}

/** Projects whose sign-up data is past retention at `at`: over, and ended before the retention day passed. */
async function expiredProjects(at: Date, periods: RetentionPeriods): Promise<number[]> {
  const ended = await getDb()
    .selectFrom("project")
    .innerJoin("project_event", "project_event.project_id", "project.id")
    .select(["project.id", (eb) => eb.fn.max("project_event.created_at").as("ended_at")])
    .where("project.state", "in", ["completed", "cancelled"])
    .whereRef("project_event.to_state", "=", "project.state")
    .groupBy("project.id")
    .execute();
  const today = tokyoDate(at);
  return ended
    .filter((p) => p.ended_at && today > signupRetainedUntil(tokyoDate(new Date(p.ended_at)), periods))
    .map((p) => p.id);
}

export async function purgeExpiredPersonalData(
  at: Date = new Date(),
  periods: RetentionPeriods = retentionPeriods(),
): Promise<PurgeReport> {
  const projects = await expiredProjects(at, periods);
  const cutoff = mailBodyCutoff(at, periods).toISOString();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      let motivations = 0;
      let rankings = 0;
      if (projects.length) {
        const signups = trx.selectFrom("signup").select("id").where("project_id", "in", projects);
        const m = await trx
          .updateTable("signup")
          .set({ motivation: "", motivation_shared: 0 })
          .where("project_id", "in", projects)
          .where("motivation", "!=", "")
          .executeTakeFirst();
        motivations = Number(m.numUpdatedRows);
        const p = await trx.deleteFrom("signup_preference").where("signup_id", "in", signups).executeTakeFirst();
        const h = await trx.deleteFrom("host_ranking").where("signup_id", "in", signups).executeTakeFirst();
        rankings = Number(p.numDeletedRows) + Number(h.numDeletedRows);
      }
      const mail = await trx
        .updateTable("outbox_message")
        .set({ body_text: "" })
        .where("status", "in", ["sent", "kept"])
        .where((eb) =>
          eb.or([eb("sent_at", "<", cutoff), eb.and([eb("sent_at", "is", null), eb("created_at", "<", cutoff)])]),
        )
        .where("body_text", "!=", "")
        .executeTakeFirst();
      const report = { projects: projects.length, motivations, rankings, mailBodies: Number(mail.numUpdatedRows) };
      if (report.motivations || report.rankings || report.mailBodies) {
        await recordAudit(trx, {
          actorId: null,
          action: "privacy.purge",
          entityType: "retention",
          detail: { ...report, cutoff, at: at.toISOString() },
        });
      }
      return report;
    });
}
