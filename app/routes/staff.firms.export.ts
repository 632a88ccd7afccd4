/** GET /staff/firms/export: the whole register as CSV (UTF-8 with BOM, CRLF), the same columns the import takes. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { firmsToCsv } from "~/firms/firm-csv.server";
import { listFirmsForExport } from "~/models/firm.server";
import { tokyoDate } from "~/utils/format";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const csv = firmsToCsv(await listFirmsForExport());
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="firms-${tokyoDate()}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
