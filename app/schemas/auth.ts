/** Sign-in, registration and invitation forms (shared by the form and the action). */
import { z } from "zod";
import { EmailSchema, msg, NewPasswordSchema, requiredText } from "./messages";

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z
    .string({ error: msg("validation.required") })
    .min(1, msg("validation.required"))
    .max(1000),
  redirectTo: z.string().optional(),
});

export const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s\u3000]+$/u;
export const LATIN = /^[A-Za-z][A-Za-z .'-]*$/;

export const RegisterSchema = z.object({
  name: requiredText(60),
  nameKana: requiredText(60).regex(KANA, msg("validation.kana")),
  nameLatin: requiredText(60).regex(LATIN, msg("validation.latin")),
  universityId: z.coerce
    .number({ error: msg("validation.chooseOne") })
    .int()
    .positive(msg("validation.chooseOne")),
  email: EmailSchema,
  password: NewPasswordSchema,
});

export const InviteSchema = z
  .object({
    name: requiredText(60),
    email: EmailSchema,
    role: z.enum(["staff", "professor", "firm"], { error: msg("validation.chooseOne") }),
    universityId: z.coerce.number().int().positive().optional(),
    firmId: z.coerce.number().int().positive().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "professor" && !value.universityId) {
      ctx.addIssue({ code: "custom", path: ["universityId"], message: msg("validation.chooseOne") });
    }
    if (value.role === "firm" && !value.firmId) {
      ctx.addIssue({ code: "custom", path: ["firmId"], message: msg("validation.chooseOne") });
    }
  });

export const SetPasswordSchema = z.object({ password: NewPasswordSchema });

export const LocaleSchema = z.object({
  locale: z.enum(["ja", "en", "auto"]),
  redirectTo: z.string().optional(),
});
