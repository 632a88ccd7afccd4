// The daily backup: due from 03:00 Tokyo time when BACKUP_DIR is set, written once per day however many processes
// check (the day is claimed in job_run), keeping the newest BACKUP_KEEP folders; the backup is recorded for /readyz.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lastBackupAt, verifyBackup } from "~/operations/backup.server";
import { runScheduledBackup } from "~/operations/jobs.server";
import { getDb, usesPostgres } from "~/utils/db.server";
import { resetConfig } from "~/utils/env.server";

const saved = { dir: process.env.BACKUP_DIR, keep: process.env.BACKUP_KEEP };

afterEach(() => {
  if (saved.dir === undefined) delete process.env.BACKUP_DIR;
  else process.env.BACKUP_DIR = saved.dir;
  if (saved.keep === undefined) delete process.env.BACKUP_KEEP;
  else process.env.BACKUP_KEEP = saved.keep;
  resetConfig();
});

function useBackupDir(keep: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-daily-"));
  process.env.BACKUP_DIR = dir;
  process.env.BACKUP_KEEP = String(keep);
  resetConfig();
  return dir;
}

/** 02:59 and 03:00 Tokyo time (UTC+9) on a given day of December 2026. */
const tokyo = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour - 9, minute));

describe("the daily backup", () => {
  it("does nothing without BACKUP_DIR", async () => {
    delete process.env.BACKUP_DIR;
    resetConfig();
    expect(await runScheduledBackup(tokyo(2, 4))).toBeNull();
  });

  // The backup is SQLite's online backup API; on PostgreSQL it is skipped (tests/unit/database-dialect.test.ts).
  it.skipIf(usesPostgres())(
    "runs from 03:00 Tokyo time, once per day across concurrent checks, and keeps BACKUP_KEEP",
    async () => {
      const dir = useBackupDir(2);
      expect(await runScheduledBackup(tokyo(3, 2, 59))).toBeNull();
      expect(fs.readdirSync(dir)).toEqual([]);

      // Two processes checking at the same moment: one backup.
      const [a, b] = await Promise.all([runScheduledBackup(tokyo(3, 3)), runScheduledBackup(tokyo(3, 3))]);
      const written = [a, b].filter(Boolean) as string[];
      expect(written).toHaveLength(1);
      expect(await verifyBackup(written[0])).toBeTruthy();
      expect(await runScheduledBackup(tokyo(3, 23, 59))).toBeNull();
      expect(await lastBackupAt()).not.toBeNull();

      // Later days: the oldest beyond BACKUP_KEEP are deleted.
      const second = await runScheduledBackup(tokyo(4, 3, 5));
      expect(second).not.toBeNull();
      const third = await runScheduledBackup(tokyo(5, 3, 5));
      expect(third).not.toBeNull();
      const left = fs.readdirSync(dir).sort();
      expect(left).toHaveLength(2);
      expect(left.map((f) => path.join(dir, f))).toEqual([second, third].sort());
      const claims = await getDb().selectFrom("job_run").selectAll().where("name", "=", "backup").execute();
      expect(claims.map((c) => c.slot).sort()).toEqual(["2026-12-03", "2026-12-04", "2026-12-05"]);
      expect(claims.every((c) => c.finished_at && !c.error)).toBe(true);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
