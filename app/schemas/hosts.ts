/** Host-firm forms: staff invite (or professors suggest) a firm, and a firm answers an invitation. */
import { z } from "zod";
import { EmailSchema, msg, optionalText } from "./messages";

/** The most students one firm may host in a project. */
export const HOST_CAPACITY_MAX = 20;

/** Staff inviting a firm, and a professor suggesting one. The contact email receives the signed answer link. */
export const HostFirmSchema = z.object({
  firmId: z
    .number({ error: msg("validation.chooseOne") })
    .int()
    .positive(msg("validation.chooseOne")),
  contactEmail: EmailSchema.optional(),
});

export const WithdrawHostSchema = z.object({ hostId: z.number().int().positive() });

/** accept (with a capacity) or decline, each with an optional note to the city and the professor. */
export const HostAnswerSchema = z
  .object({
    intent: z.enum(["accept", "decline"]),
    capacity: z
      .number({ error: msg("hosts.errors.capacity", { max: HOST_CAPACITY_MAX }) })
      .int(msg("hosts.errors.capacity", { max: HOST_CAPACITY_MAX }))
      .min(1, msg("hosts.errors.capacity", { max: HOST_CAPACITY_MAX }))
      .max(HOST_CAPACITY_MAX, msg("hosts.errors.capacity", { max: HOST_CAPACITY_MAX }))
      .optional(),
    note: optionalText(500),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "accept" && value.capacity === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["capacity"],
        message: msg("hosts.errors.capacity", { max: HOST_CAPACITY_MAX }),
      });
    }
  });

/** The model's answer from a parsed form. */
export function toHostAnswer(value: z.infer<typeof HostAnswerSchema>) {
  return value.intent === "accept"
    ? { accept: true as const, capacity: value.capacity!, note: value.note ?? null }
    : { accept: false as const, note: value.note ?? null };
}
