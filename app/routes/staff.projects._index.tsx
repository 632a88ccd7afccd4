/** Staff: the review queue — projects awaiting review first, then every project by state (?state=&fy= filter). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StateBadge } from "~/components/projects";
import type { Lng } from "~/i18n";
import { listProjectFiscalYears, listProjectsForReview } from "~/models/project.server";
import { parseProjectFilters, PROJECT_STATES } from "~/schemas/project";
import { formatDateTime, formatFiscalYear } from "~/utils/format";
import { localTitle, localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const filters = parseProjectFilters(new URL(request.url));
  const [projects, years] = await Promise.all([listProjectsForReview(filters), listProjectFiscalYears()]);
  return { filters, projects, years };
}

export default function StaffProjects() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { filters, projects, years } = useLoaderData<typeof loader>();
  const waiting = projects.filter((p) => p.state === "submitted").length;
  return (
    <section>
      <h1>{t("projects.staff.listTitle")}</h1>
      <p>{t("projects.staff.listLead")}</p>
      {filters.state ? null : <p className="notice">{t("projects.staff.waiting", { count: waiting })}</p>}
      <Form method="get" className="panel" aria-labelledby="filter-title">
        <h2 id="filter-title">{t("projects.staff.filterTitle")}</h2>
        <div className="field">
          <label htmlFor="filter-state">{t("projects.staff.filterState")}</label>
          <select id="filter-state" name="state" defaultValue={filters.state ?? ""}>
            <option value="">{t("projects.staff.all")}</option>
            {PROJECT_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`projects.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-fy">{t("projects.staff.filterYear")}</label>
          <select id="filter-fy" name="fy" defaultValue={filters.fiscalYear ?? ""}>
            <option value="">{t("projects.staff.all")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {formatFiscalYear(y, lng)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("projects.staff.filter")}
        </button>
      </Form>
      {projects.length === 0 ? (
        <p>{t("projects.staff.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("projects.col.title")}</th>
                <th scope="col">{t("projects.col.state")}</th>
                <th scope="col">{t("projects.col.university")}</th>
                <th scope="col">{t("projects.col.professor")}</th>
                <th scope="col">{t("projects.col.fiscalYear")}</th>
                <th scope="col">{t("projects.col.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/staff/projects/${p.id}`}>{localTitle(p, lng)}</Link>
                  </th>
                  <td>
                    <StateBadge state={p.state} />
                  </td>
                  <td>{localized(p, "university", lng)}</td>
                  <td>{p.professor_name}</td>
                  <td>{formatFiscalYear(p.fiscal_year, lng)}</td>
                  <td>{formatDateTime(p.updated_at, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
