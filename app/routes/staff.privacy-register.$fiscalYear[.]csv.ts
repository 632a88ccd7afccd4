/**
 * GET /staff/privacy-register/:fiscalYear.csv: the 個人情報ファイル簿 register entry of a fiscal year as CSV (`toCsv`:
 * UTF-8 with BOM, CRLF, formula-safe), in the user's language, for the section to publish.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { privacyRegister } from "~/models/privacy-register.server";
import { registerRows } from "~/privacy/register";
import { fiscalYearParam } from "~/schemas/report";
import { toCsv } from "~/utils/csv";
import { formatDateTime, formatFiscalYear } from "~/utils/format";
import { getLocale, getT } from "~/utils/i18n.server";
import { requireRole } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "staff");
  const fiscalYear = fiscalYearParam(params.fiscalYear);
  const lng = await getLocale(request, user);
  const t = await getT(lng);
  const entry = await privacyRegister(fiscalYear);
  const rows = registerRows(entry, t, formatFiscalYear(fiscalYear, lng), formatDateTime(entry.generatedAt, lng));
  const header = [t("personalData.fileRegister.item"), t("personalData.fileRegister.value")];
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="personal-information-file-register-${fiscalYear}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
