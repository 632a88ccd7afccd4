/** GET /staff/reports: the year selector's target (?fy=) and the link from the menu; redirects to one year's report. */
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { FiscalYearSchema } from "~/schemas/report";
import { fiscalYearOf } from "~/utils/format";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const chosen = FiscalYearSchema.safeParse(new URL(request.url).searchParams.get("fy") ?? undefined);
  return redirect(`/staff/reports/${chosen.success ? chosen.data : fiscalYearOf()}`);
}
