// The firm-register migration is frozen in time: it carries its own copy of the search folding. Here the copy must
// write exactly what today's firmSearchText writes, for the demo firms, for awkward hand-picked text and for
// random text. If the app's folding is ever changed on purpose, add a migration that rewrites search_text and
// compare this one with a stored snapshot instead; the migration itself stays as it is.
import fc from "fast-check";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "~/utils/db.server";
import { firmSearchText } from "~/utils/firm-search";
import { migrationProvider } from "../../db/migrations";
import type { NewFirm } from "../../db/schema";
import { generateFirms } from "../../db/seed/firms";
import { mulberry32, PRNG_SEED } from "../../db/seed/random";

const BEFORE = "20261125010000_complete_agreements";
const FIRM_REGISTER = "20261125020000_firm_register";

const opened: Kysely<any>[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.destroy();
});

/** A database migrated up to just before the firm register, holding the given firms, then migrated through it. */
async function migrateWith(firms: readonly Omit<NewFirm, "search_text">[]) {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: openSqlite(":memory:") }) });
  opened.push(db);
  const migrator = new Migrator({ db, provider: migrationProvider });
  expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
  for (let i = 0; i < firms.length; i += 50)
    await db
      .insertInto("firm")
      .values(firms.slice(i, i + 50))
      .execute();
  const { error, results } = await migrator.migrateTo(FIRM_REGISTER);
  expect(error).toBeUndefined();
  expect(results?.map((r) => [r.migrationName, r.status])).toEqual([[FIRM_REGISTER, "Success"]]);
  return db
    .selectFrom("firm")
    .select(["corporate_number", "name", "name_kana", "products", "search_text"])
    .orderBy("id")
    .execute();
}

const template = generateFirms(mulberry32(PRNG_SEED))[0];

/** A firm with the given texts (the other columns are the first demo firm's, with a unique corporate number). */
function firmWith(i: number, name: string, name_kana: string, products: string): Omit<NewFirm, "search_text"> {
  return { ...template, corporate_number: `T${String(i).padStart(12, "0")}`, name, name_kana, products };
}

describe("20261125020000_firm_register", () => {
  it("writes today's firmSearchText for each of the 260 demo firms", async () => {
    const firms = generateFirms(mulberry32(PRNG_SEED));
    const rows = await migrateWith(firms);
    expect(rows).toHaveLength(260);
    for (const row of rows) expect(row.search_text).toBe(firmSearchText(row));
  });

  it("writes today's firmSearchText for awkward text: widths, kana, iteration marks, small ヶ, spaces, case", async () => {
    const samples: Array<[string, string, string]> = [
      ["ｱｶﾊﾞﾈ精密", "ｱｶﾊﾞﾈｾｲﾐﾂ", "ＬＥＤ照明、ﾈｼﾞ"],
      ["西ヶ原工業", "ニシガハラコウギョウ", "ヵ所・ヶ月"],
      ["いすゞ製作所", "イスヾセイサクショ", "ヽヾゝゞ"],
      ["株式会社　北区\tテクノ\n", "カブシキガイシャ キタク テクノ", "  "],
      ["㈱ＡＢＣ", "ｴｰﾋﾞｰｼｰ", "Ⅻ型、㍻、ﬁ"],
      ["ヴィーナス", "ヷヸヹヺ", "ァィゥェォッャュョヮ"],
      ["", "", ""],
      ["Straße", "İSTANBUL", "ΣΑΣ"],
      ["絵文字😀", "\u200bゼロ幅", "combining e\u0301"],
    ];
    const rows = await migrateWith(samples.map(([n, k, p], i) => firmWith(i, n, k, p)));
    expect(rows).toHaveLength(samples.length);
    for (const row of rows) expect(row.search_text).toBe(firmSearchText(row));
  });

  it("writes today's firmSearchText for 300 random texts (fixed seed)", async () => {
    // Any code point (no lone surrogates), with the kana, width and space blocks the folding treats specially drawn
    // far more often than their share.
    const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
    const unit = fc.oneof(
      codePoint(0x3040, 0x30ff),
      codePoint(0xff00, 0xffef),
      fc.constantFrom(" ", "\u3000", "\t", "\n", "\u00a0", "\u2028"),
      codePoint(0, 0xd7ff),
      codePoint(0xe000, 0x10ffff),
    );
    const text = fc.array(unit, { maxLength: 30 }).map((units) => units.join(""));
    const samples = fc.sample(fc.tuple(text, text, text), { numRuns: 300, seed: 20261125 });
    const rows = await migrateWith(samples.map(([n, k, p], i) => firmWith(i, n, k, p)));
    expect(rows).toHaveLength(300);
    for (const row of rows) expect(row.search_text).toBe(firmSearchText(row));
  });
});
