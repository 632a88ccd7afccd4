/**
 * The revocation list (W3C Bitstring Status List) every certificate's credentialStatus points to: the signed
 * BitstringStatusListCredential as a VC-JWT, or with ?format=json the credential itself, unsigned, for people.
 * Short caching: a revocation must show soon.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { VC_JWT_MEDIA_TYPE } from "~/certificates/credential.server";
import { statusListCredential } from "~/models/certificate.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { credential, jwt } = await statusListCredential();
  const json = new URL(request.url).searchParams.get("format") === "json";
  return new Response(json ? JSON.stringify(credential, null, 2) : jwt, {
    headers: {
      "Content-Type": json ? "application/json" : VC_JWT_MEDIA_TYPE,
      "Cache-Control": "public, max-age=60",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
