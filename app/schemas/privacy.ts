/** Forms of the personal-data features (issue 14): own profile corrections, requests, and staff's decisions. */
import { z } from "zod";
import { KANA, LATIN } from "./auth";
import { msg, requiredText } from "./messages";

/** An optional field: empty means "none" (null), otherwise checked like the registration form checks it. */
function optionalMatching(max: number, pattern: RegExp, key: string) {
  return z
    .string()
    .trim()
    .max(max, msg("validation.tooLong", { max }))
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || pattern.test(v), msg(key));
}

export const ProfileSchema = z.object({
  name: requiredText(60),
  nameKana: optionalMatching(60, KANA, "validation.kana"),
  nameLatin: optionalMatching(60, LATIN, "validation.latin"),
});

export const PrivacyRequestSchema = z.object({
  kind: z.enum(["correction", "deletion"], { error: msg("validation.chooseOne") }),
  details: requiredText(2000),
});

export const DecisionSchema = z
  .object({
    id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    outcome: z.enum(["done", "refused"], { error: msg("validation.chooseOne") }),
    reason: z
      .string()
      .trim()
      .max(1000, msg("validation.tooLong", { max: 1000 }))
      .optional(),
    revokeCertificates: z.enum(["yes", "no"]).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === "refused" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: msg("personalData.queue.reasonRequired") });
    }
  });

export const EraseSchema = z.object({
  revokeCertificates: z.enum(["yes", "no"], { error: msg("personalData.erase.chooseRevoke") }),
  confirm: z.literal("erase", { error: msg("personalData.erase.confirmRequired") }),
});
