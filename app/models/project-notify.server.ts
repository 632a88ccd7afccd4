/**
 * Who hears about a project's new state, and what they read: a submitted project goes to every staff member; its
 * approval, return (with the comment), rejection (with the reason), opening and cancellation go to its professor.
 * Each mail is written in the recipient's language. Passed to transitionProject as its `notify`, so the mails are
 * queued in the same transaction as the change.
 */
import type { Transaction } from "kysely";
import { isLng } from "~/i18n";
import { config } from "~/utils/env.server";
import { getT } from "~/utils/i18n.server";
import type { Database, ProjectState } from "../../db/schema";
import type { MailInput } from "./outbox.server";

const TO_PROFESSOR: readonly ProjectState[] = ["approved", "returned", "rejected", "open", "cancelled"];

export async function notifyProjectTransition(
  trx: Transaction<Database>,
  project: { id: number; professor_id: number; title_ja: string; title_en?: string | null },
  to: ProjectState,
): Promise<MailInput[]> {
  if (to !== "submitted" && !TO_PROFESSOR.includes(to)) return [];
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
  return Promise.all(
    recipients.map(async (r) => {
      const lng = isLng(r.locale) ? r.locale : "ja";
      const t = await getT(lng);
      const title = (lng === "en" && project.title_en) || project.title_ja;
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
}
