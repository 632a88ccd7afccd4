/**
 * Staff: the 個人情報ファイル簿 register entry of a fiscal year (?fy=, the current one by default), generated from the
 * schema and the data (privacy-register.server.ts), with its CSV download for publication.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { privacyRegister } from "~/models/privacy-register.server";
import { listReportYears } from "~/models/report.server";
import { registerRows } from "~/privacy/register";
import { FiscalYearSchema } from "~/schemas/report";
import { fiscalYearOf, formatDateTime, formatFiscalYear } from "~/utils/format";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const chosen = FiscalYearSchema.safeParse(new URL(request.url).searchParams.get("fy") ?? undefined);
  const fiscalYear = chosen.success ? chosen.data : fiscalYearOf();
  const [entry, years] = await Promise.all([privacyRegister(fiscalYear), listReportYears()]);
  return { entry, years: years.includes(fiscalYear) ? years : [fiscalYear, ...years] };
}

export default function PrivacyRegister() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { entry, years } = useLoaderData<typeof loader>();
  const year = formatFiscalYear(entry.fiscalYear, lng);
  const rows = registerRows(entry, t, year, formatDateTime(entry.generatedAt, lng));
  return (
    <section>
      <h1>{t("personalData.fileRegister.title")}</h1>
      <p>{t("personalData.fileRegister.lead")}</p>
      <Form method="get">
        <label htmlFor="register-fy">{t("personalData.fileRegister.year")}</label>{" "}
        <select id="register-fy" name="fy" defaultValue={entry.fiscalYear}>
          {years.map((y) => (
            <option key={y} value={y}>
              {formatFiscalYear(y, lng)}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button button--secondary">
          {t("personalData.fileRegister.show")}
        </button>
      </Form>
      <p>
        <a href={`/staff/privacy-register/${entry.fiscalYear}.csv`} download>
          {t("personalData.fileRegister.download", { year })}
        </a>
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t("personalData.fileRegister.fileName", { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("personalData.fileRegister.item")}</th>
              <th scope="col">{t("personalData.fileRegister.value")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([item, value]) => (
              <tr key={item}>
                <th scope="row">{item}</th>
                <td>
                  {value.split("\n").map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
