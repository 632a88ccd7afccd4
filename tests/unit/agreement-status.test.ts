// Agreement status from its dates: the boundaries of the notice window, expiry, open-ended, termination,
// automatic renewal, and the staff home's 90/60/30-day attention buckets.
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  agreementStatus,
  agreementTerm,
  attentionBucket,
  daysBetween,
  needingAttention,
  type AgreementDates,
} from "~/agreements/status";

const base: AgreementDates = {
  effective_from: "2024-04-01",
  expires_on: "2027-03-31",
  auto_renew: 0,
  renewal_term_months: null,
  notice_days: 90,
  terminated_on: null,
};
const agreement = (over: Partial<AgreementDates> = {}): AgreementDates => ({ ...base, ...over });

describe("calendar arithmetic", () => {
  it("adds days across months and leap days", () => {
    expect(addDays("2027-03-31", -90)).toBe("2026-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-25", "2026-12-31")).toBe(36);
    expect(daysBetween("2026-12-31", "2026-11-25")).toBe(-36);
  });

  it("adds months, clamping to the end of a shorter month", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2027-01-31", 2)).toBe("2027-03-31");
    expect(addMonths("2027-03-31", 12)).toBe("2028-03-31");
    expect(addMonths("2027-11-30", 3)).toBe("2028-02-29");
  });
});

describe("agreementStatus", () => {
  // Expiry 2027-03-31 with 90 days' notice: the window opens on 2026-12-31.
  it("is active the day before the notice window opens", () => {
    expect(agreementStatus(agreement(), "2026-12-30")).toBe("active");
  });

  it("is expiring on the first day of the notice window and the day after", () => {
    expect(agreementTerm(agreement(), "2026-12-31")).toEqual({
      status: "expiring",
      termEnd: "2027-03-31",
      noticeDeadline: "2026-12-31",
      renewals: 0,
    });
    expect(agreementStatus(agreement(), "2027-01-01")).toBe("expiring");
  });

  it("is still in force (expiring) on the expiry date itself, and expired the day after", () => {
    expect(agreementStatus(agreement(), "2027-03-31")).toBe("expiring");
    expect(agreementStatus(agreement(), "2027-04-01")).toBe("expired");
  });

  it("uses the agreement's own notice period", () => {
    const short = agreement({ notice_days: 30 }); // window opens 2027-03-01
    expect(agreementStatus(short, "2027-02-28")).toBe("active");
    expect(agreementStatus(short, "2027-03-01")).toBe("expiring");
  });

  it("keeps an open-ended agreement active, with no deadline", () => {
    const open = agreement({ expires_on: null });
    expect(agreementTerm(open, "2099-01-01")).toEqual({
      status: "active",
      termEnd: null,
      noticeDeadline: null,
      renewals: 0,
    });
  });

  it("is upcoming before it takes effect", () => {
    expect(agreementStatus(agreement(), "2024-03-31")).toBe("upcoming");
    expect(agreementStatus(agreement(), "2024-04-01")).toBe("active");
  });

  it("is terminated from the termination date on, whatever the other dates say", () => {
    const ended = agreement({ terminated_on: "2026-06-30", expires_on: null });
    expect(agreementStatus(ended, "2026-06-29")).toBe("active");
    expect(agreementStatus(ended, "2026-06-30")).toBe("terminated");
    expect(agreementStatus(agreement({ terminated_on: "2027-01-15" }), "2027-02-01")).toBe("terminated");
  });

  it("rolls an auto-renewing agreement forward by its term once the expiry date has passed", () => {
    const renewing = agreement({ auto_renew: 1, renewal_term_months: 12 });
    expect(agreementTerm(renewing, "2027-03-31")).toMatchObject({
      status: "expiring",
      termEnd: "2027-03-31",
      renewals: 0,
    });
    expect(agreementTerm(renewing, "2027-04-01")).toEqual({
      status: "active",
      termEnd: "2028-03-31",
      noticeDeadline: "2028-01-01", // 2028 is a leap year
      renewals: 1,
    });
    expect(agreementTerm(renewing, "2028-01-05")).toMatchObject({ status: "expiring", termEnd: "2028-03-31" });
    expect(agreementTerm(renewing, "2031-05-01")).toMatchObject({
      status: "active",
      termEnd: "2032-03-31",
      renewals: 5,
    });
  });

  it("counts renewals from the original expiry, so month ends do not drift", () => {
    const monthly = agreement({ expires_on: "2027-01-31", auto_renew: 1, renewal_term_months: 1, notice_days: 10 });
    expect(agreementTerm(monthly, "2027-02-15").termEnd).toBe("2027-02-28");
    expect(agreementTerm(monthly, "2027-03-15").termEnd).toBe("2027-03-31");
  });

  it("lets an auto-renewing agreement without a renewal term expire", () => {
    expect(agreementStatus(agreement({ auto_renew: 1, renewal_term_months: null }), "2027-04-01")).toBe("expired");
  });
});

describe("attention buckets", () => {
  const today = "2026-11-25";

  it("buckets notice deadlines by 30, 60 and 90 days, inclusive", () => {
    expect(attentionBucket("2026-11-24", today)).toBe("passed");
    expect(attentionBucket(today, today)).toBe("d30");
    expect(attentionBucket(addDays(today, 30), today)).toBe("d30");
    expect(attentionBucket(addDays(today, 31), today)).toBe("d60");
    expect(attentionBucket(addDays(today, 60), today)).toBe("d60");
    expect(attentionBucket(addDays(today, 61), today)).toBe("d90");
    expect(attentionBucket(addDays(today, 90), today)).toBe("d90");
    expect(attentionBucket(addDays(today, 91), today)).toBeNull();
  });

  it("lists agreements in force whose notice deadline is near or passed, soonest first", () => {
    const deadlineIn = (days: number, over: Partial<AgreementDates> = {}) =>
      agreement({ expires_on: addDays(today, days + 90), ...over });
    const list = needingAttention(
      [
        { name: "in 75 days", ...deadlineIn(75) },
        { name: "in 10 days", ...deadlineIn(10) },
        { name: "in 45 days", ...deadlineIn(45) },
        { name: "in 120 days", ...deadlineIn(120) },
        { name: "passed, still in force", ...deadlineIn(-20) },
        { name: "expired", ...deadlineIn(-100) },
        { name: "open-ended", ...agreement({ expires_on: null }) },
        { name: "termination recorded", ...deadlineIn(10, { terminated_on: "2026-12-31" }) },
      ],
      today,
    );
    expect(list.map((a) => [a.name, a.bucket])).toEqual([
      ["passed, still in force", "passed"],
      ["in 10 days", "d30"],
      ["in 45 days", "d60"],
      ["in 75 days", "d90"],
    ]);
    expect(list[1].noticeDeadline).toBe(addDays(today, 10));
  });

  it("shows the demo internship agreement (expiry 2027-01-31, 90 days' notice) as expiring on 2026-11-25", () => {
    const internship = agreement({ effective_from: "2024-02-01", expires_on: "2027-01-31" });
    expect(agreementTerm(internship, today)).toMatchObject({ status: "expiring", noticeDeadline: "2026-11-02" });
  });
});
