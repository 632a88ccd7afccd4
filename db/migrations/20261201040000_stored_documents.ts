/**
 * Agreement documents in the database on PostgreSQL (issue 15: app servers share nothing but the database). On SQLite
 * the files stay in DATA_DIR/documents beside the one database file, where backups already take them, and this table
 * stays empty. Content-addressed like the files: one row per distinct PDF.
 */
import { PostgresAdapter, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? "bytea" : "blob";
  await db.schema
    .createTable("stored_document")
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .addColumn("bytes", binary, (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("stored_document").execute();
}
