/** Professor: their projects with state badges, newest fiscal year first. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StateBadge } from "~/components/projects";
import type { Lng } from "~/i18n";
import { listProfessorProjects } from "~/models/project.server";
import { formatDate, formatFiscalYear } from "~/utils/format";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "professor");
  return { projects: await listProfessorProjects(user.id) };
}

export default function ProfessorProjects() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { projects } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("projects.professor.listTitle")}</h1>
      <p>{t("projects.professor.listLead")}</p>
      <p>
        <Link to="/professor/projects/new" className="button">
          {t("projects.professor.newLink")}
        </Link>
      </p>
      {projects.length === 0 ? (
        <p>{t("projects.professor.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("projects.col.title")}</th>
                <th scope="col">{t("projects.col.fiscalYear")}</th>
                <th scope="col">{t("projects.col.state")}</th>
                <th scope="col">{t("projects.col.window")}</th>
                <th scope="col">{t("projects.col.signups")}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/professor/projects/${p.id}`}>{localTitle(p, lng)}</Link>
                  </th>
                  <td>{formatFiscalYear(p.fiscal_year, lng)}</td>
                  <td>
                    <StateBadge state={p.state} />
                  </td>
                  <td>
                    {t("projects.detail.windowValue", {
                      from: formatDate(p.signup_opens_at, lng),
                      until: formatDate(p.signup_closes_at, lng),
                    })}
                  </td>
                  <td>{Number(p.signups)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
