/** A firm user: the projects their firm has been asked to host, newest first (nothing about students). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HostStatusBadge } from "~/components/hosts";
import type { Lng } from "~/i18n";
import { canAnswer, listFirmInvitations } from "~/models/project-host.server";
import { formatDate } from "~/utils/format";
import { localTitle, localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "firm");
  const invitations = user.firm_id ? await listFirmInvitations(user.firm_id) : [];
  return {
    invitations: invitations.map((i) => ({
      id: i.id,
      status: i.status,
      capacity: i.capacity,
      title_ja: i.title_ja,
      title_en: i.title_en,
      university_ja: i.university_ja,
      university_en: i.university_en,
      seminar_name: i.seminar_name,
      interview_from: i.interview_from,
      interview_until: i.interview_until,
      awaitingAnswer: canAnswer(i),
    })),
  };
}

export default function FirmInvitations() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { invitations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("hosts.firmListTitle")}</h1>
      <p>{t("hosts.firmListLead")}</p>
      {invitations.length === 0 ? (
        <p>{t("hosts.firmListEmpty")}</p>
      ) : (
        <ul className="cards">
          {invitations.map((i) => (
            <li key={i.id}>
              <h2 className="card-title">
                <Link to={`/firm/invitations/${i.id}`}>{localTitle(i, lng)}</Link>
              </h2>
              <p>
                <HostStatusBadge status={i.status} />
                {i.status === "accepted" && i.capacity ? ` ${t("hosts.table.students", { count: i.capacity })}` : null}
              </p>
              <p className="muted">
                {localized(i, "university", lng)} · {i.seminar_name}
              </p>
              <p>
                {t("hosts.firmListInterviews", {
                  from: formatDate(i.interview_from, lng),
                  until: formatDate(i.interview_until, lng),
                })}
              </p>
              {i.awaitingAnswer ? <p className="notice">{t("hosts.firmListAnswer")}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
