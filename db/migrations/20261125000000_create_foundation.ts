/** Foundation tables: universities, users, sessions, agreements, firms, invitations, outbox, audit, login attempts. */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("university")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name_ja", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("firm")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("corporate_number", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_kana", "text", (c) => c.notNull())
    .addColumn("industry", "text", (c) => c.notNull())
    .addColumn("postal_code", "text", (c) => c.notNull())
    .addColumn("town", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("website", "text")
    .addColumn("products", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text")
    .addColumn("new_product", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("hidden_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text")
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('staff','professor','student','firm')`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_kana", "text")
    .addColumn("name_latin", "text")
    .addColumn("locale", "text")
    .addColumn("university_id", "integer", (c) => c.references("university.id"))
    .addColumn("firm_id", "integer", (c) => c.references("firm.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("session_user_id").on("session").column("user_id").execute();

  await db.schema
    .createTable("agreement")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("university_id", "integer", (c) => c.notNull().references("university.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("signed_on", "text", (c) => c.notNull())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("expires_on", "text")
    .addColumn("auto_renew", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("notes", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("agreement_area")
    .addColumn("agreement_id", "integer", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("area", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("agreement_area_pk", ["agreement_id", "area"])
    .execute();

  await db.schema
    .createTable("invitation")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("university_id", "integer", (c) => c.references("university.id"))
    .addColumn("firm_id", "integer", (c) => c.references("firm.id"))
    .addColumn("invited_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("outbox_message")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createIndex("outbox_message_due")
    .on("outbox_message")
    .columns(["status", "next_attempt_at"])
    .execute();

  await db.schema
    .createTable("audit_entry")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("actor_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("detail", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_entry_entity").on("audit_entry").columns(["entity_type", "entity_id"]).execute();

  await db.schema
    .createTable("login_attempt")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempt_email").on("login_attempt").columns(["email", "created_at"]).execute();
  await db.schema.createIndex("login_attempt_ip").on("login_attempt").columns(["ip", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "login_attempt",
    "audit_entry",
    "outbox_message",
    "invitation",
    "agreement_area",
    "agreement",
    "session",
    "user",
    "firm",
    "university",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
