/**
 * iCalendar (RFC 5545) for interviews: one VCALENDAR with VEVENTs, times in UTC ("Z" form), text escaped, CRLF line
 * endings and lines folded at 75 octets without splitting a UTF-8 character (Japanese text is 3 octets a character).
 * Pure and dependency-free: the format needed here is small, and writing it keeps the folding and escaping tested.
 */

export interface IcsEvent {
  /** Stable per slot, so a re-download or a feed refresh updates the same event. */
  uid: string;
  /** Bumped on every change a calendar app should apply. */
  sequence: number;
  /** When this version of the event was last changed (ISO). */
  stamp: string;
  start: string; // ISO UTC
  end: string;
  summary: string;
  location?: string | null;
  url?: string | null;
  description?: string | null;
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
}

export interface IcsCalendar {
  /** Shown by calendar apps as the subscribed calendar's name (X-WR-CALNAME). */
  name?: string;
  events: IcsEvent[];
  /** For subscribed feeds: how often apps should refresh (RFC 7986 REFRESH-INTERVAL). */
  refreshMinutes?: number;
}

const PRODID = "-//Kita City//Industry-Academia Collaboration//JA";
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** 2026-12-01T00:00:00.000Z → 20261201T000000Z */
export function icsDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Not a date-time: ${iso}`);
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line into chunks of at most 75 octets; continuation lines start with one space (which counts).
 * Splits between code points only, so no UTF-8 sequence (nor a surrogate pair) is ever cut.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.map((part, i) => (i === 0 ? part : ` ${part}`)).join("\r\n");
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsDateTime(e.stamp)}`,
    `DTSTART:${icsDateTime(e.start)}`,
    `DTEND:${icsDateTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  // URL is a URI value, not TEXT: it is not escaped (the app only accepts http(s) URLs without line breaks).
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  lines.push(`STATUS:${e.status ?? "CONFIRMED"}`, "END:VEVENT");
  return lines;
}

export function buildCalendar(calendar: IcsCalendar): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  if (calendar.refreshMinutes) {
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`,
      `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`,
    );
  }
  for (const e of calendar.events) lines.push(...eventLines(e));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
