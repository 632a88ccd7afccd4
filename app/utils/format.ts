/**
 * Dates, times and fiscal years, the Japanese way in ja and naturally in en.
 * Times are stored in UTC and always shown in Asia/Tokyo.
 */
import type { Lng } from "~/i18n";

export const TIME_ZONE = "Asia/Tokyo";

const localeTag = (lng: Lng) => (lng === "ja" ? "ja-JP" : "en-GB");

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // A calendar date "YYYY-MM-DD" is a day in Japan: anchor it at noon JST so no time zone shifts it.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+09:00`) : new Date(value);
}

// Building an Intl.DateTimeFormat costs ~50 µs, formatting with one ~1 µs: keep one per language and style.
type Style = "date" | "dateTime" | "time";
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lng: Lng, style: Style): Intl.DateTimeFormat {
  const key = `${lng}:${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeTag(lng), {
      ...(style !== "time" ? { dateStyle: "long" } : {}),
      ...(style !== "date" ? { timeStyle: "short" } : {}),
      timeZone: TIME_ZONE,
    });
    formatters.set(key, format);
  }
  return format;
}
/** Japan Standard Time: UTC+9 all year (no daylight saving since 1951). */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

// Tables repeat the same stored values (one check date on 99 rows of /accessibility): a stored string's text is kept.
// Cleared when full, so that a long-running server keeps only recent values.
const formatted = new Map<string, string>();
function format(value: string | Date, lng: Lng, style: Style): string {
  if (value instanceof Date) return formatter(lng, style).format(value);
  const key = `${lng}:${style}:${value}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatter(lng, style).format(toDate(value));
    if (formatted.size >= 2_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** 2026年11月25日 / 25 November 2026 */
export function formatDate(value: string | Date, lng: Lng): string {
  return format(value, lng, "date");
}

/** 2026年11月25日 14:30 / 25 November 2026, 14:30 */
export function formatDateTime(value: string | Date, lng: Lng): string {
  return format(value, lng, "dateTime");
}

/** 14:30 (Tokyo) */
export function formatTime(value: string | Date, lng: Lng): string {
  return format(value, lng, "time");
}

/**
 * The calendar date in Japan of an instant, as YYYY-MM-DD. By arithmetic on the fixed offset rather than through
 * Intl, which cost ~50 µs a call on pages that ask for today's date on every view.
 */
export function tokyoDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The fiscal year (年度, April–March) that a date in Japan belongs to: 2027-03-31 → 2026, 2027-04-01 → 2027. */
export function fiscalYearOf(value: string | Date = new Date()): number {
  const day = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : tokyoDate(toDate(value));
  const [year, month] = day.split("-").map(Number);
  return month >= 4 ? year : year - 1;
}

/** First and last day (YYYY-MM-DD) of a fiscal year. */
export function fiscalYearRange(fy: number): { start: string; end: string } {
  return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

/** 2026年度 / FY2026 */
export function formatFiscalYear(fy: number, lng: Lng): string {
  return lng === "ja" ? `${fy}年度` : `FY${fy}`;
}

// Japan has kept UTC+9 without daylight saving since 1951, so a fixed offset converts exactly.
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A `datetime-local` value meant in Tokyo ("2026-12-01T09:00") → ISO UTC ("2026-12-01T00:00:00.000Z"); null if invalid. */
export function tokyoLocalToIso(local: string): string | null {
  if (!LOCAL_DATETIME.test(local)) return null;
  const ms = Date.parse(`${local.length === 16 ? `${local}:00` : local}+09:00`);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  // Date.parse rolls 2026-02-30 over into March: refuse dates that do not exist.
  return isoToTokyoLocal(iso) === local.slice(0, 16) ? iso : null;
}

/** ISO UTC → the `datetime-local` value in Tokyo ("2026-12-01T09:00"), for editing. */
export function isoToTokyoLocal(iso: string): string {
  return new Date(Date.parse(iso) + TOKYO_OFFSET_MS).toISOString().slice(0, 16);
}
