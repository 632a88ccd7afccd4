/**
 * The firm register: a normalised search column on firm (see app/utils/firm-search.ts), the indexes the public
 * directory pages with, the register's version (for the directory's cache), and firm_import, which holds a
 * validated CSV preview until staff confirm it.
 *
 * Frozen in time like every migration: it imports nothing of the app. The folding at the end of this file is
 * app/utils/firm-search.ts's `firmSearchText` as it was when this migration was written, so a later change to the
 * app's search cannot change what this migration writes (tests/unit/firm-register-migration.test.ts checks that
 * the two still agree).
 */
import { PostgresAdapter, sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("firm")
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  // Firms that exist already get their search text now; from here on the model writes it with every change.
  const firms = await db.selectFrom("firm").select(["id", "name", "name_kana", "products"]).execute();
  for (const f of firms) {
    await db
      .updateTable("firm")
      .set({ search_text: firmSearchText(f) })
      .where("id", "=", f.id)
      .execute();
  }
  // The directory lists public, visible firms in kana order, filtered and searched (LIKE '%…%' on search_text).
  if (isPostgres(db)) {
    // A trigram index answers LIKE '%…%'; B-tree entries could not hold the longest search texts.
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index firm_search_trgm on firm using gin (search_text gin_trgm_ops)`.execute(db);
    await db.schema.createIndex("firm_directory").on("firm").columns(["is_public", "hidden_at", "name_kana"]).execute();
  } else {
    // SQLite: filters, order and search text in one covering index, so the count and the filtering of a page
    // read only the index, never the wide table rows (about five times faster at 10,000 firms).
    await db.schema
      .createIndex("firm_directory")
      .on("firm")
      .columns(["is_public", "hidden_at", "name_kana", "industry", "town", "new_product", "search_text"])
      .execute();
  }
  await db.schema.createIndex("firm_name_kana").on("firm").column("name_kana").execute();

  // One row whose version every firm write bumps: the public directory caches its pages per version.
  await db.schema
    .createTable("firm_register")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto("firm_register").values({ id: 1, version: 0 }).execute();

  await db.schema
    .createTable("firm_import")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("created_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("rows", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("applied_at", "text")
    .addColumn("result", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("firm_import").execute();
  await db.schema.dropTable("firm_register").execute();
  await db.schema.dropIndex("firm_name_kana").execute();
  await db.schema.dropIndex("firm_directory").execute();
  if (isPostgres(db)) await db.schema.dropIndex("firm_search_trgm").execute();
  await db.schema.alterTable("firm").dropColumn("search_text").execute();
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// ─── app/utils/firm-search.ts of 2026-11-25, copied ──────────────────────────

/** NFKC, Latin lower case, katakana folded to hiragana, whitespace removed. */
function normalizeForSearch(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      // ァ–ヶ and the iteration marks ヽヾ sit exactly 0x60 above their hiragana; ー and ・ have none and stay.
      .replace(/[\u30a1-\u30f6\u30fd\u30fe]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
      // The small ヶ/ヵ of place names (西ヶ原) are read, and written, as ケ/カ.
      .replace(/ゖ/gu, "け")
      .replace(/ゕ/gu, "か")
      .replace(/\s+/gu, "")
  );
}

/** The value of `firm.search_text`: name, reading and products, each folded. */
function firmSearchText(firm: { name: string; name_kana: string; products: string }): string {
  return [firm.name, firm.name_kana, firm.products].map(normalizeForSearch).join("\n");
}
