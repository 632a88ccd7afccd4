/**
 * The issuer's DID document (did:web), built from the configured keys: every Ed25519 key as a Multikey (what the
 * Data Integrity proofs name) and every P-256 key as a JsonWebKey (the VC-JWT's key), active and retired alike,
 * all of them assertion methods. Retired keys stay listed so that what they signed keeps verifying.
 */
import { config } from "~/utils/env.server";
import { ed25519MethodId, es256MethodId, issuerDid, issuerProfileUrl } from "./identifiers";
import { getEd25519Keys, getPublicJwks } from "./keys.server";

export const DID_CONTEXT_V1 = "https://www.w3.org/ns/did/v1";
export const MULTIKEY_CONTEXT_V1 = "https://w3id.org/security/multikey/v1";
export const JWK_CONTEXT_V1 = "https://w3id.org/security/jwk/v1";

export interface VerificationMethod {
  id: string;
  type: "Multikey" | "JsonWebKey";
  controller: string;
  publicKeyMultibase?: string;
  publicKeyJwk?: Record<string, string>;
}

export async function issuerDidDocument(publicUrl = config().publicUrl) {
  const did = issuerDid(publicUrl);
  const [{ published }, { keys }] = await Promise.all([getEd25519Keys(), getPublicJwks()]);
  const methods: VerificationMethod[] = [
    ...published.map(({ publicKeyMultibase }) => ({
      id: ed25519MethodId(publicUrl, publicKeyMultibase),
      type: "Multikey" as const,
      controller: did,
      publicKeyMultibase,
    })),
    ...keys.map(({ kid, kty, crv, x, y }) => ({
      id: es256MethodId(publicUrl, kid),
      type: "JsonWebKey" as const,
      controller: did,
      publicKeyJwk: { kty, crv, x, y },
    })),
  ];
  return {
    // The DID context first: DID-aware verifiers (jsonld-signatures) then read assertionMethod without framing.
    "@context": [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1, JWK_CONTEXT_V1],
    id: did,
    alsoKnownAs: [issuerProfileUrl(publicUrl)],
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

export type IssuerDidDocument = Awaited<ReturnType<typeof issuerDidDocument>>;
