/**
 * Prints a new certificate signing key as a private JWK:
 *   `npx tsx scripts/cert-keygen.ts`          an ES256 key (EC P-256, kid = RFC 7638 thumbprint) for CERT_SIGNING_KEYS
 *   `npx tsx scripts/cert-keygen.ts ed25519`  an Ed25519 key (OKP) for CERT_ED25519_KEYS
 * Then PREPEND the printed key to its list (see README, Rotating the certificate signing keys).
 * The key goes to stdout only: store it in the secrets manager, not in a file in the repository.
 */
import { generateEd25519KeyJwk, generateSigningKeyJwk } from "../app/certificates/keys.server";

const kind = process.argv[2] ?? "es256";
if (kind !== "es256" && kind !== "ed25519") {
  console.error("usage: npx tsx scripts/cert-keygen.ts [es256|ed25519]");
  process.exit(2);
}
console.log(JSON.stringify(kind === "ed25519" ? await generateEd25519KeyJwk() : await generateSigningKeyJwk()));
