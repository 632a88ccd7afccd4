/**
 * GET …/pairing/:runId/result.json: `assignments` is the engine's result, exactly what `npm run match` prints for
 * instance.json; next to it the seed, the manual moves (in order, with reasons) and `final.assignments`, the
 * assignments after those moves (what was, or would be, published).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRunExport, jsonDownload } from "~/route-helpers/pairing-route.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { exported, name, publishedAt } = await requireRunExport(request, params);
  const { result, seed, overrides, published } = exported;
  return jsonDownload(
    { assignments: result.assignments, seed, publishedAt, overrides, final: published },
    `${name}-result.json`,
  );
}
