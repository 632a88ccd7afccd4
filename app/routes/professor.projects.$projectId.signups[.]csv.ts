/**
 * GET /professor/projects/:projectId/signups.csv: the sign-ups with each student's ranking, for the owning professor
 * and staff (403 for anyone else). UTF-8 with BOM and CRLF, which Excel in Japan opens correctly.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { listProjectSignups } from "~/models/signup.server";
import { formatDateTime } from "~/utils/format";
import { getLocale, getT } from "~/utils/i18n.server";
import { requireVisibleProject } from "~/utils/project-page.server";
import { requireRole } from "~/utils/session.server";

/** Students type the motivation and names: a leading = + - @ would make Excel run it as a formula (OWASP CSV injection). */
const cell = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "professor", "staff");
  const project = await requireVisibleProject(user, params);
  const lng = await getLocale(request, user);
  const t = await getT(lng);
  const signups = await listProjectSignups(project.id);
  const choices = Math.max(0, ...signups.map((s) => s.ranking.length));
  const header = [
    t("projects.csv.name"),
    t("projects.csv.nameKana"),
    t("projects.csv.email"),
    t("projects.csv.university"),
    t("projects.csv.signedUpAt"),
    t("projects.csv.motivation"),
    ...Array.from({ length: choices }, (_, i) => t("projects.csv.choice", { n: i + 1 })),
  ];
  const rows = signups.map((s) => [
    cell(s.name),
    cell(s.name_kana ?? ""),
    s.email,
    (lng === "en" ? s.university_en : s.university_ja) ?? "",
    formatDateTime(s.created_at, lng),
    cell(s.motivation),
    ...Array.from({ length: choices }, (_, i) => s.ranking[i] ?? ""),
  ]);
  return new Response(stringify([header, ...rows], { bom: true, record_delimiter: "\r\n" }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="project-${project.id}-signups.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
