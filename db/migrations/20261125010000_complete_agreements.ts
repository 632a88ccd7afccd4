/**
 * Agreements, complete: renewal term, notice period, internal owner and termination on the agreement itself;
 * counterpart contacts, a version history, PDF documents (files live on disk, keyed by SHA-256) and an activity log.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // One column per ALTER: SQLite accepts a single ADD COLUMN per statement.
  const columns: Array<[string, "integer" | "text", (c: any) => any]> = [
    ["renewal_term_months", "integer", (c) => c],
    ["notice_days", "integer", (c) => c.notNull().defaultTo(90)],
    ["owner_user_id", "integer", (c) => c.references("user.id")],
    ["terminated_on", "text", (c) => c],
    ["termination_reason", "text", (c) => c],
  ];
  for (const [name, type, build] of columns) {
    await db.schema.alterTable("agreement").addColumn(name, type, build).execute();
  }
  // Agreements that renew automatically before this migration renew by a year, the usual term.
  await db.updateTable("agreement").set({ renewal_term_months: 12 }).where("auto_renew", "=", 1).execute();

  await db.schema
    .createTable("agreement_contact")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("agreement_id", "integer", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("department", "text")
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .execute();
  await db.schema
    .createIndex("agreement_contact_agreement")
    .on("agreement_contact")
    .columns(["agreement_id", "position"])
    .execute();

  await db.schema
    .createTable("agreement_version")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("agreement_id", "integer", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull().check(sql`action in ('create','update','terminate')`))
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("agreement_version_number", ["agreement_id", "version"])
    .execute();

  await db.schema
    .createTable("agreement_document")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("agreement_id", "integer", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('signed','amendment','other')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("original_filename", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agreement_document_agreement").on("agreement_document").column("agreement_id").execute();

  await db.schema
    .createTable("agreement_activity")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("agreement_id", "integer", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("manual"))
    .addColumn("occurred_on", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("created_by", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("agreement_activity_agreement")
    .on("agreement_activity")
    .columns(["agreement_id", "occurred_on"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["agreement_activity", "agreement_document", "agreement_version", "agreement_contact"]) {
    await db.schema.dropTable(t).execute();
  }
  for (const c of ["termination_reason", "terminated_on", "owner_user_id", "notice_days", "renewal_term_months"]) {
    await db.schema.alterTable("agreement").dropColumn(c).execute();
  }
}
