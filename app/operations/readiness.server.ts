/**
 * Readiness for a load balancer or monitoring (`GET /readyz`): whether the database answers and its schema is
 * current (not ready otherwise), and, to watch, how long the oldest undelivered mail has waited and how old the last
 * backup is. Each is one small query.
 */
import { sql } from "kysely";
import { oldestUnsentAt } from "~/models/outbox.server";
import { getDb, pendingMigrations, usesPostgres } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { logError } from "~/utils/log.server";
import { lastBackupAt } from "./backup.server";

const ageSeconds = (at: string | null, t: number) => (at ? Math.max(0, Math.round((t - Date.parse(at)) / 1000)) : null);

export async function readiness(at = Date.now()) {
  let database: "ok" | "unreachable" = "ok";
  try {
    await sql`select 1`.execute(getDb());
  } catch (error) {
    logError("readiness: database unreachable", error);
    database = "unreachable";
  }
  if (database !== "ok") return { ready: false, database } as const;
  const [pending, oldestMail, lastBackup] = await Promise.all([pendingMigrations(), oldestUnsentAt(), lastBackupAt()]);
  const { mailMode, backupDir } = config();
  return {
    ready: pending.length === 0,
    database,
    migrations: { pending },
    mail: { mode: mailMode, oldestUnsentSeconds: ageSeconds(oldestMail, at) },
    backup: {
      scheduled: Boolean(backupDir) && !usesPostgres(),
      lastAt: lastBackup,
      ageSeconds: ageSeconds(lastBackup, at),
    },
  } as const;
}
