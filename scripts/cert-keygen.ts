/**
 * Prints a new certificate signing key (private EC P-256 JWK, kid = RFC 7638 thumbprint) for CERT_SIGNING_KEYS.
 * Usage: `npx tsx scripts/cert-keygen.ts` — then PREPEND the printed key to the list (see README, key rotation).
 * The key goes to stdout only: store it in the secrets manager, not in a file in the repository.
 */
import { generateSigningKeyJwk } from "../app/certificates/keys.server";

console.log(JSON.stringify(await generateSigningKeyJwk()));
