import { describe, expect, it } from "vitest";
import { formatSlotTime } from "~/interviews/slots";
import { fiscalYearOf, fiscalYearRange, formatDate, formatDateTime, formatFiscalYear, tokyoDate } from "~/utils/format";

describe("dates and fiscal years", () => {
  it("shows dates the Japanese way in ja and naturally in en", () => {
    expect(formatDate("2026-11-25", "ja")).toBe("2026年11月25日");
    expect(formatDate("2026-11-25", "en")).toBe("25 November 2026");
    // Stored in UTC, shown in Tokyo: 2026-11-24T20:00Z is already the 25th in Japan.
    expect(formatDate("2026-11-24T20:00:00.000Z", "ja")).toBe("2026年11月25日");
    expect(formatDateTime("2026-11-24T20:30:00.000Z", "ja")).toBe("2026年11月25日 5:30");
  });

  it("puts April–March in one fiscal year (年度)", () => {
    expect(fiscalYearOf("2026-04-01")).toBe(2026);
    expect(fiscalYearOf("2027-03-31")).toBe(2026);
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
    // 2026-03-31T15:30Z is 00:30 on 1 April in Tokyo.
    expect(fiscalYearOf(new Date("2026-03-31T15:30:00Z"))).toBe(2026);
    expect(fiscalYearRange(2026)).toEqual({ start: "2026-04-01", end: "2027-03-31" });
    expect(formatFiscalYear(2026, "ja")).toBe("2026年度");
    expect(formatFiscalYear(2026, "en")).toBe("FY2026");
    expect(tokyoDate(new Date("2026-11-24T16:00:00Z"))).toBe("2026-11-25");
  });

  it("gives the same day in Tokyo as the time-zone database, every 37 minutes over two years", () => {
    const byIntl = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", dateStyle: "short" });
    const start = Date.parse("2025-12-31T14:00:00Z");
    for (let t = start; t < start + 2 * 366 * 24 * 3600_000; t += 37 * 60_000) {
      expect(tokyoDate(new Date(t))).toBe(byIntl.format(t));
    }
  });

  it("writes an interview slot with its end time, and the end's date only when it is another day in Tokyo", () => {
    const slot = { starts_at: "2026-12-01T01:00:00.000Z", ends_at: "2026-12-01T02:30:00.000Z" };
    expect(formatSlotTime(slot, "ja")).toBe("2026年12月1日 10:00–11:30");
    expect(formatSlotTime(slot, "en")).toBe("1 December 2026 at 10:00–11:30");
    // 14:00 UTC is 23:00 in Tokyo; 16:00 UTC is 01:00 the next day there.
    const late = { starts_at: "2026-12-01T14:00:00.000Z", ends_at: "2026-12-01T16:00:00.000Z" };
    expect(formatSlotTime(late, "ja")).toBe("2026年12月1日 23:00–2026年12月2日 1:00");
  });
});
