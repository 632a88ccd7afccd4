/**
 * GET …/pairing/:runId/instance.json: the run's engine instance exactly as DESIGN.md describes it, students
 * pseudonymised (s1…sN), hosts named by their firm's corporate number, so that anyone can reproduce the run with
 * `npm run --silent match -- instance.json`.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRunExport, jsonDownload } from "~/route-helpers/pairing-route.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { exported, name } = await requireRunExport(request, params);
  return jsonDownload(exported.instance, `${name}-instance.json`);
}
