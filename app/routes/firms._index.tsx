/** GET /firms: the public directory of the firms that chose to be listed (`?q=` searches; filters stay in the URL). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmSearchForm, ResultCount } from "~/components/firm-search";
import { Pagination } from "~/components/pagination";
import { useClientNavigation } from "~/components/plain-links";
import type { Lng } from "~/i18n";
import { searchDirectory } from "~/models/firm.server";
import { FIRMS_PER_PAGE, parseFirmSearchParams } from "~/schemas/firm";
import { pageMeta } from "~/seo/meta";
import { directorySeo } from "~/seo/pages";
import { industryLabel, townLabel } from "~/utils/kita";

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: no guard. Only listed, visible firms are ever selected.
  const { hidden: _staffOnly, ...params } = parseFirmSearchParams(new URL(request.url));
  const result = await searchDirectory({ ...params, newProduct: params.new_product === "1" });
  return {
    params,
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    firms: result.firms.map((f) => ({
      id: f.id,
      name: f.name,
      name_kana: f.name_kana,
      industry: f.industry,
      town: f.town,
      products: f.products,
      new_product: f.new_product,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  pageMeta(args, (lng) => {
    const { params, total, page } = args.data ?? { params: {}, total: 0, page: 1 };
    const filtered = Boolean(params.q || params.industry || params.town || params.new_product);
    return directorySeo({ total, page, filtered, searchPath: args.location.pathname + args.location.search }, lng);
  });

export default function FirmDirectory() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { params, firms, total, page, pageCount } = useLoaderData<typeof loader>();
  const newProduct = t("firms.fields.new_product");
  // Twenty result links: plain anchors (app/components/plain-links.tsx).
  const handlers = useClientNavigation();
  return (
    <>
      <h1>{t("firms.directory.title")}</h1>
      <p>{t("firms.directory.lead")}</p>
      <FirmSearchForm values={params} />
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t("firms.search.results")}</h2>
        <ResultCount total={total} page={page} perPage={FIRMS_PER_PAGE} />
        <ul className="firm-list" {...handlers}>
          {firms.map((f) => (
            <li key={f.id}>
              <h3>
                <a href={`/firms/${f.id}`} data-discover="true">
                  {f.name}
                </a>
              </h3>
              <p className="muted">
                {f.name_kana} · {industryLabel(f.industry, lng)} · {townLabel(f.town, lng)}
                {f.new_product ? (
                  <>
                    {" "}
                    <span className="badge badge--new">{newProduct}</span>
                  </>
                ) : null}
              </p>
              {f.products ? <p>{f.products}</p> : null}
            </li>
          ))}
        </ul>
        <Pagination page={page} pageCount={pageCount} />
      </section>
    </>
  );
}
