// Issue 12: the lifecycle runs to completed. Automatic steps (interviews start on the first day of the interview
// period, presented after the event with the slots given, completed once a certificate is issued) and the staff
// buttons that take them earlier, each recorded as an event and audited; closing and cancelling mail everyone concerned.
import { describe, expect, it } from "vitest";
import { advanceProjects } from "~/models/project-progress.server";
import { signUp } from "~/models/signup.server";
import { action as profAction } from "~/routes/professor.projects.$projectId._index";
import { action as staffAction, loader as staffLoader } from "~/routes/staff.projects.$projectId._index";
import { getDb, now } from "~/utils/db.server";
import { createProjectFixture } from "../factories/projects";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf, userWithCookie } from "../setup/http";

const ctx = {};
const params = (id: number) => ({ projectId: String(id) });
const db = () => getDb();
const stateOf = async (id: number) =>
  (await db().selectFrom("project").select("state").where("id", "=", id).executeTakeFirstOrThrow()).state;
const eventsOf = (id: number) =>
  db().selectFrom("project_event").selectAll().where("project_id", "=", id).orderBy("id").execute();

async function eventWithSlot(projectId: number, options: { endsAt: string; given: boolean }) {
  const t = now();
  const event = await db()
    .insertInto("event")
    .values({
      title_ja: "成果発表会",
      title_en: "Showcase",
      starts_at: new Date(Date.parse(options.endsAt) - 3 * 3_600_000).toISOString(),
      ends_at: options.endsAt,
      venue_ja: "北区役所",
      venue_en: "Kita City Office",
      description_ja: null,
      description_en: null,
      created_by: null,
      created_at: t,
      updated_at: t,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("presentation")
    .values({
      event_id: event.id,
      project_id: projectId,
      host_id: null,
      position: 1,
      starts_at: null,
      title_ja: "発表",
      title_en: null,
      confirmed_at: null,
      confirmed_by: null,
      given_at: options.given ? t : null,
      given_by: null,
      created_at: t,
    })
    .execute();
}

let nextIndex = 900_000;
async function certificate(projectId: number, revoked = false) {
  const student = await createUser("student");
  await db()
    .insertInto("certificate")
    .values({
      id: `progress-${nextIndex}`,
      student_id: student.id,
      project_id: projectId,
      event_id: null,
      status_index: nextIndex++,
      credential_jwt: "x",
      manual_reason: null,
      issued_at: now(),
      issued_by: null,
      revoked_at: revoked ? now() : null,
      revoked_reason: revoked ? "誤り" : null,
      revoked_by: null,
      data: null,
    })
    .execute();
}

describe("automatic lifecycle steps", () => {
  it("starts interviews on the first day of the interview period, once, with an event and an audit entry", async () => {
    const due = await createProjectFixture({ state: "paired" }); // interviews from 2027-01-10
    const later = await createProjectFixture({ state: "paired" });
    await db().updateTable("project").set({ interview_from: "2099-01-10" }).where("id", "=", later.projectId).execute();
    await advanceProjects(new Date("2027-01-09T14:59:59Z")); // 23:59:59 on the 9th in Tokyo
    expect(await stateOf(due.projectId)).toBe("paired");
    const moved = await advanceProjects(new Date("2027-01-09T15:00:00Z")); // 00:00 on the 10th in Tokyo
    expect(moved).toContainEqual({ projectId: due.projectId, to: "interviewing" });
    expect(await stateOf(due.projectId)).toBe("interviewing");
    expect(await stateOf(later.projectId)).toBe("paired");
    expect(await eventsOf(due.projectId)).toMatchObject([
      { action: "start_interviews", from_state: "paired", to_state: "interviewing", actor_id: null },
    ]);
    const audit = await db()
      .selectFrom("audit_entry")
      .selectAll()
      .where("entity_id", "=", String(due.projectId))
      .where("action", "=", "project.start_interviews")
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ automatic: true });
    // Running again changes nothing.
    await advanceProjects(new Date("2027-01-11T00:00:00Z"));
    expect(await eventsOf(due.projectId)).toHaveLength(1);
  });

  it("marks a project presented only when its event has ended with its slot given", async () => {
    const notGiven = await createProjectFixture({ state: "interviewing" });
    await eventWithSlot(notGiven.projectId, { endsAt: "2026-01-20T09:00:00.000Z", given: false });
    const notOver = await createProjectFixture({ state: "interviewing" });
    await eventWithSlot(notOver.projectId, { endsAt: "2099-01-20T09:00:00.000Z", given: true });
    const done = await createProjectFixture({ state: "interviewing" });
    await eventWithSlot(done.projectId, { endsAt: "2026-01-20T09:00:00.000Z", given: true });
    await advanceProjects();
    expect(await stateOf(notGiven.projectId)).toBe("interviewing");
    expect(await stateOf(notOver.projectId)).toBe("interviewing");
    expect(await stateOf(done.projectId)).toBe("presented");
  });

  it("completes a presented project once a valid certificate is issued (a revoked one does not count)", async () => {
    const revoked = await createProjectFixture({ state: "presented" });
    await certificate(revoked.projectId, true);
    const issued = await createProjectFixture({ state: "presented" });
    await certificate(issued.projectId);
    const none = await createProjectFixture({ state: "presented" });
    await advanceProjects();
    expect(await stateOf(revoked.projectId)).toBe("presented");
    expect(await stateOf(issued.projectId)).toBe("completed");
    expect(await stateOf(none.projectId)).toBe("presented");
  });
});

describe("staff buttons after pairing", () => {
  it("staff take each step by hand: start interviews, mark presented, complete", async () => {
    const staff = await userWithCookie("staff");
    const p = await createProjectFixture({ state: "paired" });
    const page = async () =>
      payload(
        await settle(
          callLoader(staffLoader, `/staff/projects/${p.projectId}`, {
            cookie: staff.cookie,
            params: params(p.projectId),
            context: ctx,
          }),
        ),
      );
    const press = (intent: string) =>
      settle(
        callAction(staffAction, `/staff/projects/${p.projectId}`, {
          form: { intent },
          cookie: staff.cookie,
          params: params(p.projectId),
          context: ctx,
        }),
      );
    expect((await page()).actions).toEqual(["start_interviews", "cancel"]);
    expect(statusOf(await press("start_interviews"))).toBe(302);
    expect((await page()).actions).toEqual(["mark_presented", "cancel"]);
    // A step out of order is a conflict, and changes nothing.
    expect(statusOf(await press("complete"))).toBe(409);
    expect(statusOf(await press("mark_presented"))).toBe(302);
    expect(statusOf(await press("complete"))).toBe(302);
    expect(await stateOf(p.projectId)).toBe("completed");
    expect((await page()).actions).toEqual([]);
    expect((await eventsOf(p.projectId)).map((e) => [e.action, e.actor_id])).toEqual([
      ["start_interviews", staff.id],
      ["mark_presented", staff.id],
      ["complete", staff.id],
    ]);
  });

  it("a professor may start their own project's interviews, but not mark it presented", async () => {
    const p = await createProjectFixture({ state: "paired" });
    const cookie = await signIn(p.professor.id);
    const press = (intent: string) =>
      settle(
        callAction(profAction, `/professor/projects/${p.projectId}`, {
          form: { intent },
          cookie,
          params: params(p.projectId),
          context: ctx,
        }),
      );
    expect(statusOf(await press("start_interviews"))).toBe(302);
    expect(statusOf(await press("mark_presented"))).toBe(403);
    expect(await stateOf(p.projectId)).toBe("interviewing");
  });
});

describe("closing and cancelling tell everyone concerned (issue 12)", () => {
  it("mails the signed-up students and the host firms (users, or the contact address without an account), each once, in their language", async () => {
    const staff = await userWithCookie("staff");
    const p = await createProjectFixture({ hosts: 2 });
    const [withUsers, withoutAccount] = await db()
      .selectFrom("project_host")
      .select(["id", "firm_id"])
      .where("project_id", "=", p.projectId)
      .orderBy("id")
      .execute();
    const firmUser = await createUser("firm", { firm_id: withUsers.firm_id });
    await db()
      .updateTable("project_host")
      .set({ contact_email: "contact@nofirm.example" })
      .where("id", "=", withoutAccount.id)
      .execute();
    const students = [await createUser("student"), await createUser("student")];
    // The second student and the firm user read English.
    await db().updateTable("user").set({ locale: "en" }).where("id", "in", [students[1].id, firmUser.id]).execute();
    for (const s of students) {
      const r = await signUp(s, p.projectId, { joinCode: p.joinCode, ranking: p.hostIds, motivation: "m" });
      expect(r.ok).toBe(true);
    }
    const press = (form: Record<string, string>) =>
      settle(
        callAction(staffAction, `/staff/projects/${p.projectId}`, {
          form,
          cookie: staff.cookie,
          params: params(p.projectId),
          context: ctx,
        }),
      );
    const mailsOf = (kindPrefix: string) =>
      db()
        .selectFrom("outbox_message")
        .select(["to_address", "kind", "subject", "body_text"])
        .where("kind", "like", `${kindPrefix}%`)
        .orderBy("id")
        .execute();

    expect(statusOf(await press({ intent: "close" }))).toBe(302);
    const closed = await mailsOf("project.closed.");
    expect(closed.map((m) => [m.to_address, m.kind])).toEqual([
      [students[0].email, "project.closed.student"],
      [students[1].email, "project.closed.student"],
      [firmUser.email, "project.closed.firm"],
      ["contact@nofirm.example", "project.closed.firm"],
    ]);
    expect(closed[0].subject).toContain("申込みを締め切りました");
    expect(closed[1].subject).toContain("Sign-up has closed");
    expect(closed[2].subject).toContain("Sign-up has closed");

    expect(statusOf(await press({ intent: "cancel", comment: "受け入れ企業の事情により" }))).toBe(302);
    const cancelled = await mailsOf("project.cancelled.");
    expect(cancelled.map((m) => m.to_address)).toEqual([
      students[0].email,
      students[1].email,
      firmUser.email,
      "contact@nofirm.example",
    ]);
    expect(cancelled.every((m) => m.body_text.includes("受け入れ企業の事情により"))).toBe(true);
    // The professor is still told as before.
    expect((await mailsOf("project.cancelled")).map((m) => m.to_address)).toContain(p.professor.email);
  });
});
