// A certificate-ready event (issue 9): a paired project's two teams presented, attended, and had their interviews.
// Shared by the certificate route tests and the PostgreSQL operations test (batches from two processes at once).
import { createRun, getPublishedRun, publishRun } from "~/models/pairing.server";
import { signUp } from "~/models/signup.server";
import { getDb, now } from "~/utils/db.server";
import { createUser } from "../setup/http";
import { createProjectFixture, runIdOf } from "./projects";

/**
 * An event whose programme has both teams of a paired project (2 hosts, 4 students): presentations given, every
 * student present and every team's interview done, unless told otherwise.
 */
export async function createCertificateEvent(
  staff: { id: number },
  options: { absent?: number; interviewNotDone?: boolean } = {},
) {
  const p = await createProjectFixture({ hosts: 2 });
  await getDb().updateTable("project_host").set({ capacity: 2 }).where("project_id", "=", p.projectId).execute();
  const students = [];
  for (let i = 0; i < 4; i++) {
    const s = await createUser("student", {
      name: `証明 太郎${p.projectId}-${i}`,
    });
    const ranking = i % 2 ? [...p.hostIds].reverse() : p.hostIds;
    const signed = await signUp(s, p.projectId, { joinCode: p.joinCode, ranking, motivation: "m" });
    if (!signed.ok) throw new Error(`fixture sign-up refused: ${signed.reason}`);
    students.push(s);
  }
  await getDb().updateTable("project").set({ state: "closed" }).where("id", "=", p.projectId).execute();
  const runId = await runIdOf(createRun(p.projectId, { id: staff.id, role: "staff" }));
  await publishRun(runId, { id: staff.id, role: "staff" }, async () => []);
  await getDb().updateTable("project").set({ state: "presented" }).where("id", "=", p.projectId).execute();
  const run = (await getPublishedRun(p.projectId))!;
  const signups = await getDb()
    .selectFrom("signup")
    .select(["id", "student_id"])
    .where("project_id", "=", p.projectId)
    .execute();
  const teamOf = (hostId: number) =>
    signups.filter((s) => run.final[String(s.id)] === String(hostId)).map((s) => s.student_id);
  const t = now();
  const { id: eventId } = await getDb()
    .insertInto("event")
    .values({
      title_ja: "北区産学連携研究発表会",
      title_en: "Presentation Day",
      starts_at: "2027-02-19T05:00:00.000Z",
      ends_at: "2027-02-19T08:00:00.000Z",
      venue_ja: "北とぴあ",
      venue_en: "Hokutopia",
      description_ja: null,
      description_en: null,
      created_by: staff.id,
      created_at: t,
      updated_at: t,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [i, hostId] of p.hostIds.entries()) {
    await getDb()
      .insertInto("presentation")
      .values({
        event_id: eventId,
        project_id: p.projectId,
        host_id: hostId,
        position: i + 1,
        starts_at: null,
        title_ja: "販路の調査",
        title_en: null,
        confirmed_at: t,
        confirmed_by: null,
        given_at: t,
        given_by: staff.id,
        created_at: t,
      })
      .execute();
    if (options.interviewNotDone && i === 1) continue;
    await getDb()
      .insertInto("interview_slot")
      .values({
        host_id: hostId,
        starts_at: "2026-10-01T05:00:00.000Z",
        ends_at: "2026-10-01T06:00:00.000Z",
        place: "本社",
        online_url: null,
        created_by: staff.id,
        created_at: t,
        updated_at: t,
        cancelled_at: null,
        cancelled_by: null,
        cancel_reason: null,
        booked_at: t,
        booked_by: teamOf(hostId)[0],
        outcome: "done",
        outcome_by: staff.id,
        outcome_at: t,
        reminder_sent_at: null,
      })
      .execute();
  }
  const attending = students.filter((_, i) => i !== options.absent);
  if (attending.length)
    await getDb()
      .insertInto("attendance")
      .values(
        attending.map((s) => ({
          event_id: eventId,
          student_id: s.id,
          present_at: t,
          marked_by: staff.id,
        })),
      )
      .execute();
  return { ...p, eventId, students, teamOf };
}
