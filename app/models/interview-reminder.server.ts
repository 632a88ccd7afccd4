/**
 * The day-before reminder. "The day before" means: an interview starting on calendar day D (Asia/Tokyo) is reminded
 * from 09:00 JST on day D−1 (or at once, if it is booked later than that) until it starts. Each due slot is claimed
 * with a conditional UPDATE of reminder_sent_at (WHERE it is still NULL) and its mails are queued in the same
 * transaction, so reruns and concurrent runs (the server's timer, `npm run interviews:remind`) never send twice.
 * Releasing a booking clears reminder_sent_at, so a new booking of the slot gets its own reminder.
 */
import { getDb } from "~/utils/db.server";
import { tokyoDate } from "~/utils/format";
import { interviewMails } from "./interview-mail.server";
import { getInterviewHost, getTeam, syncRoster } from "./interview.server";
import { enqueueMail } from "./outbox.server";

export const REMINDER_HOUR_JST = 9;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Interviews starting before this instant (ISO) are due for their reminder at `now`. */
export function reminderHorizon(now: Date): string {
  const today = tokyoDate(now);
  const tokyoHour = new Date(now.getTime() + 9 * 3_600_000).getUTCHours();
  // From 09:00 JST, tomorrow's interviews are due: the horizon is the midnight that ends tomorrow (Tokyo).
  const end = addDays(today, tokyoHour >= REMINDER_HOUR_JST ? 2 : 1);
  return new Date(`${end}T00:00:00+09:00`).toISOString();
}

/** Sends every due reminder once; returns how many slots were reminded by this run. */
export async function sendDueReminders(now: Date = new Date()): Promise<number> {
  const db = getDb();
  const t = now.toISOString();
  const due = await db
    .selectFrom("interview_slot")
    .select(["id", "host_id"])
    .where("booked_at", "is not", null)
    .where("cancelled_at", "is", null)
    .where("reminder_sent_at", "is", null)
    .where("starts_at", ">", t)
    .where("starts_at", "<", reminderHorizon(now))
    .orderBy("starts_at")
    .execute();
  let sent = 0;
  for (const { id, host_id } of due) {
    // The team now (it may have grown by a late placement since the booking), read before the transaction.
    const host = await getInterviewHost(host_id);
    const team = host ? await getTeam(host) : [];
    const claimed = await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable("interview_slot")
        .set({ reminder_sent_at: t })
        .where("id", "=", id)
        .where("reminder_sent_at", "is", null)
        .where("booked_at", "is not", null)
        .where("cancelled_at", "is", null)
        .where("starts_at", ">", t)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await syncRoster(
        trx,
        id,
        team.map((m) => m.id),
      );
      for (const mail of await interviewMails(trx, id, "reminder", ["team", "firm", "professor"]))
        await enqueueMail(trx, mail);
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}
