/**
 * GET /staff/reports/:fiscalYear.csv: the annual report as CSV (`toCsv`: UTF-8 with BOM, CRLF, formula-safe cells),
 * headers and names in the user's language; both sections, told apart by the first column. Counts stay numbers.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { annualReport } from "~/models/report.server";
import { MEASURES, reportSections } from "~/reports/report";
import { fiscalYearParam } from "~/schemas/report";
import { toCsv } from "~/utils/csv";
import { getLocale, getT } from "~/utils/i18n.server";
import { requireRole } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "staff");
  const fiscalYear = fiscalYearParam(params.fiscalYear);
  const lng = await getLocale(request, user);
  const t = await getT(lng);
  const report = await annualReport(fiscalYear);
  const header = [t("reports.csv.section"), t("reports.csv.name"), ...MEASURES.map((m) => t(`reports.measures.${m}`))];
  const rows = reportSections(report, lng, t).flatMap((s) => [
    ...s.rows.map((r) => [s.title, r.label, ...MEASURES.map((m) => r.counts[m])]),
    [s.title, t("reports.total"), ...MEASURES.map((m) => s.total[m])],
  ]);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="annual-report-${fiscalYear}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
