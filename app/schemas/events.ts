/**
 * Event forms: the event itself (typed in Tokyo time with datetime-local, stored as ISO UTC), a programme slot (a
 * team chosen as "projectId:hostId" or "projectId:seminar", an optional start time on the event's day), the
 * professor's title confirmation, and the attendance and "given" marks (an explicit value, so repeating a post
 * changes nothing).
 */
import type { Selectable } from "kysely";
import { z } from "zod";
import { isoToTokyoLocal, tokyoLocalToIso } from "~/utils/format";
import type { EventTable } from "../../db/schema";
import { msg, optionalText, requiredText } from "./messages";

const tokyoDateTime = () =>
  z
    .string({ error: msg("validation.required") })
    .trim()
    .refine((s) => tokyoLocalToIso(s) !== null, msg("events.errors.dateTime"));

export const EventFieldsSchema = z
  .object({
    titleJa: requiredText(120),
    titleEn: requiredText(200),
    startsAt: tokyoDateTime(),
    endsAt: tokyoDateTime(),
    venueJa: requiredText(120),
    venueEn: requiredText(200),
    descriptionJa: optionalText(4000),
    descriptionEn: optionalText(6000),
  })
  .superRefine((v, ctx) => {
    const starts = tokyoLocalToIso(v.startsAt);
    const ends = tokyoLocalToIso(v.endsAt);
    if (starts && ends && ends <= starts)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: msg("events.errors.endsBeforeStarts") });
  });

export type EventFormValues = z.input<typeof EventFieldsSchema>;

export const EventSchema = EventFieldsSchema.transform((v) => ({
  titleJa: v.titleJa,
  titleEn: v.titleEn,
  startsAt: tokyoLocalToIso(v.startsAt)!,
  endsAt: tokyoLocalToIso(v.endsAt)!,
  venueJa: v.venueJa,
  venueEn: v.venueEn,
  descriptionJa: v.descriptionJa || null,
  descriptionEn: v.descriptionEn || null,
}));

export type EventInput = z.output<typeof EventSchema>;

export function eventFormValues(e: Selectable<EventTable>): EventFormValues {
  return {
    titleJa: e.title_ja,
    titleEn: e.title_en,
    startsAt: isoToTokyoLocal(e.starts_at),
    endsAt: isoToTokyoLocal(e.ends_at),
    venueJa: e.venue_ja,
    venueEn: e.venue_en,
    descriptionJa: e.description_ja ?? undefined,
    descriptionEn: e.description_en ?? undefined,
  };
}

const chooseOne = msg("validation.chooseOne");
const id = () => z.number({ error: chooseOne }).int().positive(chooseOne);

/** "HH:MM", a time of day in Tokyo; empty means no time announced. */
const startTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg("events.errors.time"))
  .optional();

const researchTitle = { titleJa: requiredText(200), titleEn: optionalText(300) };

/** The team value of the programme form: "12:34" (project 12, host 34) or "12:seminar" (the whole seminar). */
export const TEAM_VALUE = /^(\d{1,12}):(\d{1,12}|seminar)$/;

export function teamValue(projectId: number, hostId: number | null) {
  return `${projectId}:${hostId ?? "seminar"}`;
}

/** The programme form's fields (for Conform's constraints); AddSlotSchema turns the team into ids. */
export const AddSlotFieldsSchema = z.object({
  team: z.string({ error: chooseOne }).regex(TEAM_VALUE, chooseOne),
  startTime,
  ...researchTitle,
});

export const AddSlotSchema = AddSlotFieldsSchema.transform(({ team, ...v }) => {
  const [, project, host] = TEAM_VALUE.exec(team)!;
  return { ...v, projectId: Number(project), hostId: host === "seminar" ? null : Number(host) };
});

export const EditSlotSchema = z.object({ presentationId: id(), startTime, ...researchTitle });

export const MoveSlotSchema = z.object({ presentationId: id(), direction: z.enum(["up", "down"]) });

export const RemoveSlotSchema = z.object({ presentationId: id() });

export const ConfirmTitleSchema = z.object({ presentationId: id(), ...researchTitle });

const yesNo = z.enum(["yes", "no"]).transform((v) => v === "yes");

export const AttendanceSchema = z.object({ studentId: id(), present: yesNo });

export const GivenSchema = z.object({ presentationId: id(), given: yesNo });

/** A time of day on the event's first day in Tokyo → ISO UTC. */
export function slotStartIso(eventStartsAt: string, time: string | undefined): string | null {
  if (!time) return null;
  return tokyoLocalToIso(`${isoToTokyoLocal(eventStartsAt).slice(0, 10)}T${time}`);
}

/** ISO UTC → "HH:MM" in Tokyo (24-hour in both languages). */
export function tokyoTime(iso: string): string {
  return isoToTokyoLocal(iso).slice(11, 16);
}
