/**
 * Interviews: the slots a host firm offers (a booked slot is the booking: booked_at/booked_by; the team is derived
 * from the published pairing), each booking's roster (the students it covers), each host's change cut-off, and
 * each user's private calendar-feed token (only its SHA-256).
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("interview_slot")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("host_id", "integer", (c) => c.notNull().references("project_host.id").onDelete("cascade"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("place", "text")
    .addColumn("online_url", "text")
    .addColumn("created_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("cancelled_at", "text")
    .addColumn("cancelled_by", "integer", (c) => c.references("user.id"))
    .addColumn("cancel_reason", "text")
    .addColumn("booked_at", "text")
    .addColumn("booked_by", "integer", (c) => c.references("user.id"))
    .addColumn("outcome", "text")
    .addColumn("outcome_by", "integer", (c) => c.references("user.id"))
    .addColumn("outcome_at", "text")
    .addColumn("reminder_sent_at", "text")
    .execute();
  await db.schema.createIndex("interview_slot_host").on("interview_slot").columns(["host_id", "starts_at"]).execute();
  await db.schema.createIndex("interview_slot_starts").on("interview_slot").column("starts_at").execute();
  // One live booking per team (= per host), whatever the concurrency: a partial unique index (SQLite and PostgreSQL).
  await db.schema
    .createIndex("interview_slot_one_booking")
    .on("interview_slot")
    .column("host_id")
    .unique()
    .where(sql.ref("booked_at"), "is not", null)
    .where(sql.ref("cancelled_at"), "is", null)
    .execute();

  await db.schema
    .createTable("interview_participant")
    .addColumn("slot_id", "integer", (c) => c.notNull().references("interview_slot.id").onDelete("cascade"))
    .addColumn("student_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("interview_participant_pk", ["slot_id", "student_id"])
    .execute();
  await db.schema
    .createIndex("interview_participant_student")
    .on("interview_participant")
    .column("student_id")
    .execute();

  await db.schema
    .createTable("host_interview_setting")
    .addColumn("host_id", "integer", (c) => c.primaryKey().references("project_host.id").onDelete("cascade"))
    .addColumn("change_cutoff_hours", "integer", (c) => c.notNull().defaultTo(48))
    .addColumn("updated_by", "integer", (c) => c.references("user.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("calendar_token")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["calendar_token", "host_interview_setting", "interview_participant", "interview_slot"])
    await db.schema.dropTable(t).execute();
}
