// Every test file gets its own freshly migrated database, dropped afterwards: a SQLite file by default, or with
// TEST_DATABASE_URL=postgres://… a new database `kita_t_<random>` on that PostgreSQL server (README, Decisions
// "PostgreSQL as the scale-out path").
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb, migrateToLatest } from "~/utils/db.server";
import { resetConfig } from "~/utils/env.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");
process.env.DATA_DIR = dir;
const server = process.env.TEST_DATABASE_URL || null;
// Letters and digits only: the name goes into `create database` unquoted.
const database = `kita_t_${randomBytes(6).toString("hex")}`;
if (server) {
  const url = new URL(server);
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.href;
} else {
  delete process.env.DATABASE_URL;
}
resetConfig();

/** Runs one statement on the server's maintenance database (the one TEST_DATABASE_URL names). */
async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: server! });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (server) await onServer(`create database ${database}`);
  await migrateToLatest(getDb());
});

afterAll(async () => {
  await closeDb();
  // `with (force)`: a test that left a connection open (a process it started) must not leave the database behind.
  if (server) await onServer(`drop database if exists ${database} with (force)`);
  fs.rmSync(dir, { recursive: true, force: true });
});
