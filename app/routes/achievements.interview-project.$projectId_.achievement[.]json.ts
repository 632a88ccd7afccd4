/**
 * A project's Open Badges 3.0 Achievement as JSON-LD (name, description, criteria and image in Japanese and English):
 * what its id, /achievements/interview-project/:projectId, answers JSON-LD clients (after 303 See Other).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildAchievement, OB_CONTEXT, VC_CONTEXT_V2 } from "~/certificates/credential.server";
import { JSON_TYPES, preferredType } from "~/certificates/negotiate.server";
import { getAchievementInput } from "~/models/certificate-public.server";
import { idParam } from "~/schemas/params";
import { found } from "~/utils/invariant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const input = found(await getAchievementInput(idParam(params, "projectId")));
  return new Response(
    JSON.stringify({ "@context": [VC_CONTEXT_V2, OB_CONTEXT], ...buildAchievement(input) }, null, 2),
    {
      headers: {
        "Content-Type": `${preferredType(request, JSON_TYPES.toReversed()) ?? "application/json"}; charset=utf-8`,
        "Cache-Control": "public, max-age=300",
        "Access-Control-Allow-Origin": "*",
        Vary: "Accept",
      },
    },
  );
}
