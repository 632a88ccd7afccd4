/**
 * Project forms: the proposal (new and edit), the lifecycle buttons on the project page, and the staff queue's
 * filters. Field names are ProjectInput's keys, so a parsed proposal is the model's input; the sign-up window is
 * typed in Tokyo time (datetime-local) and stored as ISO UTC.
 */
import { z } from "zod";
import type { ProjectAction } from "~/projects/lifecycle";
import { isoToTokyoLocal, tokyoLocalToIso } from "~/utils/format";
import { INDUSTRY_KEYS } from "~/utils/kita";
import type { Project, ProjectState } from "../../db/schema";
import { isCalendarDate } from "./agreements";
import { msg, optionalText, requiredText } from "./messages";

export const PROJECT_STATES: readonly ProjectState[] = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "rejected",
  "open",
  "closed",
  "paired",
  "interviewing",
  "presented",
  "completed",
  "cancelled",
];

export const MAX_STUDENTS = 200;
export const MAX_TEAM = 20;

const chooseOne = msg("validation.chooseOne");

const wholeNumber = (min: number, max: number) => {
  const error = msg("projects.errors.wholeNumber", { min, max });
  return z.number({ error }).int(error).min(min, error).max(max, error);
};

const calendarDate = () =>
  z
    .string({ error: msg("validation.required") })
    .trim()
    .refine(isCalendarDate, msg("projects.errors.date"));

const tokyoDateTime = () =>
  z
    .string({ error: msg("validation.required") })
    .trim()
    .refine((s) => tokyoLocalToIso(s) !== null, msg("projects.errors.dateTime"));

/** The form's fields and their rules (constraints for Conform); ProjectSchema converts them to the model's input. */
export const ProjectFieldsSchema = z
  .object({
    titleJa: requiredText(120),
    titleEn: optionalText(200),
    summaryJa: requiredText(2000),
    summaryEn: optionalText(4000),
    seminarName: requiredText(100),
    agreementId: z.number({ error: chooseOne }).int().positive(chooseOne),
    theme: requiredText(200),
    firmIndustries: z
      .array(z.enum(INDUSTRY_KEYS, { error: chooseOne }))
      .max(INDUSTRY_KEYS.length)
      .optional(),
    newProductFocus: z.boolean().optional(),
    fiscalYear: wholeNumber(2000, 2100),
    studentCapacity: wholeNumber(1, MAX_STUDENTS),
    teamSize: wholeNumber(1, MAX_TEAM),
    signupOpensAt: tokyoDateTime(),
    signupClosesAt: tokyoDateTime(),
    interviewFrom: calendarDate(),
    interviewUntil: calendarDate(),
    presentationOn: calendarDate(),
  })
  .superRefine((v, ctx) => {
    const issue = (field: string, key: string) => ctx.addIssue({ code: "custom", path: [field], message: msg(key) });
    const opens = tokyoLocalToIso(v.signupOpensAt);
    const closes = tokyoLocalToIso(v.signupClosesAt);
    if (opens && closes && closes <= opens) issue("signupClosesAt", "projects.errors.closesBeforeOpens");
    // Interview slots must lie inside the interview period, and pairing happens after sign-up closes: a window that
    // closes after interviews start would leave every slot "outside the period" (issue 12).
    const interviewsStart = tokyoLocalToIso(`${v.interviewFrom}T00:00`);
    if (closes && interviewsStart && closes > interviewsStart)
      issue("signupClosesAt", "projects.errors.closesAfterInterviewsStart");
    if (v.interviewUntil < v.interviewFrom) issue("interviewUntil", "projects.errors.interviewUntilBeforeFrom");
    if (v.presentationOn <= v.interviewUntil) issue("presentationOn", "projects.errors.presentationBeforeInterviews");
    if (v.teamSize > v.studentCapacity) issue("teamSize", "projects.errors.teamLargerThanCapacity");
  });

export type ProjectFormValues = z.input<typeof ProjectFieldsSchema>;

export const ProjectSchema = ProjectFieldsSchema.transform((v) => ({
  ...v,
  titleEn: v.titleEn || null,
  summaryEn: v.summaryEn || null,
  firmIndustries: INDUSTRY_KEYS.filter((k) => v.firmIndustries?.includes(k)),
  newProductFocus: Boolean(v.newProductFocus),
  signupOpensAt: tokyoLocalToIso(v.signupOpensAt)!,
  signupClosesAt: tokyoLocalToIso(v.signupClosesAt)!,
}));

/** The stored list of industries (a JSON array); anything unreadable counts as "any industry". */
export function firmIndustriesOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

/** A stored project as the form's values, for editing. */
export function projectFormValues(p: Project): ProjectFormValues {
  return {
    titleJa: p.title_ja,
    titleEn: p.title_en ?? undefined,
    summaryJa: p.summary_ja,
    summaryEn: p.summary_en ?? undefined,
    seminarName: p.seminar_name,
    agreementId: p.agreement_id,
    theme: p.theme,
    firmIndustries: INDUSTRY_KEYS.filter((k) => firmIndustriesOf(p.firm_industries).includes(k)),
    newProductFocus: p.new_product_focus === 1,
    fiscalYear: p.fiscal_year,
    studentCapacity: p.student_capacity,
    teamSize: p.team_size,
    signupOpensAt: isoToTokyoLocal(p.signup_opens_at),
    signupClosesAt: isoToTokyoLocal(p.signup_closes_at),
    interviewFrom: p.interview_from,
    interviewUntil: p.interview_until,
    presentationOn: p.presentation_on,
  };
}

/**
 * The lifecycle steps taken with a button on the project page. Publishing a pairing belongs to the pairing pages;
 * the steps after it also happen by themselves when they fall due (project-progress.server.ts), and staff can take
 * them earlier here.
 */
export const PAGE_ACTIONS = [
  "submit",
  "approve",
  "return",
  "reject",
  "open",
  "close",
  "start_interviews",
  "mark_presented",
  "complete",
  "cancel",
] as const satisfies readonly ProjectAction[];

/** A lifecycle button: the action is the intent; return, reject and cancel carry their reason. */
export const TransitionSchema = z.object({
  intent: z.enum(PAGE_ACTIONS),
  comment: optionalText(2000),
});

/** The staff queue's filters (?state=&fy=); anything unknown is ignored rather than refused. */
export function parseProjectFilters(url: URL): { state?: ProjectState; fiscalYear?: number } {
  const state = url.searchParams.get("state");
  const fy = Number(url.searchParams.get("fy"));
  return {
    state: PROJECT_STATES.find((s) => s === state),
    fiscalYear: Number.isInteger(fy) && fy >= 2000 && fy <= 2100 ? fy : undefined,
  };
}
