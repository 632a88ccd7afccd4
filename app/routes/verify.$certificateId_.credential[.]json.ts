/**
 * A certificate's (or wallet copy's) credential as JSON-LD with its embedded proof: what JSON-LD verifiers check and
 * the file a wallet's Add screen accepts; also where /verify/:id sends JSON-LD clients. Certificates issued before
 * embedded proofs existed (2026-11-30) have no such file (404); their VC-JWT remains at credential.jwt.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { credentialFromJwt, hasEmbeddedProof } from "~/certificates/credential.server";
import { CREDENTIAL_JSON_TYPES, preferredType } from "~/certificates/negotiate.server";
import { getPublicCredential } from "~/models/certificate-public.server";
import { found, invariantResponse } from "~/utils/invariant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const record = found(await getPublicCredential(params.certificateId));
  const credential = credentialFromJwt(record.credentialJwt);
  invariantResponse(hasEmbeddedProof(credential));
  return new Response(`${JSON.stringify(credential, null, 2)}\n`, {
    headers: {
      // The media type asked for (vc+ld+json, ld+json or json); plain JSON for browsers and downloads.
      "Content-Type": `${preferredType(request, CREDENTIAL_JSON_TYPES.toReversed()) ?? "application/json"}; charset=utf-8`,
      "Content-Disposition": `inline; filename="certificate-${record.id}.json"`,
      "Access-Control-Allow-Origin": "*",
      Vary: "Accept",
    },
  });
}
