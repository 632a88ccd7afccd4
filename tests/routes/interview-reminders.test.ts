// The day-before reminder: due from 09:00 JST on the day before, sent once (reruns and concurrent runs claim the
// slot first), to the team, the firm's users and the professor, never for cancelled slots or slots further ahead.
import { describe, expect, it } from "vitest";
import { reminderHorizon, sendDueReminders } from "~/models/interview-reminder.server";
import { bookSlot } from "~/models/interview.server";
import { getDb } from "~/utils/db.server";
import { createPublishedProject, insertSlot } from "../factories/interviews";
import { userWithCookie } from "../setup/http";

// A fixed clock far from the real one: interviews on 2031-01-15 and later, Tokyo time.
const jst = (local: string) => new Date(`${local}+09:00`);

const reminders = () =>
  getDb().selectFrom("outbox_message").selectAll().where("kind", "=", "interview.reminder").orderBy("id").execute();

async function bookedSlot(startsLocal: string, extra: Record<string, unknown> = {}) {
  const p = await createPublishedProject({ teams: 1 });
  const [team] = p.teams;
  const slotId = await insertSlot(team.hostId, team.firmUser.id, jst(startsLocal), 60, extra);
  const r = await bookSlot({ id: team.members[0].id, role: "student" }, slotId, jst("2031-01-10T12:00:00"));
  expect(r).toEqual({ ok: true });
  return { ...p, team, slotId };
}

describe("interview reminders", () => {
  it("the window: tomorrow's interviews are due from 09:00 JST today", () => {
    expect(reminderHorizon(jst("2031-01-14T08:59:00"))).toBe(jst("2031-01-15T00:00:00").toISOString());
    expect(reminderHorizon(jst("2031-01-14T09:00:00"))).toBe(jst("2031-01-16T00:00:00").toISOString());
    expect(reminderHorizon(jst("2031-01-14T23:59:00"))).toBe(jst("2031-01-16T00:00:00").toISOString());
    expect(reminderHorizon(jst("2031-12-31T10:00:00"))).toBe(jst("2032-01-02T00:00:00").toISOString());
  });

  it("goes out once, to everyone concerned, from 09:00 JST the day before; never twice", async () => {
    const { team, slotId, professor } = await bookedSlot("2031-01-15T10:00:00");
    const before = (await reminders()).length;
    expect(await sendDueReminders(jst("2031-01-14T08:59:00"))).toBe(0);
    expect(await sendDueReminders(jst("2031-01-14T09:00:00"))).toBe(1);
    const mine = (await reminders()).slice(before);
    const expected = [...team.members.map((m) => m.email), team.firmUser.email, professor.email].sort();
    expect(mine.map((m) => m.to_address).sort()).toEqual(expected);
    expect(mine.every((m) => m.subject.includes("明日の取材"))).toBe(true);
    expect(mine[0].body_text).toContain("2031年1月15日 10:00–11:00");

    expect(await sendDueReminders(jst("2031-01-14T09:05:00"))).toBe(0);
    expect(await sendDueReminders(jst("2031-01-15T09:00:00"))).toBe(0);
    expect((await reminders()).length).toBe(before + expected.length);
    const slot = await getDb()
      .selectFrom("interview_slot")
      .select("reminder_sent_at")
      .where("id", "=", slotId)
      .executeTakeFirstOrThrow();
    expect(slot.reminder_sent_at).toBe(jst("2031-01-14T09:00:00").toISOString());
  });

  it("never twice when two runs race", async () => {
    const { team } = await bookedSlot("2031-02-20T14:00:00");
    await getDb().updateTable("user").set({ locale: "en" }).where("id", "=", team.members[0].id).execute();
    const before = (await reminders()).length;
    const at = jst("2031-02-19T12:00:00");
    const counts = await Promise.all([sendDueReminders(at), sendDueReminders(at), sendDueReminders(at)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const mine = (await reminders()).slice(before);
    expect(mine).toHaveLength(team.members.length + 2);
    expect(mine.find((m) => m.to_address === team.members[0].email)!.subject).toMatch(
      /^\[Kita City\] Interview tomorrow/,
    );
  });

  it("reaches a student placed on the team after it booked", async () => {
    const late = await userWithCookie("student");
    const p = await createPublishedProject({ teams: 1, unplaced: [late] });
    const slotId = await insertSlot(p.teams[0].hostId, p.teams[0].firmUser.id, jst("2031-04-08T10:00:00"));
    expect(
      await bookSlot({ id: p.teams[0].members[0].id, role: "student" }, slotId, jst("2031-04-01T12:00:00")),
    ).toEqual({ ok: true });
    const staff = await userWithCookie("staff");
    await getDb()
      .insertInto("pairing_override")
      .values({
        run_id: p.runId,
        signup_id: p.unplacedSignups[0],
        host_id: p.teams[0].hostId,
        reason: "追加",
        actor_id: staff.id,
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await sendDueReminders(jst("2031-04-07T09:30:00"))).toBe(1);
    expect((await reminders()).filter((m) => m.to_address === late.email)).toHaveLength(1);
  });

  it("not for cancelled slots, free slots, or interviews further ahead", async () => {
    const cancelled = await bookedSlot("2031-03-11T10:00:00");
    await getDb()
      .updateTable("interview_slot")
      .set({ cancelled_at: new Date().toISOString(), cancel_reason: "x" })
      .where("id", "=", cancelled.slotId)
      .execute();
    const ahead = await bookedSlot("2031-03-12T10:00:00");
    const free = await createPublishedProject({ teams: 1 });
    await insertSlot(free.teams[0].hostId, free.teams[0].firmUser.id, jst("2031-03-11T13:00:00"));
    const before = (await reminders()).length;
    expect(await sendDueReminders(jst("2031-03-10T10:00:00"))).toBe(0);
    expect((await reminders()).length).toBe(before);
    // The next day, the one further ahead is due.
    expect(await sendDueReminders(jst("2031-03-11T10:00:00"))).toBe(1);
    const sent = await getDb()
      .selectFrom("interview_slot")
      .select("id")
      .where("reminder_sent_at", "is not", null)
      .where("id", "in", [cancelled.slotId, ahead.slotId])
      .execute();
    expect(sent.map((s) => s.id)).toEqual([ahead.slotId]);
  });
});
