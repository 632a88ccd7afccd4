/** The audit log: who did what to which record, and when. Written inside the caller's transaction. */
import type { Kysely, Transaction } from "kysely";
import { now } from "~/utils/db.server";
import type { Database } from "../../db/schema";

export interface AuditInput {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  detail?: unknown;
}

export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditInput) {
  await db
    .insertInto("audit_entry")
    .values({
      actor_user_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      created_at: now(),
    })
    .execute();
}
