/**
 * Validation messages are catalog keys, so the same zod schema speaks Japanese or English wherever it is rendered.
 * A key may carry values: "validation.tooLong?max=100".
 */
import type { TFunction } from "i18next";
import { z } from "zod";

export function msg(key: string, values?: Record<string, string | number>) {
  return values ? `${key}?${new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]))}` : key;
}

export function translateError(t: TFunction, message: string): string {
  const [key, query] = message.split("?");
  if (!key.includes(".")) return message;
  return t(key, Object.fromEntries(new URLSearchParams(query ?? "")));
}

/** A required, trimmed, length-limited string. */
export function requiredText(max = 200) {
  return z
    .string({ error: msg("validation.required") })
    .trim()
    .min(1, msg("validation.required"))
    .max(max, msg("validation.tooLong", { max }));
}

export function optionalText(max = 2000) {
  return z.string().trim().max(max, msg("validation.tooLong", { max })).optional();
}

export const EmailSchema = z
  .string({ error: msg("validation.required") })
  .trim()
  .min(1, msg("validation.required"))
  .max(254, msg("validation.tooLong", { max: 254 }))
  .pipe(z.email({ error: msg("validation.email") }));

export const NewPasswordSchema = z
  .string({ error: msg("validation.required") })
  .min(8, msg("validation.passwordTooShort"))
  .max(200, msg("validation.passwordTooLong"));
