/** Forms and query strings of the account pages (issue 11): passwords, staff's account list, universities, mail. */
import { z } from "zod";
import { ROLES } from "../../db/schema";
import { EmailSchema, msg, NewPasswordSchema, requiredText } from "./messages";

export const ForgotPasswordSchema = z.object({ email: EmailSchema });

export const ResetPasswordSchema = z.object({ password: NewPasswordSchema });

export const ChangePasswordSchema = z.object({
  current: z
    .string({ error: msg("validation.required") })
    .min(1, msg("validation.required"))
    .max(1000),
  password: NewPasswordSchema,
});

export const UniversitySchema = z.object({
  nameJa: requiredText(100),
  nameEn: requiredText(100),
});

/** A row a button acts on (a user, an invitation, a message): only a tampered form fails this. */
export const RowIdSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/**
 * The account list's query string. Bad values are dropped rather than refused: a filter link never breaks. Absent
 * values take their `default` without a failed parse (see FirmSearchParamsSchema).
 */
export const AccountFilterSchema = z.object({
  role: z
    .enum(ROLES as [string, ...string[]])
    .optional()
    .catch(undefined),
  university: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  firm: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  status: z.enum(["active", "disabled", "all"]).default("all").catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export function parseAccountFilter(url: URL) {
  return AccountFilterSchema.parse(Object.fromEntries(url.searchParams));
}
