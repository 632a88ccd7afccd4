/** The issuer's Open Badges Profile as JSON-LD: what /issuer answers JSON-LD clients (after 303 See Other). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { issuerProfile, OB_CONTEXT, VC_CONTEXT_V2 } from "~/certificates/credential.server";
import { badgeImageUrl } from "~/certificates/identifiers";
import { JSON_TYPES, preferredType } from "~/certificates/negotiate.server";
import { config } from "~/utils/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const profile = {
    "@context": [VC_CONTEXT_V2, OB_CONTEXT],
    ...issuerProfile(),
    description:
      "北区産学連携 企業取材プロジェクトの参加証明書を発行します。 / Issues the certificates of participation of the Kita City industry–academia company-interview project.",
    image: { id: badgeImageUrl(config().publicUrl), type: "Image" },
  };
  return new Response(JSON.stringify(profile, null, 2), {
    headers: {
      "Content-Type": `${preferredType(request, JSON_TYPES.toReversed()) ?? "application/json"}; charset=utf-8`,
      "Cache-Control": "public, max-age=3600",
      "Access-Control-Allow-Origin": "*",
      Vary: "Accept",
    },
  });
}
