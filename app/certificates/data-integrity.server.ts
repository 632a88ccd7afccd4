/**
 * Embedded Data Integrity proofs with Digital Bazaar's libraries: the issuer's proof on a credential
 * (DataIntegrityProof, cryptosuite eddsa-rdfc-2022, Ed25519, proofPurpose assertionMethod, named by the issuer's
 * did:web) and the check of a wallet's DID Authentication presentation (eddsa-rdfc-2022, or the
 * Ed25519Signature2020 that wallets such as the Learner Credential Wallet still send).
 *
 * Canonicalization (RDFC-1.0, JSON-LD safe mode) costs about 15–40 ms per proof; verification outcomes are
 * remembered by the callers that repeat them (the verification page).
 */
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { config } from "~/utils/env.server";
import { documentLoaderFor } from "./document-loader.server";
import { ed25519MethodId, issuerDid } from "./identifiers";
import { activeEd25519KeyPair, getEd25519Keys } from "./keys.server";

export const CRYPTOSUITE = "eddsa-rdfc-2022";

export interface DataIntegrityProofValue {
  type: "DataIntegrityProof";
  cryptosuite: string;
  created: string;
  verificationMethod: string;
  proofPurpose: "assertionMethod";
  proofValue: string;
}

/**
 * Adds the issuer's proof to a credential whose issuer is this issuer's DID. `created` is an XSD dateTime in whole
 * seconds (the proof's creation time).
 */
export async function addDataIntegrityProof<T extends object>(
  credential: T,
  { created, publicUrl = config().publicUrl }: { created: string; publicUrl?: string },
): Promise<T & { proof: DataIntegrityProofValue[] }> {
  const { active } = await getEd25519Keys();
  const keyPair = await activeEd25519KeyPair(
    issuerDid(publicUrl),
    ed25519MethodId(publicUrl, active.publicKeyMultibase),
  );
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022, date: created });
  const signed = await vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: documentLoaderFor(publicUrl),
  });
  // One proof, in a one-element array: the same JSON-LD, and what the OB 3.0 JSON schema requires of `proof`.
  return { ...signed, proof: [signed.proof as unknown as DataIntegrityProofValue] };
}

export type ProofCheck = { valid: true; verificationMethod: string } | { valid: false; error: string };

const firstError = (result: vc.VerifyResult) =>
  result.error?.errors?.[0]?.message ??
  result.error?.message ??
  result.results?.find((r) => r.error)?.error?.message ??
  "the proof does not verify";

/**
 * Checks a credential's embedded eddsa-rdfc-2022 proof against the issuer's published Ed25519 keys, and that the
 * key's controller is the credential's issuer. Says nothing about revocation (the status list does).
 */
export async function verifyDataIntegrityProof(
  credential: object,
  publicUrl = config().publicUrl,
): Promise<ProofCheck> {
  try {
    type Proof = { cryptosuite?: string; verificationMethod?: string };
    const proofs = [(credential as { proof?: Proof | Proof[] }).proof ?? []].flat();
    if (proofs.length !== 1) return { valid: false, error: "the credential must carry exactly one embedded proof" };
    const [proof] = proofs;
    if (proof.cryptosuite !== CRYPTOSUITE) return { valid: false, error: `the proof is not ${CRYPTOSUITE}` };
    const result = await vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: documentLoaderFor(publicUrl),
      // Revocation is read from the status list by the caller; here only the signature and its issuer count.
      checkStatus: async () => ({ verified: true }),
    });
    if (!result.verified) return { valid: false, error: firstError(result) };
    return { valid: true, verificationMethod: String(proof.verificationMethod) };
  } catch (error) {
    return { valid: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export type DidAuthResult = { ok: true; holder: string } | { ok: false; error: string };

/**
 * Checks a wallet's DID Authentication: a presentation signed by a did:key for proofPurpose authentication with the
 * expected challenge and domain, whose holder (if named) is the key's DID. Credentials inside are not expected.
 */
export async function verifyDidAuthentication(
  presentation: unknown,
  { challenge, domain, publicUrl = config().publicUrl }: { challenge: string; domain: string; publicUrl?: string },
): Promise<DidAuthResult> {
  if (!presentation || typeof presentation !== "object" || Array.isArray(presentation))
    return { ok: false, error: "verifiablePresentation must be an object" };
  const vp = presentation as { holder?: unknown; proof?: unknown; verifiableCredential?: unknown };
  if (!vp.proof) return { ok: false, error: "the presentation is not signed" };
  if (vp.verifiableCredential !== undefined && [vp.verifiableCredential].flat().length > 0)
    return { ok: false, error: "only DID Authentication is requested; send no credentials" };
  let result: vc.VerifyResult;
  try {
    result = await vc.verify({
      presentation: vp,
      suite: [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new Ed25519Signature2020()],
      challenge,
      domain,
      documentLoader: documentLoaderFor(publicUrl),
    });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!result.verified) return { ok: false, error: firstError(result.presentationResult ?? result) };
  const methods = (result.presentationResult?.results ?? [])
    .filter((r) => r.verified)
    .map((r) => r.verificationMethod?.controller ?? r.verificationMethod?.id?.split("#")[0]);
  const signer = methods[0];
  if (!signer || !signer.startsWith("did:key:"))
    return { ok: false, error: "the presentation must be signed by a did:key" };
  if (methods.some((m) => m !== signer)) return { ok: false, error: "the presentation is signed by several DIDs" };
  const holder = typeof vp.holder === "string" ? vp.holder : (vp.holder as { id?: unknown } | undefined)?.id;
  if (holder !== undefined && holder !== signer)
    return { ok: false, error: "the presentation's holder is not the DID that signed it" };
  return { ok: true, holder: signer };
}
