/**
 * The background jobs, started in one place (so that a cluster of server processes can start them in one of them):
 * mail delivery every 5 s, the interview reminders every 5 minutes, the project lifecycle steps every minute, the
 * daily retention purge of personal data (issue 14), and with BACKUP_DIR set the daily backup from
 * 03:00 Tokyo time. Every job is safe to run in several processes anyway (outbox and reminder claims; the daily
 * backup claims its day in `job_run`). `stop()` clears the timers and waits for a run in progress, for shutdown.
 */
import { sendDueReminders } from "~/models/interview-reminder.server";
import { deliverDueMail } from "~/models/outbox.server";
import { advanceProjects } from "~/models/project-progress.server";
import { purgeExpiredPersonalData, type PurgeReport } from "~/models/retention.server";
import { getDb, now, usesPostgres } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { tokyoDate } from "~/utils/format";
import { logError, logEvent } from "~/utils/log.server";
import { BACKUP_ON_POSTGRES, pruneBackups, writeBackup } from "./backup.server";

export interface BackgroundJobs {
  stop(): Promise<void>;
}

/** The hour (Tokyo time) from which the day's backup is due. */
export const BACKUP_HOUR_TOKYO = 3;

/**
 * Runs the day's backup if it is due and no process has claimed the day yet: from 03:00 Tokyo time (or at the first
 * check after it, if the server was down then). Returns the backup's folder, or null when nothing was due.
 */
export async function runScheduledBackup(at: Date = new Date()): Promise<string | null> {
  const { backupDir, backupKeep } = config();
  if (!backupDir || usesPostgres()) return null;
  const tokyoHour = new Date(at.getTime() + 9 * 3_600_000).getUTCHours();
  if (tokyoHour < BACKUP_HOUR_TOKYO) return null;
  const slot = tokyoDate(at);
  const claimed = await getDb()
    .insertInto("job_run")
    .values({ name: "backup", slot, started_at: now() })
    .onConflict((oc) => oc.columns(["name", "slot"]).doNothing())
    .returning("slot")
    .executeTakeFirst();
  if (!claimed) return null;
  try {
    const { path } = await writeBackup(backupDir, "schedule");
    const removed = await pruneBackups(backupDir, backupKeep);
    await getDb()
      .updateTable("job_run")
      .set({ finished_at: now() })
      .where("name", "=", "backup")
      .where("slot", "=", slot)
      .execute();
    logEvent("info", "backup written", { path, removed });
    return path;
  } catch (error) {
    // Not retried until the next day: /readyz shows the last backup's age growing, which is what to watch.
    await getDb()
      .updateTable("job_run")
      .set({ finished_at: now(), error: String(error instanceof Error ? error.message : error).slice(0, 500) })
      .where("name", "=", "backup")
      .where("slot", "=", slot)
      .execute();
    throw error;
  }
}

/**
 * The day's retention purge, once a day whatever the number of processes (the day is claimed in `job_run`).
 * Returns what it removed, or null when today's run was already claimed.
 */
export async function runScheduledPurge(at: Date = new Date()): Promise<PurgeReport | null> {
  const slot = tokyoDate(at);
  const claimed = await getDb()
    .insertInto("job_run")
    .values({ name: "privacy-purge", slot, started_at: now() })
    .onConflict((oc) => oc.columns(["name", "slot"]).doNothing())
    .returning("slot")
    .executeTakeFirst();
  if (!claimed) return null;
  try {
    const report = await purgeExpiredPersonalData(at);
    await getDb()
      .updateTable("job_run")
      .set({ finished_at: now() })
      .where("name", "=", "privacy-purge")
      .where("slot", "=", slot)
      .execute();
    logEvent("info", "retention purge", { ...report });
    return report;
  } catch (error) {
    await getDb()
      .updateTable("job_run")
      .set({ finished_at: now(), error: String(error instanceof Error ? error.message : error).slice(0, 500) })
      .where("name", "=", "privacy-purge")
      .where("slot", "=", slot)
      .execute();
    throw error;
  }
}

/** Runs `job` now and every `ms`, never two runs at once; `stop()` clears the timer and awaits a run in progress. */
function every(name: string, ms: number, job: () => Promise<unknown>) {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = job()
      .then(() => undefined)
      .catch((error) => logError(`${name} failed`, error))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, ms);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

export function startBackgroundJobs(): BackgroundJobs {
  const stops = [
    every("mail delivery", 5_000, () => deliverDueMail()),
    every("interview reminders", 5 * 60_000, () => sendDueReminders()),
    // Lifecycle steps that fall due by date or by facts (interviews start, presented, completed).
    every("project lifecycle", 60_000, () => advanceProjects()),
    // Checked hourly, runs once a day (the day's claim); a server started late in the day still purges that day.
    every("retention purge", 60 * 60_000, () => runScheduledPurge()),
  ];
  if (config().backupDir && usesPostgres()) {
    // Said once at start, not every minute: BACKUP_DIR has no meaning on PostgreSQL.
    logEvent("warn", "scheduled backup skipped", { reason: BACKUP_ON_POSTGRES });
  } else if (config().backupDir) {
    stops.push(every("scheduled backup", 60_000, () => runScheduledBackup()));
  }
  return {
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}
