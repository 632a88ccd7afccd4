/** GET /open-data: the downloadable CSV files, what each holds, its columns, and the licence (CC BY 4.0). Public. */
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CC_BY_URL, CC_BY_URL_JA } from "~/seo/licence";
import { pageMeta } from "~/seo/meta";
import { AGREEMENT_COLUMNS, DATASETS, EVENT_COLUMNS, FIRM_COLUMNS } from "~/seo/open-data";
import { openDataSeo } from "~/seo/pages";

const COLUMNS = { "partnership-agreements": AGREEMENT_COLUMNS, events: EVENT_COLUMNS, firms: FIRM_COLUMNS };

export function loader() {
  return { datasets: DATASETS.map((id) => ({ id, columns: [...COLUMNS[id]] })) };
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, (lng) => openDataSeo(lng));

export default function OpenData() {
  const { t, i18n } = useTranslation();
  const { datasets } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("seo.openData.title")}</h1>
      <p className="lead">{t("seo.openData.lead")}</p>
      <p className="notice">
        {t("seo.openData.licence")}{" "}
        <a href={i18n.language === "en" ? CC_BY_URL : CC_BY_URL_JA} rel="license external">
          {t("seo.openData.licenceLink")}
        </a>
      </p>
      {datasets.map((d) => {
        const name = t(`seo.openData.datasets.${d.id}.name`);
        return (
          <section key={d.id} aria-labelledby={`dataset-${d.id}`} className="panel">
            <h2 id={`dataset-${d.id}`}>{name}</h2>
            <p>{t(`seo.openData.datasets.${d.id}.description`)}</p>
            <p>
              <a href={`/open-data/${d.id}.csv`} download aria-label={t("seo.openData.downloadLabel", { name })}>
                {t("seo.openData.download")}
              </a>
            </p>
            <details>
              <summary>{t("seo.openData.columns")}</summary>
              <ul className="tags" lang="ja">
                {d.columns.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </details>
          </section>
        );
      })}
    </>
  );
}
