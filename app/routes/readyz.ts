/** GET /readyz: readiness as JSON (database, migrations, oldest unsent mail, last backup); 503 when not ready. */
import { readiness } from "~/operations/readiness.server";

export async function loader() {
  const report = await readiness();
  return Response.json(report, {
    status: report.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
