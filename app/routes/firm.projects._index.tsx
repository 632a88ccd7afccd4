/**
 * A firm's hosted projects: for each, ranking the applicants (optional, until a pairing is published) and, once
 * published, the students coming to interview the firm.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StateBadge } from "~/components/projects";
import type { Lng } from "~/i18n";
import { RANKING_STATES } from "~/models/host-ranking.server";
import { listFirmHostings } from "~/models/pairing-view.server";
import { PAIRED_STATES } from "~/projects/lifecycle";
import { formatFiscalYear } from "~/utils/format";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

/** States in which a pairing has been published. */

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "firm");
  const hostings = await listFirmHostings(user.firm_id);
  return {
    hostings: hostings.map((h) => ({
      ...h,
      ranked: Number(h.ranked),
      canRank: RANKING_STATES.includes(h.state),
      paired: PAIRED_STATES.includes(h.state),
    })),
  };
}

export default function FirmProjects() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { hostings } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("pairing.firm.projectsTitle")}</h1>
      {hostings.length === 0 ? (
        <p>{t("pairing.firm.noProjects")}</p>
      ) : (
        <ul className="cards">
          {hostings.map((h) => (
            <li key={h.id}>
              <h2 className="card-title">{localTitle(h, lng)}</h2>
              <p>
                {formatFiscalYear(h.fiscal_year, lng)} <StateBadge state={h.state} />
              </p>
              <ul className="plain-list">
                {h.canRank ? (
                  <li>
                    <Link to={`/firm/projects/${h.project_id}/ranking`}>{t("pairing.firm.rankLink")}</Link>{" "}
                    <span className="muted">
                      {h.ranked
                        ? t("pairing.ranking.currentOwn", { n: h.ranked })
                        : t("pairing.ranking.currentLottery")}
                    </span>
                  </li>
                ) : null}
                {h.paired ? (
                  <li>
                    <Link to={`/firm/projects/${h.project_id}/students`}>{t("pairing.firm.studentsLink")}</Link>
                  </li>
                ) : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
