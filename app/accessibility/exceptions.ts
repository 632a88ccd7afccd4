/**
 * The known exceptions the accessibility statement lists, each with the date by which it is to be fixed. The texts
 * are in the catalogs (accessibility.exceptions.<key>). Remove an entry when it is fixed, and say so in the results.
 */
export const KNOWN_EXCEPTIONS = [
  { key: "manual", fixBy: "2027-03-31" },
  { key: "screenReader", fixBy: "2027-03-31" },
  { key: "pdf", fixBy: "2027-03-31" },
] as const;

/** The keyboard-only journeys the browser tests run (tests/e2e/keyboard.test.ts records each one). */
export const KEYBOARD_JOURNEYS = ["signup", "door"] as const;
