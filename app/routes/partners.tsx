/** Public: the partner universities, the areas their agreements in force cover, and since when. No personal data. */
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { listPartners } from "~/models/agreement.server";
import { pageMeta } from "~/seo/meta";
import { partnersSeo } from "~/seo/pages";
import { formatDate, tokyoDate } from "~/utils/format";
import { localTitle, localized } from "~/utils/localized";

export async function loader() {
  return { partners: await listPartners(tokyoDate()) };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  pageMeta(args, (lng) => partnersSeo(args.data?.partners ?? [], lng));

export default function Partners() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { partners } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("agreements.partners.title")}</h1>
      <p className="lead">{t("agreements.partners.lead")}</p>
      {partners.length === 0 ? <p>{t("agreements.partners.empty")}</p> : null}
      {partners.map((u) => (
        <section key={u.id} aria-labelledby={`partner-${u.id}`} className="panel">
          <h2 id={`partner-${u.id}`}>{localized(u, "name", lng)}</h2>
          {u.agreements.map((a) => (
            <div key={a.id} className="partner-agreement">
              <h3>{localTitle(a, lng)}</h3>
              <p className="muted">
                {t(`agreements.kinds.${a.kind}`)} ·{" "}
                {t("agreements.partners.since", { date: formatDate(a.signed_on, lng) })}
              </p>
              <p>
                <strong>{t("agreements.partners.areas")}</strong>
              </p>
              <ul className="tags">
                {a.areas.map((area) => (
                  <li key={area}>{t(`agreements.areas.${area}`)}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
