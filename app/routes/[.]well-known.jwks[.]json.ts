/**
 * The public keys that verify certificates' VC-JWTs (JWKS), retired keys included so old certificates keep
 * verifying; each key is listed under its kid URL and its bare kid (see servedJwks).
 */
import { servedJwks } from "~/certificates/keys.server";

export async function loader() {
  return new Response(JSON.stringify(await servedJwks()), {
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
