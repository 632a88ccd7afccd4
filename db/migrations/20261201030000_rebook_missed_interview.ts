/**
 * A missed interview no longer holds its team's one booking, so the team can book another slot: the partial unique
 * index keeping one live booking per host leaves missed bookings out (issue 12, "one interview is missed and rebooked").
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("interview_slot_one_booking").execute();
  await db.schema
    .createIndex("interview_slot_one_booking")
    .on("interview_slot")
    .column("host_id")
    .unique()
    .where(sql<boolean>`booked_at is not null and cancelled_at is null and (outcome is null or outcome <> 'missed')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("interview_slot_one_booking").execute();
  await db.schema
    .createIndex("interview_slot_one_booking")
    .on("interview_slot")
    .column("host_id")
    .unique()
    .where(sql.ref("booked_at"), "is not", null)
    .where(sql.ref("cancelled_at"), "is", null)
    .execute();
}
