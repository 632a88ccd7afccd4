// Interview slots and bookings through the route actions: the firm offers slots, a team books one (first come,
// first served, atomic under concurrency), moves or releases it before the cut-off, the firm cancels, outcomes.
import { describe, expect, it } from "vitest";
import { bookSlot, markOutcome } from "~/models/interview.server";
import { action as firmAction, loader as firmLoader } from "~/routes/firm.interviews.$hostId";
import { loader as firmIndexLoader } from "~/routes/firm.interviews._index";
import {
  action as professorAction,
  loader as professorLoader,
} from "~/routes/professor.projects.$projectId.interviews";
import {
  action as staffInterviewsAction,
  loader as staffInterviewsLoader,
} from "~/routes/staff.projects.$projectId.interviews";
import { action as studentAction, loader as studentLoader } from "~/routes/student.interviews";
import { getDb } from "~/utils/db.server";
import { isoToTokyoLocal } from "~/utils/format";
import { FORBIDDEN, NOT_FOUND } from "~/utils/result";
import { readToast } from "~/utils/toast.server";
import { createPublishedProject, insertSlot, type SignedIn } from "../factories/interviews";
import { callAction, callLoader } from "../setup/call";
import { cookiesFrom, get, payload, settle, statusOf, userWithCookie } from "../setup/http";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const local = (d: Date) => isoToTokyoLocal(d.toISOString());

function firmPost(hostId: number, cookie: string, form: Record<string, string>) {
  return settle(
    callAction(firmAction, `/firm/interviews/${hostId}`, { form, cookie, params: { hostId: String(hostId) } }),
  );
}

function studentPost(cookie: string, form: Record<string, string>) {
  return settle(callAction(studentAction, "/student/interviews", { form, cookie }));
}

async function toastOf(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  const { toast } = await readToast(get("/", { cookie: cookiesFrom(result as Response) }));
  return toast;
}

const liveBookings = (hostId: number) =>
  getDb()
    .selectFrom("interview_slot")
    .selectAll()
    .where("host_id", "=", hostId)
    .where("booked_at", "is not", null)
    .where("cancelled_at", "is", null)
    .execute();

const participantsOf = async (slotId: number) =>
  (await getDb().selectFrom("interview_participant").select("student_id").where("slot_id", "=", slotId).execute())
    .map((r) => r.student_id)
    .sort((a, b) => a - b);

const ids = (members: SignedIn[]) => members.map((m) => m.id).sort((a, b) => a - b);

describe("offering slots", () => {
  it("a firm user adds a slot typed in Tokyo time; bad input comes back next to its field", async () => {
    const p = await createPublishedProject({ teams: 1 });
    const { hostId, firmUser } = p.teams[0];
    const start = new Date(Date.now() + 3 * DAY);
    start.setUTCMinutes(0, 0, 0);
    const end = new Date(start.getTime() + HOUR);
    const errors = async (form: Record<string, string>) => {
      const r = await firmPost(hostId, firmUser.cookie, { intent: "add", ...form });
      expect(statusOf(r)).toBe(400);
      return payload(r).result.error;
    };
    expect((await errors({ endsAt: local(end), place: "本社" })).startsAt).toEqual(["validation.required"]);
    expect((await errors({ startsAt: local(end), endsAt: local(start), place: "本社" })).endsAt).toEqual([
      "interviews.errors.endBeforeStart",
    ]);
    expect((await errors({ startsAt: local(start), endsAt: local(end) })).place).toEqual([
      "interviews.errors.placeOrUrl",
    ]);
    expect(
      (await errors({ startsAt: local(start), endsAt: local(end), onlineUrl: "javascript:alert(1)" })).onlineUrl,
    ).toEqual(["interviews.errors.url"]);
    expect((await errors({ startsAt: "2026-02-30T10:00", endsAt: local(end), place: "本社" })).startsAt).toEqual([
      "interviews.errors.dateTime",
    ]);
    const past = new Date(Date.now() - HOUR);
    expect((await errors({ startsAt: local(past), endsAt: local(end), place: "本社" })).startsAt).toEqual([
      "interviews.errors.past",
    ]);
    const later = new Date(Date.now() + 90 * DAY);
    const [outside] = (
      await errors({ startsAt: local(later), endsAt: local(new Date(later.getTime() + HOUR)), place: "本社" })
    ).startsAt;
    expect(outside).toMatch(/^interviews\.errors\.outsidePeriod\?from=.+&until=.+/);
    expect(
      await getDb().selectFrom("interview_slot").select("id").where("host_id", "=", hostId).execute(),
    ).toHaveLength(0);

    const ok = await firmPost(hostId, firmUser.cookie, {
      intent: "add",
      startsAt: local(start),
      endsAt: local(end),
      onlineUrl: "https://meet.example/abc",
    });
    expect(ok).toHaveRedirect();
    await expect(ok).toSendToast("success", "interviews.toast.added");
    const slot = await getDb()
      .selectFrom("interview_slot")
      .selectAll()
      .where("host_id", "=", hostId)
      .executeTakeFirstOrThrow();
    expect(slot.starts_at).toBe(start.toISOString());
    expect(slot.ends_at).toBe(end.toISOString());
    expect(slot).toMatchObject({
      place: null,
      online_url: "https://meet.example/abc",
      booked_at: null,
      created_by: firmUser.id,
    });
  });

  it("the cut-off is the firm's to set, within 0 to 14 days", async () => {
    const p = await createPublishedProject({ teams: 1 });
    const { hostId, firmUser } = p.teams[0];
    const bad = await firmPost(hostId, firmUser.cookie, { intent: "cutoff", hours: "999" });
    expect(payload(bad).result.error.hours).toEqual(["interviews.errors.cutoffHours?max=336"]);
    expect(statusOf(await firmPost(hostId, firmUser.cookie, { intent: "cutoff", hours: "24" }))).toBe(302);
    expect(
      payload(
        await callLoader(firmLoader, `/firm/interviews/${hostId}`, {
          cookie: firmUser.cookie,
          params: { hostId: String(hostId) },
        }),
      ).host.cutoffHours,
    ).toBe(24);
  });
});

describe("booking", () => {
  it("one member books for the whole team (overrides included); the firm is told and sees it", async () => {
    const p = await createPublishedProject({ teams: 2 });
    const [a] = p.teams;
    const slotId = await insertSlot(a.hostId, a.firmUser.id, new Date(Date.now() + 5 * DAY));
    // The last member was placed by a staff override: they belong to the team and can book.
    const overridden = a.members[a.members.length - 1];
    const res = await studentPost(overridden.cookie, { intent: "book", slotId: String(slotId) });
    await expect(res).toSendToast("success", "interviews.toast.booked");
    const [booked] = await liveBookings(a.hostId);
    expect(booked).toMatchObject({ id: slotId, booked_by: overridden.id, sequence: 1 });
    expect(await participantsOf(slotId)).toEqual(ids(a.members));
    const mail = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("to_address", "=", a.firmUser.email)
      .executeTakeFirstOrThrow();
    expect(mail.kind).toBe("interview.booked");
    expect(mail.subject).toContain("北区のものづくり企業を取材する");
    expect(mail.body_text).toContain(`/firm/interviews/${a.hostId}`);

    const firmPage = payload(
      await callLoader(firmLoader, `/firm/interviews/${a.hostId}`, {
        cookie: a.firmUser.cookie,
        params: { hostId: String(a.hostId) },
      }),
    );
    expect(firmPage.team).toHaveLength(a.members.length);
    expect(firmPage.slots[0]).toMatchObject({ id: slotId, status: "booked" });
    const index = payload(await callLoader(firmIndexLoader, "/firm/interviews", { cookie: a.firmUser.cookie }));
    expect(index.hosts.map((h: { id: number }) => h.id)).toEqual([a.hostId]);
    expect(index.hosts[0].booking.id).toBe(slotId);

    const mine = payload(await callLoader(studentLoader, "/student/interviews", { cookie: a.members[0].cookie }));
    expect(mine.teams).toHaveLength(1);
    expect(mine.teams[0]).toMatchObject({ hostId: a.hostId, canChange: true });
    expect(mine.teams[0].booking.id).toBe(slotId);
  });

  it("50 concurrent attempts by the team's members on two slots: exactly one booking", async () => {
    const p = await createPublishedProject({ teams: 1, perTeam: 3 });
    const [team] = p.teams;
    const first = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 5 * DAY));
    const second = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 6 * DAY));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        studentPost(team.members[i % team.members.length].cookie, {
          intent: "book",
          slotId: String(i % 2 ? second : first),
        }),
      ),
    );
    const toasts = await Promise.all(results.map(toastOf));
    expect(toasts.filter((t) => t?.key === "interviews.toast.booked")).toHaveLength(1);
    expect(toasts.filter((t) => t?.kind === "error")).toHaveLength(49);
    expect(new Set(toasts.filter((t) => t?.kind === "error").map((t) => t!.key))).toEqual(
      new Set(["interviews.errors.taken", "interviews.errors.teamBooked"]),
    );
    const live = await liveBookings(team.hostId);
    expect(live).toHaveLength(1);
    expect(await participantsOf(live[0].id)).toEqual(ids(team.members));
    expect(await participantsOf(live[0].id === first ? second : first)).toEqual([]);
    const mails = await getDb()
      .selectFrom("outbox_message")
      .select("id")
      .where("kind", "=", "interview.booked")
      .where("to_address", "=", team.firmUser.email)
      .execute();
    expect(mails).toHaveLength(1);
  });

  it("50 concurrent attempts on one slot: one wins, the slot is never double-booked", async () => {
    const p = await createPublishedProject({ teams: 1, perTeam: 5 });
    const [team] = p.teams;
    const slotId = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 5 * DAY));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => bookSlot({ id: team.members[i % 5].id, role: "student" }, slotId)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "interviews.errors.taken")).toBe(true);
    expect(await liveBookings(team.hostId)).toHaveLength(1);
    expect(await participantsOf(slotId)).toEqual(ids(team.members));
  });

  it("a student in two projects is never in two overlapping interviews, even when both teams book at once", async () => {
    const shared = await userWithCookie("student");
    const one = await createPublishedProject({ teams: 1, shared: [[shared]] });
    const two = await createPublishedProject({ teams: 1, shared: [[shared]] });
    const start = new Date(Date.now() + 7 * DAY);
    const a = await insertSlot(one.teams[0].hostId, one.teams[0].firmUser.id, start, 60);
    const b = await insertSlot(
      two.teams[0].hostId,
      two.teams[0].firmUser.id,
      new Date(start.getTime() + 30 * 60_000),
      60,
    );
    const c = await insertSlot(
      two.teams[0].hostId,
      two.teams[0].firmUser.id,
      new Date(start.getTime() + 60 * 60_000),
      60,
    );
    const e = await insertSlot(
      one.teams[0].hostId,
      one.teams[0].firmUser.id,
      new Date(start.getTime() + 90 * 60_000),
      60,
    );
    const [ra, rb] = await Promise.all([
      studentPost(one.teams[0].members[0].cookie, { intent: "book", slotId: String(a) }),
      studentPost(two.teams[0].members[0].cookie, { intent: "book", slotId: String(b) }),
    ]);
    const keys = [(await toastOf(ra))?.key, (await toastOf(rb))?.key].sort();
    expect(keys).toEqual(["interviews.errors.overlap", "interviews.toast.booked"]);
    const sharedSlots = await getDb()
      .selectFrom("interview_participant")
      .innerJoin("interview_slot", "interview_slot.id", "interview_participant.slot_id")
      .select("interview_slot.id")
      .where("interview_participant.student_id", "=", shared.id)
      .where("interview_slot.booked_at", "is not", null)
      .execute();
    expect(sharedSlots).toHaveLength(1);
    // The losing team can still book a back-to-back slot: [t, t+1h) and [t+1h, t+2h) do not overlap.
    const [loser, slot] = sharedSlots[0].id === a ? [two, c] : [one, e];
    await expect(
      await studentPost(loser.teams[0].members[1].cookie, { intent: "book", slotId: String(slot) }),
    ).toSendToast("success", "interviews.toast.booked");
  });

  it("refuses a slot already booked, a second slot for a booked team, and a slot that has started", async () => {
    const p = await createPublishedProject({ teams: 1 });
    const [team] = p.teams;
    const s1 = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 5 * DAY));
    const s2 = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 6 * DAY));
    const started = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() - 10 * 60_000));
    const book = (member: number, slotId: number) =>
      studentPost(team.members[member].cookie, { intent: "book", slotId: String(slotId) });
    await expect(await book(0, started)).toSendToast("error", "interviews.errors.started");
    await expect(await book(0, s1)).toSendToast("success", "interviews.toast.booked");
    await expect(await book(1, s1)).toSendToast("error", "interviews.errors.taken");
    await expect(await book(1, s2)).toSendToast("error", "interviews.errors.teamBooked");
    expect((await liveBookings(team.hostId)).map((s) => s.id)).toEqual([s1]);
  });
});

describe("a missed interview", () => {
  it("frees the team to book another slot, once; the missed one cannot become done while the new one is held", async () => {
    const p = await createPublishedProject({ teams: 1 });
    const [team] = p.teams;
    const past = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() - DAY), 60, {
      booked_at: new Date(Date.now() - 3 * DAY).toISOString(),
      booked_by: team.members[0].id,
    });
    const s1 = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 5 * DAY));
    const s2 = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 6 * DAY));
    const book = (member: number, slotId: number) =>
      studentPost(team.members[member].cookie, { intent: "book", slotId: String(slotId) });
    // Before the outcome is recorded the past booking still holds the team's one booking.
    await expect(await book(0, s1)).toSendToast("error", "interviews.errors.teamBooked");
    await expect(
      await firmPost(team.hostId, team.firmUser.cookie, { intent: "missed", slotId: String(past) }),
    ).toSendToast("success", "interviews.toast.missed");

    const before = payload(await callLoader(studentLoader, "/student/interviews", { cookie: team.members[0].cookie }));
    expect(before.teams[0]).toMatchObject({ booking: { id: past, outcome: "missed" }, rebook: true });
    // Two members at once: exactly one new booking.
    const both = await Promise.all([book(0, s1), book(1, s2)]);
    const keys = (await Promise.all(both.map(toastOf))).map((t) => t?.key).sort();
    expect(keys).toEqual(["interviews.errors.teamBooked", "interviews.toast.booked"]);
    const live = await getDb()
      .selectFrom("interview_slot")
      .select(["id", "outcome"])
      .where("host_id", "=", team.hostId)
      .where("booked_at", "is not", null)
      .where("cancelled_at", "is", null)
      .orderBy("starts_at")
      .execute();
    expect(live).toHaveLength(2);
    expect(live[0]).toEqual({ id: past, outcome: "missed" });
    const fresh = live[1].id;
    const after = payload(await callLoader(studentLoader, "/student/interviews", { cookie: team.members[0].cookie }));
    expect(after.teams[0]).toMatchObject({ booking: { id: fresh }, rebook: false });

    // Turning the missed interview back into done would give the team two interviews: refused, nothing written.
    await expect(
      await firmPost(team.hostId, team.firmUser.cookie, { intent: "done", slotId: String(past) }),
    ).toSendToast("error", "interviews.errors.teamBooked");
    expect(
      await getDb().selectFrom("interview_slot").select("outcome").where("id", "=", past).executeTakeFirstOrThrow(),
    ).toEqual({ outcome: "missed" });
  });
});

describe("a student placed on a team after it booked", () => {
  it("is covered by the booking: no overlapping interview elsewhere, the mails and the feed reach them", async () => {
    const late = await userWithCookie("student");
    const one = await createPublishedProject({ teams: 1, unplaced: [late] });
    const two = await createPublishedProject({ teams: 1, shared: [[late]] });
    const start = new Date(Date.now() + 9 * DAY);
    const x = await insertSlot(one.teams[0].hostId, one.teams[0].firmUser.id, start);
    const y = await insertSlot(two.teams[0].hostId, two.teams[0].firmUser.id, new Date(start.getTime() + 30 * 60_000));
    await studentPost(one.teams[0].members[0].cookie, { intent: "book", slotId: String(x) });
    // Staff place the unplaced student on team one after publication (the pairing feature's late placement).
    const staff = await userWithCookie("staff");
    await getDb()
      .insertInto("pairing_override")
      .values({
        run_id: one.runId,
        signup_id: one.unplacedSignups[0],
        host_id: one.teams[0].hostId,
        reason: "追加",
        actor_id: staff.id,
        created_at: new Date().toISOString(),
      })
      .execute();
    await expect(await studentPost(two.teams[0].members[0].cookie, { intent: "book", slotId: String(y) })).toSendToast(
      "error",
      "interviews.errors.overlap",
    );
    expect(await liveBookings(two.teams[0].hostId)).toEqual([]);

    await firmPost(one.teams[0].hostId, one.teams[0].firmUser.cookie, {
      intent: "cancel",
      slotId: String(x),
      reason: "都合により",
    });
    const mail = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("kind", "=", "interview.cancelled")
      .where("to_address", "=", late.email)
      .executeTakeFirst();
    expect(mail?.body_text).toContain("都合により");
    expect(await participantsOf(x)).toEqual(ids([...one.teams[0].members, late]));
  });
});

describe("moving and releasing", () => {
  it("moves before the cut-off in one step; if the new slot cannot be had, nothing changes", async () => {
    const p = await createPublishedProject({ teams: 1 });
    const [team] = p.teams;
    const from = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 5 * DAY));
    const to = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 6 * DAY));
    const gone = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 7 * DAY), 60, {
      cancelled_at: new Date().toISOString(),
      cancel_reason: "x",
    });
    await studentPost(team.members[0].cookie, { intent: "book", slotId: String(from) });

    await expect(await studentPost(team.members[1].cookie, { intent: "move", slotId: String(gone) })).toSendToast(
      "error",
      "interviews.errors.taken",
    );
    expect((await liveBookings(team.hostId)).map((s) => s.id)).toEqual([from]);
    expect(await participantsOf(from)).toEqual(ids(team.members));

    await expect(await studentPost(team.members[1].cookie, { intent: "move", slotId: String(to) })).toSendToast(
      "success",
      "interviews.toast.moved",
    );
    expect((await liveBookings(team.hostId)).map((s) => s.id)).toEqual([to]);
    expect(await participantsOf(from)).toEqual([]);
    expect(await participantsOf(to)).toEqual(ids(team.members));
    const old = await getDb().selectFrom("interview_slot").selectAll().where("id", "=", from).executeTakeFirstOrThrow();
    expect(old).toMatchObject({ booked_at: null, booked_by: null, sequence: 2 });
    const moved = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("kind", "=", "interview.moved")
      .executeTakeFirstOrThrow();
    expect(moved.to_address).toBe(team.firmUser.email);
  });

  it("a move that would overlap another interview of a member changes nothing", async () => {
    const shared = await userWithCookie("student");
    const one = await createPublishedProject({ teams: 1, shared: [[shared]] });
    const two = await createPublishedProject({ teams: 1, shared: [[shared]] });
    const start = new Date(Date.now() + 8 * DAY);
    const busy = await insertSlot(two.teams[0].hostId, two.teams[0].firmUser.id, start);
    await studentPost(two.teams[0].members[0].cookie, { intent: "book", slotId: String(busy) });
    const mine = await insertSlot(one.teams[0].hostId, one.teams[0].firmUser.id, new Date(Date.now() + 5 * DAY));
    const clash = await insertSlot(one.teams[0].hostId, one.teams[0].firmUser.id, start);
    await studentPost(one.teams[0].members[0].cookie, { intent: "book", slotId: String(mine) });
    await expect(
      await studentPost(one.teams[0].members[0].cookie, { intent: "move", slotId: String(clash) }),
    ).toSendToast("error", "interviews.errors.overlap");
    expect((await liveBookings(one.teams[0].hostId)).map((s) => s.id)).toEqual([mine]);
    expect(await participantsOf(mine)).toEqual(ids(one.teams[0].members));
  });

  it("after the cut-off the team can neither move nor release; before it, releasing frees the slot", async () => {
    const p = await createPublishedProject({ teams: 1 });
    const [team] = p.teams;
    await firmPost(team.hostId, team.firmUser.cookie, { intent: "cutoff", hours: "48" });
    const soon = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 24 * HOUR));
    const later = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 10 * DAY));
    // Booking inside the cut-off is allowed (the slot is offered); changing it is not.
    await expect(await studentPost(team.members[0].cookie, { intent: "book", slotId: String(soon) })).toSendToast(
      "success",
      "interviews.toast.booked",
    );
    const page = payload(await callLoader(studentLoader, "/student/interviews", { cookie: team.members[0].cookie }));
    expect(page.teams[0].canChange).toBe(false);
    await expect(await studentPost(team.members[0].cookie, { intent: "move", slotId: String(later) })).toSendToast(
      "error",
      "interviews.errors.cutoff",
    );
    await expect(await studentPost(team.members[1].cookie, { intent: "release", slotId: String(soon) })).toSendToast(
      "error",
      "interviews.errors.cutoff",
    );
    expect((await liveBookings(team.hostId)).map((s) => s.id)).toEqual([soon]);

    await firmPost(team.hostId, team.firmUser.cookie, { intent: "cutoff", hours: "0" });
    await expect(await studentPost(team.members[1].cookie, { intent: "release", slotId: String(soon) })).toSendToast(
      "success",
      "interviews.toast.released",
    );
    expect(await liveBookings(team.hostId)).toEqual([]);
    expect(await participantsOf(soon)).toEqual([]);
    expect(
      (
        await getDb()
          .selectFrom("outbox_message")
          .select("kind")
          .where("to_address", "=", team.firmUser.email)
          .execute()
      ).map((m) => m.kind),
    ).toContain("interview.released");
  });
});

describe("cancelling by the firm", () => {
  it("notifies the team in each member's language and frees them to book another slot", async () => {
    const p = await createPublishedProject({ teams: 1 });
    const [team] = p.teams;
    await getDb().updateTable("user").set({ locale: "en" }).where("id", "=", team.members[1].id).execute();
    const booked = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 5 * DAY));
    const other = await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 6 * DAY));
    const booking = new Date().toISOString();
    await studentPost(team.members[0].cookie, { intent: "book", slotId: String(booked) });

    expect(
      (
        await toastOf(
          await firmPost(team.hostId, team.firmUser.cookie, { intent: "cancel", slotId: String(booked), reason: " " }),
        )
      )?.key,
    ).toBe("interviews.errors.reasonRequired");
    const res = await firmPost(team.hostId, team.firmUser.cookie, {
      intent: "cancel",
      slotId: String(booked),
      reason: "設備点検のため",
    });
    await expect(res).toSendToast("success", "interviews.toast.cancelled");
    const mails = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("kind", "=", "interview.cancelled")
      .where("created_at", ">=", booking)
      .orderBy("id")
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(team.members.map((m) => m.email).sort());
    expect(mails.every((m) => m.body_text.includes("設備点検のため"))).toBe(true);
    expect(mails.find((m) => m.to_address === team.members[1].email)!.subject).toMatch(/cancelled your interview/);
    expect(mails.find((m) => m.to_address === team.members[0].email)!.subject).toMatch(/取り消しました/);

    const page = payload(await callLoader(studentLoader, "/student/interviews", { cookie: team.members[0].cookie }));
    expect(page.teams[0].booking).toBeNull();
    expect(page.teams[0].cancelled.map((s: { id: number }) => s.id)).toEqual([booked]);
    expect(page.teams[0].free.map((s: { id: number }) => s.id)).toEqual([other]);
    await expect(await studentPost(team.members[0].cookie, { intent: "book", slotId: String(other) })).toSendToast(
      "success",
      "interviews.toast.booked",
    );
    // A cancelled slot cannot be cancelled again, nor booked.
    expect(
      (
        await toastOf(
          await firmPost(team.hostId, team.firmUser.cookie, {
            intent: "cancel",
            slotId: String(booked),
            reason: "again",
          }),
        )
      )?.key,
    ).toBe("interviews.errors.taken");
  });
});

describe("who may do what", () => {
  it("other teams, firms and students can neither see nor book another host's slots", async () => {
    const p = await createPublishedProject({ teams: 2 });
    const [a, b] = p.teams;
    const slotId = await insertSlot(a.hostId, a.firmUser.id, new Date(Date.now() + 5 * DAY));
    const outsider = await userWithCookie("student");
    expect(statusOf(await studentPost(b.members[0].cookie, { intent: "book", slotId: String(slotId) }))).toBe(403);
    expect(statusOf(await studentPost(outsider.cookie, { intent: "book", slotId: String(slotId) }))).toBe(403);
    expect(statusOf(await studentPost(outsider.cookie, { intent: "book", slotId: "999999" }))).toBe(404);
    expect(statusOf(await studentPost(a.firmUser.cookie, { intent: "book", slotId: String(slotId) }))).toBe(403);
    expect(await liveBookings(a.hostId)).toEqual([]);

    const bPage = payload(await callLoader(studentLoader, "/student/interviews", { cookie: b.members[0].cookie }));
    expect(bPage.teams.map((t: { hostId: number }) => t.hostId)).toEqual([b.hostId]);
    expect(payload(await callLoader(studentLoader, "/student/interviews", { cookie: outsider.cookie })).teams).toEqual(
      [],
    );

    const asOtherFirm = await settle(
      callLoader(firmLoader, `/firm/interviews/${a.hostId}`, {
        cookie: b.firmUser.cookie,
        params: { hostId: String(a.hostId) },
      }),
    );
    expect(statusOf(asOtherFirm)).toBe(403);
    expect(
      statusOf(await firmPost(a.hostId, b.firmUser.cookie, { intent: "cancel", slotId: String(slotId), reason: "x" })),
    ).toBe(403);
    // Firm B, on its own page, naming A's slot: refused by the model.
    expect(
      statusOf(await firmPost(b.hostId, b.firmUser.cookie, { intent: "cancel", slotId: String(slotId), reason: "x" })),
    ).toBe(403);
    expect(
      statusOf(
        await settle(
          callLoader(firmLoader, "/firm/interviews/999999", {
            cookie: a.firmUser.cookie,
            params: { hostId: "999999" },
          }),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await settle(
          callLoader(firmLoader, `/firm/interviews/${a.hostId}`, {
            cookie: a.members[0].cookie,
            params: { hostId: String(a.hostId) },
          }),
        ),
      ),
    ).toBe(403);
    expect(
      (
        await getDb()
          .selectFrom("interview_slot")
          .select("cancelled_at")
          .where("id", "=", slotId)
          .executeTakeFirstOrThrow()
      ).cancelled_at,
    ).toBeNull();
  });

  it("done or missed: only after the end, only by the host firm or the project's professor", async () => {
    const p = await createPublishedProject({ teams: 2 });
    const [a, b] = p.teams;
    const future = await insertSlot(a.hostId, a.firmUser.id, new Date(Date.now() + 5 * DAY));
    await studentPost(a.members[0].cookie, { intent: "book", slotId: String(future) });
    await expect(await firmPost(a.hostId, a.firmUser.cookie, { intent: "done", slotId: String(future) })).toSendToast(
      "error",
      "interviews.errors.notEnded",
    );

    // An interview that took place yesterday (booked before it started).
    const past = await insertSlot(b.hostId, b.firmUser.id, new Date(Date.now() - DAY), 60, {
      booked_at: new Date(Date.now() - 3 * DAY).toISOString(),
      booked_by: b.members[0].id,
    });
    expect(statusOf(await firmPost(b.hostId, a.firmUser.cookie, { intent: "done", slotId: String(past) }))).toBe(403);
    const otherProfessor = await userWithCookie("professor");
    const asOther = await settle(
      callAction(professorAction, `/professor/projects/${p.projectId}/interviews`, {
        form: { intent: "done", slotId: String(past) },
        cookie: otherProfessor.cookie,
        params: { projectId: String(p.projectId) },
      }),
    );
    expect(statusOf(asOther)).toBe(403);
    expect(await markOutcome({ id: b.members[0].id, role: "student" }, past, "done")).toEqual({
      ok: false,
      reason: FORBIDDEN,
    });
    // Issue 12 changed this rule: staff may record outcomes (for hosts without an account too), as themselves.
    const staff = await userWithCookie("staff");
    expect(await markOutcome({ id: staff.id, role: "staff" }, past, "done")).toEqual({ ok: true });
    expect(
      await getDb().selectFrom("interview_slot").select("outcome_by").where("id", "=", past).executeTakeFirstOrThrow(),
    ).toEqual({ outcome_by: staff.id });
    // Through the staff page of another project, the slot is not found.
    const other = await createPublishedProject({ teams: 1 });
    expect(await markOutcome({ id: staff.id, role: "staff" }, past, "done", new Date(), other.projectId)).toEqual({
      ok: false,
      reason: NOT_FOUND,
    });

    await expect(await firmPost(b.hostId, b.firmUser.cookie, { intent: "done", slotId: String(past) })).toSendToast(
      "success",
      "interviews.toast.done",
    );
    const byProfessor = await settle(
      callAction(professorAction, `/professor/projects/${p.projectId}/interviews`, {
        form: { intent: "missed", slotId: String(past) },
        cookie: p.professorCookie,
        params: { projectId: String(p.projectId) },
      }),
    );
    await expect(byProfessor).toSendToast("success", "interviews.toast.missed");
    const row = await getDb().selectFrom("interview_slot").selectAll().where("id", "=", past).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: "missed", outcome_by: p.professor.id });

    const page = payload(
      await callLoader(professorLoader, `/professor/projects/${p.projectId}/interviews`, {
        cookie: p.professorCookie,
        params: { projectId: String(p.projectId) },
      }),
    );
    expect(page.teams).toHaveLength(2);
    const rowB = page.teams.find((t: { hostId: number }) => t.hostId === b.hostId);
    expect(rowB.booking).toMatchObject({ id: past, status: "missed", outcomeOpen: true });

    // The staff overview: every slot of the project, filtered by status and host; staff record done.
    const staffPage = async (query = "") =>
      payload(
        await callLoader(staffInterviewsLoader, `/staff/projects/${p.projectId}/interviews${query}`, {
          cookie: staff.cookie,
          params: { projectId: String(p.projectId) },
        }),
      );
    const all = await staffPage();
    expect(all.slots.map((s: { id: number }) => s.id).sort()).toEqual([future, past].sort());
    expect((await staffPage("?status=missed")).slots.map((s: { id: number }) => s.id)).toEqual([past]);
    expect((await staffPage(`?host=${a.hostId}`)).slots.map((s: { id: number }) => s.id)).toEqual([future]);
    expect((await staffPage("?status=bogus&host=-1")).slots).toHaveLength(2);
    const byStaff = await settle(
      callAction(staffInterviewsAction, `/staff/projects/${p.projectId}/interviews`, {
        form: { intent: "done", slotId: String(past) },
        cookie: staff.cookie,
        params: { projectId: String(p.projectId) },
      }),
    );
    await expect(byStaff).toSendToast("success", "interviews.toast.done");
    expect(
      await getDb()
        .selectFrom("interview_slot")
        .select(["outcome", "outcome_by"])
        .where("id", "=", past)
        .executeTakeFirstOrThrow(),
    ).toEqual({ outcome: "done", outcome_by: staff.id });
    expect(page.teams.find((t: { hostId: number }) => t.hostId === a.hostId).booking).toMatchObject({
      id: future,
      status: "booked",
      outcomeOpen: false,
    });
  });
});
