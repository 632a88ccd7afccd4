/**
 * Issue 12: firms see nothing about students before pairing unless the student chose to share. A separate, optional
 * consent on the sign-up form lets the firms the student ranked read their motivation (still without a name) while
 * they rank applicants. Existing sign-ups never gave it, so they default to not shared.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("signup")
    .addColumn("motivation_shared", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("signup").dropColumn("motivation_shared").execute();
}
