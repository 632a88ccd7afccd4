/**
 * What a new password may not be: one of the 10,000 most common passwords, or the account's own email address.
 * The list is the frequency-ranked `passwords-common` dictionary of @zxcvbn-ts/language-common (MIT; from leaked
 * password corpora, as zxcvbn uses it), shipped in node_modules: no network at run time. Server-only: the list is
 * 380 KB, so it never goes to the browser, and the check runs where the form is parsed.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { msg } from "~/schemas/messages";

/** How many of the list's most common entries are refused (NIST SP 800-63B: "commonly-used" passwords). */
export const COMMON_PASSWORDS_REFUSED = 10_000;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    (dictionary["passwords-common"] as string[]).slice(0, COMMON_PASSWORDS_REFUSED).map((p) => fold(p)),
  );
  return common;
}

/** The form compared: what scrypt hashes (NFKC), lower case, without surrounding spaces. */
function fold(password: string): string {
  return password.normalize("NFKC").trim().toLowerCase();
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(fold(password));
}

/**
 * The catalog key of what is wrong with a new password for `email` (after the shared schema's length checks), or
 * null. Actions turn it into an error on the password field.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (isCommonPassword(password)) return msg("validation.passwordCommon");
  if (fold(password) === fold(email)) return msg("validation.passwordIsEmail");
  return null;
}
