/**
 * The one way the app writes CSV: UTF-8 with a BOM and CRLF line endings (what Excel in Japan opens correctly), with
 * every text cell made safe to open in a spreadsheet (OWASP "CSV injection"). Client-safe (no Node APIs), though
 * only loaders use it today.
 *
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula, which can leak other
 * cells through HYPERLINK or start programs through DDE. Such a cell gets a leading apostrophe, so it shows as text.
 * The full-width forms are treated the same: Japanese input methods type them and Excel converts a typed ＝ into a
 * formula, so it costs one apostrophe to be sure. Numbers the app computes are left as numbers.
 *
 * The neutralisation is reversible: a value that already starts with apostrophes followed by a trigger also gets
 * one more, so `restoreCell` (used by the firm import) gives back exactly what was exported. csv-stringify's own
 * `escape_formulas` uses the same characters but is not reversible (it leaves `'=x` as it is), hence this helper.
 */
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

const NEEDS_QUOTE = /^'*[=+\-@\t\r＝＋－＠]/u;
const QUOTED = /^'+[=+\-@\t\r＝＋－＠]/u;

/** A text cell as it is written: with one more leading apostrophe when a spreadsheet would run it. */
export function neutralizeCell(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

/** Exactly undoes neutralizeCell, for files the app wrote itself (export → import gives the same values). */
export function restoreCell(value: string): string {
  return QUOTED.test(value) ? value.slice(1) : value;
}

/** Rows (the header first) as the CSV text the app serves: BOM, CRLF, RFC 4180 quoting, neutralised text cells. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  const safe = rows.map((row) =>
    row.map((cell) => (typeof cell === "number" ? cell : cell == null ? "" : neutralizeCell(cell))),
  );
  // quote_record_delimiter: with a custom record delimiter csv-stringify would otherwise leave a lone \n or \r in a
  // cell unquoted, which breaks the row in every reader.
  return stringify(safe, { bom: true, record_delimiter: "\r\n", quote_record_delimiter: true });
}
