/** Staff: the whole firm register, searched like the directory, with hidden firms on request; import and export. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmSearchForm, ResultCount } from "~/components/firm-search";
import { Pagination } from "~/components/pagination";
import type { Lng } from "~/i18n";
import { searchFirms } from "~/models/firm.server";
import { FIRMS_PER_PAGE, parseFirmSearchParams } from "~/schemas/firm";
import { industryLabel, townLabel } from "~/utils/kita";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const params = parseFirmSearchParams(new URL(request.url));
  const result = await searchFirms(
    { ...params, newProduct: params.new_product === "1", includeHidden: params.hidden === "1" },
    "staff",
  );
  return { params, ...result };
}

export default function StaffFirms() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { params, firms, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("firms.staff.title")}</h1>
      <p className="actions">
        <Link to="/staff/firms/new" className="button">
          {t("firms.staff.new")}
        </Link>
        <Link to="/staff/firms/import" className="button button--secondary">
          {t("firms.staff.import")}
        </Link>
        <a href="/staff/firms/export" className="button button--secondary" download>
          {t("firms.staff.export")}
        </a>
      </p>
      <FirmSearchForm values={params} withHidden />
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t("firms.search.results")}</h2>
        <ResultCount total={total} page={page} perPage={FIRMS_PER_PAGE} />
        {firms.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("firms.fields.name")}</th>
                  <th scope="col">{t("firms.fields.corporate_number")}</th>
                  <th scope="col">{t("firms.fields.industry")}</th>
                  <th scope="col">{t("firms.fields.town")}</th>
                  <th scope="col">{t("firms.staff.status")}</th>
                </tr>
              </thead>
              <tbody>
                {firms.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <Link to={`/staff/firms/${f.id}`}>{f.name}</Link>
                      <br />
                      <span className="muted">{f.name_kana}</span>
                    </td>
                    <td>{f.corporate_number}</td>
                    <td>{industryLabel(f.industry, lng)}</td>
                    <td>{townLabel(f.town, lng)}</td>
                    <td>
                      {f.hidden_at
                        ? t("firms.staff.statusHidden")
                        : f.is_public
                          ? t("firms.staff.statusPublic")
                          : t("firms.staff.statusUnlisted")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <Pagination page={page} pageCount={pageCount} />
      </section>
    </>
  );
}
