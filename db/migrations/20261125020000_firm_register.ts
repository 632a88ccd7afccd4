/**
 * The firm register: a normalised search column on firm (see app/utils/firm-search.ts), the indexes the public
 * directory pages with, and firm_import, which holds a validated CSV preview until staff confirm it.
 */
import type { Kysely } from "kysely";
import { firmSearchText } from "../../app/utils/firm-search";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("firm").addColumn("search_text", "text", (c) => c.notNull().defaultTo("")).execute();
  // Firms that exist already get their search text now; from here on the model writes it with every change.
  const firms = await db.selectFrom("firm").select(["id", "name", "name_kana", "products"]).execute();
  for (const f of firms) {
    await db.updateTable("firm").set({ search_text: firmSearchText(f) }).where("id", "=", f.id).execute();
  }
  // The directory lists public, visible firms in kana order: this index serves its filter, order and count.
  await db.schema.createIndex("firm_directory").on("firm").columns(["is_public", "hidden_at", "name_kana"]).execute();
  await db.schema.createIndex("firm_name_kana").on("firm").column("name_kana").execute();

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
  await db.schema.dropIndex("firm_name_kana").execute();
  await db.schema.dropIndex("firm_directory").execute();
  await db.schema.alterTable("firm").dropColumn("search_text").execute();
}
