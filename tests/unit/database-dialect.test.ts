// DATABASE_URL chooses the database: PostgreSQL for postgres:// URLs, SQLite otherwise; the SQLite-only backup
// refuses clearly on PostgreSQL instead of crashing. No PostgreSQL server is needed: nothing here connects.
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { BackupUnavailable, restoreBackup, RestoreRefused, writeBackup } from "~/operations/backup.server";
import { runScheduledBackup } from "~/operations/jobs.server";
import { dialectOf, getDb, getSqlite, openPostgres, usesPostgres } from "~/utils/db.server";
import { config, resetConfig } from "~/utils/env.server";

const saved = { url: process.env.DATABASE_URL, backupDir: process.env.BACKUP_DIR };

afterEach(() => {
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved.url;
  if (saved.backupDir === undefined) delete process.env.BACKUP_DIR;
  else process.env.BACKUP_DIR = saved.backupDir;
  resetConfig();
});

function pointAt(url: string) {
  process.env.DATABASE_URL = url;
  resetConfig();
}

describe("DATABASE_URL", () => {
  it("accepts postgres:// and postgresql:// URLs", () => {
    pointAt("postgres://kita@db.example/kita");
    expect(config().databaseUrl).toBe("postgres://kita@db.example/kita");
    expect(usesPostgres()).toBe(true);
    pointAt("postgresql://kita@db.example/kita");
    expect(usesPostgres()).toBe(true);
  });

  it("refuses anything else with a message that says what to do", () => {
    for (const url of ["mysql://x/y", "file:app.db", "sqlite:///app.db", " https://x"]) {
      pointAt(url);
      expect(() => config()).toThrow(/DATABASE_URL must be a postgres:\/\/ .*URL; leave it unset for embedded SQLite/);
    }
  });

  it("unset or empty means embedded SQLite", () => {
    pointAt("");
    expect(config().databaseUrl).toBeNull();
    expect(usesPostgres()).toBe(false);
    expect(dialectOf(getDb())).toBe("sqlite");
    expect(getSqlite().open).toBe(true);
  });

  it("tells a PostgreSQL instance from a SQLite one without connecting", async () => {
    const db = openPostgres("postgres://nobody@127.0.0.1:1/none");
    try {
      expect(dialectOf(db)).toBe("postgres");
    } finally {
      await db.destroy();
    }
  });
});

describe("SQLite-only backups on PostgreSQL", () => {
  it("db:backup and the restore refuse, naming pg_dump, and the scheduled backup is skipped", async () => {
    pointAt("postgres://nobody@127.0.0.1:1/none");
    await expect(writeBackup("/tmp/never", "command")).rejects.toThrow(BackupUnavailable);
    await expect(writeBackup("/tmp/never", "command")).rejects.toThrow(/pg_dump/);
    await expect(restoreBackup("/tmp/never")).rejects.toThrow(RestoreRefused);
    await expect(restoreBackup("/tmp/never")).rejects.toThrow(/pg_restore/);
    process.env.BACKUP_DIR = "/tmp/never";
    resetConfig();
    // 12:00 Tokyo, when a backup is due on SQLite: skipped without touching the database (which does not exist).
    expect(await runScheduledBackup(new Date("2026-12-01T03:00:00Z"))).toBeNull();
  });
});

describe("db:reset on PostgreSQL", () => {
  it("refuses (it deletes a SQLite file) and says what to do instead, without connecting", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "db/cli.ts", "reset"], {
      encoding: "utf8",
      env: { ...process.env, APP_ENV: "demo", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/db:reset deletes the SQLite file; on PostgreSQL drop and create the database/);
  }, 60_000);
});
