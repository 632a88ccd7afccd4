/** The public keys that verify certificates (JWKS), retired keys included so old certificates keep verifying. */
import { getPublicJwks } from "~/certificates/keys.server";

export async function loader() {
  return new Response(JSON.stringify(await getPublicJwks()), {
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
