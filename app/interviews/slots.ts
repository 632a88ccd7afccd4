/**
 * Interview rules that pages, mails and the model share, without I/O (client-safe): the states in which a project
 * takes bookings, the change cut-off, when an outcome may be recorded, and how a slot's time reads.
 */
import type { Lng } from "~/i18n";
import { formatDateTime, formatTime, tokyoDate } from "~/utils/format";
import type { ProjectState } from "../../db/schema";

/** Slots are offered, booked, moved and cancelled once the pairing is published, until the interviews are over. */
export const BOOKING_STATES: readonly ProjectState[] = ["paired", "interviewing"];
/** Outcomes may still be recorded after the project has moved on to the presentation. */
export const OUTCOME_STATES: readonly ProjectState[] = ["paired", "interviewing", "presented"];

export const DEFAULT_CUTOFF_HOURS = 48;
export const MAX_CUTOFF_HOURS = 14 * 24;

const HOUR = 60 * 60 * 1000;

/** The last moment (ISO) the team may move or release a booking starting at `startsAt`. */
export function changeDeadline(startsAt: string, cutoffHours: number): string {
  return new Date(Date.parse(startsAt) - cutoffHours * HOUR).toISOString();
}

/** Before the deadline (strictly): moving or releasing is allowed. */
export function canChangeBooking(startsAt: string, cutoffHours: number, at: Date = new Date()): boolean {
  return at.toISOString() < changeDeadline(startsAt, cutoffHours);
}

/** Done or missed is recorded only once the interview has ended. */
export function hasEnded(slot: { ends_at: string }, at: Date = new Date()): boolean {
  return slot.ends_at <= at.toISOString();
}

/** "2026年12月1日 10:00–11:00" / "1 December 2026, 10:00–11:00" (Tokyo); the end's date is shown when it differs. */
export function formatSlotTime(slot: { starts_at: string; ends_at: string }, lng: Lng): string {
  const sameDay = tokyoDate(new Date(slot.starts_at)) === tokyoDate(new Date(slot.ends_at));
  const end = sameDay ? formatTime(slot.ends_at, lng) : formatDateTime(slot.ends_at, lng);
  return `${formatDateTime(slot.starts_at, lng)}–${end}`;
}
