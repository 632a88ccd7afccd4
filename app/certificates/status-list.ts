/**
 * Revocation, published as a W3C Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/).
 *
 * One bit per certificate (its statusListIndex): 1 = revoked. The list is at least 131,072 bits (16 KB) so that a
 * single revocation hides among many entries (herd privacy); indexes should be drawn at random for the same reason
 * (randomStatusListIndex). Bit order per the spec: index 0 is the most significant (left-most) bit of the first byte.
 * encodedList = "u" (multibase base64url, no padding) + base64url(GZIP(bitstring)).
 *
 * The route serves buildStatusListCredential(…) signed with signCredential (credential.server.ts) as a VC-JWT, and
 * to JSON-LD readers (wallets) with an embedded proof. List 1 holds the certificates, list 2 the copies claimed into
 * wallets.
 */
import { randomInt } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";

export const STATUS_LIST_BITS = 131_072;

export function encodeStatusList(revokedIndexes: Iterable<number>, bits = STATUS_LIST_BITS): string {
  if (bits < STATUS_LIST_BITS || bits % 8 !== 0)
    throw new RangeError(`A status list has at least ${STATUS_LIST_BITS} bits, in whole bytes`);
  const list = new Uint8Array(bits / 8);
  for (const index of revokedIndexes) {
    checkIndex(index, bits);
    list[index >> 3] |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(list).toString("base64url")}`;
}

/** The raw bitstring of an encodedList. */
export function decodeStatusList(encodedList: string): Uint8Array {
  if (!encodedList.startsWith("u")) throw new Error('encodedList must be multibase base64url (starting with "u")');
  return new Uint8Array(gunzipSync(Buffer.from(encodedList.slice(1), "base64url")));
}

export function isRevoked(encodedList: string | Uint8Array, index: number): boolean {
  const list = typeof encodedList === "string" ? decodeStatusList(encodedList) : encodedList;
  checkIndex(index, list.length * 8);
  return (list[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

/** A random index for a new certificate; the caller retries on the (rare) collision with a used one. */
export function randomStatusListIndex(bits = STATUS_LIST_BITS): number {
  return randomInt(0, bits);
}

function checkIndex(index: number, bits: number) {
  if (!Number.isInteger(index) || index < 0 || index >= bits)
    throw new RangeError(`Status list index ${index} is outside 0–${bits - 1}`);
}

export interface StatusListCredentialInput {
  /** The URL where the status list credential is served (the statusListCredential of each entry). */
  id: string;
  issuer: string | { id: string; [key: string]: unknown };
  encodedList: string;
  /** ISO timestamp: when this version of the list was made. */
  validFrom: string;
}

export function buildStatusListCredential({ id, issuer, encodedList, validFrom }: StatusListCredentialInput) {
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    id,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer,
    // Whole seconds, as the JWT's nbf and the proof's created.
    validFrom: new Date(validFrom).toISOString().replace(/\.\d{3}Z$/, "Z"),
    credentialSubject: {
      id: `${id}#list`,
      type: "BitstringStatusList",
      statusPurpose: "revocation",
      encodedList,
    },
  };
}
