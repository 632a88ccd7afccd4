/**
 * The one live Kysely instance, over better-sqlite3 (WAL, foreign keys, busy timeout, synchronous=FULL).
 * Opened lazily so that tests and commands can point DATABASE_PATH elsewhere first.
 */
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { migrationProvider } from "../../db/migrations";
import type { Database } from "../../db/schema";
import { config } from "./env.server";

export type DB = Kysely<Database>;

declare global {
  var __kitaDb: { db: DB; sqlite: SQLite.Database; path: string } | undefined;
}

export function openSqlite(file: string): SQLite.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  return sqlite;
}

/** The shared database for this process. */
export function getDb(): DB {
  const file = config().databasePath;
  if (!globalThis.__kitaDb || globalThis.__kitaDb.path !== file) {
    const sqlite = openSqlite(file);
    globalThis.__kitaDb = {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
      sqlite,
      path: file,
    };
  }
  return globalThis.__kitaDb.db;
}

/** The better-sqlite3 connection under getDb(), for what Kysely does not offer (the online backup API). */
export function getSqlite(): SQLite.Database {
  getDb();
  return globalThis.__kitaDb!.sqlite;
}

export async function closeDb() {
  const current = globalThis.__kitaDb;
  globalThis.__kitaDb = undefined;
  if (current) await current.db.destroy();
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: DB = getDb()) {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`, { cause: error });
  }
  return results ?? [];
}

/** The migrations not applied yet (empty when the schema is current). */
export async function pendingMigrations(db: DB = getDb()): Promise<string[]> {
  const migrations = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  return migrations.filter((m) => !m.executedAt).map((m) => m.name);
}

export function now(): string {
  return new Date().toISOString();
}
