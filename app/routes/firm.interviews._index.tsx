/** A firm user's interviews: each project where the firm hosts a team (published pairing), with its booking. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SlotTime, SlotWhere, TeamNames } from "~/components/interviews";
import type { Lng } from "~/i18n";
import { listFirmHosts } from "~/models/interview.server";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "firm");
  const hosts = user.firm_id ? await listFirmHosts(user.firm_id) : [];
  const now = new Date().toISOString();
  return {
    hosts: hosts.map(({ host, team, slots, booking }) => ({
      id: host.id,
      title_ja: host.title_ja,
      title_en: host.title_en,
      team: team.map((m) => ({ name: m.name })),
      booking,
      freeSlots: slots.filter((s) => !s.booked_at && !s.cancelled_at && s.starts_at > now).length,
    })),
  };
}

export default function FirmInterviews() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { hosts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("interviews.firm.title")}</h1>
      <p>{t("interviews.firm.lead")}</p>
      {hosts.length === 0 ? <p>{t("interviews.firm.empty")}</p> : null}
      <ul className="cards">
        {hosts.map((h) => (
          <li key={h.id}>
            <h2 className="card-title">
              <Link to={`/firm/interviews/${h.id}`}>{localTitle(h, lng)}</Link>
            </h2>
            <p>
              {t("interviews.team")}: <TeamNames team={h.team} />
            </p>
            {h.booking ? (
              <p>
                {t("interviews.bookedFor")} <SlotTime slot={h.booking} /> (<SlotWhere slot={h.booking} />)
              </p>
            ) : (
              <p>{t("interviews.firm.notBooked", { count: h.freeSlots })}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
