/**
 * Interview slots and bookings. A host firm offers slots; the host's team (the students paired with it in the
 * project's published run, overrides included) books one, first come first served.
 *
 * Concurrency: a booking is ONE conditional UPDATE of the slot (free, not cancelled, not started, the host holds no
 * other live booking, and no other team any member belongs to holds a live booking overlapping it). Team membership
 * comes from the published runs' JSON, so it is computed here first and passed in as host ids; the runs are fixed
 * once published except for staff placing an unplaced student, which only adds members, so the check stays right.
 * The transaction's first statement is that write, so SQLite takes the write lock before evaluating the conditions
 * (as BEGIN IMMEDIATE would): no other writer can slip in between the check and the write. A partial unique index
 * also keeps one live booking per host. interview_participant is the booking's roster (who it covers), written with
 * it and topped up with late-placed members before the team is mailed.
 */
import { sql, type Transaction } from "kysely";
import { BOOKING_STATES, DEFAULT_CUTOFF_HOURS, hasEnded, OUTCOME_STATES } from "~/interviews/slots";
import { getDb, lockRowsForUpdate } from "~/utils/db.server";
import { tokyoDate } from "~/utils/format";
import { fail, FORBIDDEN, NOT_FOUND, ok, type Result } from "~/utils/result";
import type { Database, InterviewOutcome, Role } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { interviewMails, type Audience, type InterviewMailKind } from "./interview-mail.server";
import { enqueueMail } from "./outbox.server";
import { getPublishedRun } from "./pairing.server";

export type InterviewFailure =
  | typeof NOT_FOUND
  | typeof FORBIDDEN
  | "interviews.errors.wrongState"
  | "interviews.errors.taken" // the slot is booked, cancelled or gone
  | "interviews.errors.teamBooked" // the team already holds a booking
  | "interviews.errors.overlap" // a team member has another interview at that time
  | "interviews.errors.started"
  | "interviews.errors.cutoff"
  | "interviews.errors.notBooked"
  | "interviews.errors.notEnded"
  | "interviews.errors.past"
  | "interviews.errors.outsidePeriod";

export type InterviewResult = Result<object, InterviewFailure>;

/** A signed-in user. */
interface UserActor {
  id: number;
  role: Role;
  firm_id?: number | null;
}

/**
 * A host firm without an account, acting through the signed link of its host page (host-page.server.ts): it may do
 * for that one host what the firm's users may do, and has no user id (its writes leave the `*_by` columns empty
 * where they may be, and its audit entries say `via: "host-link"`).
 */
export interface HostLinkActor {
  role: "host-link";
  id: null;
  hostId: number;
  firm_id?: undefined;
}

type Actor = UserActor | HostLinkActor;

/** A booking may be moved or released only while it starts after this instant (now + the host's cut-off). */
const cutoffLimit = (at: Date, hours: number) => new Date(at.getTime() + hours * 3_600_000).toISOString();
const OK: InterviewResult = ok();

/** Thrown inside a transaction to roll it back with a reason. */
class Abort extends Error {
  constructor(public reason: InterviewFailure) {
    super(reason);
  }
}

// ─── hosts and teams ─────────────────────────────────────────────────────────

/** A project host with what the interview pages need, or undefined. */
export function getInterviewHost(hostId: number) {
  return getDb()
    .selectFrom("project_host")
    .innerJoin("project", "project.id", "project_host.project_id")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .leftJoin("host_interview_setting", "host_interview_setting.host_id", "project_host.id")
    .select([
      "project_host.id",
      "project_host.project_id",
      "project_host.firm_id",
      "firm.name as firm_name",
      "project.title_ja",
      "project.title_en",
      "project.state",
      "project.professor_id",
      "project_host.invited_by",
      "project.interview_from",
      "project.interview_until",
      "host_interview_setting.change_cutoff_hours",
    ])
    .where("project_host.id", "=", hostId)
    .executeTakeFirst()
    .then((h) => h && { ...h, change_cutoff_hours: h.change_cutoff_hours ?? DEFAULT_CUTOFF_HOURS });
}

export type InterviewHost = NonNullable<Awaited<ReturnType<typeof getInterviewHost>>>;

export interface TeamMember {
  id: number;
  name: string;
  name_kana: string | null;
}

/** Sign-up id → host id of a project's published run (final assignments, overrides included); empty before publishing. */
async function publishedAssignments(projectId: number): Promise<Record<string, string | null>> {
  return (await getPublishedRun(projectId))?.final ?? {};
}

/** The hosts whose teams these students are in (one per project with a published run that placed them). */
export async function teamHostIds(studentIds: number[]): Promise<number[]> {
  if (studentIds.length === 0) return [];
  const signups = await getDb()
    .selectFrom("signup")
    .select(["id", "project_id"])
    .where("student_id", "in", studentIds)
    .orderBy("id", "desc")
    .execute();
  const hosts = new Set<number>();
  for (const s of signups) {
    const host = (await publishedAssignments(s.project_id))[String(s.id)];
    if (host) hosts.add(Number(host));
  }
  return [...hosts];
}

/** The students paired with the host in the project's published run. */
export async function getTeam(host: { id: number; project_id: number }): Promise<TeamMember[]> {
  const final = await publishedAssignments(host.project_id);
  const signupIds = Object.entries(final)
    .filter(([, h]) => h === String(host.id))
    .map(([s]) => Number(s));
  if (signupIds.length === 0) return [];
  return getDb()
    .selectFrom("signup")
    .innerJoin("user", "user.id", "signup.student_id")
    .select(["user.id", "user.name", "user.name_kana"])
    .where("signup.id", "in", signupIds)
    .where("signup.project_id", "=", host.project_id)
    .orderBy("user.name_kana")
    .orderBy("user.id")
    .execute();
}

/** Who may see a host's slots: staff, the host firm's users, the project's professor, the team. */
function mayView(user: Actor, host: InterviewHost, team: TeamMember[]): boolean {
  switch (user.role) {
    case "staff":
      return true;
    case "firm":
      return user.firm_id != null && user.firm_id === host.firm_id;
    case "professor":
      return host.professor_id === user.id;
    case "student":
      return team.some((m) => m.id === user.id);
    case "host-link":
      return user.hostId === host.id;
  }
}

/**
 * Who may offer and cancel a host's slots and set its cut-off: the host firm's users, the host itself through its
 * link, and staff on the host's behalf (for a host without an account; audited as done by staff).
 */
function mayManage(user: Actor, host: { id: number; firm_id: number }): boolean {
  if (user.role === "host-link") return user.hostId === host.id;
  if (user.role === "staff") return true;
  return user.role === "firm" && user.firm_id != null && user.firm_id === host.firm_id;
}

/** How an action was taken, for the audit entry: by the firm itself, through the host link, or by staff for it. */
function actingFor(user: Actor, hostId: number) {
  if (user.role === "host-link") return { via: "host-link", hostId };
  if (user.role === "staff") return { onBehalfOfHost: hostId };
  return undefined;
}

/** The host, its team and whether `user` may see them; null for an unknown host. */
export async function loadHostFor(user: Actor, hostId: number) {
  const host = await getInterviewHost(hostId);
  if (!host) return null;
  const team = await getTeam(host);
  return { host, team, visible: mayView(user, host, team) };
}

export function getSlot(slotId: number) {
  return getDb().selectFrom("interview_slot").selectAll().where("id", "=", slotId).executeTakeFirst();
}

export type InterviewSlot = NonNullable<Awaited<ReturnType<typeof getSlot>>>;

/** A slot with its host and team, if `user` may see it: NOT_FOUND / FORBIDDEN otherwise. */
export async function loadSlotFor(user: Actor, slotId: number) {
  const slot = await getSlot(slotId);
  if (!slot) return fail(NOT_FOUND);
  const loaded = await loadHostFor(user, slot.host_id);
  if (!loaded) return fail(NOT_FOUND);
  if (!loaded.visible) return fail(FORBIDDEN);
  return ok({ slot, host: loaded.host, team: loaded.team });
}

// ─── slots offered by the firm ───────────────────────────────────────────────

export interface SlotInput {
  startsAt: string; // ISO UTC
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
}

/** A firm user offers a slot: not in the past, and within the project's interview period (Tokyo dates). */
export async function addSlot(
  user: Actor,
  hostId: number,
  input: SlotInput,
  at: Date = new Date(),
): Promise<Result<{ id: number }, InterviewFailure>> {
  const loaded = await loadHostFor(user, hostId);
  if (!loaded) return fail(NOT_FOUND);
  const { host, team } = loaded;
  if (!mayManage(user, host)) return fail(FORBIDDEN);
  if (!BOOKING_STATES.includes(host.state) || team.length === 0) return fail("interviews.errors.wrongState");
  if (input.startsAt <= at.toISOString()) return fail("interviews.errors.past");
  if (
    tokyoDate(new Date(input.startsAt)) < host.interview_from ||
    tokyoDate(new Date(input.endsAt)) > host.interview_until
  ) {
    return fail("interviews.errors.outsidePeriod");
  }
  const t = at.toISOString();
  const id = await getDb()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("interview_slot")
        .values({
          host_id: host.id,
          starts_at: input.startsAt,
          ends_at: input.endsAt,
          place: input.place,
          online_url: input.onlineUrl,
          // The column needs a person: a host without an account offers through the city, so the staff member who
          // invited it answers for the slot (the audit entry records that the host itself offered it).
          created_by: user.id ?? host.invited_by ?? host.professor_id,
          created_at: t,
          updated_at: t,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: user.id,
        action: "interview.slot.add",
        entityType: "interview_slot",
        entityId: row.id,
        detail: actingFor(user, host.id),
      });
      return row.id;
    });
  return ok({ id });
}

/** The host's change cut-off, in whole hours before the booked slot starts. */
export async function setCutoff(
  user: Actor,
  hostId: number,
  hours: number,
  at: Date = new Date(),
): Promise<InterviewResult> {
  const host = await getInterviewHost(hostId);
  if (!host) return fail(NOT_FOUND);
  if (!mayManage(user, host)) return fail(FORBIDDEN);
  const t = at.toISOString();
  await getDb()
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto("host_interview_setting")
        .values({ host_id: hostId, change_cutoff_hours: hours, updated_by: user.id, updated_at: t })
        .onConflict((oc) =>
          oc.column("host_id").doUpdateSet({ change_cutoff_hours: hours, updated_by: user.id, updated_at: t }),
        )
        .execute();
      await recordAudit(trx, {
        actorId: user.id,
        action: "interview.cutoff",
        entityType: "project_host",
        entityId: hostId,
        detail: { hours, ...actingFor(user, hostId) },
      });
    });
  return OK;
}

/**
 * The firm cancels a slot that has not started, with a reason. A booked slot's team is notified and is free to book
 * another (a cancelled slot no longer counts as booked; it keeps its booking columns so the feed can show it).
 */
export async function cancelSlot(
  user: Actor,
  slotId: number,
  reason: string,
  at: Date = new Date(),
): Promise<InterviewResult> {
  const loaded = await loadSlotFor(user, slotId);
  if (!loaded.ok) return loaded;
  if (!mayManage(user, loaded.host)) return fail(FORBIDDEN);
  const t = at.toISOString();
  try {
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const r = await trx
          .updateTable("interview_slot")
          .set({
            cancelled_at: t,
            cancelled_by: user.id,
            cancel_reason: reason,
            updated_at: t,
            sequence: sql<number>`sequence + 1`,
          })
          .where("id", "=", slotId)
          .where("cancelled_at", "is", null)
          .where("starts_at", ">", t)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1)
          throw new Abort(loaded.slot.cancelled_at ? "interviews.errors.taken" : "interviews.errors.started");
        await recordAudit(trx, {
          actorId: user.id,
          action: "interview.slot.cancel",
          entityType: "interview_slot",
          entityId: slotId,
          detail: { reason, ...actingFor(user, loaded.host.id) },
        });
        const wasBooked = await trx
          .selectFrom("interview_slot")
          .select("booked_at")
          .where("id", "=", slotId)
          .executeTakeFirstOrThrow();
        if (wasBooked.booked_at) {
          await syncRoster(
            trx,
            slotId,
            loaded.team.map((m) => m.id),
          );
          await queueMails(trx, slotId, "cancelled", ["team"]);
        }
      });
  } catch (error) {
    if (error instanceof Abort) return fail(error.reason);
    throw error;
  }
  return OK;
}

// ─── booking ─────────────────────────────────────────────────────────────────

async function queueMails(
  trx: Transaction<Database>,
  slotId: number,
  kind: InterviewMailKind,
  to: Audience[],
  extra = {},
) {
  for (const mail of await interviewMails(trx, slotId, kind, to, extra)) await enqueueMail(trx, mail);
}

/** Adds the members a booking's roster lacks (students placed on the team after it booked). */
export async function syncRoster(trx: Transaction<Database>, slotId: number, memberIds: number[]) {
  if (memberIds.length === 0) return;
  await trx
    .insertInto("interview_participant")
    .values(memberIds.map((student_id) => ({ slot_id: slotId, student_id })))
    .onConflict((oc) => oc.columns(["slot_id", "student_id"]).doNothing())
    .execute();
}

/**
 * The one conditional statement that books `slot` for the team (see the module comment), then the roster.
 * `otherHostIds`: the other teams the members are in. Returns false when any condition fails; nothing is written then.
 */
async function claimSlot(
  trx: Transaction<Database>,
  slot: InterviewSlot,
  team: { memberIds: number[]; otherHostIds: number[] },
  bookerId: number,
  t: string,
) {
  // PostgreSQL (READ COMMITTED) re-checks the slot's own conditions under its row lock, but the NOT EXISTS checks on
  // other slots would each miss a concurrent booking: bookings touching these teams queue on their hosts' rows first.
  await lockRowsForUpdate(trx, "project_host", [slot.host_id, ...team.otherHostIds]);
  const r = await trx
    .updateTable("interview_slot")
    .set({
      booked_at: t,
      booked_by: bookerId,
      reminder_sent_at: null,
      updated_at: t,
      sequence: sql<number>`sequence + 1`,
    })
    .where("id", "=", slot.id)
    .where("booked_at", "is", null)
    .where("cancelled_at", "is", null)
    .where("starts_at", ">", t)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("interview_slot as held")
            .select("held.id")
            .where("held.host_id", "=", slot.host_id)
            .where("held.booked_at", "is not", null)
            .where("held.cancelled_at", "is", null)
            .where(notMissed("held.outcome")),
        ),
      ),
    )
    .$if(team.otherHostIds.length > 0, (q) =>
      q.where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("interview_slot as busy")
              .select("busy.id")
              .where("busy.host_id", "in", team.otherHostIds)
              .where("busy.booked_at", "is not", null)
              .where("busy.cancelled_at", "is", null)
              .where("busy.starts_at", "<", slot.ends_at)
              .where("busy.ends_at", ">", slot.starts_at),
          ),
        ),
      ),
    )
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await syncRoster(trx, slot.id, team.memberIds);
  return true;
}

/**
 * Releases the team's live booking of a slot if it starts after `notBefore` (the cut-off); false otherwise. The
 * roster stays until the caller drops it (the firm's mail about the release names the team).
 */
async function releaseSlot(trx: Transaction<Database>, slotId: number, notBefore: string, t: string) {
  const r = await trx
    .updateTable("interview_slot")
    .set({
      booked_at: null,
      booked_by: null,
      reminder_sent_at: null,
      updated_at: t,
      sequence: sql<number>`sequence + 1`,
    })
    .where("id", "=", slotId)
    .where("booked_at", "is not", null)
    .where("cancelled_at", "is", null)
    .where("starts_at", ">", notBefore)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

function dropParticipants(trx: Transaction<Database>, slotId: number) {
  return trx.deleteFrom("interview_participant").where("slot_id", "=", slotId).execute();
}

/** Why a claim failed, read after the fact (the decision itself was the conditional statement). */
async function whyNotClaimed(slot: InterviewSlot, t: string, ignoreSlotId?: number): Promise<InterviewFailure> {
  const now = await getSlot(slot.id);
  if (!now || now.cancelled_at || now.booked_at) return "interviews.errors.taken";
  if (now.starts_at <= t) return "interviews.errors.started";
  const held = await getDb()
    .selectFrom("interview_slot")
    .select("id")
    .where("host_id", "=", slot.host_id)
    .where("booked_at", "is not", null)
    .where("cancelled_at", "is", null)
    .where(notMissed("outcome"))
    .$if(ignoreSlotId !== undefined, (q) => q.where("id", "!=", ignoreSlotId!))
    .executeTakeFirst();
  return held ? "interviews.errors.teamBooked" : "interviews.errors.overlap";
}

/**
 * A missed interview no longer holds the team's one booking, so the team can book another slot (the partial unique
 * index interview_slot_one_booking has the same condition).
 */
function notMissed(column: "outcome" | "held.outcome") {
  return sql<boolean>`(${sql.ref(column)} is null or ${sql.ref(column)} <> 'missed')`;
}

function isUniqueViolation(error: unknown) {
  const code = (error as { code?: string })?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}

/** The student's team for the slot's host, and the checks every booking change shares. */
async function bookingContext(student: Actor, slotId: number) {
  const loaded = await loadSlotFor(student, slotId);
  if (!loaded.ok) return loaded;
  if (student.role !== "student") return fail(FORBIDDEN);
  if (!BOOKING_STATES.includes(loaded.host.state)) return fail("interviews.errors.wrongState");
  const memberIds = loaded.team.map((m) => m.id);
  const otherHostIds = (await teamHostIds(memberIds)).filter((id) => id !== loaded.host.id);
  return { ...loaded, members: { memberIds, otherHostIds } };
}

async function runBookingChange(work: (trx: Transaction<Database>) => Promise<void>): Promise<InterviewFailure | null> {
  try {
    await getDb().transaction().execute(work);
    return null;
  } catch (error) {
    if (error instanceof Abort) return error.reason;
    if (isUniqueViolation(error)) return "interviews.errors.teamBooked";
    throw error;
  }
}

/** A team member books a free slot for the whole team. */
export async function bookSlot(student: UserActor, slotId: number, at: Date = new Date()): Promise<InterviewResult> {
  const ctx = await bookingContext(student, slotId);
  if (!ctx.ok) return ctx;
  const t = at.toISOString();
  const failure = await runBookingChange(async (trx) => {
    if (!(await claimSlot(trx, ctx.slot, ctx.members, student.id, t))) throw new Abort("interviews.errors.taken");
    await recordAudit(trx, {
      actorId: student.id,
      action: "interview.book",
      entityType: "interview_slot",
      entityId: slotId,
    });
    await queueMails(trx, slotId, "booked", ["firm"]);
  });
  if (failure) return fail(failure === "interviews.errors.taken" ? await whyNotClaimed(ctx.slot, t) : failure);
  return OK;
}

/** The host's live booking (its team's), or undefined. */
export function findTeamBooking(hostId: number) {
  return getDb()
    .selectFrom("interview_slot")
    .selectAll()
    .where("host_id", "=", hostId)
    .where("booked_at", "is not", null)
    .where("cancelled_at", "is", null)
    .where(notMissed("outcome"))
    .executeTakeFirst();
}

/**
 * Moves the team's booking to another free slot of the same host, before the cut-off of the current one: the old
 * is released and the new claimed in one transaction, so if the new one is taken nothing changes.
 */
export async function moveBooking(
  student: UserActor,
  toSlotId: number,
  at: Date = new Date(),
): Promise<InterviewResult> {
  const ctx = await bookingContext(student, toSlotId);
  if (!ctx.ok) return ctx;
  const current = await findTeamBooking(ctx.host.id);
  if (!current) return fail("interviews.errors.notBooked");
  if (current.id === toSlotId) return fail("interviews.errors.taken");
  const t = at.toISOString();
  const notBefore = cutoffLimit(at, ctx.host.change_cutoff_hours);
  const failure = await runBookingChange(async (trx) => {
    if (!(await releaseSlot(trx, current.id, notBefore, t))) throw new Abort("interviews.errors.cutoff");
    if (!(await claimSlot(trx, ctx.slot, ctx.members, student.id, t))) throw new Abort("interviews.errors.taken");
    await dropParticipants(trx, current.id);
    await recordAudit(trx, {
      actorId: student.id,
      action: "interview.move",
      entityType: "interview_slot",
      entityId: toSlotId,
      detail: { from: current.id },
    });
    await queueMails(trx, toSlotId, "moved", ["firm"], { previous: current });
  });
  if (failure === "interviews.errors.taken") return fail(await whyNotClaimed(ctx.slot, t, current.id));
  if (failure === "interviews.errors.cutoff" && (await findTeamBooking(ctx.host.id))?.id !== current.id)
    return fail("interviews.errors.notBooked");
  return failure ? fail(failure) : OK;
}

/** The team gives up its booking before the cut-off; the slot is free again. */
export async function releaseBooking(
  student: UserActor,
  slotId: number,
  at: Date = new Date(),
): Promise<InterviewResult> {
  const ctx = await bookingContext(student, slotId);
  if (!ctx.ok) return ctx;
  if (!ctx.slot.booked_at || ctx.slot.cancelled_at) return fail("interviews.errors.notBooked");
  const t = at.toISOString();
  const notBefore = cutoffLimit(at, ctx.host.change_cutoff_hours);
  const failure = await runBookingChange(async (trx) => {
    if (!(await releaseSlot(trx, slotId, notBefore, t))) throw new Abort("interviews.errors.cutoff");
    // The firm's mail names the team: written before the participants are dropped.
    await queueMails(trx, slotId, "released", ["firm"]);
    await dropParticipants(trx, slotId);
    await recordAudit(trx, {
      actorId: student.id,
      action: "interview.release",
      entityType: "interview_slot",
      entityId: slotId,
    });
  });
  return failure ? fail(failure) : OK;
}

// ─── after the interview ─────────────────────────────────────────────────────

/**
 * The host firm's users, the project's professor or staff (for any host, also one without an account) record done or
 * missed, once the interview has ended. `projectId`: the page's project, when the slot must belong to it.
 */
export async function markOutcome(
  user: Actor,
  slotId: number,
  outcome: InterviewOutcome,
  at: Date = new Date(),
  projectId?: number,
): Promise<InterviewResult> {
  const loaded = await loadSlotFor(user, slotId);
  if (!loaded.ok) return loaded;
  const { slot, host } = loaded;
  if (projectId !== undefined && host.project_id !== projectId) return fail(NOT_FOUND);
  const allowed = mayManage(user, host) || (user.role === "professor" && host.professor_id === user.id);
  if (!allowed) return fail(FORBIDDEN);
  if (!OUTCOME_STATES.includes(host.state)) return fail("interviews.errors.wrongState");
  if (!slot.booked_at || slot.cancelled_at) return fail("interviews.errors.notBooked");
  if (!hasEnded(slot, at)) return fail("interviews.errors.notEnded");
  const t = at.toISOString();
  const failure = await runBookingChange(async (trx) => {
    await trx
      .updateTable("interview_slot")
      .set({ outcome, outcome_by: user.id, outcome_at: t, updated_at: t })
      .where("id", "=", slotId)
      .where("booked_at", "is not", null)
      .where("cancelled_at", "is", null)
      .where("ends_at", "<=", t)
      .execute();
    await recordAudit(trx, {
      actorId: user.id,
      action: `interview.${outcome}`,
      entityType: "interview_slot",
      entityId: slotId,
      detail: actingFor(user, host.id),
    });
  });
  // The only refusal here: a missed interview marked done again after the team booked another one.
  return failure ? fail("interviews.errors.teamBooked") : OK;
}

// ─── pages ───────────────────────────────────────────────────────────────────

/** The slots of some hosts as the pages show them (with the name of the student who booked), earliest first. */
export function listSlotsOf(hostIds: number[]) {
  if (hostIds.length === 0) return Promise.resolve([]);
  return getDb()
    .selectFrom("interview_slot")
    .leftJoin("user as booker", "booker.id", "interview_slot.booked_by")
    .select([
      "interview_slot.id",
      "interview_slot.host_id",
      "interview_slot.starts_at",
      "interview_slot.ends_at",
      "interview_slot.place",
      "interview_slot.online_url",
      "interview_slot.booked_at",
      "interview_slot.cancelled_at",
      "interview_slot.cancel_reason",
      "interview_slot.outcome",
      "booker.name as booked_by_name",
    ])
    .where("interview_slot.host_id", "in", hostIds)
    .orderBy("interview_slot.starts_at")
    .orderBy("interview_slot.id")
    .execute();
}

export type SlotRow = Awaited<ReturnType<typeof listSlotsOf>>[number];

const isLive = (s: { booked_at: string | null; cancelled_at: string | null }) =>
  s.booked_at !== null && s.cancelled_at === null;

/** The hosts a firm has in projects with a published pairing and a team, newest first, with team and booking. */
export async function listFirmHosts(firmId: number) {
  const hosts = await getDb()
    .selectFrom("project_host")
    .select("id")
    .where("firm_id", "=", firmId)
    .where("status", "=", "accepted")
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("pairing_run")
          .select("pairing_run.id")
          .whereRef("pairing_run.project_id", "=", "project_host.project_id")
          .where("pairing_run.published_at", "is not", null),
      ),
    )
    .orderBy("id", "desc")
    .execute();
  return hostSummaries(hosts.map((h) => h.id));
}

/** For each host id (in order): the host, its team and its slots. Hosts without a team are left out. */
async function hostSummaries(hostIds: number[]) {
  const slots = await listSlotsOf(hostIds);
  const out = [];
  for (const id of hostIds) {
    const host = (await getInterviewHost(id))!;
    const team = await getTeam(host);
    if (team.length === 0) continue;
    const own = slots.filter((s) => s.host_id === id);
    // A booking not missed first; a missed one is shown (as missed) until the team books another.
    const booking = own.find((s) => isLive(s) && s.outcome !== "missed") ?? own.find(isLive) ?? null;
    out.push({ host, team, slots: own, booking });
  }
  return out;
}

/** The teams a student belongs to (one per project with a published pairing that placed them), with their slots. */
export async function listStudentTeams(studentId: number) {
  return hostSummaries(await teamHostIds([studentId]));
}

/** Every team of a project with its live booking (or none) and past outcomes, for the professor. */
export async function listProjectInterviews(projectId: number) {
  const hosts = await getDb()
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select("project_host.id")
    .where("project_host.project_id", "=", projectId)
    .where("project_host.status", "=", "accepted")
    .orderBy("firm.name_kana")
    .execute();
  return hostSummaries(hosts.map((h) => h.id));
}
