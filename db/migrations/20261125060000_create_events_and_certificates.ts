/**
 * Presentation events, their programme and attendance; participation certificates with their revocation status
 * (an index into the W3C Bitstring Status List).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("event")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("venue_ja", "text", (c) => c.notNull())
    .addColumn("venue_en", "text", (c) => c.notNull())
    .addColumn("description_ja", "text")
    .addColumn("description_en", "text")
    .addColumn("created_by", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("presentation")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("project_id", "integer", (c) => c.notNull().references("project.id"))
    .addColumn("host_id", "integer", (c) => c.references("project_host.id")) // null: the whole seminar presents
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("starts_at", "text")
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text")
    .addColumn("confirmed_at", "text")
    .addColumn("confirmed_by", "integer", (c) => c.references("user.id"))
    .addColumn("given_at", "text")
    .addColumn("given_by", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("presentation_event").on("presentation").columns(["event_id", "position"]).execute();

  await db.schema
    .createTable("attendance")
    .addColumn("event_id", "integer", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("student_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("present_at", "text", (c) => c.notNull())
    .addColumn("marked_by", "integer", (c) => c.references("user.id"))
    .addPrimaryKeyConstraint("attendance_pk", ["event_id", "student_id"])
    .execute();

  await db.schema
    .createTable("certificate")
    .addColumn("id", "text", (c) => c.primaryKey()) // public, unguessable (≥128 bits)
    .addColumn("student_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("project_id", "integer", (c) => c.notNull().references("project.id"))
    .addColumn("event_id", "integer", (c) => c.references("event.id"))
    .addColumn("status_index", "integer", (c) => c.notNull().unique())
    .addColumn("credential_jwt", "text", (c) => c.notNull())
    .addColumn("manual_reason", "text") // set when staff certified by hand
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("issued_by", "integer", (c) => c.references("user.id"))
    .addColumn("revoked_at", "text")
    .addColumn("revoked_reason", "text")
    .addColumn("revoked_by", "integer", (c) => c.references("user.id"))
    .addUniqueConstraint("certificate_student_project", ["student_id", "project_id"])
    .addCheckConstraint("certificate_status_index_range", sql`status_index >= 0`)
    .execute();
  await db.schema.createIndex("certificate_student").on("certificate").column("student_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["certificate", "attendance", "presentation", "event"]) await db.schema.dropTable(t).execute();
}
