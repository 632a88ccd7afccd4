/**
 * The host page of a host firm without an account: once the project's pairing is published, the host gets a mail
 * with a signed link, `/host/<hostId>.<signature>`, that leads to its students (the fields they consented to share),
 * its interview slots (offer, cancel) and the outcomes (done, missed): the same model functions the firm's users
 * call, with a `HostLinkActor` instead of a user.
 *
 * The link is signed in utils/host-page-link.server.ts (mails that carry it sign it there too). Nothing is stored: the link is scoped to that one host of that one project,
 * and it works only while the host is accepted, the project is not cancelled, and until 30 days after the project
 * is completed (the outcomes and the certificates are settled by then). Withdrawing the host closes it.
 *
 * The link can become an account: the host asks for a firm-user invitation, sent through the ordinary invitation
 * flow to the contact address the link was mailed to (never an address typed on the page, so a forwarded link
 * cannot make an account for someone else), with the firm linked; the host then uses the `/firm` pages.
 */
import { getDb } from "~/utils/db.server";
import { verifyHostPageToken } from "~/utils/host-page-link.server";
import { fail, ok, type Result } from "~/utils/result";
import { getInterviewHost, type HostLinkActor } from "./interview.server";
import { createInvitation, findOpenInvitationFor, invitationMail } from "./invitation.server";

/** The link keeps working this long after the project is completed. */
export const HOST_PAGE_GRACE_DAYS = 30;

export type HostPageState =
  | { state: "invalid" | "closed" | "expired" }
  | {
      state: "open";
      actor: HostLinkActor;
      host: NonNullable<Awaited<ReturnType<typeof getInterviewHost>>>;
      contactEmail: string | null;
    };

/** When the project was completed (its lifecycle event), or null. */
async function completedAt(projectId: number): Promise<string | null> {
  const row = await getDb()
    .selectFrom("project_event")
    .select("created_at")
    .where("project_id", "=", projectId)
    .where("to_state", "=", "completed")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** What a host-page link leads to now. */
export async function findHostPage(token: string, at: Date = new Date()): Promise<HostPageState> {
  const hostId = verifyHostPageToken(token);
  if (hostId === null) return { state: "invalid" };
  const [host, row] = await Promise.all([
    getInterviewHost(hostId),
    getDb().selectFrom("project_host").select(["status", "contact_email"]).where("id", "=", hostId).executeTakeFirst(),
  ]);
  if (!host || !row) return { state: "invalid" };
  if (row.status !== "accepted" || host.state === "cancelled") return { state: "closed" };
  if (host.state === "completed") {
    const done = await completedAt(host.project_id);
    if (done && Date.parse(done) + HOST_PAGE_GRACE_DAYS * 86_400_000 <= at.getTime()) return { state: "expired" };
  }
  return {
    state: "open",
    actor: { role: "host-link", id: null, hostId },
    host,
    contactEmail: row.contact_email,
  };
}

export type HostAccountFailure =
  "hostPage.errors.noContact" | "hostPage.errors.accountExists" | "hostPage.errors.invitationPending";

/**
 * The host asks for a firm-user account: an invitation (role firm, this firm) to the host's contact address, through
 * the ordinary invitation flow. Refused when there is no contact address, when that address already has an account,
 * or when an invitation to it is still open (resending is the staff's users page).
 */
export async function requestHostAccount(
  host: { id: number; firm_id: number },
  contactEmail: string | null,
  name: string,
): Promise<Result<object, HostAccountFailure>> {
  if (!contactEmail) return fail("hostPage.errors.noContact");
  const user = await getDb().selectFrom("user").select("id").where("email", "=", contactEmail).executeTakeFirst();
  if (user) return fail("hostPage.errors.accountExists");
  if (await findOpenInvitationFor(contactEmail)) return fail("hostPage.errors.invitationPending");
  const created = await createInvitation(
    { email: contactEmail, name, role: "firm", universityId: null, firmId: host.firm_id, invitedBy: null },
    await invitationMail({ name, role: "firm" }),
  );
  // The firm exists (the host row references it), so a refusal here would be a bug.
  if (!created.ok) throw new Error(`host ${host.id}: invitation refused on ${created.field}`);
  return ok();
}
