/**
 * Host firms of a project: professors suggest firms, staff invite them (or confirm a suggestion), and a firm answers
 * (accept with a capacity, or decline), either signed in or through an emailed link.
 *
 * The emailed link needs no account: `/host-response/<hostId>.<expiresAt>.<nonce>.<signature>`, the signature being
 * HMAC-SHA256 over `hostId.expiresAt.nonce` with the link's own key (derived from SESSION_SECRET, never the cookie
 * signing key, see keys.server.ts). Only the nonce's SHA-256 is stored; a new
 * invitation stores a new one, which retires the old link. Using the link and recording the answer are one
 * conditional UPDATE, so a link answers once.
 *
 * Every invitation and answer queues its emails (outbox) and its audit entry in the same transaction.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Lng } from "~/i18n";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { containsPattern, searchTerms } from "~/utils/firm-search";
import { formatDate, formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";
import { deriveKey, deriveKeys } from "~/utils/keys.server";
import { localTitle } from "~/utils/localized";
import { secretPlaceholder } from "~/utils/mail-secrets";
import { fail, FORBIDDEN, NOT_FOUND, ok, type Result } from "~/utils/result";
import { hashToken, newToken } from "~/utils/tokens.server";
import type { Database, HostStatus, ProjectState } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { enqueueMail } from "./outbox.server";
import { normalizeEmail } from "./user.server";

type Db = Kysely<Database> | Transaction<Database>;

export const HOST_LINK_DAYS = 14;
/** Staff invite firms, and firms answer, once the project is approved and until its sign-up closes. */
export const HOSTING_STATES: readonly ProjectState[] = ["approved", "open"];
/** A professor may suggest firms from the first draft until sign-up closes. */
export const SUGGEST_STATES: readonly ProjectState[] = ["draft", "submitted", "returned", "approved", "open"];
/** How many firms the invitation form offers at once (a keyword narrows the register). */
export const FIRM_CHOICES_MAX = 50;

export type HostAnswer =
  { accept: true; capacity: number; note: string | null } | { accept: false; note: string | null };

// ─── the signed link ─────────────────────────────────────────────────────────

function sign(payload: string, key: Buffer) {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

export function hostLinkToken(hostId: number, expiresAt: number, nonce: string): string {
  const payload = `${hostId}.${expiresAt}.${nonce}`;
  return `${payload}.${sign(payload, deriveKey("host-answer-link"))}`;
}

/**
 * The link's parts when its signature is genuine. New links are signed with the key from the first secret; the
 * keys from the others are accepted so that rotating SESSION_SECRET does not break links already sent.
 */
export function verifyHostLink(token: string): { hostId: number; expiresAt: number; nonce: string } | null {
  const match = /^(\d{1,12})\.(\d{1,15})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, hostId, expiresAt, nonce, signature] = match;
  const given = Buffer.from(signature);
  const genuine = deriveKeys("host-answer-link").some((key) => {
    const expected = Buffer.from(sign(`${hostId}.${expiresAt}.${nonce}`, key));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return genuine ? { hostId: Number(hostId), expiresAt: Number(expiresAt), nonce } : null;
}

// ─── reading ─────────────────────────────────────────────────────────────────

/** The project's hosts for staff and the owning professor (never anything about students). */
export function listProjectHosts(projectId: number) {
  return getDb()
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .leftJoin("user as suggester", "suggester.id", "project_host.suggested_by")
    .select([
      "project_host.id",
      "project_host.firm_id",
      "project_host.status",
      "project_host.capacity",
      "project_host.note",
      "project_host.contact_email",
      "project_host.invited_at",
      "project_host.responded_at",
      "project_host.responded_by",
      "project_host.link_expires_at",
      "firm.name",
      "firm.name_kana",
      "suggester.name as suggested_by_name",
    ])
    .where("project_host.project_id", "=", projectId)
    .orderBy("firm.name_kana")
    .execute();
}

/**
 * Public, visible firms to choose from, matching the keyword, with whether each has firm-user accounts (then the
 * contact email is optional). `include` keeps one firm in the list whatever the keyword (the one being confirmed).
 */
export async function listFirmChoices(q: string | null | undefined, include?: number | null) {
  let query = getDb()
    .selectFrom("firm")
    .select((eb) => [
      "firm.id",
      "firm.name",
      "firm.corporate_number",
      eb
        .selectFrom("user")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("user.firm_id", "=", "firm.id")
        .where("user.role", "=", "firm")
        .where("user.disabled_at", "is", null)
        .as("accounts"),
    ])
    .where("firm.is_public", "=", 1)
    .where("firm.hidden_at", "is", null);
  const terms = searchTerms(q);
  if (terms.length) {
    query = query.where((eb) =>
      eb.or([
        eb.and(terms.map((term) => eb("firm.search_text", "like", containsPattern(term)))),
        ...(include ? [eb("firm.id", "=", include)] : []),
      ]),
    );
  }
  const rows = await query
    .orderBy("firm.name_kana")
    .orderBy("firm.id")
    .limit(FIRM_CHOICES_MAX + 1)
    .execute();
  return {
    firms: rows.slice(0, FIRM_CHOICES_MAX).map((r) => ({ ...r, accounts: Number(r.accounts) })),
    more: rows.length > FIRM_CHOICES_MAX,
  };
}

export function getHost(hostId: number) {
  return getDb().selectFrom("project_host").selectAll().where("id", "=", hostId).executeTakeFirst();
}

/** What a firm may see of a project: its public description, never its students or its join code. */
function projectPublicInfo(db: Db) {
  return db
    .selectFrom("project_host")
    .innerJoin("project", "project.id", "project_host.project_id")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .innerJoin("university", "university.id", "project.university_id")
    .innerJoin("user as professor", "professor.id", "project.professor_id")
    .select([
      "project_host.id",
      "project_host.firm_id",
      "project_host.status",
      "project_host.capacity",
      "project_host.note",
      "project_host.invited_at",
      "project_host.responded_at",
      "project.id as project_id",
      "project.state as project_state",
      "project.title_ja",
      "project.title_en",
      "project.summary_ja",
      "project.summary_en",
      "project.seminar_name",
      "project.theme",
      "project.fiscal_year",
      "project.team_size",
      "project.interview_from",
      "project.interview_until",
      "project.presentation_on",
      "project.signup_closes_at",
      "university.name_ja as university_ja",
      "university.name_en as university_en",
      "professor.name as professor_name",
      "firm.name as firm_name",
    ]);
}

export type HostInvitation = NonNullable<Awaited<ReturnType<typeof getHostInvitation>>>;

export function getHostInvitation(hostId: number) {
  return projectPublicInfo(getDb()).where("project_host.id", "=", hostId).executeTakeFirst();
}

/** The projects a firm has been invited to (a professor's unconfirmed suggestion is not shown to the firm). */
export function listFirmInvitations(firmId: number) {
  return projectPublicInfo(getDb())
    .where("project_host.firm_id", "=", firmId)
    .where("project_host.status", "!=", "suggested")
    .orderBy("project_host.invited_at", "desc")
    .orderBy("project_host.id", "desc")
    .execute();
}

/** Whether the firm may answer now: invited, and the project still takes hosts. */
export function canAnswer(host: { status: HostStatus; project_state: ProjectState }) {
  return host.status === "invited" && HOSTING_STATES.includes(host.project_state);
}

// ─── writing ─────────────────────────────────────────────────────────────────

/** Refusals of the firm field (`firmId`) and of the contact field (`contactEmail`) name their field. */
export type HostFailure =
  | typeof NOT_FOUND
  | typeof FORBIDDEN
  | "hosts.errors.notSuggestable"
  | "hosts.errors.notInvitable"
  | "hosts.errors.notWithdrawable"
  | "hosts.errors.firmNotListed"
  | "hosts.errors.alreadyListed"
  | "hosts.errors.alreadyAccepted"
  | "hosts.errors.contactRequired";

async function listedFirm(db: Db, firmId: number) {
  return db
    .selectFrom("firm")
    .select(["id", "name"])
    .where("id", "=", firmId)
    .where("is_public", "=", 1)
    .where("hidden_at", "is", null)
    .executeTakeFirst();
}

/** A professor suggests a firm for their own project; staff confirm it by inviting the firm. */
export async function suggestHost(
  professor: { id: number },
  projectId: number,
  input: { firmId: number; contactEmail: string | null },
): Promise<Result<{ hostId: number }, HostFailure>> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const project = await trx
        .selectFrom("project")
        .select(["id", "professor_id", "state"])
        .where("id", "=", projectId)
        .executeTakeFirst();
      if (!project) return fail(NOT_FOUND);
      if (project.professor_id !== professor.id) return fail(FORBIDDEN);
      if (!SUGGEST_STATES.includes(project.state)) return fail("hosts.errors.notSuggestable");
      if (!(await listedFirm(trx, input.firmId))) return fail("hosts.errors.firmNotListed", { field: "firmId" });
      const t = now();
      const row = await trx
        .insertInto("project_host")
        .values({
          project_id: projectId,
          firm_id: input.firmId,
          status: "suggested",
          contact_email: input.contactEmail ? normalizeEmail(input.contactEmail) : null,
          suggested_by: professor.id,
          created_at: t,
          updated_at: t,
        })
        .onConflict((oc) => oc.columns(["project_id", "firm_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!row) return fail("hosts.errors.alreadyListed", { field: "firmId" });
      await recordAudit(trx, {
        actorId: professor.id,
        action: "host.suggest",
        entityType: "project_host",
        entityId: row.id,
        detail: { projectId, firmId: input.firmId },
      });
      return ok({ hostId: row.id });
    });
}

/**
 * Staff invite a firm: a new host, a professor's suggestion confirmed, or a repeated invitation (after a decline,
 * a withdrawal, or to send the link again). Each invitation draws a new nonce, which retires any earlier link.
 * An accepted host is not re-invited. Firm users get a link to the app; the contact email gets the signed link.
 */
export async function inviteHost(
  staff: { id: number },
  projectId: number,
  input: { firmId: number; contactEmail: string | null },
  at: Date = new Date(),
): Promise<Result<{ hostId: number; token: string }, HostFailure>> {
  const texts = await bothLanguages();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const project = await trx.selectFrom("project").selectAll().where("id", "=", projectId).executeTakeFirst();
      if (!project) return fail(NOT_FOUND);
      if (!HOSTING_STATES.includes(project.state)) return fail("hosts.errors.notInvitable");
      const firm = await listedFirm(trx, input.firmId);
      if (!firm) return fail("hosts.errors.firmNotListed", { field: "firmId" });
      const firmUsers = await trx
        .selectFrom("user")
        .select(["email"])
        .where("firm_id", "=", firm.id)
        .where("role", "=", "firm")
        .where("disabled_at", "is", null)
        .execute();
      const contact = input.contactEmail ? normalizeEmail(input.contactEmail) : null;
      if (!firmUsers.length && !contact) return fail("hosts.errors.contactRequired", { field: "contactEmail" });

      const t = at.toISOString();
      const nonce = newToken(24);
      const expiresAt = at.getTime() + HOST_LINK_DAYS * 86_400_000;
      const invitation = {
        status: "invited" as const,
        contact_email: contact,
        invited_by: staff.id,
        invited_at: t,
        capacity: null,
        note: null,
        responded_at: null,
        responded_by: null,
        link_nonce_hash: hashToken(nonce),
        link_expires_at: new Date(expiresAt).toISOString(),
        link_used_at: null,
        updated_at: t,
      };
      const row = await trx
        .insertInto("project_host")
        .values({ ...invitation, project_id: projectId, firm_id: firm.id, suggested_by: null, created_at: t })
        .onConflict((oc) =>
          oc.columns(["project_id", "firm_id"]).doUpdateSet(invitation).where("project_host.status", "!=", "accepted"),
        )
        .returning("id")
        .executeTakeFirst();
      if (!row) return fail("hosts.errors.alreadyAccepted", { field: "firmId" });

      const token = hostLinkToken(row.id, expiresAt, nonce);
      const base = config().publicUrl;
      const values = (lng: Lng) => ({
        firm: firm.name,
        project: localTitle(project, lng),
        interviews: `${formatDate(project.interview_from, lng)} – ${formatDate(project.interview_until, lng)}`,
        expires: formatDateTime(new Date(expiresAt), lng),
      });
      const subject = texts.both((t) => t("hosts.mail.inviteSubject"), " / ");
      for (const user of firmUsers) {
        const link = `${base}/firm/invitations/${row.id}`;
        await enqueueMail(trx, {
          to: user.email,
          kind: "host_invitation",
          subject,
          body: texts.both((t, lng) => t("hosts.mail.inviteBody", { ...values(lng), link })),
        });
      }
      if (contact) {
        // The signed link is a live credential: stored sealed, shown hidden in the mailbox (outbox.server.ts).
        const link = secretPlaceholder("link");
        await enqueueMail(trx, {
          to: contact,
          kind: "host_invitation_link",
          subject,
          body: texts.both((t, lng) => t("hosts.mail.inviteLinkBody", { ...values(lng), link })),
          secrets: { link: `${base}/host-response/${token}` },
        });
      }
      await recordAudit(trx, {
        actorId: staff.id,
        action: "host.invite",
        entityType: "project_host",
        entityId: row.id,
        detail: { projectId, firmId: firm.id, contactEmail: contact, firmUsers: firmUsers.length },
      });
      return ok({ hostId: row.id, token });
    });
}

/** Staff take a host off the project (at the firm's request, say); its link stops working. Accepted answers change only this way. */
export async function withdrawHost(
  staff: { id: number },
  projectId: number,
  hostId: number,
): Promise<Result<object, "hosts.errors.notWithdrawable">> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .updateTable("project_host")
        .set({ status: "withdrawn", link_nonce_hash: null, updated_at: now() })
        .where("id", "=", hostId)
        .where("project_id", "=", projectId)
        .where("status", "in", ["suggested", "invited", "accepted"])
        .where("project_id", "in", (eb) => eb.selectFrom("project").select("id").where("state", "in", SUGGEST_STATES))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return fail("hosts.errors.notWithdrawable");
      await recordAudit(trx, {
        actorId: staff.id,
        action: "host.withdraw",
        entityType: "project_host",
        entityId: hostId,
        detail: { projectId },
      });
      return ok();
    });
}

/** The answer's columns: the status, and the capacity and note that go with it. */
function answerColumns(answer: HostAnswer, t: string, responder: number | null) {
  return {
    status: answer.accept ? ("accepted" as const) : ("declined" as const),
    capacity: answer.accept ? answer.capacity : null,
    note: answer.note || null,
    responded_at: t,
    responded_by: responder,
    updated_at: t,
  };
}

export type AnswerFailure = typeof NOT_FOUND | typeof FORBIDDEN | "hosts.errors.answered" | "hosts.errors.closed";

/** A signed-in firm user answers for their own firm, once, while the project takes hosts. */
export async function answerAsFirmUser(
  user: { id: number; firm_id: number | null },
  hostId: number,
  answer: HostAnswer,
  at: Date = new Date(),
): Promise<Result<object, AnswerFailure>> {
  const host = await getHostInvitation(hostId);
  if (!host || host.status === "suggested") return fail(NOT_FOUND);
  if (host.firm_id !== user.firm_id) return fail(FORBIDDEN);
  const texts = await bothLanguages();
  const t = at.toISOString();
  const done = await getDb()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .updateTable("project_host")
        .set(answerColumns(answer, t, user.id))
        .where("id", "=", hostId)
        .where("firm_id", "=", host.firm_id)
        .where("status", "=", "invited")
        .where("project_id", "in", (eb) => eb.selectFrom("project").select("id").where("state", "in", HOSTING_STATES))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await afterAnswer(trx, hostId, answer, user.id, texts);
      return true;
    });
  if (done) return ok();
  return fail(host.status !== "invited" ? "hosts.errors.answered" : "hosts.errors.closed");
}

export type LinkState =
  | { state: "invalid" }
  | { state: "replaced" | "used" | "expired" | "closed" }
  | { state: "open"; host: HostInvitation };

/** What an emailed link leads to now. */
export async function findHostLink(token: string, at: Date = new Date()): Promise<LinkState> {
  const link = verifyHostLink(token);
  if (!link) return { state: "invalid" };
  const row = await getHost(link.hostId);
  if (!row) return { state: "invalid" };
  // A newer invitation replaced this link; a withdrawal (no nonce left) closed it.
  if (row.link_nonce_hash !== hashToken(link.nonce)) return { state: row.link_nonce_hash ? "replaced" : "closed" };
  if (row.link_used_at || row.status !== "invited") return { state: "used" };
  if (link.expiresAt <= at.getTime()) return { state: "expired" };
  const host = (await getHostInvitation(link.hostId))!;
  return canAnswer(host) ? { state: "open", host } : { state: "closed" };
}

/**
 * Answers through the emailed link. Spending the link and recording the answer are one conditional UPDATE
 * (unused, this nonce, not expired, still invited, project still taking hosts), so the link answers at most once.
 */
export async function answerThroughLink(
  token: string,
  answer: HostAnswer,
  at: Date = new Date(),
): Promise<Result<object, `hosts.link.${Exclude<LinkState["state"], "open">}`>> {
  const link = verifyHostLink(token);
  if (!link) return fail("hosts.link.invalid");
  const texts = await bothLanguages();
  const t = at.toISOString();
  const done = await getDb()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .updateTable("project_host")
        .set({ ...answerColumns(answer, t, null), link_used_at: t })
        .where("id", "=", link.hostId)
        .where("link_nonce_hash", "=", hashToken(link.nonce))
        .where("link_used_at", "is", null)
        .where("link_expires_at", ">", t)
        .where("status", "=", "invited")
        .where("project_id", "in", (eb) => eb.selectFrom("project").select("id").where("state", "in", HOSTING_STATES))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await afterAnswer(trx, link.hostId, answer, null, texts);
      return true;
    });
  if (done) return ok();
  const current = await findHostLink(token, at);
  return fail(`hosts.link.${current.state === "open" ? "used" : current.state}`);
}

/** The audit entry, and the emails to the project's professor and the staff member who invited the firm. */
async function afterAnswer(
  trx: Transaction<Database>,
  hostId: number,
  answer: HostAnswer,
  actorId: number | null,
  texts: Texts,
) {
  const host = await projectPublicInfo(trx)
    .innerJoin("user as prof", "prof.id", "project.professor_id")
    .leftJoin("user as inviter", "inviter.id", "project_host.invited_by")
    .select(["prof.email as professor_email", "inviter.email as inviter_email"])
    .where("project_host.id", "=", hostId)
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actorId,
    action: answer.accept ? "host.accept" : "host.decline",
    entityType: "project_host",
    entityId: hostId,
    detail: {
      projectId: host.project_id,
      capacity: answer.accept ? answer.capacity : undefined,
      via: actorId ? "app" : "link",
    },
  });
  const key = answer.accept ? "hosts.mail.acceptedBody" : "hosts.mail.declinedBody";
  const subject = texts.both(
    (t) => t(answer.accept ? "hosts.mail.acceptedSubject" : "hosts.mail.declinedSubject", { firm: host.firm_name }),
    " / ",
  );
  const recipients = [
    { to: host.professor_email, page: `/professor/projects/${host.project_id}/hosts` },
    ...(host.inviter_email ? [{ to: host.inviter_email, page: `/staff/projects/${host.project_id}/hosts` }] : []),
  ];
  for (const { to, page } of recipients) {
    const body = texts.both((t, lng) =>
      t(key, {
        firm: host.firm_name,
        project: localTitle(host, lng),
        capacity: answer.accept ? answer.capacity : 0,
        note: answer.note || "—",
        link: `${config().publicUrl}${page}`,
      }),
    );
    await enqueueMail(trx, { to, kind: "host_answer", subject, body });
  }
}

// ─── mail text ───────────────────────────────────────────────────────────────

type T = Awaited<ReturnType<typeof getT>>;
type Texts = { both: (render: (t: T, lng: Lng) => string, separator?: string) => string };

/** The recipient's language is not known: mails are written in both, Japanese first. */
async function bothLanguages(): Promise<Texts> {
  const [ja, en] = await Promise.all([getT("ja"), getT("en")]);
  return { both: (render, separator = "\n\n---\n\n") => `${render(ja, "ja")}${separator}${render(en, "en")}` };
}
