/**
 * The mails a published pairing sends, each in its recipient's language (user.locale, else Japanese), queued in the
 * publishing transaction (passed to publishRun as its `notify`): every signed-up student (their firm and teammates,
 * or that they are unplaced and what happens next), every firm user of each accepted host (their students' names and
 * the page with the details they may see), and the professor (the figures and the page with everything). A student
 * placed by hand after publication gets the same mail, and so do the firm users of the host they were placed with.
 * A host without firm users (it accepted through the emailed link) gets its mail at the contact address, in both
 * languages, with the signed link to its host page (host-page.server.ts), stored sealed like every secret link.
 */
import type { Transaction } from "kysely";
import { isLng, type Lng } from "~/i18n";
import { config } from "~/utils/env.server";
import { hostPageToken } from "~/utils/host-page-link.server";
import { getT } from "~/utils/i18n.server";
import { localTitle } from "~/utils/localized";
import { secretPlaceholder } from "~/utils/mail-secrets";
import type { Database } from "../../db/schema";
import type { MailInput } from "./outbox.server";
import { firmAddress } from "./pairing-view.server";
import { getRun, summarize } from "./pairing.server";

export function notifyPairingPublished(trx: Transaction<Database>, runId: number): Promise<MailInput[]> {
  return pairingMails(trx, runId, null);
}

/** A student placed by hand after publication: the same mails, to that student and the firm users of that host. */
export function notifyLatePlacement(
  trx: Transaction<Database>,
  move: { runId: number; signupId: number; hostId: number },
): Promise<MailInput[]> {
  return pairingMails(trx, move.runId, move);
}

async function pairingMails(
  trx: Transaction<Database>,
  runId: number,
  only: { signupId: number; hostId: number } | null,
): Promise<MailInput[]> {
  const current = await getRun(runId, trx);
  if (!current) return [];
  const { run, instance, final } = current;
  const project = await trx
    .selectFrom("project")
    .select(["id", "title_ja", "title_en", "professor_id"])
    .where("id", "=", run.project_id)
    .executeTakeFirstOrThrow();
  const [students, hosts] = await Promise.all([
    trx
      .selectFrom("signup")
      .innerJoin("user", "user.id", "signup.student_id")
      .select(["signup.id", "user.name", "user.email", "user.locale", "user.disabled_at"])
      .where("signup.project_id", "=", project.id)
      .execute(),
    trx
      .selectFrom("project_host")
      .innerJoin("firm", "firm.id", "project_host.firm_id")
      .select([
        "project_host.id",
        "project_host.firm_id",
        "project_host.status",
        "project_host.contact_email",
        "firm.name",
        "firm.postal_code",
        "firm.town",
        "firm.address",
      ])
      .where("project_host.project_id", "=", project.id)
      .execute(),
  ]);
  const hostIds = new Set(only ? [String(only.hostId)] : instance.hosts.map((h) => h.id));
  const inRun = hosts.filter((h) => hostIds.has(String(h.id)));
  const [firmUsers, professor] = await Promise.all([
    inRun.length
      ? trx
          .selectFrom("user")
          .select(["name", "email", "locale", "firm_id"])
          .where("role", "=", "firm")
          .where(
            "firm_id",
            "in",
            inRun.map((h) => h.firm_id),
          )
          .where("disabled_at", "is", null)
          .orderBy("id")
          .execute()
      : Promise.resolve([]),
    trx
      .selectFrom("user")
      .select(["name", "email", "locale", "disabled_at"])
      .where("id", "=", project.professor_id)
      .executeTakeFirst(),
  ]);

  const base = config().publicUrl;
  const nameOf = new Map(students.map((s) => [String(s.id), s.name]));
  const placedAt = (hostId: string) =>
    Object.entries(final)
      .filter(([, h]) => h === hostId)
      .map(([s]) => s);
  const lngOf = (locale: string | null): Lng => (isLng(locale) ? locale : "ja");
  const kind = only ? "pairing.placed" : "pairing.published";
  const mails: MailInput[] = [];

  for (const s of students) {
    if (s.disabled_at || !instance.students.some((x) => x.id === String(s.id)) || (only && only.signupId !== s.id))
      continue;
    const lng = lngOf(s.locale);
    const t = await getT(lng);
    const hostId = final[String(s.id)] ?? null;
    const host = hostId === null ? undefined : hosts.find((h) => String(h.id) === hostId);
    const link = `${base}/student/projects/${project.id}/pairing`;
    const values = { name: s.name, title: localTitle(project, lng), link };
    if (!host) {
      mails.push({
        to: s.email,
        subject: t("pairing.mail.unplaced.subject", values),
        body: t("pairing.mail.unplaced.body", values),
        kind,
      });
      continue;
    }
    const teammates = placedAt(hostId!)
      .filter((id) => id !== String(s.id))
      .map((id) => nameOf.get(id) ?? "");
    const placed = {
      ...values,
      firm: host.name,
      address: firmAddress(host),
      teammates: teammates.length ? teammates.join("、") : t("pairing.mail.noTeammates"),
    };
    mails.push({
      to: s.email,
      subject: t("pairing.mail.placed.subject", placed),
      body: t("pairing.mail.placed.body", placed),
      kind,
    });
  }

  for (const u of firmUsers) {
    const host = inRun.find((h) => h.firm_id === u.firm_id)!;
    const lng = lngOf(u.locale);
    const t = await getT(lng);
    const names = placedAt(String(host.id)).map((id) => nameOf.get(id) ?? "");
    const values = {
      name: u.name,
      firm: host.name,
      title: localTitle(project, lng),
      count: names.length,
      students: names.map((n) => `・${n}`).join("\n"),
      link: `${base}/firm/projects/${project.id}/students`,
    };
    const key = names.length ? "pairing.mail.firm" : "pairing.mail.firmNone";
    mails.push({ to: u.email, subject: t(`${key}.subject`, values), body: t(`${key}.body`, values), kind });
  }

  const [ja, en] = await Promise.all([getT("ja"), getT("en")]);
  for (const host of inRun) {
    if (host.status !== "accepted" || !host.contact_email || firmUsers.some((u) => u.firm_id === host.firm_id))
      continue;
    const names = placedAt(String(host.id)).map((id) => nameOf.get(id) ?? "");
    const key = names.length ? "pairing.mail.host" : "pairing.mail.hostNone";
    const values = (lng: Lng) => ({
      firm: host.name,
      title: localTitle(project, lng),
      count: names.length,
      students: names.map((n) => `・${n}`).join("\n"),
      link: secretPlaceholder("link"),
    });
    mails.push({
      to: host.contact_email,
      subject: `${ja(`${key}.subject`, values("ja"))} / ${en(`${key}.subject`, values("en"))}`,
      body: `${ja(`${key}.body`, values("ja"))}\n\n---\n\n${en(`${key}.body`, values("en"))}`,
      kind,
      secrets: { link: `${base}/host/${hostPageToken(host.id)}` },
    });
  }

  if (professor && !professor.disabled_at && !only) {
    const lng = lngOf(professor.locale);
    const t = await getT(lng);
    const summary = summarize(instance, final);
    const values = {
      name: professor.name,
      title: localTitle(project, lng),
      placed: instance.students.length - summary.unmatched.length,
      total: instance.students.length,
      unplaced: summary.unmatched.length
        ? summary.unmatched.map((s) => `・${nameOf.get(s) ?? s}`).join("\n")
        : t("pairing.mail.nobody"),
      seed: run.seed,
      link: `${base}/professor/projects/${project.id}/pairing`,
    };
    mails.push({
      to: professor.email,
      subject: t("pairing.mail.professor.subject", values),
      body: t("pairing.mail.professor.body", values),
      kind,
    });
  }
  return mails;
}
