// Every test file gets its own freshly migrated SQLite database file (deleted afterwards).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb, migrateToLatest } from "~/utils/db.server";
import { resetConfig } from "~/utils/env.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");
process.env.DATA_DIR = dir;
resetConfig();

beforeAll(async () => {
  await migrateToLatest(getDb());
});

afterAll(async () => {
  await closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
