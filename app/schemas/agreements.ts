/**
 * Agreement forms: the agreement itself, termination, an activity entry and a PDF document (shared by the forms and
 * the actions). Field names are the column names, so a parsed agreement is its version snapshot.
 */
import { z } from "zod";
import type { AgreementSnapshot } from "~/agreements/versions";
import { AGREEMENT_AREAS, AGREEMENT_DOCUMENT_KINDS, AGREEMENT_KINDS } from "../../db/schema";
import { msg, optionalText, requiredText } from "./messages";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const calendarDate = () =>
  z
    .string({ error: msg("validation.required") })
    .trim()
    .refine(isCalendarDate, msg("agreements.errors.date"));

const wholeNumber = (min: number, max: number) => {
  const error = msg("agreements.errors.wholeNumber", { min, max });
  return z.number({ error }).int(error).min(min, error).max(max, error);
};

const chooseOne = msg("validation.chooseOne");
const PHONE = /^[0-9+()\-\s]{6,20}$/;

const ContactSchema = z
  .object({
    name: optionalText(100),
    department: optionalText(100),
    email: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email({ error: msg("validation.email") }))
      .optional(),
    phone: z.string().trim().regex(PHONE, msg("agreements.errors.phone")).optional(),
  })
  .superRefine((c, ctx) => {
    // A row left blank is ignored; a row with anything in it needs a name.
    if (!c.name && (c.department || c.email || c.phone)) {
      ctx.addIssue({ code: "custom", path: ["name"], message: msg("validation.required") });
    }
  });

/** The form's fields and their rules; AgreementSchema (below) also normalizes them into a version snapshot. */
export const AgreementFieldsSchema = z
  .object({
    university_id: z.number({ error: chooseOne }).int().positive(chooseOne),
    kind: z.enum(AGREEMENT_KINDS, { error: chooseOne }),
    title_ja: requiredText(200),
    title_en: requiredText(200),
    signed_on: calendarDate(),
    effective_from: calendarDate(),
    expires_on: calendarDate().optional(),
    auto_renew: z.boolean().optional(),
    renewal_term_months: wholeNumber(1, 120).optional(),
    notice_days: wholeNumber(0, 365),
    areas: z.array(z.enum(AGREEMENT_AREAS, { error: chooseOne })).min(1, msg("agreements.errors.areasRequired")),
    contacts: z.array(ContactSchema).max(50).optional(),
    owner_user_id: z.number({ error: chooseOne }).int().positive(chooseOne).optional(),
    notes: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    const issue = (field: string, key: string) => ctx.addIssue({ code: "custom", path: [field], message: msg(key) });
    // An agreement takes effect on or after the day it is signed (a retroactive start goes in the notes).
    if (v.effective_from < v.signed_on) issue("effective_from", "agreements.errors.effectiveBeforeSigned");
    if (v.expires_on && v.expires_on < v.effective_from)
      issue("expires_on", "agreements.errors.expiresBeforeEffective");
    if (v.auto_renew && !v.expires_on) issue("expires_on", "agreements.errors.autoRenewNeedsExpiry");
    if (v.auto_renew && !v.renewal_term_months) issue("renewal_term_months", "agreements.errors.renewalTermRequired");
  });

/** What the agreement form holds (the values Conform types its fields with). */
export type AgreementFormValues = z.input<typeof AgreementFieldsSchema>;

export const AgreementSchema = AgreementFieldsSchema.transform(
  (v): Omit<AgreementSnapshot, "terminated_on" | "termination_reason"> => ({
    university_id: v.university_id,
    kind: v.kind,
    title_ja: v.title_ja,
    title_en: v.title_en,
    signed_on: v.signed_on,
    effective_from: v.effective_from,
    expires_on: v.expires_on ?? null,
    auto_renew: Boolean(v.auto_renew),
    renewal_term_months: v.auto_renew ? (v.renewal_term_months ?? null) : null,
    notice_days: v.notice_days,
    areas: AGREEMENT_AREAS.filter((a) => v.areas.includes(a)),
    contacts: (v.contacts ?? [])
      .filter((c) => c.name)
      .map((c) => ({
        name: c.name!,
        department: c.department ?? null,
        email: c.email ?? null,
        phone: c.phone ?? null,
      })),
    owner_user_id: v.owner_user_id ?? null,
    notes: v.notes ?? null,
  }),
);
export type AgreementInput = z.output<typeof AgreementSchema>;

export const TerminateSchema = z.object({
  intent: z.literal("terminate"),
  terminated_on: calendarDate(),
  termination_reason: requiredText(1000),
});

export const ActivitySchema = z.object({
  intent: z.literal("activity"),
  occurred_on: calendarDate(),
  title: requiredText(200),
  description: optionalText(2000),
});

export const DocumentSchema = z.object({
  intent: z.literal("document"),
  kind: z.enum(AGREEMENT_DOCUMENT_KINDS, { error: chooseOne }),
  title: requiredText(200),
  file: z
    .file({ error: msg("agreements.errors.fileRequired") })
    .max(MAX_DOCUMENT_BYTES, msg("agreements.errors.fileTooLarge", { mb: MAX_DOCUMENT_MB })),
});
