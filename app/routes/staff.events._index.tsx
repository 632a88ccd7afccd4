/** Staff: every presentation event, latest first, with the size of its programme. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { eventWhen } from "~/components/events";
import type { Lng } from "~/i18n";
import { listEvents } from "~/models/event.server";
import { localTitle, localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  return { events: await listEvents() };
}

export default function StaffEvents() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { events } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("events.staff.listTitle")}</h1>
      <p>{t("events.staff.listLead")}</p>
      <p>
        <Link to="/staff/events/new" className="button">
          {t("events.staff.newLink")}
        </Link>
      </p>
      {events.length === 0 ? (
        <p>{t("events.staff.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("events.col.title")}</th>
                <th scope="col">{t("events.col.when")}</th>
                <th scope="col">{t("events.col.venue")}</th>
                <th scope="col">{t("events.col.slots")}</th>
                <th scope="col">{t("events.col.door")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/staff/events/${e.id}`}>{localTitle(e, lng)}</Link>
                  </th>
                  <td>{eventWhen(e, lng)}</td>
                  <td>{localized(e, "venue", lng)}</td>
                  <td>{Number(e.slots)}</td>
                  <td>
                    <Link to={`/staff/events/${e.id}/attendance`}>
                      {t("events.staff.doorLink")}
                      <span className="visually-hidden">（{localTitle(e, lng)}）</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
