/**
 * Issue 12: a revoked certificate can be re-issued. The unique rule becomes "one *valid* certificate per student and
 * project" (a partial unique index over the rows not revoked), and a re-issued certificate records the one it
 * supersedes, so that the old verify page can say "revoked, replaced by …".
 *
 * SQLite cannot drop a table constraint, so the table is rebuilt (the documented procedure: foreign keys off, new
 * table, copy, drop, rename; the wallet tables' references to "certificate" then point at the new table). PostgreSQL
 * drops the constraint in place.
 */
import { type Kysely, sql, SqliteAdapter } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    await db.schema
      .createTable("certificate_new")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("student_id", "integer", (c) => c.notNull().references("user.id"))
      .addColumn("project_id", "integer", (c) => c.notNull().references("project.id"))
      .addColumn("event_id", "integer", (c) => c.references("event.id"))
      .addColumn("status_index", "integer", (c) => c.notNull().unique())
      .addColumn("credential_jwt", "text", (c) => c.notNull())
      .addColumn("manual_reason", "text")
      .addColumn("issued_at", "text", (c) => c.notNull())
      .addColumn("issued_by", "integer", (c) => c.references("user.id"))
      .addColumn("revoked_at", "text")
      .addColumn("revoked_reason", "text")
      .addColumn("revoked_by", "integer", (c) => c.references("user.id"))
      .addColumn("data", "text")
      .addColumn("supersedes", "text", (c) => c.unique().references("certificate.id"))
      .addCheckConstraint("certificate_status_index_range", sql`status_index >= 0`)
      .execute();
    await sql`INSERT INTO certificate_new (id, student_id, project_id, event_id, status_index, credential_jwt,
      manual_reason, issued_at, issued_by, revoked_at, revoked_reason, revoked_by, data)
      SELECT id, student_id, project_id, event_id, status_index, credential_jwt, manual_reason, issued_at, issued_by,
      revoked_at, revoked_reason, revoked_by, data FROM certificate`.execute(db);
    await db.schema.dropTable("certificate").execute();
    await db.schema.alterTable("certificate_new").renameTo("certificate").execute();
    await db.schema.createIndex("certificate_student").on("certificate").column("student_id").execute();
    // Only what the rebuild could break: a reference to a certificate that did not come through.
    const broken = await sql<{ parent: string }>`PRAGMA foreign_key_check`.execute(db);
    await sql`PRAGMA foreign_keys = ON`.execute(db);
    if (broken.rows.some((r) => r.parent === "certificate")) throw new Error("certificate rebuild lost a reference");
  } else {
    await db.schema.alterTable("certificate").dropConstraint("certificate_student_project").execute();
    await db.schema
      .alterTable("certificate")
      .addColumn("supersedes", "text", (c) => c.unique().references("certificate.id"))
      .execute();
  }
  await db.schema
    .createIndex("certificate_one_valid")
    .on("certificate")
    .columns(["student_id", "project_id"])
    .unique()
    .where(sql.ref("revoked_at"), "is", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Going back would need the old unique rule, which re-issued certificates break: history only moves forward.
  await db.schema.dropIndex("certificate_one_valid").execute();
}
