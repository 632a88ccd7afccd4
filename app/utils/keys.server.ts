/**
 * Keys derived from SESSION_SECRET, one per purpose, so that no two uses share a key: the cookie signature uses the
 * secret as it is (session.server.ts), everything else derives its own here with HKDF-SHA256 (RFC 5869) and a label.
 * A key for one purpose then tells nothing about another's, and a signature made for one can never pass as another.
 *
 * SESSION_SECRET lists secrets newest first: new keys come from the first, and whatever verifies or decrypts tries
 * the keys of all of them (`deriveKeys`), so rotating the secret does not break what was made with an older one.
 */
import { hkdfSync } from "node:crypto";
import { config } from "./env.server";

/** Every purpose with a key of its own. A new purpose gets a new label; a label is never reused or renamed. */
export type KeyPurpose = "host-answer-link" | "host-page-link" | "outbox-secrets";

// Fixed and public: RFC 5869 allows a non-secret salt; the secrets themselves are long random strings.
const SALT = "kita-collab/hkdf-salt";

/** The 32-byte key for `purpose`, from the first listed secret (or the one given). */
export function deriveKey(purpose: KeyPurpose, secret: string = config().sessionSecrets[0]): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, `kita-collab/${purpose}/v1`, 32));
}

/** The key for `purpose` from each listed secret, the current one first: what verification and decryption try. */
export function deriveKeys(purpose: KeyPurpose): Buffer[] {
  return config().sessionSecrets.map((secret) => deriveKey(purpose, secret));
}
