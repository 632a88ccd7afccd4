/**
 * Interview forms: a firm's new slot (typed in Tokyo time, stored as ISO UTC; a place or an online link), its change
 * cut-off, cancelling a slot with a reason, and the one-button forms (book, move, release, done, missed).
 */
import { z } from "zod";
import { MAX_CUTOFF_HOURS } from "~/interviews/slots";
import { tokyoLocalToIso } from "~/utils/format";
import { msg, optionalText, requiredText } from "./messages";

const tokyoDateTime = () =>
  z
    .string({ error: msg("validation.required") })
    .trim()
    .refine((s) => tokyoLocalToIso(s) !== null, msg("interviews.errors.dateTime"));

export const SlotFieldsSchema = z
  .object({
    startsAt: tokyoDateTime(),
    endsAt: tokyoDateTime(),
    place: optionalText(200),
    onlineUrl: z
      .string()
      .trim()
      .max(500, msg("validation.tooLong", { max: 500 }))
      .pipe(z.url({ protocol: /^https?$/, error: msg("interviews.errors.url") }))
      .optional(),
  })
  .superRefine((v, ctx) => {
    const starts = tokyoLocalToIso(v.startsAt);
    const ends = tokyoLocalToIso(v.endsAt);
    if (starts && ends && ends <= starts)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: msg("interviews.errors.endBeforeStart") });
    if (!v.place && !v.onlineUrl)
      ctx.addIssue({ code: "custom", path: ["place"], message: msg("interviews.errors.placeOrUrl") });
  });

/** The parsed form as the model's SlotInput. */
export const SlotSchema = SlotFieldsSchema.transform((v) => ({
  startsAt: tokyoLocalToIso(v.startsAt)!,
  endsAt: tokyoLocalToIso(v.endsAt)!,
  place: v.place || null,
  onlineUrl: v.onlineUrl || null,
}));

export const CutoffSchema = z.object({
  hours: z
    .number({ error: msg("interviews.errors.cutoffHours", { max: MAX_CUTOFF_HOURS }) })
    .int(msg("interviews.errors.cutoffHours", { max: MAX_CUTOFF_HOURS }))
    .min(0, msg("interviews.errors.cutoffHours", { max: MAX_CUTOFF_HOURS }))
    .max(MAX_CUTOFF_HOURS, msg("interviews.errors.cutoffHours", { max: MAX_CUTOFF_HOURS })),
});

const slotId = z.number().int().positive();

export const CancelSlotSchema = z.object({ slotId, reason: requiredText(500) });

/** The one-button forms: the button's `intent` says what to do with `slotId`. */
/** The statuses a slot can be in, for the staff overview's filter. */
export const SLOT_STATUSES = ["free", "booked", "cancelled", "done", "missed"] as const;

/** The staff overview's filters (?status=&host=); anything unknown is ignored rather than refused. */
export function parseSlotFilters(url: URL): { status?: (typeof SLOT_STATUSES)[number]; hostId?: number } {
  const status = url.searchParams.get("status");
  const host = Number(url.searchParams.get("host"));
  return {
    status: SLOT_STATUSES.find((s) => s === status),
    hostId: Number.isSafeInteger(host) && host > 0 ? host : undefined,
  };
}

export const SlotButtonSchema = z.object({ intent: z.enum(["book", "move", "release", "done", "missed"]), slotId });

/** A host without an account asks for a firm-user invitation from its host page (the address is the one on record). */
export const HostAccountSchema = z.object({ intent: z.literal("account"), name: requiredText(100) });

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => tokyoLocalToIso(`${s}T00:00`) !== null);

/**
 * The staff overview's filters (?from=&to=&project=), from a GET form: a value that is not a date or an id is
 * ignored (and said so on the page) rather than refused, so a bookmarked or edited URL still shows the overview.
 */
export function parseOverviewFilters(url: URL) {
  const read = <T>(schema: z.ZodType<T>, name: string) => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === "") return { value: undefined, bad: false };
    const parsed = schema.safeParse(raw);
    return parsed.success ? { value: parsed.data, bad: false } : { value: undefined, bad: true };
  };
  const from = read(isoDay, "from");
  const to = read(isoDay, "to");
  const project = read(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER), "project");
  return {
    from: from.value,
    to: to.value,
    projectId: project.value,
    ignored: [from.bad && "from", to.bad && "to", project.bad && "project"].filter((x): x is string => !!x),
  };
}
