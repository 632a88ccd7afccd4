/**
 * The staff's interview overview across projects: every booking (live, cancelled after booking, done, missed) with
 * its project, host firm, team and time, filtered by Tokyo dates and project. Outcomes are marked through
 * interview.server.ts's `markOutcome`, like everywhere else.
 */
import { getDb } from "~/utils/db.server";
import { tokyoLocalToIso } from "~/utils/format";

/** Rows shown at most: a fiscal year of a few projects fits many times over; the filters narrow a bigger one. */
export const OVERVIEW_MAX = 500;

export interface OverviewFilters {
  from?: string; // YYYY-MM-DD, Tokyo
  to?: string; // YYYY-MM-DD, Tokyo, inclusive
  projectId?: number;
}

export async function listInterviewOverview(filters: OverviewFilters) {
  const fromIso = filters.from ? tokyoLocalToIso(`${filters.from}T00:00`) : null;
  const toIso = filters.to ? tokyoLocalToIso(`${filters.to}T00:00`) : null;
  const rows = await getDb()
    .selectFrom("interview_slot")
    .innerJoin("project_host", "project_host.id", "interview_slot.host_id")
    .innerJoin("project", "project.id", "project_host.project_id")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select([
      "interview_slot.id",
      "interview_slot.host_id",
      "interview_slot.starts_at",
      "interview_slot.ends_at",
      "interview_slot.booked_at",
      "interview_slot.cancelled_at",
      "interview_slot.outcome",
      "project.id as project_id",
      "project.title_ja",
      "project.title_en",
      "project.state as project_state",
      "firm.name as firm_name",
    ])
    .where("interview_slot.booked_at", "is not", null)
    .$if(fromIso !== null, (q) => q.where("interview_slot.starts_at", ">=", fromIso!))
    // Inclusive "to": before the start of the next Tokyo day.
    .$if(toIso !== null, (q) =>
      q.where("interview_slot.starts_at", "<", new Date(Date.parse(toIso!) + 86_400_000).toISOString()),
    )
    .$if(filters.projectId !== undefined, (q) => q.where("project.id", "=", filters.projectId!))
    .orderBy("interview_slot.starts_at")
    .orderBy("interview_slot.id")
    .limit(OVERVIEW_MAX + 1)
    .execute();
  const shown = rows.slice(0, OVERVIEW_MAX);
  const members = shown.length
    ? await getDb()
        .selectFrom("interview_participant")
        .innerJoin("user", "user.id", "interview_participant.student_id")
        .select(["interview_participant.slot_id", "user.name"])
        .where(
          "interview_participant.slot_id",
          "in",
          shown.map((r) => r.id),
        )
        .orderBy("user.name_kana")
        .execute()
    : [];
  return {
    rows: shown.map((r) => ({
      ...r,
      team: members.filter((m) => m.slot_id === r.id).map((m) => ({ name: m.name })),
    })),
    more: rows.length > OVERVIEW_MAX,
  };
}

/** The projects that have had a booking, for the overview's project filter, newest first. */
export function listProjectsWithBookings() {
  return getDb()
    .selectFrom("project")
    .select(["project.id", "project.title_ja", "project.title_en", "project.fiscal_year"])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("interview_slot")
          .innerJoin("project_host", "project_host.id", "interview_slot.host_id")
          .select("interview_slot.id")
          .whereRef("project_host.project_id", "=", "project.id")
          .where("interview_slot.booked_at", "is not", null),
      ),
    )
    .orderBy("project.fiscal_year", "desc")
    .orderBy("project.id", "desc")
    .execute();
}
