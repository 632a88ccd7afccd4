/**
 * The mails about one interview slot: to its team (the students the booking covers), the host firm's users and the
 * project's professor, each in the recipient's language (user.locale, else Japanese). Read through the caller's
 * transaction, so the mails are queued with the change that causes them.
 */
import type { Kysely, Transaction } from "kysely";
import { isLng } from "~/i18n";
import { formatSlotTime } from "~/interviews/slots";
import { config } from "~/utils/env.server";
import { hostPageToken } from "~/utils/host-page-link.server";
import { getT } from "~/utils/i18n.server";
import { localTitle } from "~/utils/localized";
import { secretPlaceholder } from "~/utils/mail-secrets";
import type { Database } from "../../db/schema";
import type { MailInput } from "./outbox.server";

export type InterviewMailKind = "booked" | "moved" | "released" | "cancelled" | "reminder";
export type Audience = "team" | "firm" | "professor";

type Db = Kysely<Database> | Transaction<Database>;

export async function interviewMails(
  db: Db,
  slotId: number,
  kind: InterviewMailKind,
  audiences: readonly Audience[],
  extra: { previous?: { starts_at: string; ends_at: string } } = {},
): Promise<MailInput[]> {
  const slot = await db
    .selectFrom("interview_slot")
    .innerJoin("project_host", "project_host.id", "interview_slot.host_id")
    .innerJoin("project", "project.id", "project_host.project_id")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select([
      "interview_slot.starts_at",
      "interview_slot.ends_at",
      "interview_slot.place",
      "interview_slot.online_url",
      "interview_slot.cancel_reason",
      "project_host.id as host_id",
      "project_host.firm_id",
      "project_host.status as host_status",
      "project_host.contact_email",
      "project.id as project_id",
      "project.title_ja",
      "project.title_en",
      "project.professor_id",
      "firm.name as firm_name",
    ])
    .where("interview_slot.id", "=", slotId)
    .executeTakeFirstOrThrow();
  const team = await db
    .selectFrom("interview_participant")
    .innerJoin("user", "user.id", "interview_participant.student_id")
    .select(["user.id", "user.email", "user.name", "user.locale", "user.role", "user.disabled_at"])
    .where("interview_participant.slot_id", "=", slotId)
    .orderBy("user.name_kana")
    .execute();
  // Only the audiences asked for: the firm's users and/or the project's professor.
  const others = [];
  if (audiences.includes("firm") || audiences.includes("professor")) {
    others.push(
      ...(await db
        .selectFrom("user")
        .select(["id", "email", "name", "locale", "role"])
        .where((eb) =>
          eb.or([
            ...(audiences.includes("firm")
              ? [eb.and([eb("role", "=", "firm"), eb("firm_id", "=", slot.firm_id)])]
              : []),
            ...(audiences.includes("professor") ? [eb("id", "=", slot.professor_id)] : []),
          ]),
        )
        .where("disabled_at", "is", null)
        .orderBy("id")
        .execute()),
    );
  }
  const recipients = [...(audiences.includes("team") ? team.filter((m) => !m.disabled_at) : []), ...others];
  const base = config().publicUrl;
  const linkFor = (role: string) =>
    role === "student"
      ? `${base}/student/interviews`
      : role === "firm"
        ? `${base}/firm/interviews/${slot.host_id}`
        : `${base}/professor/projects/${slot.project_id}/interviews`;
  const mails: MailInput[] = await Promise.all(
    recipients.map(async (r) => {
      const lng = isLng(r.locale) ? r.locale : "ja";
      const t = await getT(lng);
      const values = {
        name: r.name,
        project: localTitle(slot, lng),
        firm: slot.firm_name,
        when: formatSlotTime(slot, lng),
        previous: extra.previous ? formatSlotTime(extra.previous, lng) : "",
        where: [slot.place, slot.online_url].filter(Boolean).join(" / "),
        team: team.map((m) => m.name).join(lng === "ja" ? "、" : ", "),
        reason: slot.cancel_reason ?? "",
        link: linkFor(r.role),
      };
      return {
        to: r.email,
        subject: t(`interviews.mail.${kind}.subject`, values),
        body: t(`interviews.mail.${kind}.body`, values),
        kind: `interview.${kind}`,
      };
    }),
  );
  // A host without firm users (it accepted by the emailed link) hears at its contact address, in both languages,
  // with its host-page link (sealed in the outbox like every secret link).
  const firmReached = others.some((o) => o.role === "firm");
  if (audiences.includes("firm") && !firmReached && slot.contact_email && slot.host_status === "accepted") {
    const [ja, en] = await Promise.all([getT("ja"), getT("en")]);
    const values = (lng: "ja" | "en") => ({
      name: slot.firm_name,
      project: (lng === "en" && slot.title_en) || slot.title_ja,
      firm: slot.firm_name,
      when: formatSlotTime(slot, lng),
      previous: extra.previous ? formatSlotTime(extra.previous, lng) : "",
      where: [slot.place, slot.online_url].filter(Boolean).join(" / "),
      team: team.map((m) => m.name).join(lng === "ja" ? "、" : ", "),
      reason: slot.cancel_reason ?? "",
      link: secretPlaceholder("link"),
    });
    mails.push({
      to: slot.contact_email,
      subject: `${ja(`interviews.mail.${kind}.subject`, values("ja"))} / ${en(`interviews.mail.${kind}.subject`, values("en"))}`,
      body: `${ja(`interviews.mail.${kind}.body`, values("ja"))}\n\n---\n\n${en(`interviews.mail.${kind}.body`, values("en"))}`,
      kind: `interview.${kind}`,
      secrets: { link: `${base}/host/${hostPageToken(slot.host_id)}` },
    });
  }
  return mails;
}
