/**
 * Interviews as calendar events: one slot's .ics, and each user's private feed (/calendar/<token>.ics). The feed
 * token is 32 random bytes (base64url) shown once; only its SHA-256 is stored, and resetting replaces it, so the
 * old URL stops working at once.
 */
import type { TFunction } from "i18next";
import type { Lng } from "~/i18n";
import { formatSlotTime } from "~/interviews/slots";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import type { IcsEvent } from "~/utils/ics";
import { localTitle } from "~/utils/localized";
import { hashToken, newToken } from "~/utils/tokens.server";
import type { Role } from "../../db/schema";
import { teamHostIds } from "./interview.server";

// ─── tokens ──────────────────────────────────────────────────────────────────

/** Creates or replaces the user's feed token; returns the new token (the only time it is known). */
export async function resetCalendarToken(userId: number): Promise<string> {
  const token = newToken();
  const t = now();
  await getDb()
    .insertInto("calendar_token")
    .values({ user_id: userId, token_hash: hashToken(token), created_at: t })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ token_hash: hashToken(token), created_at: t }))
    .execute();
  return token;
}

export function getCalendarToken(userId: number) {
  return getDb().selectFrom("calendar_token").select("created_at").where("user_id", "=", userId).executeTakeFirst();
}

export async function deleteCalendarToken(userId: number) {
  await getDb().deleteFrom("calendar_token").where("user_id", "=", userId).execute();
}

/** The (enabled) user a feed token belongs to. */
export function findCalendarUser(token: string) {
  return getDb()
    .selectFrom("calendar_token")
    .innerJoin("user", "user.id", "calendar_token.user_id")
    .select(["user.id", "user.role", "user.firm_id", "user.locale", "user.name"])
    .where("calendar_token.token_hash", "=", hashToken(token))
    .where("user.disabled_at", "is", null)
    .executeTakeFirst();
}

export function calendarFeedUrl(token: string) {
  return `${config().publicUrl}/calendar/${token}.ics`;
}

// ─── events ──────────────────────────────────────────────────────────────────

function eventQuery() {
  return getDb()
    .selectFrom("interview_slot")
    .innerJoin("project_host", "project_host.id", "interview_slot.host_id")
    .innerJoin("project", "project.id", "project_host.project_id")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select([
      "interview_slot.id",
      "interview_slot.sequence",
      "interview_slot.updated_at",
      "interview_slot.starts_at",
      "interview_slot.ends_at",
      "interview_slot.place",
      "interview_slot.online_url",
      "interview_slot.booked_at",
      "interview_slot.cancelled_at",
      "interview_slot.cancel_reason",
      "project.title_ja",
      "project.title_en",
      "firm.name as firm_name",
    ])
    .orderBy("interview_slot.starts_at");
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventQuery>["execute"]>>[number];
export type CalendarEntry = EventRow & { team: string[] };

async function withTeams(rows: EventRow[]): Promise<CalendarEntry[]> {
  if (rows.length === 0) return [];
  const members = await getDb()
    .selectFrom("interview_participant")
    .innerJoin("user", "user.id", "interview_participant.student_id")
    .select(["interview_participant.slot_id", "user.name"])
    .where(
      "interview_participant.slot_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("user.name_kana")
    .execute();
  return rows.map((r) => ({ ...r, team: members.filter((m) => m.slot_id === r.id).map((m) => m.name) }));
}

/** One slot as an event (any slot the caller has already been allowed to see). */
export async function getCalendarEntry(slotId: number): Promise<CalendarEntry | undefined> {
  const row = await eventQuery().where("interview_slot.id", "=", slotId).executeTakeFirst();
  return row && (await withTeams([row]))[0];
}

/**
 * A user's interviews for their feed: a student's team bookings, a firm user's booked slots, a professor's projects'
 * booked slots. Slots cancelled after booking stay in, marked cancelled, so calendar apps remove them.
 */
export async function listCalendarEntries(user: {
  id: number;
  role: Role;
  firm_id: number | null;
}): Promise<CalendarEntry[]> {
  let q = eventQuery();
  switch (user.role) {
    case "student": {
      // The teams the student is in now (a late placement included), not only the rosters they were booked with.
      const hosts = await teamHostIds([user.id]);
      if (hosts.length === 0) return [];
      q = q.where("interview_slot.host_id", "in", hosts).where("interview_slot.booked_at", "is not", null);
      break;
    }
    case "firm":
      q = q.where("project_host.firm_id", "=", user.firm_id ?? -1).where("interview_slot.booked_at", "is not", null);
      break;
    case "professor":
      q = q.where("project.professor_id", "=", user.id).where("interview_slot.booked_at", "is not", null);
      break;
    default:
      return [];
  }
  return withTeams(await q.execute());
}

/** The event of an entry, written in `lng`. */
export function toIcsEvent(entry: CalendarEntry, lng: Lng, t: TFunction): IcsEvent {
  const project = localTitle(entry, lng);
  const lines = [
    t("interviews.ics.project", { project }),
    t("interviews.ics.firm", { firm: entry.firm_name }),
    t("interviews.ics.when", { when: formatSlotTime(entry, lng) }),
  ];
  if (entry.team.length) lines.push(t("interviews.ics.team", { team: entry.team.join(lng === "ja" ? "、" : ", ") }));
  if (entry.online_url) lines.push(t("interviews.ics.online", { url: entry.online_url }));
  if (entry.cancelled_at) lines.push(t("interviews.ics.cancelled", { reason: entry.cancel_reason ?? "" }));
  return {
    uid: `interview-${entry.id}@kita-collab`,
    sequence: entry.sequence,
    stamp: entry.updated_at,
    start: entry.starts_at,
    end: entry.ends_at,
    summary: t("interviews.ics.summary", { firm: entry.firm_name, project }),
    location: entry.place || (entry.online_url ? t("interviews.ics.onlineLocation") : null),
    url: entry.online_url,
    description: lines.join("\n"),
    status: entry.cancelled_at ? "CANCELLED" : entry.booked_at ? "CONFIRMED" : "TENTATIVE",
  };
}
