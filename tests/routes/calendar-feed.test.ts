// Calendar: one interview's .ics for those who may see it, and each user's private feed URL (token shown once,
// only its hash stored; resetting it makes the old URL a 404).
import { describe, expect, it } from "vitest";
import { action as calendarAction, loader as calendarPageLoader } from "~/routes/account_.calendar";
import { loader as feedLoader } from "~/routes/calendar.$token[.]ics";
import { loader as icsLoader } from "~/routes/interviews.$slotId[.]ics";
import { getDb } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { createPublishedProject, insertSlot } from "../factories/interviews";
import { callAction, callLoader } from "../setup/call";
import { payload, settle, statusOf, userWithCookie } from "../setup/http";

const DAY = 86_400_000;
const unfold = (s: string) => s.replace(/\r\n /g, "");

async function newFeedToken(cookie: string) {
  const r = await settle(callAction(calendarAction, "/account/calendar", { form: { intent: "reset" }, cookie }));
  expect(statusOf(r)).toBe(200);
  const url: string = payload(r).feedUrl;
  const token = url.match(/\/calendar\/([A-Za-z0-9_-]+)\.ics$/)![1];
  return token;
}

async function feed(token: string) {
  const r = await settle(callLoader(feedLoader, `/calendar/${token}.ics`, { params: { token } }));
  return r as Response;
}

async function slotIds(res: Response) {
  return [...unfold(await res.text()).matchAll(/UID:interview-(\d+)@kita-collab/g)]
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

async function setup() {
  const p = await createPublishedProject({ teams: 2 });
  const [a, b] = p.teams;
  const booked = await insertSlot(a.hostId, a.firmUser.id, new Date(Date.now() + 5 * DAY), 60, {
    booked_at: new Date().toISOString(),
    booked_by: a.members[0].id,
  });
  await getDb()
    .insertInto("interview_participant")
    .values(a.members.map((m) => ({ slot_id: booked, student_id: m.id })))
    .execute();
  const cancelled = await insertSlot(a.hostId, a.firmUser.id, new Date(Date.now() + 4 * DAY), 60, {
    booked_at: new Date().toISOString(),
    booked_by: a.members[0].id,
    cancelled_at: new Date().toISOString(),
    cancel_reason: "臨時休業",
    sequence: 2,
  });
  await getDb()
    .insertInto("interview_participant")
    .values(a.members.map((m) => ({ slot_id: cancelled, student_id: m.id })))
    .execute();
  const free = await insertSlot(a.hostId, a.firmUser.id, new Date(Date.now() + 6 * DAY));
  const otherTeams = await insertSlot(b.hostId, b.firmUser.id, new Date(Date.now() + 5 * DAY), 60, {
    booked_at: new Date().toISOString(),
    booked_by: b.members[0].id,
  });
  await getDb()
    .insertInto("interview_participant")
    .values(b.members.map((m) => ({ slot_id: otherTeams, student_id: m.id })))
    .execute();
  return { ...p, a, b, booked, cancelled, free, otherTeams };
}

describe("calendar feed", () => {
  it("shows each user their own interviews: the team's, the firm's booked slots, the professor's projects'", async () => {
    const s = await setup();
    const res = await feed(await newFeedToken(s.a.members[1].cookie));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    const body = await res.clone().text();
    expect(unfold(body)).toContain("X-WR-CALNAME:北区産学連携 取材日程");
    expect(await slotIds(res)).toEqual([s.booked, s.cancelled].sort((x, y) => x - y));
    // The slot the firm cancelled is still in the feed, marked cancelled, so calendar apps remove it.
    const cancelledEvent = unfold(body)
      .split("BEGIN:VEVENT")
      .find((e) => e.includes(`UID:interview-${s.cancelled}@`))!;
    expect(cancelledEvent).toContain("STATUS:CANCELLED");
    expect(cancelledEvent).toContain("SEQUENCE:2");
    expect(cancelledEvent).toContain("臨時休業");

    expect(await slotIds(await feed(await newFeedToken(s.a.firmUser.cookie)))).toEqual(
      [s.booked, s.cancelled].sort((x, y) => x - y),
    );
    expect(await slotIds(await feed(await newFeedToken(s.professorCookie)))).toEqual(
      [s.booked, s.cancelled, s.otherTeams].sort((x, y) => x - y),
    );
    const outsider = await userWithCookie("student");
    expect(await slotIds(await feed(await newFeedToken(outsider.cookie)))).toEqual([]);
  });

  it("is written in the user's language", async () => {
    const s = await setup();
    await getDb().updateTable("user").set({ locale: "en" }).where("id", "=", s.a.members[0].id).execute();
    const body = unfold(await (await feed(await newFeedToken(s.a.members[0].cookie))).text());
    expect(body).toContain("X-WR-CALNAME:Kita City collaboration interviews");
    expect(body).toMatch(/SUMMARY:Interview at テスト工業\d+ \(Interviewing Kita City manufacturers\)/);
  });

  it("stores only the token's hash; a reset makes the old URL a 404; turning it off too", async () => {
    const s = await setup();
    const cookie = s.a.members[0].cookie;
    const first = await newFeedToken(cookie);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await getDb()
      .selectFrom("calendar_token")
      .selectAll()
      .where("user_id", "=", s.a.members[0].id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(first));
    expect(JSON.stringify(row)).not.toContain(first);
    expect(payload(await callLoader(calendarPageLoader, "/account/calendar", { cookie })).createdAt).toBe(
      row.created_at,
    );

    const second = await newFeedToken(cookie);
    expect(second).not.toBe(first);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);

    const off = await settle(callAction(calendarAction, "/account/calendar", { form: { intent: "delete" }, cookie }));
    expect(off).toHaveRedirect();
    expect((await feed(second)).status).toBe(404);
  });

  it("answers an unknown or malformed token with 404", async () => {
    expect((await feed("A".repeat(43))).status).toBe(404);
    expect((await feed("../../etc")).status).toBe(404);
    expect((await feed("")).status).toBe(404);
  });

  it("the account page needs a signed-in user", async () => {
    const r = await settle(callLoader(calendarPageLoader, "/account/calendar"));
    expect(r).toHaveRedirect();
    expect((r as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("one interview's .ics", () => {
  const download = (slotId: number, cookie?: string) =>
    settle(
      callLoader(icsLoader, `/interviews/${slotId}.ics`, { cookie, params: { slotId: String(slotId) } }),
    ) as Promise<Response>;

  it("downloads for the team, the firm, the professor and staff; others get 403, unknown 404", async () => {
    const s = await setup();
    const res = await download(s.booked, s.a.members[0].cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="interview-${s.booked}.ics"`);
    const body = unfold(await res.text());
    expect(body).toContain(`UID:interview-${s.booked}@kita-collab`);
    expect(body).toContain("LOCATION:本社 会議室");
    expect(body).toContain("STATUS:CONFIRMED");
    expect(body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    for (const cookie of [s.a.firmUser.cookie, s.professorCookie, (await userWithCookie("staff")).cookie]) {
      expect((await download(s.booked, cookie)).status).toBe(200);
    }
    expect((await download(s.booked, s.b.members[0].cookie)).status).toBe(403);
    expect((await download(s.booked, s.b.firmUser.cookie)).status).toBe(403);
    expect((await download(s.booked, (await userWithCookie("professor")).cookie)).status).toBe(403);
    expect((await download(999999, s.a.members[0].cookie)).status).toBe(404);
    expect((await download(s.booked)).status).toBe(302);
  });
});
