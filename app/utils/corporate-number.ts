/**
 * Japanese corporate numbers (法人番号): 13 digits, the FIRST of which is a check digit over the other 12
 * (the 会社法人等番号 for registered companies). Client-safe: used by forms as well as the server.
 *
 * Check digit = 9 − (Σ_{n=1..12} P_n × Q_n mod 9), where P_n is the n-th digit counted from the right of the
 * 12-digit base and Q_n is 1 when n is odd, 2 when n is even (as published by the National Tax Agency).
 * Example: 7000012050002 (National Tax Agency).
 */

const BASE_RE = /^[0-9]{12}$/;
const NUMBER_RE = /^[0-9]{13}$/;

/** The check digit (1–9) for a 12-digit base. Throws unless the base is exactly 12 ASCII digits. */
export function corporateCheckDigit(base12: string): number {
  if (!BASE_RE.test(base12)) throw new Error(`A corporate number base must be 12 digits (got "${base12}")`);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = base12.charCodeAt(12 - n) - 48; // P_n: n-th digit from the right
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** True for exactly 13 ASCII digits whose first digit is the right check digit. Does not normalise. */
export function isValidCorporateNumber(value: string): boolean {
  if (typeof value !== "string" || !NUMBER_RE.test(value)) return false;
  return Number(value[0]) === corporateCheckDigit(value.slice(1));
}

/**
 * What people type into a form, made comparable: NFKC (full-width digits to ASCII), then hyphens, dashes, the
 * katakana long-vowel mark (often typed for a hyphen) and all spaces removed. "１２３４-５６" → "123456".
 */
export function normalizeCorporateNumber(value: string): string {
  return value.normalize("NFKC").replace(/[\s\-‐‑‒–—―−ー]/gu, "");
}

/** The full 13-digit number for a 12-digit base: check digit first. */
export function makeCorporateNumber(base12: string): string {
  return `${corporateCheckDigit(base12)}${base12}`;
}
