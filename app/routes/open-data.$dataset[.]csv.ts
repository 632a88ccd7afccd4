/**
 * GET /open-data/:dataset.csv: one open-data file (partnership-agreements, events, firms), under CC BY 4.0 (named in
 * a `Link: rel="license"` header as well as on /open-data). Public; 404 for any other name.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CC_BY_URL } from "~/seo/licence";
import { downloadName, isDataset } from "~/seo/open-data";
import { datasetCsv } from "~/seo/open-data.server";
import { invariantResponse } from "~/utils/invariant";

export async function loader({ params }: LoaderFunctionArgs) {
  const dataset = params.dataset;
  invariantResponse(isDataset(dataset));
  return new Response(await datasetCsv(dataset), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${downloadName(dataset)}"`,
      "Cache-Control": "public, max-age=600",
      Link: `<${CC_BY_URL}>; rel="license"`,
    },
  });
}
