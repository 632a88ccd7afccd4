/** Staff: every agreement with its status as of today in Japan. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/agreements";
import type { Lng } from "~/i18n";
import { listAgreements } from "~/models/agreement.server";
import { formatDate, tokyoDate } from "~/utils/format";
import { localTitle, localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  return { agreements: await listAgreements(tokyoDate()) };
}

export default function AgreementList() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { agreements } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("agreements.listTitle")}</h1>
      <p>{t("agreements.listLead")}</p>
      <p>
        <Link to="/staff/agreements/new" className="button">
          {t("agreements.newLink")}
        </Link>
      </p>
      {agreements.length === 0 ? (
        <p>{t("agreements.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("agreements.col.title")}</th>
                <th scope="col">{t("agreements.col.university")}</th>
                <th scope="col">{t("agreements.col.kind")}</th>
                <th scope="col">{t("agreements.col.signedOn")}</th>
                <th scope="col">{t("agreements.col.termEnd")}</th>
                <th scope="col">{t("agreements.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/staff/agreements/${a.id}`}>{localTitle(a, lng)}</Link>
                  </th>
                  <td>{localized(a, "university", lng)}</td>
                  <td>{t(`agreements.kinds.${a.kind}`)}</td>
                  <td>{formatDate(a.signed_on, lng)}</td>
                  <td>{a.termEnd ? formatDate(a.termEnd, lng) : t("agreements.openEnded")}</td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
