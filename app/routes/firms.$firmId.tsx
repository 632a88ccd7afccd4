/** GET /firms/:firmId: a listed firm's public page (404 for unknown, hidden or unlisted firms). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { getPublicFirm } from "~/models/firm.server";
import { idParam } from "~/schemas/params";
import { notFoundMeta, pageMeta } from "~/seo/meta";
import { firmSeo } from "~/seo/pages";
import { invariantResponse } from "~/utils/invariant";
import { industryLabel, townLabel } from "~/utils/kita";

export async function loader({ params }: LoaderFunctionArgs) {
  const firm = await getPublicFirm(idParam(params, "firmId"));
  invariantResponse(firm);
  return { firm };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? pageMeta(args, (lng, root) => firmSeo(args.data!.firm, lng, root)) : notFoundMeta(args.matches);

export default function FirmPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { firm } = useLoaderData<typeof loader>();
  return (
    <article>
      <p>
        <Link to="/firms">{t("firms.page.back")}</Link>
      </p>
      <h1>
        {firm.name}
        {firm.new_product ? (
          <>
            {" "}
            <span className="badge badge--new">{t("firms.fields.new_product")}</span>
          </>
        ) : null}
      </h1>
      <p className="muted">{firm.name_kana}</p>
      <dl className="meta">
        <dt>{t("firms.fields.industry")}</dt>
        <dd>{industryLabel(firm.industry, lng)}</dd>
        <dt>{t("firms.page.address")}</dt>
        <dd>
          〒{firm.postal_code} {t("firms.page.kitaCity")}
          {townLabel(firm.town, "ja")}
          {firm.address}
          {lng === "en" ? ` (${townLabel(firm.town, "en")})` : null}
        </dd>
        <dt>{t("firms.fields.products")}</dt>
        <dd>{firm.products || t("firms.values.none")}</dd>
        {firm.phone ? (
          <>
            <dt>{t("firms.fields.phone")}</dt>
            <dd>
              <a href={`tel:${firm.phone.replace(/[^0-9+]/g, "")}`}>{firm.phone}</a>
            </dd>
          </>
        ) : null}
        {firm.website ? (
          <>
            <dt>{t("firms.fields.website")}</dt>
            <dd>
              <a href={firm.website} rel="noopener noreferrer external">
                {firm.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t("firms.fields.corporate_number")}</dt>
        <dd>{firm.corporate_number}</dd>
      </dl>
      {firm.description ? (
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t("firms.fields.description")}</h2>
          <p>{firm.description}</p>
        </section>
      ) : null}
    </article>
  );
}
