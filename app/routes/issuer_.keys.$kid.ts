/**
 * GET /issuer/keys/:kid: exactly one public JWK, the key a VC-JWT's header names by this URL (OB 3.0 §8.2.3: kid is
 * a URI that dereferences to one JWK; the 1EdTech validator fetches it). Retired keys keep answering.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { jwkUrl } from "~/certificates/identifiers";
import { getPublicJwks } from "~/certificates/keys.server";
import { config } from "~/utils/env.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const key = (await getPublicJwks()).keys.find((k) => k.kid === params.kid);
  const headers = { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" };
  if (!key) return new Response(JSON.stringify({ error: "unknown key" }), { status: 404, headers });
  const { kty, crv, x, y, use, alg, kid } = key;
  return new Response(JSON.stringify({ kty, crv, x, y, use, alg, kid: jwkUrl(config().publicUrl, kid) }), {
    headers: { ...headers, "Cache-Control": "public, max-age=86400" },
  });
}
