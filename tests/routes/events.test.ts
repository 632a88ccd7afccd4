// Presentation events through the real loaders and actions: who may open what, the event form, the programme
// editor (teams from the published pairing), professors confirming their teams' titles, the door list (present and
// given, idempotent), the audit log, and public pages without personal data.
import { beforeAll, describe, expect, it } from "vitest";
import { listEventParticipants } from "~/models/attendance.server";
import { listPublicEvents } from "~/models/event.server";
import { createRun, getPublishedRun, publishRun } from "~/models/pairing.server";
import { signUp } from "~/models/signup.server";
import { loader as publicLoader } from "~/routes/events.$eventId";
import { loader as publicListLoader } from "~/routes/events._index";
import { action as profAction, loader as profLoader } from "~/routes/professor.events";
import { action as detailAction, loader as detailLoader } from "~/routes/staff.events.$eventId._index";
import { action as doorAction, loader as doorLoader } from "~/routes/staff.events.$eventId.attendance";
import { action as editAction, loader as editLoader } from "~/routes/staff.events.$eventId.edit";
import { loader as listLoader } from "~/routes/staff.events._index";
import { action as newAction, loader as newLoader } from "~/routes/staff.events.new";
import { getDb } from "~/utils/db.server";
import { createProjectFixture, runIdOf } from "../factories/projects";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf, userWithCookie } from "../setup/http";

type Form = Record<string, string>;
const ctx = {};
const ep = (id: number) => ({ eventId: String(id) });

const loadList = (cookie?: string) => settle(callLoader(listLoader, "/staff/events", { cookie, context: ctx }));
const loadNew = (cookie?: string) => settle(callLoader(newLoader, "/staff/events/new", { cookie, context: ctx }));
const postNew = (cookie: string | undefined, form: Form) =>
  settle(callAction(newAction, "/staff/events/new", { form, cookie, context: ctx }));
const loadDetail = (cookie: string | undefined, id: number, search = "") =>
  settle(callLoader(detailLoader, `/staff/events/${id}${search}`, { cookie, params: ep(id), context: ctx }));
const postDetail = (cookie: string | undefined, id: number, form: Form) =>
  settle(callAction(detailAction, `/staff/events/${id}`, { form, cookie, params: ep(id), context: ctx }));
const loadEdit = (cookie: string | undefined, id: number) =>
  settle(callLoader(editLoader, `/staff/events/${id}/edit`, { cookie, params: ep(id), context: ctx }));
const postEdit = (cookie: string | undefined, id: number, form: Form) =>
  settle(callAction(editAction, `/staff/events/${id}/edit`, { form, cookie, params: ep(id), context: ctx }));
const loadDoor = (cookie: string | undefined, id: number, search = "") =>
  settle(callLoader(doorLoader, `/staff/events/${id}/attendance${search}`, { cookie, params: ep(id), context: ctx }));
const postDoor = (cookie: string | undefined, id: number, form: Form) =>
  settle(callAction(doorAction, `/staff/events/${id}/attendance`, { form, cookie, params: ep(id), context: ctx }));
const loadProf = (cookie?: string) => settle(callLoader(profLoader, "/professor/events", { cookie, context: ctx }));
const postProf = (cookie: string | undefined, form: Form) =>
  settle(callAction(profAction, "/professor/events", { form, cookie, context: ctx }));

const EVENT: Form = {
  titleJa: "北区産学連携研究発表会",
  titleEn: "Kita City Industry–Academia Presentation Day",
  startsAt: "2027-02-19T14:00",
  endsAt: "2027-02-19T17:00",
  venueJa: "北とぴあ",
  venueEn: "Hokutopia",
  descriptionJa: "どなたでもご来場いただけます。",
};

let staff: { id: number; cookie: string };

beforeAll(async () => {
  staff = await userWithCookie("staff");
});

async function createEvent(form: Form = EVENT) {
  const res = (await postNew(staff.cookie, form)) as Response;
  expect(res).toHaveRedirect();
  return Number(res.headers.get("Location")!.split("/").pop());
}

/** A paired project: 2 hosts (capacity 2), 4 students, pairing run published. Team members come from the run. */
async function pairedProject() {
  const p = await createProjectFixture({ hosts: 2 });
  await getDb().updateTable("project_host").set({ capacity: 2 }).where("project_id", "=", p.projectId).execute();
  const students = [];
  for (let i = 0; i < 4; i++) {
    const s = await createUser("student", { name: `学生 ${p.projectId}-${i}` });
    const ranking = i % 2 ? [...p.hostIds].reverse() : p.hostIds;
    expect((await signUp(s, p.projectId, { joinCode: p.joinCode, ranking, motivation: "m" })).ok).toBe(true);
    students.push(s);
  }
  await getDb().updateTable("project").set({ state: "closed" }).where("id", "=", p.projectId).execute();
  const runId = await runIdOf(createRun(p.projectId, { id: staff.id, role: "staff" }));
  await publishRun(runId, { id: staff.id, role: "staff" }, async () => []);
  const run = (await getPublishedRun(p.projectId))!;
  const signups = await getDb()
    .selectFrom("signup")
    .select(["id", "student_id"])
    .where("project_id", "=", p.projectId)
    .execute();
  const teamOf = (hostId: number) =>
    signups
      .filter((s) => run.final[String(s.id)] === String(hostId))
      .map((s) => s.student_id)
      .sort();
  return { ...p, students, teamOf, professorCookie: await signIn(p.professor.id) };
}

async function addSlot(eventId: number, projectId: number, hostId: number | null, over: Form = {}) {
  return postDetail(staff.cookie, eventId, {
    intent: "add",
    team: `${projectId}:${hostId ?? "seminar"}`,
    titleJa: "新製品の販路調査",
    ...over,
  });
}

const slotsOf = (eventId: number) =>
  getDb().selectFrom("presentation").selectAll().where("event_id", "=", eventId).orderBy("position").execute();
const audits = (eventId: number, action: string) =>
  getDb()
    .selectFrom("audit_entry")
    .selectAll()
    .where("entity_type", "=", "event")
    .where("entity_id", "=", String(eventId))
    .where("action", "=", action)
    .execute();

describe("who may open the event pages", () => {
  it("sends anonymous visitors to sign in, refuses students and firms, and lets professors only into their own page", async () => {
    const eventId = await createEvent();
    const anonymous = (await loadList()) as Response;
    expect(anonymous).toHaveRedirect("/login?redirectTo=%2Fstaff%2Fevents");
    expect(statusOf(await loadProf())).toBe(302);
    expect(statusOf(await postDoor(undefined, eventId, { intent: "present", studentId: "1", present: "yes" }))).toBe(
      302,
    );

    const student = await userWithCookie("student");
    const firm = await userWithCookie("firm");
    const professor = await userWithCookie("professor");
    for (const who of [student, firm, professor]) {
      expect(statusOf(await loadList(who.cookie))).toBe(403);
      expect(statusOf(await loadNew(who.cookie))).toBe(403);
      expect(statusOf(await postNew(who.cookie, EVENT))).toBe(403);
      expect(statusOf(await loadDetail(who.cookie, eventId))).toBe(403);
      expect(statusOf(await postDetail(who.cookie, eventId, { intent: "remove", presentationId: "1" }))).toBe(403);
      expect(statusOf(await loadEdit(who.cookie, eventId))).toBe(403);
      expect(statusOf(await postEdit(who.cookie, eventId, EVENT))).toBe(403);
      expect(statusOf(await loadDoor(who.cookie, eventId))).toBe(403);
      expect(
        statusOf(await postDoor(who.cookie, eventId, { intent: "given", presentationId: "1", given: "yes" })),
      ).toBe(403);
    }
    for (const who of [student, firm, staff]) {
      expect(statusOf(await loadProf(who.cookie))).toBe(403);
      expect(statusOf(await postProf(who.cookie, { presentationId: "1", titleJa: "x" }))).toBe(403);
    }
    expect(statusOf(await loadProf(professor.cookie))).toBe(200);
    for (const res of [
      await loadList(staff.cookie),
      await loadNew(staff.cookie),
      await loadDetail(staff.cookie, eventId),
      await loadEdit(staff.cookie, eventId),
      await loadDoor(staff.cookie, eventId),
    ]) {
      expect(statusOf(res)).toBe(200);
    }
    expect(statusOf(await loadDetail(staff.cookie, 999_999))).toBe(404);
    expect(statusOf(await loadDoor(staff.cookie, 999_999))).toBe(404);
  });
});

describe("the event form", () => {
  it("creates an event in Tokyo time, stores UTC, and audits it", async () => {
    const res = (await postNew(staff.cookie, EVENT)) as Response;
    expect(res).toHaveRedirect();
    const id = Number(res.headers.get("Location")!.split("/").pop());
    const row = await getDb().selectFrom("event").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      starts_at: "2027-02-19T05:00:00.000Z",
      ends_at: "2027-02-19T08:00:00.000Z",
      venue_en: "Hokutopia",
      description_en: null,
      created_by: staff.id,
    });
    expect(await audits(id, "event.create")).toHaveLength(1);
    expect(payload(await loadEdit(staff.cookie, id)).values).toMatchObject({
      startsAt: "2027-02-19T14:00",
      endsAt: "2027-02-19T17:00",
    });
  });

  it("shows field errors: missing titles, an end before the start, a date that does not exist", async () => {
    const missing = await postNew(staff.cookie, { ...EVENT, titleJa: "", titleEn: " " });
    expect(statusOf(missing)).toBe(400);
    expect(payload(missing).result.error).toMatchObject({
      titleJa: ["validation.required"],
      titleEn: ["validation.required"],
    });
    const backwards = await postNew(staff.cookie, { ...EVENT, endsAt: "2027-02-19T13:00" });
    expect(payload(backwards).result.error.endsAt).toEqual(["events.errors.endsBeforeStarts"]);
    const equal = await postNew(staff.cookie, { ...EVENT, endsAt: EVENT.startsAt });
    expect(payload(equal).result.error.endsAt).toEqual(["events.errors.endsBeforeStarts"]);
    const impossible = await postNew(staff.cookie, { ...EVENT, startsAt: "2027-02-30T14:00" });
    expect(payload(impossible).result.error.startsAt).toEqual(["events.errors.dateTime"]);
    const count = await getDb().selectFrom("event").select("id").where("title_en", "=", EVENT.titleEn).execute();
    const before = count.length;
    await postNew(staff.cookie, { ...EVENT, venueJa: "" });
    expect(
      (await getDb().selectFrom("event").select("id").where("title_en", "=", EVENT.titleEn).execute()).length,
    ).toBe(before);
  });

  it("edits an event, with the same rules, and answers 404 for an unknown one", async () => {
    const id = await createEvent();
    const bad = await postEdit(staff.cookie, id, { ...EVENT, endsAt: "2027-02-18T17:00" });
    expect(payload(bad).result.error.endsAt).toEqual(["events.errors.endsBeforeStarts"]);
    const ok = (await postEdit(staff.cookie, id, { ...EVENT, venueJa: "北とぴあ 飛鳥ホール" })) as Response;
    expect(ok.headers.get("Location")).toBe(`/staff/events/${id}`);
    expect(
      (await getDb().selectFrom("event").select("venue_ja").where("id", "=", id).executeTakeFirstOrThrow()).venue_ja,
    ).toBe("北とぴあ 飛鳥ホール");
    expect(await audits(id, "event.update")).toHaveLength(1);
    expect(statusOf(await postEdit(staff.cookie, 999_999, EVENT))).toBe(404);
  });
});

describe("the programme", () => {
  it("adds a team whose students are those the published pairing gave its host", async () => {
    const p = await pairedProject();
    const eventId = await createEvent();
    const offered = payload(await loadDetail(staff.cookie, eventId)).choices.find(
      (c: { id: number }) => c.id === p.projectId,
    );
    expect(offered.seminarValue).toBe(`${p.projectId}:seminar`);
    expect(offered.hosts.map((h: { id: number; size: number }) => [h.id, h.size])).toEqual(
      expect.arrayContaining(p.hostIds.map((h) => [h, p.teamOf(h).length])),
    );

    const res = (await addSlot(eventId, p.projectId, p.hostIds[0], {
      startTime: "14:10",
      titleEn: "Sales channels",
    })) as Response;
    expect(res).toHaveRedirect();
    const [slot] = await slotsOf(eventId);
    expect(slot).toMatchObject({
      project_id: p.projectId,
      host_id: p.hostIds[0],
      position: 1,
      starts_at: "2027-02-19T05:10:00.000Z",
      title_en: "Sales channels",
      confirmed_at: null,
    });
    const page = payload(await loadDetail(staff.cookie, eventId));
    expect(page.programme[0].members.map((m: { studentId: number }) => m.studentId).sort()).toEqual(
      p.teamOf(p.hostIds[0]),
    );
    expect(p.teamOf(p.hostIds[0]).length).toBeGreaterThan(0);
    // The team is not offered again.
    const again = page.choices.find((c: { id: number }) => c.id === p.projectId);
    expect(again.seminarValue).toBeNull();
    expect(again.hosts.map((h: { id: number }) => h.id)).toEqual([p.hostIds[1]]);
    expect(await audits(eventId, "presentation.add")).toHaveLength(1);
  });

  it("a whole-seminar slot holds every paired student, and excludes the project's team slots", async () => {
    const p = await pairedProject();
    const eventId = await createEvent();
    expect(statusOf(await addSlot(eventId, p.projectId, null))).toBe(302);
    const participants = await listEventParticipants(eventId);
    expect(participants.map((x) => x.studentId).sort()).toEqual(p.students.map((s) => s.id).sort());
    expect(participants.every((x) => x.hostId === null && !x.present && !x.presentationGiven)).toBe(true);
    const dup = await addSlot(eventId, p.projectId, p.hostIds[0]);
    expect(statusOf(dup)).toBe(400);
    expect(payload(dup).result.error.team).toEqual(["events.errors.duplicate"]);
    expect(payload(await addSlot(eventId, p.projectId, null)).result.error.team).toEqual(["events.errors.duplicate"]);
  });

  it("refuses a project that cannot present, a host that is not accepted, a time outside the event, a missing title", async () => {
    const p = await pairedProject();
    const open = await createProjectFixture({ hosts: 1 });
    const eventId = await createEvent();
    expect(payload(await addSlot(eventId, open.projectId, open.hostIds[0])).result.error.team).toEqual([
      "events.errors.projectNotPresenting",
    ]);
    expect(payload(await addSlot(eventId, p.projectId, open.hostIds[0])).result.error.team).toEqual([
      "events.errors.hostNotAccepted",
    ]);
    expect(
      payload(await addSlot(eventId, p.projectId, p.hostIds[0], { startTime: "18:00" })).result.error.startTime,
    ).toEqual(["events.errors.timeOutsideEvent"]);
    expect(
      payload(await addSlot(eventId, p.projectId, p.hostIds[0], { startTime: "25:00" })).result.error.startTime,
    ).toEqual(["events.errors.time"]);
    expect(payload(await addSlot(eventId, p.projectId, p.hostIds[0], { titleJa: "" })).result.error.titleJa).toEqual([
      "validation.required",
    ]);
    expect(
      payload(await postDetail(staff.cookie, eventId, { intent: "add", team: "x", titleJa: "t" })).result.error.team,
    ).toEqual(["validation.chooseOne"]);
    expect(await slotsOf(eventId)).toHaveLength(0);
  });

  it("moves slots up and down, removes one and closes the gap, auditing each change", async () => {
    const a = await pairedProject();
    const b = await pairedProject();
    const eventId = await createEvent();
    await addSlot(eventId, a.projectId, a.hostIds[0], { titleJa: "A" });
    await addSlot(eventId, a.projectId, a.hostIds[1], { titleJa: "B" });
    await addSlot(eventId, b.projectId, null, { titleJa: "C" });
    const titles = async () => (await slotsOf(eventId)).map((s) => s.title_ja);
    const id = async (title: string) => (await slotsOf(eventId)).find((s) => s.title_ja === title)!.id;
    expect(await titles()).toEqual(["A", "B", "C"]);

    const moved = (await postDetail(staff.cookie, eventId, {
      intent: "move",
      presentationId: String(await id("C")),
      direction: "up",
    })) as Response;
    expect(moved.headers.get("Location")).toBe(`/staff/events/${eventId}#slot-${await id("C")}`);
    expect(await titles()).toEqual(["A", "C", "B"]);
    await postDetail(staff.cookie, eventId, {
      intent: "move",
      presentationId: String(await id("A")),
      direction: "down",
    });
    expect(await titles()).toEqual(["C", "A", "B"]);
    // At the ends nothing moves.
    await postDetail(staff.cookie, eventId, { intent: "move", presentationId: String(await id("C")), direction: "up" });
    await postDetail(staff.cookie, eventId, {
      intent: "move",
      presentationId: String(await id("B")),
      direction: "down",
    });
    expect(await titles()).toEqual(["C", "A", "B"]);
    expect(await audits(eventId, "presentation.move")).toHaveLength(2);

    expect(
      statusOf(await postDetail(staff.cookie, eventId, { intent: "remove", presentationId: String(await id("C")) })),
    ).toBe(302);
    expect((await slotsOf(eventId)).map((s) => [s.title_ja, s.position])).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
    expect(await audits(eventId, "presentation.remove")).toHaveLength(1);
    // A slot of another event is not found here.
    const other = await createEvent();
    expect(
      statusOf(await postDetail(staff.cookie, other, { intent: "remove", presentationId: String(await id("A")) })),
    ).toBe(404);
    expect(
      statusOf(
        await postDetail(staff.cookie, other, {
          intent: "move",
          presentationId: String(await id("A")),
          direction: "up",
        }),
      ),
    ).toBe(404);
  });
});

describe("professors confirm their teams' titles", () => {
  it("the project's professor rewords and confirms; another professor is refused; a staff title change withdraws it", async () => {
    const p = await pairedProject();
    const eventId = await createEvent();
    await addSlot(eventId, p.projectId, p.hostIds[0], { titleJa: "仮タイトル" });
    const [slot] = await slotsOf(eventId);

    const other = await userWithCookie("professor");
    expect(payload(await loadProf(other.cookie)).slots).toHaveLength(0);
    expect(statusOf(await postProf(other.cookie, { presentationId: String(slot.id), titleJa: "乗っ取り" }))).toBe(403);
    expect((await slotsOf(eventId))[0]).toMatchObject({ title_ja: "仮タイトル", confirmed_at: null });

    const mine = payload(await loadProf(p.professorCookie)).slots;
    expect(mine.map((s: { id: number }) => s.id)).toEqual([slot.id]);
    expect(mine[0].members.length).toBe(p.teamOf(p.hostIds[0]).length);

    const empty = await postProf(p.professorCookie, { presentationId: String(slot.id), titleJa: "" });
    expect(statusOf(empty)).toBe(400);
    expect(payload(empty).presentationId).toBe(slot.id);
    expect(payload(empty).result.error.titleJa).toEqual(["validation.required"]);

    const ok = (await postProf(p.professorCookie, {
      presentationId: String(slot.id),
      titleJa: "精密部品の新しい販路",
      titleEn: "New channels",
    })) as Response;
    expect(ok).toHaveRedirect();
    expect((await slotsOf(eventId))[0]).toMatchObject({
      title_ja: "精密部品の新しい販路",
      title_en: "New channels",
      confirmed_by: p.professor.id,
    });
    expect((await slotsOf(eventId))[0].confirmed_at).not.toBeNull();
    expect(await audits(eventId, "presentation.confirm")).toHaveLength(1);
    expect(statusOf(await postProf(p.professorCookie, { presentationId: "999999", titleJa: "x" }))).toBe(404);

    // Staff change only the time: the confirmation stands.
    await postDetail(staff.cookie, eventId, {
      intent: "update",
      presentationId: String(slot.id),
      startTime: "15:00",
      titleJa: "精密部品の新しい販路",
      titleEn: "New channels",
    });
    expect((await slotsOf(eventId))[0]).toMatchObject({
      starts_at: "2027-02-19T06:00:00.000Z",
      confirmed_by: p.professor.id,
    });
    // Staff change the title: the professor must confirm again.
    await postDetail(staff.cookie, eventId, {
      intent: "update",
      presentationId: String(slot.id),
      startTime: "15:00",
      titleJa: "精密部品の新しい販路",
      titleEn: "",
    });
    expect((await slotsOf(eventId))[0]).toMatchObject({ title_en: null, confirmed_at: null, confirmed_by: null });
    const updates = await audits(eventId, "presentation.update");
    expect(updates.map((u) => JSON.parse(u.detail!).confirmationWithdrawn)).toEqual([false, true]);
    const outside = await postDetail(staff.cookie, eventId, {
      intent: "update",
      presentationId: String(slot.id),
      startTime: "09:00",
      titleJa: "x",
    });
    expect(payload(outside).result.error.startTime).toEqual(["events.errors.timeOutsideEvent"]);
    expect(payload(await loadDetail(staff.cookie, eventId, `?edit=${slot.id}`)).editing).toMatchObject({
      presentationId: slot.id,
      startTime: "15:00",
    });
  });
});

describe("the door list", () => {
  it("marks students present and not yet, and presentations given, idempotently, with counts and a name filter", async () => {
    const p = await pairedProject();
    const eventId = await createEvent();
    await addSlot(eventId, p.projectId, p.hostIds[0]);
    await addSlot(eventId, p.projectId, p.hostIds[1]);
    const [first, second] = await slotsOf(eventId);
    const [studentId] = p.teamOf(p.hostIds[0]);
    const present = (value: "yes" | "no", extra: Form = {}) =>
      postDoor(staff.cookie, eventId, { intent: "present", studentId: String(studentId), present: value, ...extra });
    const rows = () => getDb().selectFrom("attendance").selectAll().where("event_id", "=", eventId).execute();

    let sheet = payload(await loadDoor(staff.cookie, eventId));
    expect(sheet.counts).toEqual({ present: 0, students: 4, given: 0, slots: 2 });
    expect(sheet.groups.map((g: { id: number }) => g.id)).toEqual([first.id, second.id]);

    const res = (await present("yes", { q: "学生" })) as Response;
    expect(res).toHaveRedirect(`/staff/events/${eventId}/attendance?q=%E5%AD%A6%E7%94%9F#student-${studentId}`);
    await present("yes");
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ student_id: studentId, marked_by: staff.id });
    expect(await audits(eventId, "attendance.present")).toHaveLength(1);
    sheet = payload(await loadDoor(staff.cookie, eventId));
    expect(sheet.counts.present).toBe(1);

    // With JavaScript the fetcher gets data back, not a redirect.
    const viaFetcher = await present("no", { via: "fetcher" });
    expect(statusOf(viaFetcher)).toBe(200);
    expect(payload(viaFetcher)).toEqual({ ok: true });
    await present("no");
    expect(await rows()).toHaveLength(0);
    expect(await audits(eventId, "attendance.absent")).toHaveLength(1);

    const given = (value: "yes" | "no") =>
      postDoor(staff.cookie, eventId, { intent: "given", presentationId: String(second.id), given: value });
    expect(statusOf(await given("yes"))).toBe(302);
    const stamped = (await slotsOf(eventId))[1].given_at;
    expect(stamped).not.toBeNull();
    await given("yes");
    expect((await slotsOf(eventId))[1]).toMatchObject({ given_at: stamped, given_by: staff.id });
    expect(await audits(eventId, "presentation.given")).toHaveLength(1);
    await given("no");
    await given("no");
    expect((await slotsOf(eventId))[1].given_at).toBeNull();
    expect(await audits(eventId, "presentation.notGiven")).toHaveLength(1);

    // Only students of the programme, only slots of this event.
    const stranger = await createUser("student");
    expect(
      statusOf(
        await postDoor(staff.cookie, eventId, { intent: "present", studentId: String(stranger.id), present: "yes" }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await postDoor(staff.cookie, await createEvent(), {
          intent: "given",
          presentationId: String(first.id),
          given: "yes",
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(await postDoor(staff.cookie, eventId, { intent: "present", studentId: "abc", present: "maybe" })),
    ).toBe(400);

    // The filter keeps only matching students (and their groups); counts stay over everyone.
    const name = p.students.find((s) => s.id === studentId)!;
    const row = await getDb().selectFrom("user").select("name").where("id", "=", name.id).executeTakeFirstOrThrow();
    const filtered = payload(
      await loadDoor(staff.cookie, eventId, `?q=${encodeURIComponent(row.name.replace(" ", "　"))}`),
    );
    expect(filtered.groups).toHaveLength(1);
    expect(filtered.groups[0].students.map((s: { studentId: number }) => s.studentId)).toEqual([studentId]);
    expect(filtered.counts.students).toBe(4);
    expect(payload(await loadDoor(staff.cookie, eventId, "?q=nobody-by-this-name")).groups).toHaveLength(0);
  });

  it("lists participants for certificates: student, project, host firm, presentation given, present", async () => {
    const p = await pairedProject();
    const eventId = await createEvent();
    await addSlot(eventId, p.projectId, p.hostIds[0]);
    const [slot] = await slotsOf(eventId);
    const team = p.teamOf(p.hostIds[0]);
    await postDoor(staff.cookie, eventId, { intent: "present", studentId: String(team[0]), present: "yes" });
    await postDoor(staff.cookie, eventId, { intent: "given", presentationId: String(slot.id), given: "yes" });
    const participants = await listEventParticipants(eventId);
    expect(participants.map((x) => x.studentId).sort()).toEqual(team);
    const firm = await getDb()
      .selectFrom("project_host")
      .innerJoin("firm", "firm.id", "project_host.firm_id")
      .select(["firm.id", "firm.name"])
      .where("project_host.id", "=", p.hostIds[0])
      .executeTakeFirstOrThrow();
    expect(participants.find((x) => x.studentId === team[0])).toMatchObject({
      projectId: p.projectId,
      presentationId: slot.id,
      hostId: p.hostIds[0],
      firmId: firm.id,
      firmName: firm.name,
      presentationGiven: true,
      present: true,
    });
    expect(participants.filter((x) => x.present)).toHaveLength(1);
  });
});

describe("public pages", () => {
  it("list events and show the programme without any personal data", async () => {
    const p = await pairedProject();
    const eventId = await createEvent();
    await addSlot(eventId, p.projectId, p.hostIds[0], { titleJa: "未確認のタイトル" });
    await addSlot(eventId, p.projectId, p.hostIds[1], { titleJa: "確認済みのタイトル" });
    const [, confirmed] = await slotsOf(eventId);
    await postProf(p.professorCookie, { presentationId: String(confirmed.id), titleJa: "確認済みのタイトル" });
    await getDb()
      .updateTable("firm")
      .set({ is_public: 0 })
      .where(
        "id",
        "=",
        (
          await getDb()
            .selectFrom("project_host")
            .select("firm_id")
            .where("id", "=", p.hostIds[1])
            .executeTakeFirstOrThrow()
        ).firm_id,
      )
      .execute();

    const list = payload(await callLoader(publicListLoader, "/events", { context: ctx }));
    expect([...list.upcoming, ...list.past].map((e: { id: number }) => e.id)).toContain(eventId);
    // Upcoming until it ends (17:00 JST = 08:00 UTC), past afterwards.
    expect((await listPublicEvents(new Date("2027-02-19T07:59:00Z"))).upcoming.map((e) => e.id)).toContain(eventId);
    expect((await listPublicEvents(new Date("2027-02-19T08:01:00Z"))).past.map((e) => e.id)).toContain(eventId);
    const page = payload(
      await settle(callLoader(publicLoader, `/events/${eventId}`, { params: ep(eventId), context: ctx })),
    );
    expect(page.event.title_ja).toBe(EVENT.titleJa);
    expect(page.programme.map((x: { number: number; title_ja: string | null }) => [x.number, x.title_ja])).toEqual([
      [1, null],
      [2, "確認済みのタイトル"],
    ]);
    expect(page.programme[0].firm_name).toBeTruthy();
    expect(page.programme[1].firm_name).toBeNull(); // not listed in the public directory
    const json = JSON.stringify(page);
    const people = await getDb()
      .selectFrom("user")
      .select(["name", "email"])
      .where("id", "in", [...p.students.map((s) => s.id), p.professor.id])
      .execute();
    for (const person of people) {
      expect(json).not.toContain(person.name);
      expect(json).not.toContain(person.email);
    }
    expect(json).not.toMatch(/student|member|email/i);
    expect(
      statusOf(await settle(callLoader(publicLoader, "/events/999999", { params: ep(999_999), context: ctx }))),
    ).toBe(404);
  });
});
