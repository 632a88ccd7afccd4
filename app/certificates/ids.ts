/**
 * Certificate public ids: 160 random bits written in Crockford base32 (32 characters, 0-9 and A-Z without I, L, O, U).
 *
 * Why this form: 160 bits leaves a wide margin over the 128 bits that make ids unguessable; 160 is a multiple of 5,
 * so every character carries a full 5 bits; the alphabet is URL-safe, case-insensitive and has no look-alike letters,
 * so an id read aloud or typed from paper still resolves (see normalizeCertificateId).
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CERTIFICATE_ID_BYTES = 20;
export const CERTIFICATE_ID_LENGTH = (CERTIFICATE_ID_BYTES * 8) / 5; // 32

const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{32}$/;

export function newCertificateId(): string {
  // Web Crypto (not node:crypto) so that this module is safe to import from browser code too.
  const bytes = crypto.getRandomValues(new Uint8Array(CERTIFICATE_ID_BYTES));
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** True for an id in its canonical form (as issued: 32 upper-case Crockford characters). */
export function isCertificateId(value: unknown): value is string {
  return typeof value === "string" && CANONICAL.test(value);
}

/** An id as a person may have typed it (lower case, O for 0, I/L for 1, hyphens, spaces) → canonical, or null. */
export function normalizeCertificateId(value: string): string | null {
  const id = value.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return isCertificateId(id) ? id : null;
}
