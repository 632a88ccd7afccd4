// The staff's interview overview across projects (/staff/interviews): bookings with project, host, team, time and
// state; date (Tokyo) and project filters that ignore bad values; done/missed through the same model function.
import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/staff.interviews";
import { getDb } from "~/utils/db.server";
import { tokyoDate } from "~/utils/format";
import { readToast } from "~/utils/toast.server";
import { createPublishedProject, insertSlot } from "../factories/interviews";
import { cookiesFrom, get, payload, post, settle, statusOf, userWithCookie } from "../setup/http";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function world() {
  const p = await createPublishedProject({ teams: 2 });
  const q = await createPublishedProject({ teams: 1 });
  const [t0, t1] = p.teams;
  const booked = (hostId: number, by: number, member: number, start: Date) =>
    insertSlot(hostId, by, start, 60, { booked_at: new Date(Date.now() - 5 * DAY).toISOString(), booked_by: member });
  const past = await booked(t0.hostId, t0.firmUser.id, t0.members[0].id, new Date(Date.now() - 2 * DAY));
  await getDb()
    .insertInto("interview_participant")
    .values(t0.members.map((m) => ({ slot_id: past, student_id: m.id })))
    .execute();
  const future = await booked(t1.hostId, t1.firmUser.id, t1.members[0].id, new Date(Date.now() + 10 * DAY));
  const free = await insertSlot(t1.hostId, t1.firmUser.id, new Date(Date.now() + 11 * DAY));
  const elsewhere = await booked(
    q.teams[0].hostId,
    q.teams[0].firmUser.id,
    q.teams[0].members[0].id,
    new Date(Date.now() - DAY),
  );
  return { p, q, past, future, free, elsewhere, staff: await userWithCookie("staff") };
}

const list = async (cookie: string, search = "") => {
  const r = await settle(loader({ request: get(`/staff/interviews${search}`, { cookie }), params: {}, context: {} }));
  expect(statusOf(r)).toBe(200);
  return payload(r);
};

describe("staff interview overview", () => {
  it("lists bookings across projects (not free slots) with project, host, team and state", async () => {
    const w = await world();
    const data = await list(w.staff.cookie);
    const ids = data.rows.map((r: { id: number }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([w.past, w.future, w.elsewhere]));
    expect(ids).not.toContain(w.free);
    const past = data.rows.find((r: { id: number }) => r.id === w.past);
    expect(past).toMatchObject({ project_id: w.p.projectId, status: "booked", outcomeOpen: true });
    expect(past.team).toHaveLength(2);
    expect(data.projects.map((p: { id: number }) => p.id)).toEqual(
      expect.arrayContaining([w.p.projectId, w.q.projectId]),
    );
  });

  it("offers done/missed only while the project takes outcomes: not once it is completed", async () => {
    const w = await world();
    const open = (data: { rows: Array<{ id: number; outcomeOpen: boolean }> }, id: number) =>
      data.rows.find((r) => r.id === id)!.outcomeOpen;
    expect(open(await list(w.staff.cookie), w.elsewhere)).toBe(true);
    expect(open(await list(w.staff.cookie), w.future)).toBe(false); // not ended yet
    await getDb().updateTable("project").set({ state: "completed" }).where("id", "=", w.q.projectId).execute();
    expect(open(await list(w.staff.cookie), w.elsewhere)).toBe(false);
    // The model refuses it too, so the page no longer offers a button that could only fail.
    const r = await settle(
      action({
        request: post("/staff/interviews", { intent: "done", slotId: String(w.elsewhere) }, { cookie: w.staff.cookie }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(r)).toBe(302);
    expect((await readToast(get("/", { cookie: cookiesFrom(r as Response) }))).toast?.key).toBe(
      "interviews.errors.wrongState",
    );
  });

  it("filters by project and by Tokyo dates, and ignores malformed filters instead of failing", async () => {
    const w = await world();
    const own = await list(w.staff.cookie, `?project=${w.q.projectId}`);
    expect(own.rows.map((r: { id: number }) => r.id)).toEqual([w.elsewhere]);
    const today = tokyoDate(new Date());
    const upcoming = await list(w.staff.cookie, `?from=${today}&project=${w.p.projectId}`);
    expect(upcoming.rows.map((r: { id: number }) => r.id)).toEqual([w.future]);
    const before = await list(
      w.staff.cookie,
      `?to=${tokyoDate(new Date(Date.now() - 2 * DAY))}&project=${w.p.projectId}`,
    );
    expect(before.rows.map((r: { id: number }) => r.id)).toEqual([w.past]);
    const bad = await list(w.staff.cookie, `?from=2026-02-30&to=x&project=-3&project=${"9".repeat(40)}`);
    expect(bad.filters.ignored).toEqual(["from", "to", "project"]);
    expect(bad.rows.length).toBeGreaterThanOrEqual(3);
  });

  it("marks an ended booking done, back to the same filtered list; refuses unended and bad input", async () => {
    const w = await world();
    const r = await settle(
      action({
        request: post(
          `/staff/interviews?project=${w.p.projectId}`,
          { intent: "done", slotId: String(w.past) },
          { cookie: w.staff.cookie },
        ),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(r)).toBe(302);
    expect((r as Response).headers.get("Location")).toBe(`/staff/interviews?project=${w.p.projectId}`);
    expect((await readToast(get("/", { cookie: cookiesFrom(r as Response) }))).toast?.key).toBe(
      "interviews.toast.done",
    );
    const row = await getDb()
      .selectFrom("interview_slot")
      .selectAll()
      .where("id", "=", w.past)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: "done", outcome_by: w.staff.id });
    const audit = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("action", "=", "interview.done")
      .where("entity_id", "=", String(w.past))
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(w.staff.id);

    const early = await settle(
      action({
        request: post("/staff/interviews", { intent: "done", slotId: String(w.future) }, { cookie: w.staff.cookie }),
        params: {},
        context: {},
      }),
    );
    expect((await readToast(get("/", { cookie: cookiesFrom(early as Response) }))).toast?.key).toBe(
      "interviews.errors.notEnded",
    );
    const bads: Array<Record<string, string>> = [
      { intent: "book", slotId: String(w.past) },
      { intent: "done", slotId: "abc" },
      {},
    ];
    for (const form of bads) {
      const res = await settle(
        action({ request: post("/staff/interviews", form, { cookie: w.staff.cookie }), params: {}, context: {} }),
      );
      expect(statusOf(res)).toBe(400);
    }
    const missing = await settle(
      action({
        request: post("/staff/interviews", { intent: "done", slotId: "999999" }, { cookie: w.staff.cookie }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(missing)).toBe(404);
  });
});
