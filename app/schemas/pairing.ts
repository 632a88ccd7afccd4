/**
 * Pairing forms: staff moving a student by hand (a host or "unplaced", with a required reason), and a host firm's
 * own ranking of the pseudonymous applicants (a position per applicant, or none; no position used twice).
 */
import { z } from "zod";
import { msg, requiredText } from "./messages";

export const UNPLACED = "unplaced";
export const REASON_MAX = 500;

const chooseOne = msg("validation.chooseOne");

export const OverrideSchema = z.object({
  intent: z.literal("override"),
  signupId: z.number({ error: chooseOne }).int(chooseOne).positive(chooseOne),
  target: z
    .string({ error: chooseOne })
    .regex(new RegExp(`^(${UNPLACED}|\\d{1,12})$`), chooseOne)
    .transform((v) => (v === UNPLACED ? null : Number(v))),
  reason: requiredText(REASON_MAX),
});

export const HostRankingSchema = z.object({
  intent: z.literal("save"),
  ranking: z
    .array(z.object({ signup: z.number().int().positive(), position: z.number().int().min(1).optional() }))
    .default([])
    .superRefine((items, ctx) => {
      const used = new Map<number, number>();
      for (const item of items)
        if (item.position !== undefined) used.set(item.position, (used.get(item.position) ?? 0) + 1);
      items.forEach((item, index) => {
        if (item.position === undefined) return;
        if (item.position > items.length) {
          ctx.addIssue({ code: "custom", path: [index, "position"], message: chooseOne });
        } else if ((used.get(item.position) ?? 0) > 1) {
          ctx.addIssue({
            code: "custom",
            path: [index, "position"],
            message: msg("pairing.ranking.positionTaken", { position: item.position }),
          });
        }
      });
    }),
});

/** The ranked sign-up ids, best first (applicants without a position are left to the lottery). */
export function rankedSignups(items: Array<{ signup: number; position?: number }>): number[] {
  return items
    .filter((i): i is { signup: number; position: number } => i.position !== undefined)
    .sort((a, b) => a.position - b.position)
    .map((i) => i.signup);
}

/** "A", "B", … "Z", "AA", "AB", …: the label of the i-th applicant (0-based) on the firm's ranking page. */
export function applicantLabel(i: number): string {
  let label = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  return label;
}
