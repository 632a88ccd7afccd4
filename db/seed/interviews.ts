/**
 * Interviews (interviews feature): the FY2025 teams' interviews in October 2025, one slot per team, booked, held
 * and marked done, so that the students present at the presentation day are eligible for a certificate.
 */
import type { Transaction } from "kysely";
import { assignedHosts } from "../../app/models/certificate.server";
import type { Database } from "../schema";
import { STAFF } from "./common";
import { fy2025Attendance } from "./events";

export async function seedInterviews(trx: Transaction<Database>) {
  const staff = await trx.selectFrom("user").select("id").where("email", "=", STAFF).executeTakeFirstOrThrow();
  const { projectId, requests } = await fy2025Attendance(trx);
  const hostOf = await assignedHosts(trx, requests);

  // One interview per team in October 2025, held and marked done.
  const teams = new Map<number, number[]>();
  for (const r of requests) {
    const host = hostOf.get(`${r.studentId}:${projectId}`);
    if (host) teams.set(host, [...(teams.get(host) ?? []), r.studentId]);
  }
  let day = 6;
  for (const [hostId, members] of teams) {
    if (await trx.selectFrom("interview_slot").select("id").where("host_id", "=", hostId).executeTakeFirst()) continue;
    const starts = `2025-10-${String(day).padStart(2, "0")}T05:00:00.000Z`; // 14:00 JST
    day += 2;
    const { id } = await trx
      .insertInto("interview_slot")
      .values({
        host_id: hostId,
        starts_at: starts,
        ends_at: starts.replace("T05", "T06"),
        place: "本社 会議室",
        online_url: null,
        created_by: staff.id,
        created_at: "2025-09-16T01:00:00.000Z",
        updated_at: "2025-09-16T01:00:00.000Z",
        cancelled_at: null,
        cancelled_by: null,
        cancel_reason: null,
        booked_at: "2025-09-20T03:00:00.000Z",
        booked_by: members[0],
        outcome: "done",
        outcome_by: staff.id,
        outcome_at: starts.replace("T05", "T07"),
        reminder_sent_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("interview_participant")
      .values(members.map((studentId) => ({ slot_id: id, student_id: studentId })))
      .execute();
  }
}
