/**
 * Issue 14: requests for correction and deletion of one's personal data (a queue staff decide), and the mark of an
 * account whose person was deleted (the row stays, emptied, so that sign-ups and certificates keep their counts).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("privacy_request")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // "correction" | "deletion"
    .addColumn("details", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open")) // "open" | "done" | "refused"
    .addColumn("decision_reason", "text")
    .addColumn("decided_by", "integer", (c) => c.references("user.id"))
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("privacy_request_status")
    .on("privacy_request")
    .columns(["status", "created_at"])
    .execute();
  await db.schema.createIndex("privacy_request_user").on("privacy_request").column("user_id").execute();
  await db.schema.alterTable("user").addColumn("deleted_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("user").dropColumn("deleted_at").execute();
  await db.schema.dropTable("privacy_request").execute();
}
