/**
 * GET /events/:eventId: an event and its programme. Public, so it carries no personal data: no student or professor
 * names, a firm named only if it is listed in the public directory, a research title only once confirmed.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventFacts } from "~/components/events";
import type { Lng } from "~/i18n";
import { getPublicEvent } from "~/models/event.server";
import { tokyoTime } from "~/schemas/events";
import { parseId } from "~/schemas/params";
import { notFoundMeta, pageMeta } from "~/seo/meta";
import { eventSeo } from "~/seo/pages";
import { invariantResponse } from "~/utils/invariant";
import { localTitle, localized } from "~/utils/localized";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getPublicEvent(parseId(params.eventId));
  invariantResponse(found);
  return found;
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? pageMeta(args, (lng, root) => eventSeo(args.data!.event, lng, root)) : notFoundMeta(args.matches);

export default function PublicEvent() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { event, programme } = useLoaderData<typeof loader>();
  const description = localized(event, "description", lng);
  return (
    <>
      <p>
        <Link to="/events">{t("events.public.backToList")}</Link>
      </p>
      <h1>{localTitle(event, lng)}</h1>
      <EventFacts event={event} lng={lng} />
      {description ? <p className="pre-line">{description}</p> : null}
      <section aria-labelledby="programme-title">
        <h2 id="programme-title">{t("events.programme")}</h2>
        {programme.length === 0 ? (
          <p>{t("events.public.noProgramme")}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("events.col.number")}</th>
                    <th scope="col">{t("events.col.time")}</th>
                    <th scope="col">{t("events.col.researchTitle")}</th>
                    <th scope="col">{t("events.col.project")}</th>
                    <th scope="col">{t("events.col.seminar")}</th>
                    <th scope="col">{t("events.col.firm")}</th>
                  </tr>
                </thead>
                <tbody>
                  {programme.map((p) => (
                    <tr key={p.id}>
                      <td>{p.number}</td>
                      <td>{p.starts_at ? tokyoTime(p.starts_at) : "—"}</td>
                      <th scope="row">
                        {p.title_ja
                          ? localTitle({ title_ja: p.title_ja, title_en: p.title_en }, lng)
                          : t("events.public.titleToCome")}
                      </th>
                      <td>{localTitle({ title_ja: p.project_title_ja, title_en: p.project_title_en }, lng)}</td>
                      <td>
                        {localized(p, "university", lng)} {p.seminar_name}
                      </td>
                      <td>
                        {p.wholeSeminar ? t("events.wholeSeminar") : (p.firm_name ?? t("events.public.unlistedFirm"))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted">{t("events.public.privacyNote")}</p>
          </>
        )}
      </section>
    </>
  );
}
