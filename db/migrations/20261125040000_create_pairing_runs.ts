/**
 * Pairing runs: a recorded seed, the input snapshot and the engine's result; staff overrides with their reasons;
 * firms' own optional rankings of the (pseudonymous) sign-ups.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("pairing_run")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("project_id", "integer", (c) => c.notNull().references("project.id").onDelete("cascade"))
    .addColumn("seed", "text", (c) => c.notNull())
    .addColumn("instance", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("published_by", "integer", (c) => c.references("user.id"))
    .execute();
  await db.schema.createIndex("pairing_run_project").on("pairing_run").column("project_id").execute();

  await db.schema
    .createTable("pairing_override")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("run_id", "integer", (c) => c.notNull().references("pairing_run.id").onDelete("cascade"))
    .addColumn("signup_id", "integer", (c) => c.notNull().references("signup.id").onDelete("cascade"))
    .addColumn("host_id", "integer", (c) => c.references("project_host.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("actor_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("pairing_override_run").on("pairing_override").columns(["run_id", "signup_id"]).execute();

  await db.schema
    .createTable("host_ranking")
    .addColumn("host_id", "integer", (c) => c.notNull().references("project_host.id").onDelete("cascade"))
    .addColumn("signup_id", "integer", (c) => c.notNull().references("signup.id").onDelete("cascade"))
    .addColumn("rank", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("host_ranking_pk", ["host_id", "signup_id"])
    .addUniqueConstraint("host_ranking_rank", ["host_id", "rank"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["host_ranking", "pairing_override", "pairing_run"]) await db.schema.dropTable(t).execute();
}
