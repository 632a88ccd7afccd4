/**
 * How long the platform keeps each kind of personal data that has a fixed period, from configuration. The privacy
 * notice (/privacy) shows these figures and the retention job must read the same ones, so the page cannot say one
 * thing while the system does another. Invalid values refuse to start rather than silently keeping data longer.
 */
import { fiscalYearOf, fiscalYearRange } from "~/utils/format";

export interface RetentionPeriods {
  /** Motivation texts and host rankings: kept until the end of this many fiscal years after the project completed. */
  signupFiscalYears: number;
  /** Bodies of the mail the platform sent: kept this many days after sending. */
  mailBodyDays: number;
}

export const RETENTION_DEFAULTS: RetentionPeriods = { signupFiscalYears: 1, mailBodyDays: 90 };

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  if (!/^\d+$/.test(value.trim())) throw new Error(`${name} must be a whole number (got "${value}")`);
  const n = Number(value.trim());
  if (n < min || n > max) throw new Error(`${name} must be between ${min} and ${max} (got ${n})`);
  return n;
}

/** The retention periods from RETENTION_SIGNUP_FISCAL_YEARS and RETENTION_MAIL_BODY_DAYS (see README). */
export function retentionPeriods(env: Record<string, string | undefined> = process.env): RetentionPeriods {
  return {
    // 0 would delete a completed project's sign-ups within its own fiscal year, before the annual report is made.
    signupFiscalYears: wholeNumber(
      "RETENTION_SIGNUP_FISCAL_YEARS",
      env.RETENTION_SIGNUP_FISCAL_YEARS,
      RETENTION_DEFAULTS.signupFiscalYears,
      1,
      30,
    ),
    mailBodyDays: wholeNumber(
      "RETENTION_MAIL_BODY_DAYS",
      env.RETENTION_MAIL_BODY_DAYS,
      RETENTION_DEFAULTS.mailBodyDays,
      1,
      3650,
    ),
  };
}

/**
 * The last day (YYYY-MM-DD, in Japan) on which a completed project's motivations and rankings are still kept: the
 * end of the fiscal year `signupFiscalYears` after the one in which the project completed. A project completed on
 * 2027-02-20 (FY2026) with the default keeps them until 2028-03-31.
 */
export function signupRetainedUntil(completedOn: string, periods: RetentionPeriods = retentionPeriods()): string {
  return fiscalYearRange(fiscalYearOf(completedOn) + periods.signupFiscalYears).end;
}

/** The instant before which a sent mail's body is no longer kept. */
export function mailBodyCutoff(now: Date, periods: RetentionPeriods = retentionPeriods()): Date {
  return new Date(now.getTime() - periods.mailBodyDays * 24 * 60 * 60 * 1000);
}
