/**
 * Running it for real (issue 11): invitations a console operator sends (no inviter) and staff may withdraw, password
 * reset requests and pending student registrations (each counted per address and per email for their limits, only
 * the emailed token's SHA-256 stored), the record of backups, and one claim per scheduled job and slot (so the daily
 * backup runs once, however many server processes there are).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // `invited_by` becomes nullable (staff:invite on an empty database has nobody to name) and invitations can be
  // withdrawn. Neither SQLite nor a portable ALTER can drop NOT NULL, so the table is rebuilt; nothing references it.
  await db.schema
    .createTable("invitation_v2")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("university_id", "integer", (c) => c.references("university.id"))
    .addColumn("firm_id", "integer", (c) => c.references("firm.id"))
    .addColumn("invited_by", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("withdrawn_at", "text")
    .execute();
  await db
    .insertInto("invitation_v2")
    .columns([
      "id",
      "token_hash",
      "email",
      "role",
      "name",
      "university_id",
      "firm_id",
      "invited_by",
      "created_at",
      "expires_at",
      "used_at",
    ])
    .expression(
      db
        .selectFrom("invitation")
        .select([
          "id",
          "token_hash",
          "email",
          "role",
          "name",
          "university_id",
          "firm_id",
          "invited_by",
          "created_at",
          "expires_at",
          "used_at",
        ]),
    )
    .execute();
  await db.schema.dropTable("invitation").execute();
  await db.schema.alterTable("invitation_v2").renameTo("invitation").execute();
  await db.schema.createIndex("invitation_email").on("invitation").column("email").execute();

  await db.schema
    .createTable("password_reset")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull()) // as asked (normalised), whether or not an account has it
    .addColumn("ip", "text", (c) => c.notNull()) // the address bucket (IPv4, IPv6 /64)
    .addColumn("user_id", "integer", (c) => c.references("user.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.unique()) // null: no account, or a disabled one (nothing was mailed)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("password_reset_email").on("password_reset").columns(["email", "created_at"]).execute();
  await db.schema.createIndex("password_reset_ip").on("password_reset").columns(["ip", "created_at"]).execute();

  await db.schema
    .createTable("registration")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.unique()) // null: the address had an account (its owner was mailed)
    .addColumn("password_hash", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_kana", "text")
    .addColumn("name_latin", "text")
    .addColumn("university_id", "integer", (c) => c.references("university.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("registration_email").on("registration").columns(["email", "created_at"]).execute();
  await db.schema.createIndex("registration_ip").on("registration").columns(["ip", "created_at"]).execute();

  await db.schema
    .createTable("backup")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("trigger", "text", (c) => c.notNull()) // "command" | "schedule"
    .addColumn("database_bytes", "integer", (c) => c.notNull())
    .addColumn("document_count", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull()) // when the snapshot was taken
    .execute();

  await db.schema
    .createTable("job_run")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("slot", "text", (c) => c.notNull()) // e.g. the Tokyo date of a daily job
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("error", "text")
    .addPrimaryKeyConstraint("job_run_pk", ["name", "slot"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["job_run", "backup", "registration", "password_reset"]) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex("invitation_email").execute();
  await db.deleteFrom("invitation").where("invited_by", "is", null).execute();
  await db.schema.alterTable("invitation").dropColumn("withdrawn_at").execute();
}
