/** GET /events: the city's presentation events, upcoming first, then past ones. Public. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { eventWhen } from "~/components/events";
import type { Lng } from "~/i18n";
import { listPublicEvents } from "~/models/event.server";
import { pageMeta } from "~/seo/meta";
import { eventsSeo } from "~/seo/pages";
import { localTitle, localized } from "~/utils/localized";

export async function loader(_: LoaderFunctionArgs) {
  return listPublicEvents();
}

export const meta: MetaFunction<typeof loader> = (args) =>
  pageMeta(args, (lng) =>
    eventsSeo({ upcoming: args.data?.upcoming.length ?? 0, past: args.data?.past.length ?? 0 }, lng),
  );

type Item = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function EventList({ events, empty }: { events: Item[]; empty: string }) {
  const { i18n } = useTranslation();
  const lng = i18n.language as Lng;
  if (!events.length) return <p>{empty}</p>;
  return (
    <ul className="firm-list">
      {events.map((e) => (
        <li key={e.id}>
          <h3>
            <Link to={`/events/${e.id}`}>{localTitle(e, lng)}</Link>
          </h3>
          <p>
            {eventWhen(e, lng)} · {localized(e, "venue", lng)}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function PublicEvents() {
  const { t } = useTranslation();
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("events.public.listTitle")}</h1>
      <p>{t("events.public.listLead")}</p>
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("events.public.upcoming")}</h2>
        <EventList events={upcoming} empty={t("events.public.noUpcoming")} />
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title">{t("events.public.past")}</h2>
        <EventList events={past} empty={t("events.public.noPast")} />
      </section>
    </>
  );
}
