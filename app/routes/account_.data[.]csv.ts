/**
 * GET /account/data.csv: the signed-in user's sign-ups (with their ranking) and interview bookings, for people who
 * use Excel (`toCsv`: UTF-8 with BOM, CRLF, formula-safe cells). One file, the first column tells the two apart;
 * headers in the user's language.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listOwnBookings, listOwnSignups } from "~/models/own-data.server";
import { toCsv } from "~/utils/csv";
import { tokyoDate } from "~/utils/format";
import { getLocale, getT } from "~/utils/i18n.server";
import { requireUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(await getLocale(request, user));
  const [signups, bookings] = await Promise.all([listOwnSignups(user.id), listOwnBookings(user.id)]);
  const k = (key: string) => t(`personalData.csv.${key}`);
  const header = [k("kind"), k("project"), k("when"), k("firm"), k("detail"), k("status")];
  const rows = [
    ...signups.map((s) => [
      k("signup"),
      s.title_ja,
      s.created_at,
      s.ranking.map((r) => `${r.rank}. ${r.firm}`).join(" / "),
      s.motivation,
      s.consent_version,
    ]),
    ...bookings.map((b) => [
      k("booking"),
      b.project,
      b.starts_at,
      b.firm,
      b.place ?? b.online_url ?? "",
      b.cancelled_at ? k("cancelled") : (b.outcome ?? k("booked")),
    ]),
  ];
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kita-collab-my-signups-${tokyoDate()}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
