/**
 * Company-interview projects: the project, its review history, host firms, student sign-ups and their ranked
 * preferences. Designed so that pairing runs, interviews and certificates (later issues) can point at hosts and
 * sign-ups.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("project")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("professor_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("university_id", "integer", (c) => c.notNull().references("university.id"))
    .addColumn("agreement_id", "integer", (c) => c.notNull().references("agreement.id"))
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text")
    .addColumn("summary_ja", "text", (c) => c.notNull())
    .addColumn("summary_en", "text")
    .addColumn("seminar_name", "text", (c) => c.notNull())
    .addColumn("theme", "text", (c) => c.notNull())
    .addColumn("firm_industries", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("new_product_focus", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("student_capacity", "integer", (c) => c.notNull().check(sql`student_capacity > 0`))
    .addColumn("team_size", "integer", (c) => c.notNull().check(sql`team_size > 0`))
    .addColumn("signup_opens_at", "text", (c) => c.notNull())
    .addColumn("signup_closes_at", "text", (c) => c.notNull())
    .addColumn("interview_from", "text", (c) => c.notNull())
    .addColumn("interview_until", "text", (c) => c.notNull())
    .addColumn("presentation_on", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("join_code", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("project_state").on("project").columns(["state", "signup_closes_at"]).execute();
  await db.schema.createIndex("project_professor").on("project").column("professor_id").execute();

  await db.schema
    .createTable("project_event")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("project_id", "integer", (c) => c.notNull().references("project.id").onDelete("cascade"))
    .addColumn("actor_id", "integer", (c) => c.references("user.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_state", "text", (c) => c.notNull())
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("project_event_project").on("project_event").column("project_id").execute();

  await db.schema
    .createTable("project_host")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("project_id", "integer", (c) => c.notNull().references("project.id").onDelete("cascade"))
    .addColumn("firm_id", "integer", (c) => c.notNull().references("firm.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("capacity", "integer")
    .addColumn("note", "text")
    .addColumn("contact_email", "text")
    .addColumn("suggested_by", "integer", (c) => c.references("user.id"))
    .addColumn("invited_by", "integer", (c) => c.references("user.id"))
    .addColumn("invited_at", "text")
    .addColumn("responded_at", "text")
    .addColumn("responded_by", "integer", (c) => c.references("user.id"))
    .addColumn("link_nonce_hash", "text")
    .addColumn("link_expires_at", "text")
    .addColumn("link_used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("project_host_project_firm", ["project_id", "firm_id"])
    .execute();

  await db.schema
    .createTable("signup")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("project_id", "integer", (c) => c.notNull().references("project.id").onDelete("cascade"))
    .addColumn("student_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("motivation", "text", (c) => c.notNull())
    .addColumn("consented_at", "text", (c) => c.notNull())
    .addColumn("consent_version", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("signup_project_student", ["project_id", "student_id"])
    .execute();

  await db.schema
    .createTable("signup_preference")
    .addColumn("signup_id", "integer", (c) => c.notNull().references("signup.id").onDelete("cascade"))
    .addColumn("host_id", "integer", (c) => c.notNull().references("project_host.id").onDelete("cascade"))
    .addColumn("rank", "integer", (c) => c.notNull().check(sql`rank > 0`))
    .addPrimaryKeyConstraint("signup_preference_pk", ["signup_id", "host_id"])
    .addUniqueConstraint("signup_preference_rank", ["signup_id", "rank"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["signup_preference", "signup", "project_host", "project_event", "project"]) {
    await db.schema.dropTable(t).execute();
  }
}
