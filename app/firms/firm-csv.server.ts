/**
 * The firm register as CSV, both ways. The export is written by `toCsv` (UTF-8 with a BOM, CRLF, cells that would
 * run as formulas neutralised); the import takes the same columns, from UTF-8 (BOM or not) or Shift_JIS/CP932 as
 * Excel saves it, undoes exactly that neutralisation, and checks every row with the staff form's schema. Pure: no
 * database, no files.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { FirmColumns } from "~/models/firm.server";
import { FirmSchema, type FirmFields } from "~/schemas/firm";
import { msg } from "~/schemas/messages";
import { restoreCell, toCsv } from "~/utils/csv";
import { INDUSTRIES, KITA_TOWNS, industryLabel, townLabel } from "~/utils/kita";

/** Refused before the upload is read to the end. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The columns of the export, in order; the import needs exactly this set (in any order). */
export const CSV_COLUMNS = [
  ["法人番号", "corporate_number"],
  ["企業名", "name"],
  ["フリガナ", "name_kana"],
  ["業種", "industry"],
  ["郵便番号", "postal_code"],
  ["町名", "town"],
  ["住所", "address"],
  ["電話番号", "phone"],
  ["ウェブサイト", "website"],
  ["製品", "products"],
  ["紹介文", "description"],
  ["新製品開発", "new_product"],
  ["公開", "is_public"],
] as const satisfies ReadonlyArray<readonly [string, keyof FirmFields]>;

const HEADERS: readonly string[] = CSV_COLUMNS.map(([h]) => h);
const headerOf = (field: string) => CSV_COLUMNS.find(([, f]) => f === field)?.[0] ?? null;

// ---------------------------------------------------------------------------------------------------------------
// Export

/** Industries and towns as their Japanese names, booleans as 1/0, empty cells for nothing. */
export function firmsToCsv(firms: FirmColumns[]): string {
  const records = firms.map((f) =>
    CSV_COLUMNS.map(([, field]) => {
      const v = f[field];
      if (field === "industry") return industryLabel(String(v), "ja");
      if (field === "town") return townLabel(String(v), "ja");
      return v;
    }),
  );
  return toCsv([HEADERS, ...records]);
}

// ---------------------------------------------------------------------------------------------------------------
// Import

/** UTF-8 first (a BOM is dropped); else Shift_JIS (the WHATWG decoder is CP932's superset); else null. */
export function decodeCsv(bytes: Uint8Array): string | null {
  for (const encoding of ["utf-8", "shift_jis"]) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // not this encoding
    }
  }
  return null;
}

const TRUE_WORDS = new Set(["1", "はい", "true", "yes", "○"]);
const FALSE_WORDS = new Set(["0", "いいえ", "false", "no", "×"]);

function parseBool(value: unknown) {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const v = value.normalize("NFKC").trim().toLowerCase();
  return TRUE_WORDS.has(v) ? true : FALSE_WORDS.has(v) ? false : value;
}

/** A key or a Japanese/English name to the key; anything else is passed on for the enum to refuse. */
function keyOf(list: ReadonlyArray<{ key: string; ja: string; en: string }>) {
  return (value: unknown) => {
    if (typeof value !== "string" || value.trim() === "") return undefined;
    const v = value.normalize("NFKC").trim();
    return (
      list.find((i) => i.key === v || i.ja.normalize("NFKC") === v || i.en.toLowerCase() === v.toLowerCase())?.key ?? v
    );
  };
}

const unknownOr = (key: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? msg("validation.required") : msg(key);

/** The staff form's rules, with the CSV's spellings of industries, towns and yes/no. */
const RowSchema = FirmSchema.extend({
  industry: z.preprocess(
    keyOf(INDUSTRIES),
    z.enum(FirmSchema.shape.industry.options, { error: unknownOr("firms.import.unknownIndustry") }),
  ),
  town: z.preprocess(
    keyOf(KITA_TOWNS),
    z.enum(FirmSchema.shape.town.options, { error: unknownOr("firms.import.unknownTown") }),
  ),
  new_product: z.preprocess(parseBool, z.boolean({ error: unknownOr("firms.import.badBoolean") })),
  is_public: z.preprocess(parseBool, z.boolean({ error: unknownOr("firms.import.badBoolean") })),
});

/** A problem with one cell (row counts the header as row 1, as Excel does) or with the whole file (row null). */
export interface CsvProblem {
  row: number | null;
  column: string | null;
  message: string; // catalog key, see schemas/messages.ts
}

export type ParsedImport = { ok: true; rows: FirmFields[] } | { ok: false; problems: CsvProblem[] };

const fileProblem = (message: string): ParsedImport => ({
  ok: false,
  problems: [{ row: null, column: null, message }],
});

/** Decodes, parses and checks a whole file. Either every row is valid, or every problem is listed. */
export function parseFirmCsv(bytes: Uint8Array): ParsedImport {
  const text = decodeCsv(bytes);
  if (text === null) return fileProblem(msg("firms.import.badEncoding"));
  if (text.replace(/^\uFEFF/, "").trim() === "") return fileProblem(msg("firms.import.empty"));

  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true });
  } catch (error) {
    return fileProblem(msg("firms.import.malformed", { line: (error as { lines?: number }).lines ?? "?" }));
  }
  const [header, ...data] = records;
  const headers = header.map((h) => h.normalize("NFKC").trim());
  const missing = HEADERS.filter((h) => !headers.includes(h.normalize("NFKC")));
  const unknown = headers.filter((h) => !HEADERS.some((k) => k.normalize("NFKC") === h));
  const repeated = headers.filter((h, i) => headers.indexOf(h) !== i);
  if (missing.length || unknown.length || repeated.length) {
    const problems: CsvProblem[] = [];
    if (missing.length)
      problems.push({
        row: 1,
        column: null,
        message: msg("firms.import.missingColumns", { columns: missing.join("、") }),
      });
    if (unknown.length)
      problems.push({
        row: 1,
        column: null,
        message: msg("firms.import.unknownColumns", { columns: unknown.join("、") }),
      });
    if (repeated.length)
      problems.push({
        row: 1,
        column: null,
        message: msg("firms.import.repeatedColumns", { columns: repeated.join("、") }),
      });
    return { ok: false, problems };
  }
  if (data.length === 0) return fileProblem(msg("firms.import.noRows"));

  const indexOf = new Map(CSV_COLUMNS.map(([h, field]) => [field, headers.indexOf(h.normalize("NFKC"))]));
  const rows: FirmFields[] = [];
  const problems: CsvProblem[] = [];
  const firstRowOf = new Map<string, number>();
  data.forEach((record, i) => {
    const row = i + 2;
    // restoreCell: a value the export neutralised (`'=…`) comes back as it is stored, so export → import is exact.
    const input = Object.fromEntries(
      CSV_COLUMNS.map(([, field]) => {
        const cell = record[indexOf.get(field)!];
        return [field, cell === undefined ? cell : restoreCell(cell)];
      }),
    );
    const parsed = RowSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ row, column: headerOf(String(issue.path[0])), message: issue.message });
      }
      return;
    }
    const first = firstRowOf.get(parsed.data.corporate_number);
    if (first !== undefined) {
      problems.push({
        row,
        column: headerOf("corporate_number"),
        message: msg("firms.import.duplicateInFile", { row: first }),
      });
      return;
    }
    firstRowOf.set(parsed.data.corporate_number, row);
    rows.push(parsed.data);
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
