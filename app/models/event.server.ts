/**
 * Presentation events: the event, its programme (slots, each for one project team — the students the project's
 * published pairing assigned to one host — or for a whole seminar) and professors' confirmation of their teams'
 * research titles. The marks staff take at the door are in attendance.server.ts, which reads the programme and its
 * teams through `programmeRows`, `loadTeams` and `membersOf`.
 */
import { sql } from "kysely";
import { PAIRED_STATES, PUBLIC_STATES } from "~/projects/lifecycle";
import type { EventInput } from "~/schemas/events";
import { getDb, now } from "~/utils/db.server";
import { fail, FORBIDDEN, NOT_FOUND, ok, type Result } from "~/utils/result";
import { recordAudit } from "./audit.server";
import { getPublishedRun } from "./pairing.server";

export interface Actor {
  id: number;
}

/** Projects whose teams can be on a programme: paired (the pairing is published) and later. */
/** A project can present at an event once it is paired. */
export const PRESENTING_STATES = PAIRED_STATES;

// ─── events ──────────────────────────────────────────────────────────────────

function eventColumns(input: EventInput) {
  return {
    title_ja: input.titleJa,
    title_en: input.titleEn,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    venue_ja: input.venueJa,
    venue_en: input.venueEn,
    description_ja: input.descriptionJa,
    description_en: input.descriptionEn,
  };
}

export async function createEvent(actor: Actor, input: EventInput) {
  const t = now();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto("event")
        .values({ ...eventColumns(input), created_by: actor.id, created_at: t, updated_at: t })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorId: actor.id, action: "event.create", entityType: "event", entityId: id });
      return id;
    });
}

/** NOT_FOUND when there is no such event. */
export async function updateEvent(
  actor: Actor,
  eventId: number,
  input: EventInput,
): Promise<Result<object, typeof NOT_FOUND>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .updateTable("event")
        .set({ ...eventColumns(input), updated_at: now() })
        .where("id", "=", eventId)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return fail(NOT_FOUND);
      await recordAudit(trx, { actorId: actor.id, action: "event.update", entityType: "event", entityId: eventId });
      return ok();
    });
}

export function getEvent(id: number) {
  return getDb().selectFrom("event").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Staff list: latest first, with the number of programme slots. */
export function listEvents() {
  return getDb()
    .selectFrom("event")
    .select([
      "event.id",
      "event.title_ja",
      "event.title_en",
      "event.starts_at",
      "event.ends_at",
      "event.venue_ja",
      "event.venue_en",
    ])
    .select((eb) =>
      eb
        .selectFrom("presentation")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("presentation.event_id", "=", "event.id")
        .as("slots"),
    )
    .orderBy("event.starts_at", "desc")
    .orderBy("event.id", "desc")
    .execute();
}

/** Every event is public: upcoming ones (not ended yet) soonest first, past ones latest first. */
export async function listPublicEvents(at: Date = new Date()) {
  const rows = await getDb()
    .selectFrom("event")
    .select(["id", "title_ja", "title_en", "starts_at", "ends_at", "venue_ja", "venue_en", "updated_at"])
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
  const t = at.toISOString();
  return { upcoming: rows.filter((e) => e.ends_at >= t), past: rows.filter((e) => e.ends_at < t).reverse() };
}

// ─── teams: who presents in a slot ───────────────────────────────────────────

export interface Member {
  studentId: number;
  name: string;
  nameKana: string | null;
  nameLatin: string | null;
}

export interface ProjectTeams {
  published: boolean;
  byHost: Map<number, Member[]>;
  paired: Member[];
}

/** Each project's teams from its published pairing (with staff's manual moves); no published run, no teams. */
export async function loadTeams(projectIds: number[]): Promise<Map<number, ProjectTeams>> {
  const ids = [...new Set(projectIds)];
  const teams = new Map<number, ProjectTeams>();
  if (!ids.length) return teams;
  const signups = await getDb()
    .selectFrom("signup")
    .innerJoin("user", "user.id", "signup.student_id")
    .select([
      "signup.id",
      "signup.project_id",
      "user.id as student_id",
      "user.name",
      "user.name_kana",
      "user.name_latin",
    ])
    .where("signup.project_id", "in", ids)
    .orderBy("user.name_kana")
    .orderBy("user.id")
    .execute();
  for (const projectId of ids) {
    const run = await getPublishedRun(projectId);
    const byHost = new Map<number, Member[]>();
    const paired: Member[] = [];
    for (const s of run ? signups.filter((x) => x.project_id === projectId) : []) {
      const host = run!.final[String(s.id)];
      if (host === null || host === undefined) continue;
      const member = { studentId: s.student_id, name: s.name, nameKana: s.name_kana, nameLatin: s.name_latin };
      paired.push(member);
      byHost.set(Number(host), [...(byHost.get(Number(host)) ?? []), member]);
    }
    teams.set(projectId, { published: Boolean(run), byHost, paired });
  }
  return teams;
}

/** A slot's students: those paired with its host, or for a whole-seminar slot (host null) every paired student. */
export function membersOf(teams: Map<number, ProjectTeams>, projectId: number, hostId: number | null): Member[] {
  const project = teams.get(projectId);
  if (!project) return [];
  return hostId === null ? project.paired : (project.byHost.get(hostId) ?? []);
}

/** A team may be on one event's programme once, and a whole-seminar slot excludes its project's team slots. */
export function conflictsWith(
  slots: Array<{ project_id: number; host_id: number | null }>,
  projectId: number,
  hostId: number | null,
) {
  return slots.some(
    (s) => s.project_id === projectId && (s.host_id === hostId || s.host_id === null || hostId === null),
  );
}

// ─── the programme ───────────────────────────────────────────────────────────

/** The event's slots in programme order, with project, university, host firm and who confirmed the title. */
export function programmeRows(eventId: number) {
  return getDb()
    .selectFrom("presentation")
    .innerJoin("project", "project.id", "presentation.project_id")
    .innerJoin("university", "university.id", "project.university_id")
    .leftJoin("project_host", "project_host.id", "presentation.host_id")
    .leftJoin("firm", "firm.id", "project_host.firm_id")
    .leftJoin("user as confirmer", "confirmer.id", "presentation.confirmed_by")
    .select([
      "presentation.id",
      "presentation.project_id",
      "presentation.host_id",
      "presentation.position",
      "presentation.starts_at",
      "presentation.title_ja",
      "presentation.title_en",
      "presentation.confirmed_at",
      "presentation.given_at",
      "project.title_ja as project_title_ja",
      "project.title_en as project_title_en",
      "project.seminar_name",
      "project.state as project_state",
      "university.name_ja as university_ja",
      "university.name_en as university_en",
      "firm.id as firm_id",
      "firm.name as firm_name",
      "firm.is_public as firm_public",
      "firm.hidden_at as firm_hidden_at",
      "confirmer.name as confirmed_by_name",
    ])
    .where("presentation.event_id", "=", eventId)
    .orderBy("presentation.position")
    .orderBy("presentation.id")
    .execute();
}

/** The staff's programme: every slot with its students (names) and whether its project's pairing is published. */
export async function getProgramme(eventId: number) {
  const rows = await programmeRows(eventId);
  const teams = await loadTeams(rows.map((r) => r.project_id));
  return rows.map(({ firm_public: _p, firm_hidden_at: _h, ...r }) => ({
    ...r,
    published: teams.get(r.project_id)?.published ?? false,
    members: membersOf(teams, r.project_id, r.host_id).map((m) => ({ studentId: m.studentId, name: m.name })),
  }));
}

/** What the public sees of an event (its page and the open-data file): nothing about who created it. */
const PUBLIC_EVENT_COLUMNS = [
  "id",
  "title_ja",
  "title_en",
  "starts_at",
  "ends_at",
  "venue_ja",
  "venue_en",
  "description_ja",
  "description_en",
] as const;

/** Every event with what its public page shows of it, soonest first (the open-data file). */
export function listPublicEventDetails() {
  return getDb().selectFrom("event").select(PUBLIC_EVENT_COLUMNS).orderBy("starts_at").orderBy("id").execute();
}

/**
 * The public page: no personal data at all (no student, no professor). A firm is named only when it is listed in
 * the public directory; a research title is shown only once the professor has confirmed it.
 */
export async function getPublicEvent(eventId: number) {
  const event = await getDb()
    .selectFrom("event")
    .select(PUBLIC_EVENT_COLUMNS)
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!event) return null;
  const rows = await programmeRows(eventId);
  const programme = rows
    .filter((r) => PUBLIC_STATES.includes(r.project_state))
    .map((r, i) => ({
      id: r.id,
      number: i + 1,
      starts_at: r.starts_at,
      project_title_ja: r.project_title_ja,
      project_title_en: r.project_title_en,
      university_ja: r.university_ja,
      university_en: r.university_en,
      seminar_name: r.seminar_name,
      wholeSeminar: r.host_id === null,
      firm_name: r.firm_public === 1 && r.firm_hidden_at === null ? r.firm_name : null,
      title_ja: r.confirmed_at ? r.title_ja : null,
      title_en: r.confirmed_at ? r.title_en : null,
    }));
  return { event, programme };
}

/** What the programme form offers: presenting projects, each with its whole seminar and its accepted hosts' teams. */
export async function listTeamChoices() {
  const db = getDb();
  const projects = await db
    .selectFrom("project")
    .innerJoin("university", "university.id", "project.university_id")
    .select([
      "project.id",
      "project.title_ja",
      "project.title_en",
      "project.seminar_name",
      "project.fiscal_year",
      "university.name_ja as university_ja",
      "university.name_en as university_en",
    ])
    .where("project.state", "in", PRESENTING_STATES)
    .orderBy("project.fiscal_year", "desc")
    .orderBy("project.id", "desc")
    .execute();
  if (!projects.length) return [];
  const hosts = await db
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select(["project_host.id", "project_host.project_id", "firm.name"])
    .where(
      "project_host.project_id",
      "in",
      projects.map((p) => p.id),
    )
    .where("project_host.status", "=", "accepted")
    .orderBy("firm.name_kana")
    .execute();
  const teams = await loadTeams(projects.map((p) => p.id));
  return projects.map((p) => ({
    ...p,
    published: teams.get(p.id)?.published ?? false,
    seminarSize: membersOf(teams, p.id, null).length,
    hosts: hosts
      .filter((h) => h.project_id === p.id)
      .map((h) => ({ id: h.id, name: h.name, size: membersOf(teams, p.id, h.id).length })),
  }));
}

export type SlotFailure =
  | typeof NOT_FOUND
  | "events.errors.projectNotPresenting"
  | "events.errors.hostNotAccepted"
  | "events.errors.duplicate"
  | "events.errors.timeOutsideEvent";
type SlotResult = Result<object, SlotFailure>;

export interface SlotInput {
  startsAt: string | null; // ISO UTC
  titleJa: string;
  titleEn?: string | null;
}

function withinEvent(event: { starts_at: string; ends_at: string }, startsAt: string | null) {
  return startsAt === null || (event.starts_at <= startsAt && startsAt <= event.ends_at);
}

/** Appends a slot. The duplicate check and the insert share a transaction (SQLite runs them one at a time). */
export async function addPresentation(
  actor: Actor,
  eventId: number,
  input: SlotInput & { projectId: number; hostId: number | null },
): Promise<SlotResult> {
  const db = getDb();
  const event = await getEvent(eventId);
  if (!event) return fail(NOT_FOUND);
  if (!withinEvent(event, input.startsAt)) return fail("events.errors.timeOutsideEvent");
  const project = await db.selectFrom("project").select("state").where("id", "=", input.projectId).executeTakeFirst();
  if (!project || !PRESENTING_STATES.includes(project.state)) return fail("events.errors.projectNotPresenting");
  if (input.hostId !== null) {
    const host = await db
      .selectFrom("project_host")
      .select("id")
      .where("id", "=", input.hostId)
      .where("project_id", "=", input.projectId)
      .where("status", "=", "accepted")
      .executeTakeFirst();
    if (!host) return fail("events.errors.hostNotAccepted");
  }
  return db.transaction().execute(async (trx): Promise<SlotResult> => {
    const slots = await trx
      .selectFrom("presentation")
      .select(["project_id", "host_id"])
      .where("event_id", "=", eventId)
      .execute();
    if (conflictsWith(slots, input.projectId, input.hostId)) return fail("events.errors.duplicate");
    const { id } = await trx
      .insertInto("presentation")
      .values({
        event_id: eventId,
        project_id: input.projectId,
        host_id: input.hostId,
        position: sql<number>`(select coalesce(max(p.position), 0) + 1 from presentation p where p.event_id = ${eventId})`,
        starts_at: input.startsAt,
        title_ja: input.titleJa,
        title_en: input.titleEn || null,
        created_at: now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "presentation.add",
      entityType: "event",
      entityId: eventId,
      detail: { presentationId: id, projectId: input.projectId, hostId: input.hostId },
    });
    return ok();
  });
}

/**
 * Staff change a slot's time and title. Changing the title (either language) withdraws the professor's
 * confirmation: what was confirmed is no longer what is printed.
 */
export async function updatePresentation(
  actor: Actor,
  eventId: number,
  presentationId: number,
  input: SlotInput,
): Promise<SlotResult> {
  const event = await getEvent(eventId);
  if (!event) return fail(NOT_FOUND);
  if (!withinEvent(event, input.startsAt)) return fail("events.errors.timeOutsideEvent");
  return getDb()
    .transaction()
    .execute(async (trx): Promise<SlotResult> => {
      const current = await trx
        .selectFrom("presentation")
        .select(["title_ja", "title_en", "confirmed_at"])
        .where("id", "=", presentationId)
        .where("event_id", "=", eventId)
        .executeTakeFirst();
      if (!current) return fail(NOT_FOUND);
      const titleEn = input.titleEn || null;
      const titleChanged = current.title_ja !== input.titleJa || current.title_en !== titleEn;
      await trx
        .updateTable("presentation")
        .set({
          starts_at: input.startsAt,
          title_ja: input.titleJa,
          title_en: titleEn,
          ...(titleChanged ? { confirmed_at: null, confirmed_by: null } : {}),
        })
        .where("id", "=", presentationId)
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "presentation.update",
        entityType: "event",
        entityId: eventId,
        detail: { presentationId, titleChanged, confirmationWithdrawn: titleChanged && current.confirmed_at !== null },
      });
      return ok();
    });
}

/** Swaps a slot with its neighbour; at either end of the programme nothing moves. NOT_FOUND when there is no such slot. */
export async function movePresentation(
  actor: Actor,
  eventId: number,
  presentationId: number,
  direction: "up" | "down",
): Promise<Result<object, typeof NOT_FOUND>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const current = await trx
        .selectFrom("presentation")
        .select(["id", "position"])
        .where("id", "=", presentationId)
        .where("event_id", "=", eventId)
        .executeTakeFirst();
      if (!current) return fail(NOT_FOUND);
      const neighbour = await trx
        .selectFrom("presentation")
        .select(["id", "position"])
        .where("event_id", "=", eventId)
        .where("position", direction === "up" ? "<" : ">", current.position)
        .orderBy("position", direction === "up" ? "desc" : "asc")
        .limit(1)
        .executeTakeFirst();
      if (!neighbour) return ok();
      await trx
        .updateTable("presentation")
        .set({ position: neighbour.position })
        .where("id", "=", current.id)
        .execute();
      await trx
        .updateTable("presentation")
        .set({ position: current.position })
        .where("id", "=", neighbour.id)
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "presentation.move",
        entityType: "event",
        entityId: eventId,
        detail: { presentationId, from: current.position, to: neighbour.position },
      });
      return ok();
    });
}

/** Removes a slot and closes the gap in the order. NOT_FOUND when there is no such slot. */
export async function removePresentation(
  actor: Actor,
  eventId: number,
  presentationId: number,
): Promise<Result<object, typeof NOT_FOUND>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const current = await trx
        .selectFrom("presentation")
        .select(["position", "project_id", "host_id", "title_ja"])
        .where("id", "=", presentationId)
        .where("event_id", "=", eventId)
        .executeTakeFirst();
      if (!current) return fail(NOT_FOUND);
      await trx.deleteFrom("presentation").where("id", "=", presentationId).execute();
      await trx
        .updateTable("presentation")
        .set((eb) => ({ position: eb("position", "-", 1) }))
        .where("event_id", "=", eventId)
        .where("position", ">", current.position)
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "presentation.remove",
        entityType: "event",
        entityId: eventId,
        detail: { presentationId, projectId: current.project_id, hostId: current.host_id, titleJa: current.title_ja },
      });
      return ok();
    });
}

// ─── professors: their teams' titles ─────────────────────────────────────────

/** Every slot of a professor's projects, on every event, latest event first, with the team's students. */
export async function listProfessorPresentations(professorId: number) {
  const rows = await getDb()
    .selectFrom("presentation")
    .innerJoin("event", "event.id", "presentation.event_id")
    .innerJoin("project", "project.id", "presentation.project_id")
    .leftJoin("project_host", "project_host.id", "presentation.host_id")
    .leftJoin("firm", "firm.id", "project_host.firm_id")
    .select([
      "presentation.id",
      "presentation.project_id",
      "presentation.host_id",
      "presentation.position",
      "presentation.starts_at",
      "presentation.title_ja",
      "presentation.title_en",
      "presentation.confirmed_at",
      "event.id as event_id",
      "event.title_ja as event_title_ja",
      "event.title_en as event_title_en",
      "event.starts_at as event_starts_at",
      "event.ends_at as event_ends_at",
      "event.venue_ja",
      "event.venue_en",
      "project.title_ja as project_title_ja",
      "project.title_en as project_title_en",
      "firm.name as firm_name",
    ])
    .where("project.professor_id", "=", professorId)
    .orderBy("event.starts_at", "desc")
    .orderBy("presentation.position")
    .execute();
  const teams = await loadTeams(rows.map((r) => r.project_id));
  return rows.map((r) => ({ ...r, members: membersOf(teams, r.project_id, r.host_id).map((m) => m.name) }));
}

/** The project's professor saves the title (as they want it) and confirms it. */
export async function confirmPresentationTitle(
  professor: Actor,
  presentationId: number,
  input: { titleJa: string; titleEn?: string | null },
): Promise<Result<object, typeof NOT_FOUND | typeof FORBIDDEN>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .selectFrom("presentation")
        .innerJoin("project", "project.id", "presentation.project_id")
        .select(["presentation.event_id", "presentation.title_ja", "presentation.title_en", "project.professor_id"])
        .where("presentation.id", "=", presentationId)
        .executeTakeFirst();
      if (!row) return fail(NOT_FOUND);
      if (row.professor_id !== professor.id) return fail(FORBIDDEN);
      const titleEn = input.titleEn || null;
      await trx
        .updateTable("presentation")
        .set({ title_ja: input.titleJa, title_en: titleEn, confirmed_at: now(), confirmed_by: professor.id })
        .where("id", "=", presentationId)
        .execute();
      await recordAudit(trx, {
        actorId: professor.id,
        action: "presentation.confirm",
        entityType: "event",
        entityId: row.event_id,
        detail: { presentationId, titleChanged: row.title_ja !== input.titleJa || row.title_en !== titleEn },
      });
      return ok();
    });
}
