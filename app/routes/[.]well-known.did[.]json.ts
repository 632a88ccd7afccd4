/**
 * The issuer's DID document (did:web): the Ed25519 key of the embedded proofs (Multikey) and the P-256 key of the
 * VC-JWT (JsonWebKey), retired keys included so that what they signed keeps verifying. A bare-domain did:web
 * resolves here; /did.json serves the same document for a PUBLIC_URL with a path (and for resolvers that look there).
 */
import { issuerDidDocument } from "~/certificates/did.server";

export async function loader() {
  return new Response(JSON.stringify(await issuerDidDocument(), null, 2), {
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
