/**
 * At the door of a presentation event: which students of the programme are present, and which presentations were
 * given. `listEventParticipants` is what certificate eligibility is computed from. Every mark takes an explicit
 * value, so a double tap or a resent form changes nothing, and only a real change is audited.
 */
import { getDb, now } from "~/utils/db.server";
import { normalizeForSearch, searchTerms } from "~/utils/firm-search";
import { fail, NOT_FOUND, ok, type Result } from "~/utils/result";
import { recordAudit } from "./audit.server";
import { loadTeams, membersOf, programmeRows, type Actor } from "./event.server";

export interface Participant {
  studentId: number;
  name: string;
  nameKana: string | null;
  nameLatin: string | null;
  projectId: number;
  projectTitleJa: string;
  projectTitleEn: string | null;
  presentationId: number;
  /** null: the slot is the whole seminar's. */
  hostId: number | null;
  firmId: number | null;
  firmName: string | null;
  presentationGiven: boolean;
  present: boolean;
  presentAt: string | null;
}

/**
 * Every student of every slot of the event's programme (in programme order), with their project, host firm, whether
 * their presentation was given and whether they were present. A student in two slots (two projects) appears twice.
 */
export async function listEventParticipants(eventId: number): Promise<Participant[]> {
  const [rows, marks] = await Promise.all([
    programmeRows(eventId),
    getDb().selectFrom("attendance").select(["student_id", "present_at"]).where("event_id", "=", eventId).execute(),
  ]);
  const teams = await loadTeams(rows.map((r) => r.project_id));
  const presentAt = new Map(marks.map((m) => [m.student_id, m.present_at]));
  return rows.flatMap((r) =>
    membersOf(teams, r.project_id, r.host_id).map((m) => ({
      ...m,
      projectId: r.project_id,
      projectTitleJa: r.project_title_ja,
      projectTitleEn: r.project_title_en,
      presentationId: r.id,
      hostId: r.host_id,
      firmId: r.firm_id,
      firmName: r.firm_name,
      presentationGiven: r.given_at !== null,
      present: presentAt.has(m.studentId),
      presentAt: presentAt.get(m.studentId) ?? null,
    })),
  );
}

/**
 * The door list: one group per slot with its students (those matching `q`, by name, reading or Latin name; groups
 * without a match are left out), and the counts over everyone.
 */
export async function getAttendanceSheet(eventId: number, q = "") {
  const [slots, participants] = await Promise.all([programmeRows(eventId), listEventParticipants(eventId)]);
  const terms = searchTerms(q);
  const matches = (p: Participant) => {
    const text = [p.name, p.nameKana ?? "", p.nameLatin ?? ""].map(normalizeForSearch).join("\n");
    return terms.every((term) => text.includes(term));
  };
  const students = new Map(participants.map((p) => [p.studentId, p.present]));
  const groups = slots
    .map((s) => ({
      id: s.id,
      position: s.position,
      starts_at: s.starts_at,
      title_ja: s.title_ja,
      title_en: s.title_en,
      project_title_ja: s.project_title_ja,
      project_title_en: s.project_title_en,
      firm_name: s.firm_name,
      given: s.given_at !== null,
      total: participants.filter((p) => p.presentationId === s.id).length,
      students: participants
        .filter((p) => p.presentationId === s.id && matches(p))
        .map((p) => ({
          studentId: p.studentId,
          name: p.name,
          nameKana: p.nameKana,
          present: p.present,
          presentAt: p.presentAt,
        })),
    }))
    .filter((g) => !terms.length || g.students.length > 0);
  return {
    groups,
    counts: {
      present: [...students.values()].filter(Boolean).length,
      students: students.size,
      given: slots.filter((s) => s.given_at !== null).length,
      slots: slots.length,
    },
  };
}

/**
 * Marks a student of the programme present (or not yet). The value is explicit, so a repeated post (a double tap,
 * a resent form) changes nothing; only a real change is written to the audit log.
 */
export async function setAttendance(
  actor: Actor,
  eventId: number,
  studentId: number,
  present: boolean,
): Promise<Result<{ name: string }, typeof NOT_FOUND>> {
  const participant = (await listEventParticipants(eventId)).find((p) => p.studentId === studentId);
  if (!participant) return fail(NOT_FOUND);
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const changed = present
        ? Number(
            (
              await trx
                .insertInto("attendance")
                .values({ event_id: eventId, student_id: studentId, present_at: now(), marked_by: actor.id })
                .onConflict((oc) => oc.columns(["event_id", "student_id"]).doNothing())
                .executeTakeFirst()
            ).numInsertedOrUpdatedRows ?? 0,
          )
        : Number(
            (
              await trx
                .deleteFrom("attendance")
                .where("event_id", "=", eventId)
                .where("student_id", "=", studentId)
                .executeTakeFirst()
            ).numDeletedRows,
          );
      if (changed) {
        await recordAudit(trx, {
          actorId: actor.id,
          action: present ? "attendance.present" : "attendance.absent",
          entityType: "event",
          entityId: eventId,
          detail: { studentId },
        });
      }
    });
  return ok({ name: participant.name });
}

/** Marks a slot's presentation given (or not). Idempotent like setAttendance. NOT_FOUND when there is no such slot. */
export async function setPresentationGiven(
  actor: Actor,
  eventId: number,
  presentationId: number,
  given: boolean,
): Promise<Result<object, typeof NOT_FOUND>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .updateTable("presentation")
        .set(given ? { given_at: now(), given_by: actor.id } : { given_at: null, given_by: null })
        .where("id", "=", presentationId)
        .where("event_id", "=", eventId)
        .where("given_at", given ? "is" : "is not", null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) {
        await recordAudit(trx, {
          actorId: actor.id,
          action: given ? "presentation.given" : "presentation.notGiven",
          entityType: "event",
          entityId: eventId,
          detail: { presentationId },
        });
        return ok();
      }
      const exists = await trx
        .selectFrom("presentation")
        .select("id")
        .where("id", "=", presentationId)
        .where("event_id", "=", eventId)
        .executeTakeFirst();
      return exists ? ok() : fail(NOT_FOUND);
    });
}
