/** What every part of the demo seed shares: the fixed "created" time and the accounts that act in the story. */

export const SEEDED_AT = "2026-04-01T00:00:00.000Z";

/** The staff member who reviews, invites and issues, and the professor of the Toyo marketing seminar. */
export const STAFF = "staff@city.kita.example";
export const TOYO_PROF = "professor@toyo.example";

export function fail(what: string): never {
  throw new Error(`seed: ${what} missing`);
}
