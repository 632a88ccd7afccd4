// The iCalendar writer: fields, UTC times, escaping, CRLF and 75-octet folding that never splits a UTF-8 character.
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, icsDateTime, type IcsEvent } from "~/utils/ics";

const octets = (s: string) => Buffer.byteLength(s, "utf8");

/** Undo the folding (RFC 5545 §3.1): CRLF followed by one space disappears. */
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

const event: IcsEvent = {
  uid: "interview-42@kita-collab",
  sequence: 3,
  stamp: "2026-11-25T03:04:05.678Z",
  start: "2026-12-01T01:00:00.000Z", // 10:00 in Tokyo
  end: "2026-12-01T02:30:00.000Z",
  summary: "株式会社テスト工業 取材（北区のものづくり, 新製品; 販路）",
  location: "東京都北区赤羽1-1-1, 3階",
  url: "https://meet.example/abc?x=1,2",
  description: "学生チーム：山田 花子、伊藤 翔太\nオンライン：https://meet.example/abc\\path",
};

describe("ics", () => {
  it("writes a VCALENDAR with one VEVENT and every field, times in UTC Z form", () => {
    const ics = buildCalendar({ events: [event] });
    const lines = unfold(ics).split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines).toContain("BEGIN:VEVENT");
    expect(lines).toContain("UID:interview-42@kita-collab");
    expect(lines).toContain("SEQUENCE:3");
    expect(lines).toContain("DTSTAMP:20261125T030405Z");
    expect(lines).toContain("DTSTART:20261201T010000Z");
    expect(lines).toContain("DTEND:20261201T023000Z");
    expect(lines).toContain("SUMMARY:株式会社テスト工業 取材（北区のものづくり\\, 新製品\\; 販路）");
    expect(lines).toContain("LOCATION:東京都北区赤羽1-1-1\\, 3階");
    expect(lines).toContain("URL:https://meet.example/abc?x=1,2");
    expect(lines).toContain(
      "DESCRIPTION:学生チーム：山田 花子、伊藤 翔太\\nオンライン：https://meet.example/abc\\\\path",
    );
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(lines.slice(-2)).toEqual(["END:VCALENDAR", ""]);
    expect(lines.filter((l) => l === "END:VEVENT")).toHaveLength(1);
  });

  it("uses CRLF for every line break and nothing else", () => {
    const ics = buildCalendar({
      name: "取材日程",
      refreshMinutes: 60,
      events: [event, { ...event, uid: "interview-43@kita-collab" }],
    });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(unfold(ics)).toContain("\r\nX-WR-CALNAME:取材日程\r\n");
    expect(unfold(ics)).toContain("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n");
  });

  it("marks cancelled events, and leaves out empty optional fields", () => {
    const ics = unfold(
      buildCalendar({ events: [{ ...event, location: null, url: null, description: null, status: "CANCELLED" }] }),
    );
    expect(ics).toContain("\r\nSTATUS:CANCELLED\r\n");
    expect(ics).not.toMatch(/\r\n(LOCATION|URL|DESCRIPTION):/);
  });

  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("formats instants in UTC whatever the offset they were written with", () => {
    expect(icsDateTime("2026-12-01T10:00:00+09:00")).toBe("20261201T010000Z");
    expect(() => icsDateTime("not a date")).toThrow();
  });

  it("folds long Japanese lines at 75 octets without splitting a UTF-8 character", () => {
    const summary = "北区の新製品はどこで売られているか：ものづくり企業の取材と販路調査（2026年度）".repeat(4);
    const ics = buildCalendar({ events: [{ ...event, summary, description: `😀${"あ".repeat(100)}🎌` }] });
    const physical = ics.split("\r\n");
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
    // No continuation line starts with a stray UTF-8 continuation byte or a lone surrogate: every chunk is valid text.
    for (const line of physical) {
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    const folded = physical.filter((l) => l.startsWith(" "));
    expect(folded.length).toBeGreaterThan(3);
    // Unfolding gives the original text back.
    expect(unfold(ics)).toContain(`SUMMARY:${summary}`);
    expect(unfold(ics)).toContain(`DESCRIPTION:😀${"あ".repeat(100)}🎌`);
  });

  it("folds exactly at the limit: 75 octets stay on one line, 76 fold", () => {
    expect(foldLine("A".repeat(75))).toBe("A".repeat(75));
    expect(foldLine("A".repeat(76))).toBe(`${"A".repeat(75)}\r\n A`);
    // 25 three-octet characters are 75 octets; the 26th goes to the next line (with its leading space: 4 octets).
    expect(foldLine("あ".repeat(26))).toBe(`${"あ".repeat(25)}\r\n あ`);
    // "X" + 25 × 3 octets = 76: the last character cannot fit, so the line breaks before it, not inside it.
    expect(foldLine(`X${"あ".repeat(25)}`)).toBe(`X${"あ".repeat(24)}\r\n あ`);
  });
});
