/**
 * An agreement's status, current term and notice deadline, derived from its dates and "today" (a calendar date in
 * Asia/Tokyo, see tokyoDate). Pure: no I/O, no clock.
 *
 * - upcoming: before effective_from.
 * - active: in force, outside the notice window; open-ended agreements are always active.
 * - expiring: inside the notice window [term end − notice_days, term end], both days included.
 * - expired: after the term end (the agreement is in force through its expiry date).
 * - terminated: from terminated_on on.
 * An auto-renewing agreement never expires: past its expiry it rolls forward by its renewal term, counted from the
 * original expiry date (2027-01-31 + 1 month = 2027-02-28, + 2 months = 2027-03-31: no drift at month ends).
 */

export type AgreementStatus = "upcoming" | "active" | "expiring" | "expired" | "terminated";
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  "upcoming",
  "active",
  "expiring",
  "expired",
  "terminated",
];

export interface AgreementDates {
  effective_from: string;
  expires_on: string | null;
  auto_renew: number | boolean;
  renewal_term_months: number | null;
  notice_days: number;
  terminated_on: string | null;
}

export interface AgreementTerm {
  status: AgreementStatus;
  /** The last day of the current term; null when open-ended. */
  termEnd: string | null;
  /** termEnd − notice_days: the last day to give notice (of non-renewal, or to renegotiate). */
  noticeDeadline: string | null;
  /** How many times an auto-renewing agreement has rolled over. */
  renewals: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * DAY_MS);
}

/** Calendar months later, clamped to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return iso(first.getTime());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

export function agreementTerm(a: AgreementDates, today: string): AgreementTerm {
  let termEnd = a.expires_on;
  let renewals = 0;
  const term = a.renewal_term_months ?? 0;
  if (termEnd && a.auto_renew && term > 0) {
    while (termEnd < today) termEnd = addMonths(a.expires_on!, ++renewals * term);
  }
  const noticeDeadline = termEnd ? addDays(termEnd, -a.notice_days) : null;
  const status: AgreementStatus =
    a.terminated_on && a.terminated_on <= today
      ? "terminated"
      : today < a.effective_from
        ? "upcoming"
        : !termEnd || today < noticeDeadline!
          ? "active"
          : today <= termEnd
            ? "expiring"
            : "expired";
  return { status, termEnd, noticeDeadline, renewals };
}

export function agreementStatus(a: AgreementDates, today: string): AgreementStatus {
  return agreementTerm(a, today).status;
}

/** How soon the notice deadline comes: already passed (while still in force), or within 30, 60 or 90 days. */
export type AttentionBucket = "passed" | "d30" | "d60" | "d90";
export const ATTENTION_HORIZON_DAYS = 90;

export function attentionBucket(noticeDeadline: string, today: string): AttentionBucket | null {
  const days = daysBetween(today, noticeDeadline);
  if (days < 0) return "passed";
  if (days <= 30) return "d30";
  if (days <= 60) return "d60";
  if (days <= ATTENTION_HORIZON_DAYS) return "d90";
  return null;
}

/**
 * The agreements whose notice deadline is at most 90 days away (or has passed while the agreement is still in
 * force), soonest deadline first. Agreements with a termination on record are left out: the decision is made.
 */
export function needingAttention<T extends AgreementDates>(agreements: readonly T[], today: string) {
  const out: Array<T & AgreementTerm & { bucket: AttentionBucket; noticeDeadline: string }> = [];
  for (const a of agreements) {
    if (a.terminated_on) continue;
    const term = agreementTerm(a, today);
    if (!term.noticeDeadline || (term.status !== "active" && term.status !== "expiring")) continue;
    const bucket = attentionBucket(term.noticeDeadline, today);
    if (bucket) out.push({ ...a, ...term, noticeDeadline: term.noticeDeadline, bucket });
  }
  return out.sort((x, y) => x.noticeDeadline.localeCompare(y.noticeDeadline));
}
