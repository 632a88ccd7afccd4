/** Staff: the annual report of one fiscal year, as tables (the accessible source) and bar charts, with a CSV export. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/bar-chart";
import type { Lng } from "~/i18n";
import { annualReport, listReportYears } from "~/models/report.server";
import { MEASURES, reportSections, type ReportSection } from "~/reports/report";
import { fiscalYearParam } from "~/schemas/report";
import { formatFiscalYear } from "~/utils/format";
import { requireRole } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const fiscalYear = fiscalYearParam(params.fiscalYear);
  const [report, years] = await Promise.all([annualReport(fiscalYear), listReportYears()]);
  return { report, years: years.includes(fiscalYear) ? years : [...years, fiscalYear].sort((a, b) => b - a) };
}

export default function AnnualReportPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { report, years } = useLoaderData<typeof loader>();
  const year = formatFiscalYear(report.fiscalYear, lng);
  const [universities, areas, agreements] = reportSections(report, lng, t);
  return (
    <section>
      <h1>{t("reports.yearTitle", { year })}</h1>
      <p>{t("reports.lead")}</p>
      <Form method="get" action="/staff/reports" className="panel">
        <div className="field">
          <label htmlFor="report-fy">{t("reports.yearLabel")}</label>
          <select id="report-fy" name="fy" defaultValue={report.fiscalYear}>
            {years.map((y) => (
              <option key={y} value={y}>
                {formatFiscalYear(y, lng)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("reports.show")}
        </button>
      </Form>
      <p>
        <a href={`/staff/reports/${report.fiscalYear}.csv`} download>
          {t("reports.download")}
        </a>
      </p>
      <ReportTable
        section={universities}
        caption={t("reports.universityCaption", { year })}
        chartsTitle={t("reports.chartsUniversity")}
      />
      <ReportTable section={areas} caption={t("reports.areaCaption", { year })} chartsTitle={t("reports.chartsArea")} />
      <ReportTable
        section={agreements}
        caption={t("reports.agreementCaption", { year })}
        chartsTitle={t("reports.chartsAgreement")}
      />
      <h2>{t("reports.definitionsTitle")}</h2>
      <ul>
        {(
          ["projects", "students", "firms", "interviews", "presentations", "certificates", "areas", "total"] as const
        ).map((k) => (
          <li key={k}>{t(`reports.definitions.${k}`)}</li>
        ))}
      </ul>
    </section>
  );
}

function ReportTable({
  section,
  caption,
  chartsTitle,
}: {
  section: ReportSection;
  caption: string;
  chartsTitle: string;
}) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { style: "narrow", type: "unit" });
  return (
    <>
      <h2>{section.title}</h2>
      <div className="table-wrap">
        <table className="report-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{section.nameHeader}</th>
              {MEASURES.map((m) => (
                <th scope="col" key={m}>
                  {t(`reports.measures.${m}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {MEASURES.map((m) => (
                  <td key={m}>{row.counts[m]}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("reports.total")}</th>
              {MEASURES.map((m) => (
                <td key={m}>{section.total[m]}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>{chartsTitle}</h3>
      <p className="muted">{t("reports.chartNote")}</p>
      <div className="chart-grid">
        {MEASURES.map((m) => (
          <BarChart
            key={m}
            id={`chart-${section.key}-${m}`}
            title={t("reports.chartTitle", { measure: t(`reports.measures.${m}`), grouping: section.title })}
            data={section.rows.map((r) => ({ label: r.label, value: r.counts[m] }))}
            formatList={(items) => list.format(items)}
          />
        ))}
      </div>
    </>
  );
}
