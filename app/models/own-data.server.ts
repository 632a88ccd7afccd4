/**
 * Everything the platform holds about one person, for their own download from /account (APPI disclosure): profile,
 * sign-ups with rankings, motivation and consent, published pairing results, interview bookings, attendance,
 * certificates with their verify URLs, audit entries about them and the mail sent to them. Secret links in mail stay
 * the placeholders the outbox stores (the sealed links are never read here), and password hashes, session tokens and
 * other people's names are left out.
 */
import { getDb } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { getPublishedRun } from "./pairing.server";

export const OWN_DATA_FORMAT = "kita-collab/own-data@1";

function parseDetail(detail: string | null): unknown {
  if (detail === null) return null;
  try {
    return JSON.parse(detail);
  } catch {
    return detail;
  }
}

/** The sign-ups of a person with their ranked firms, as both the JSON and the CSV show them. */
export async function listOwnSignups(userId: number) {
  const db = getDb();
  const signups = await db
    .selectFrom("signup")
    .innerJoin("project", "project.id", "signup.project_id")
    .select([
      "signup.id",
      "signup.project_id",
      "project.title_ja",
      "project.title_en",
      "project.fiscal_year",
      "project.state as project_state",
      "signup.motivation",
      "signup.motivation_shared",
      "signup.consented_at",
      "signup.consent_version",
      "signup.created_at",
      "signup.updated_at",
    ])
    .where("signup.student_id", "=", userId)
    .orderBy("signup.id")
    .execute();
  const ids = signups.map((s) => s.id);
  const preferences = ids.length
    ? await db
        .selectFrom("signup_preference")
        .innerJoin("project_host", "project_host.id", "signup_preference.host_id")
        .innerJoin("firm", "firm.id", "project_host.firm_id")
        .select(["signup_preference.signup_id", "signup_preference.rank", "firm.name as firm"])
        .where("signup_preference.signup_id", "in", ids)
        .orderBy("signup_preference.signup_id")
        .orderBy("signup_preference.rank")
        .execute()
    : [];
  return signups.map((s) => ({
    ...s,
    motivation_shared: s.motivation_shared === 1,
    ranking: preferences.filter((p) => p.signup_id === s.id).map((p) => ({ rank: p.rank, firm: p.firm })),
  }));
}

/** The interview bookings that cover a person (as a participant of the booking). */
export function listOwnBookings(userId: number) {
  return getDb()
    .selectFrom("interview_participant")
    .innerJoin("interview_slot", "interview_slot.id", "interview_participant.slot_id")
    .innerJoin("project_host", "project_host.id", "interview_slot.host_id")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .innerJoin("project", "project.id", "project_host.project_id")
    .select([
      "interview_slot.id",
      "project.title_ja as project",
      "firm.name as firm",
      "interview_slot.starts_at",
      "interview_slot.ends_at",
      "interview_slot.place",
      "interview_slot.online_url",
      "interview_slot.booked_at",
      "interview_slot.cancelled_at",
      "interview_slot.outcome",
    ])
    .where("interview_participant.student_id", "=", userId)
    .orderBy("interview_slot.starts_at")
    .execute();
}

/** The whole download: one object, stable keys, timestamps in UTC as stored. */
export async function collectOwnData(userId: number) {
  const db = getDb();
  const user = await db
    .selectFrom("user")
    .leftJoin("university", "university.id", "user.university_id")
    .leftJoin("firm", "firm.id", "user.firm_id")
    .select([
      "user.id",
      "user.email",
      "user.role",
      "user.name",
      "user.name_kana",
      "user.name_latin",
      "user.locale",
      "university.name_ja as university",
      "firm.name as firm",
      "user.created_at",
      "user.updated_at",
      "user.disabled_at",
    ])
    .where("user.id", "=", userId)
    .executeTakeFirstOrThrow();
  const signups = await listOwnSignups(userId);
  const [bookings, attendance, certificates, sessions, requests, audit, mail] = await Promise.all([
    listOwnBookings(userId),
    db
      .selectFrom("attendance")
      .innerJoin("event", "event.id", "attendance.event_id")
      .select(["event.id as event_id", "event.title_ja as event", "event.starts_at", "attendance.present_at"])
      .where("attendance.student_id", "=", userId)
      .orderBy("event.starts_at")
      .execute(),
    db
      .selectFrom("certificate")
      .innerJoin("project", "project.id", "certificate.project_id")
      .select([
        "certificate.id",
        "project.title_ja as project",
        "certificate.issued_at",
        "certificate.revoked_at",
        "certificate.revoked_reason",
        "certificate.supersedes",
      ])
      .where("certificate.student_id", "=", userId)
      .orderBy("certificate.issued_at")
      .execute(),
    db
      .selectFrom("session")
      .select(["created_at", "last_seen_at", "expires_at", "ip", "user_agent"])
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("privacy_request")
      .select(["id", "kind", "details", "status", "decision_reason", "created_at", "decided_at"])
      .where("user_id", "=", userId)
      .orderBy("id")
      .execute(),
    auditAbout(
      userId,
      signups.map((s) => s.id),
    ),
    db
      .selectFrom("outbox_message")
      .select(["subject", "body_text", "kind", "status", "created_at", "sent_at"])
      .where("to_address", "=", user.email)
      .orderBy("id")
      .execute(),
  ]);
  const pairings = [];
  for (const s of signups) {
    const published = await getPublishedRun(s.project_id);
    if (!published) continue;
    const id = String(s.id);
    const hostId = published.final[id] ?? null;
    const preferences = published.instance.students.find((x) => x.id === id)?.preferences ?? [];
    const firm = hostId
      ? await db
          .selectFrom("project_host")
          .innerJoin("firm", "firm.id", "project_host.firm_id")
          .select("firm.name")
          .where("project_host.id", "=", Number(hostId))
          .executeTakeFirst()
      : undefined;
    pairings.push({
      signup_id: s.id,
      project: s.title_ja,
      published_at: published.run.published_at,
      firm: firm?.name ?? null,
      choice: hostId && preferences.includes(hostId) ? preferences.indexOf(hostId) + 1 : null,
      moved_by_staff: hostId !== (published.engine[id] ?? null),
    });
  }
  const { publicUrl } = config();
  return {
    format: OWN_DATA_FORMAT,
    exported_at: new Date().toISOString(),
    profile: user,
    signups: signups.map((s) => ({
      id: s.id,
      project_id: s.project_id,
      project: s.title_ja,
      project_en: s.title_en,
      fiscal_year: s.fiscal_year,
      motivation: s.motivation,
      motivation_shared_with_ranked_firms: s.motivation_shared,
      ranking: s.ranking,
      created_at: s.created_at,
      updated_at: s.updated_at,
    })),
    consents: signups.map((s) => ({
      signup_id: s.id,
      project: s.title_ja,
      version: s.consent_version,
      consented_at: s.consented_at,
      motivation_shared: s.motivation_shared,
    })),
    pairings,
    bookings,
    attendance,
    certificates: certificates.map((c) => ({ ...c, verify_url: `${publicUrl}/verify/${c.id}` })),
    sessions,
    privacy_requests: requests,
    audit,
    mail: mail.map(({ body_text: body, ...m }) => ({ ...m, body })),
  };
}

/** Audit entries the person made, or made about their account or their sign-ups. */
function auditAbout(userId: number, signupIds: number[]) {
  return getDb()
    .selectFrom("audit_entry")
    .select(["action", "entity_type", "entity_id", "detail", "created_at", "actor_user_id"])
    .where((eb) =>
      eb.or([
        eb("actor_user_id", "=", userId),
        eb.and([eb("entity_type", "=", "user"), eb("entity_id", "=", String(userId))]),
        ...(signupIds.length
          ? [eb.and([eb("entity_type", "=", "signup"), eb("entity_id", "in", signupIds.map(String))])]
          : []),
      ]),
    )
    .orderBy("id")
    .execute()
    .then((rows) =>
      rows.map((r) => ({
        ...r,
        by_self: r.actor_user_id === userId,
        actor_user_id: undefined,
        detail: parseDetail(r.detail),
      })),
    );
}
