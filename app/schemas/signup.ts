/**
 * Sign-up forms: the join code, and the ranking form. Without JavaScript the student picks a position (1..n) for
 * every host; with JavaScript the ordered list fills the same fields. Positions must use 1..n once each.
 */
import { z } from "zod";
import { positionProblems } from "~/projects/signup";
import { msg, requiredText } from "./messages";

export const MOTIVATION_MAX = 800;

export const JoinSchema = z.object({ code: requiredText(40) });

const choosePosition = msg("signup.errors.choosePosition");

/** Every problem at once: positions left empty, used twice, or out of range, each next to its select. */
const RankingSchema = z
  .array(
    z.object({
      host: z.number().int().positive(),
      position: z.number({ error: choosePosition }).int(choosePosition).min(1, choosePosition).optional(),
    }),
    {
      error: msg("signup.errors.rankAll"),
    },
  )
  .min(1, msg("signup.errors.rankAll"))
  .superRefine((items, ctx) => {
    const { duplicates, missing } = positionProblems(items.map((i) => i.position));
    items.forEach((item, index) => {
      if (item.position === undefined)
        ctx.addIssue({ code: "custom", path: [index, "position"], message: choosePosition });
      else if (duplicates.includes(item.position) || item.position > items.length) {
        ctx.addIssue({
          code: "custom",
          path: [index, "position"],
          message: msg("signup.errors.positionTaken", { position: item.position }),
        });
      }
    });
    if (duplicates.length || missing.length) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: msg("signup.errors.positions", {
          n: items.length,
          duplicates: duplicates.join(", ") || "—",
          missing: missing.join(", ") || "—",
        }),
      });
    }
  })
  .transform((items) => items as Array<{ host: number; position: number }>);

const MotivationSchema = requiredText(MOTIVATION_MAX);

export const SignupSchema = z.object({
  intent: z.literal("signup"),
  code: requiredText(40),
  ranking: RankingSchema,
  motivation: MotivationSchema,
  consent: z.boolean({ error: msg("signup.errors.consent") }).refine((v) => v, msg("signup.errors.consent")),
  /** Optional and separate from the consent above: let the ranked firms read the motivation before pairing. */
  shareMotivation: z.boolean().optional(),
});

export const UpdateSignupSchema = z.object({
  intent: z.literal("update"),
  ranking: RankingSchema,
  motivation: MotivationSchema,
  shareMotivation: z.boolean().optional(),
});
