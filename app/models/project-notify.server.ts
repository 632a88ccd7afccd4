/**
 * Who hears about a project's new state, and what they read: a submitted project goes to every staff member; its
 * approval, return (with the comment), rejection (with the reason), opening and cancellation go to its professor.
 * Closing and cancelling also tell everyone else concerned (issue 12): the students who signed up (which includes
 * every booked team), and the host firms invited or accepted — their users, or the contact address of a firm without
 * an account. Each mail is written in the recipient's language (a contact address gets Japanese). Passed to
 * transitionProject as its `notify`, so the mails are queued in the same transaction as the change.
 */
import type { Transaction } from "kysely";
import { isLng } from "~/i18n";
import { config } from "~/utils/env.server";
import { getT } from "~/utils/i18n.server";
import { localTitle } from "~/utils/localized";
import type { Database, ProjectState } from "../../db/schema";
import type { MailInput } from "./outbox.server";

const TO_PROFESSOR: readonly ProjectState[] = ["approved", "returned", "rejected", "open", "cancelled"];

export async function notifyProjectTransition(
  trx: Transaction<Database>,
  project: { id: number; professor_id: number; title_ja: string; title_en?: string | null },
  to: ProjectState,
): Promise<MailInput[]> {
  const others = to === "cancelled" || to === "closed" ? await participantMails(trx, project, to) : [];
  if (to !== "submitted" && !TO_PROFESSOR.includes(to)) return others;
  const recipients = await trx
    .selectFrom("user")
    .select(["email", "name", "role", "locale"])
    .where((eb) => (to === "submitted" ? eb("role", "=", "staff") : eb("id", "=", project.professor_id)))
    .where("disabled_at", "is", null)
    .orderBy("id")
    .execute();
  // The event transitionProject has just written carries the comment (the reason for a return or rejection).
  const event = await trx
    .selectFrom("project_event")
    .select("comment")
    .where("project_id", "=", project.id)
    .orderBy("id", "desc")
    .executeTakeFirst();
  const professorMails = await Promise.all(
    recipients.map(async (r) => {
      const lng = isLng(r.locale) ? r.locale : "ja";
      const t = await getT(lng);
      const title = localTitle(project, lng);
      const link = `${config().publicUrl}/${r.role === "staff" ? "staff" : "professor"}/projects/${project.id}`;
      const values = { name: r.name, title, link, comment: event?.comment ?? "" };
      return {
        to: r.email,
        subject: t(`projects.mail.${to}.subject`, values),
        body: t(`projects.mail.${to}.body`, values),
        kind: `project.${to}`,
      };
    }),
  );
  return [...professorMails, ...others];
}

type Recipient = { email: string; name: string; locale: string | null; kind: "student" | "firm" };

/** The signed-up students and the host firms of a project being closed or cancelled, each once, in their language. */
async function participantMails(
  trx: Transaction<Database>,
  project: { id: number; title_ja: string; title_en?: string | null },
  to: "cancelled" | "closed",
): Promise<MailInput[]> {
  const students = await trx
    .selectFrom("signup")
    .innerJoin("user", "user.id", "signup.student_id")
    .select(["user.email", "user.name", "user.locale"])
    .where("signup.project_id", "=", project.id)
    .where("user.disabled_at", "is", null)
    .orderBy("user.id")
    .execute();
  const hosts = await trx
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select(["project_host.firm_id", "project_host.contact_email", "firm.name"])
    .where("project_host.project_id", "=", project.id)
    .where("project_host.status", "in", ["invited", "accepted"])
    .orderBy("project_host.id")
    .execute();
  const firmUsers = hosts.length
    ? await trx
        .selectFrom("user")
        .select(["email", "name", "locale", "firm_id"])
        .where("role", "=", "firm")
        .where("disabled_at", "is", null)
        .where(
          "firm_id",
          "in",
          hosts.map((h) => h.firm_id),
        )
        .orderBy("id")
        .execute()
    : [];
  const recipients: Recipient[] = students.map((s) => ({ ...s, kind: "student" }));
  for (const h of hosts) {
    const users = firmUsers.filter((u) => u.firm_id === h.firm_id);
    if (users.length) recipients.push(...users.map((u) => ({ ...u, kind: "firm" as const })));
    else if (h.contact_email) recipients.push({ email: h.contact_email, name: h.name, locale: null, kind: "firm" });
  }
  const seen = new Set<string>();
  const unique = recipients.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
  const event = await trx
    .selectFrom("project_event")
    .select("comment")
    .where("project_id", "=", project.id)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return Promise.all(
    unique.map(async (r) => {
      const lng = isLng(r.locale) ? r.locale : "ja";
      const t = await getT(lng);
      const title = localTitle(project, lng);
      const values = { name: r.name, title, comment: event?.comment ?? "", link: `${config().publicUrl}/${r.kind}` };
      return {
        to: r.email,
        subject: t(`projects.mail.participants.${to}.subject`, values),
        body: t(`projects.mail.participants.${to}.${r.kind}`, values),
        kind: `project.${to}.${r.kind}`,
      };
    }),
  );
}
