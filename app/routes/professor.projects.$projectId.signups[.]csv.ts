/**
 * GET /professor/projects/:projectId/signups.csv: the sign-ups with each student's ranking, for the owning professor
 * and staff (403 for anyone else). Written by `toCsv`: UTF-8 with BOM and CRLF, every cell formula-safe (students
 * type their names and motivation, firms their names).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listProjectSignups } from "~/models/signup.server";
import { requireVisibleProject } from "~/route-helpers/project-page.server";
import { toCsv } from "~/utils/csv";
import { formatDateTime } from "~/utils/format";
import { getLocale, getT } from "~/utils/i18n.server";
import { localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

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
    s.name,
    s.name_kana,
    s.email,
    localized(s, "university", lng),
    formatDateTime(s.created_at, lng),
    s.motivation,
    ...Array.from({ length: choices }, (_, i) => s.ranking[i]),
  ]);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="project-${project.id}-signups.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
