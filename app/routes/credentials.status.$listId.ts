/**
 * The revocation lists (W3C Bitstring Status List) the credentials' credentialStatus point to: /credentials/status/1
 * for certificates, /credentials/status/2 for the copies claimed into wallets. Each is a BitstringStatusListCredential
 * answered as a VC-JWT by default, and with an embedded proof to JSON-LD readers (Accept: application/ld+json,
 * application/vc+ld+json or application/json, as wallets ask; or ?format=json for people).
 * Short caching: a revocation must show soon.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { VC_JWT_MEDIA_TYPE } from "~/certificates/credential.server";
import { CREDENTIAL_JSON_TYPES, preferredType } from "~/certificates/negotiate.server";
import { statusListCredential } from "~/models/certificate-public.server";
import { invariantResponse } from "~/utils/invariant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const list = params.listId === "1" ? 1 : params.listId === "2" ? 2 : null;
  invariantResponse(list);
  const { jwt, proved } = await statusListCredential(list);
  const asked = preferredType(request, [VC_JWT_MEDIA_TYPE, ...CREDENTIAL_JSON_TYPES]);
  const json = new URL(request.url).searchParams.get("format") === "json" || (asked && asked !== VC_JWT_MEDIA_TYPE);
  const headers = {
    "Cache-Control": "public, max-age=60",
    "Access-Control-Allow-Origin": "*",
    Vary: "Accept",
  };
  if (!json) return new Response(jwt, { headers: { ...headers, "Content-Type": VC_JWT_MEDIA_TYPE } });
  return new Response(JSON.stringify(await proved(), null, 2), {
    headers: { ...headers, "Content-Type": asked && asked !== VC_JWT_MEDIA_TYPE ? asked : "application/json" },
  });
}
