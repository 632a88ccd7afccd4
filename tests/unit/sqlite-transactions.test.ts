// The app's SQLite transactions begin IMMEDIATE (SqliteImmediateDialect), so a transaction that reads and then writes
// commits even when another connection to the file (a cluster's other worker, the primary's jobs) writes meanwhile:
// the other writer waits for the lock instead of the transaction failing at its first write. Two connections to one
// file stand in for two processes; the other one has no busy timeout, so "would wait" shows as SQLITE_BUSY at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type Dialect } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, SqliteImmediateDialect } from "~/utils/db.server";

interface Counter {
  counter: { id: number; n: number };
}

let dir: string;
let file: string;
let other: SQLite.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-sqlite-tx-"));
  file = path.join(dir, "app.db");
  other = openSqlite(file);
  other.exec("create table counter (id integer primary key, n integer not null); insert into counter values (1, 0)");
  other.pragma("busy_timeout = 0");
});

afterEach(() => {
  other.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Reads the counter, lets the other connection try to write, then writes what it read plus one. */
async function readThenWrite(dialect: (sqlite: SQLite.Database) => Dialect) {
  const db = new Kysely<Counter>({ dialect: dialect(openSqlite(file)) });
  let otherWrite: string = "written";
  try {
    await db.transaction().execute(async (trx) => {
      const { n } = await trx.selectFrom("counter").select("n").where("id", "=", 1).executeTakeFirstOrThrow();
      try {
        other.prepare("update counter set n = n + 100 where id = 1").run();
      } catch (error) {
        otherWrite = (error as { code?: string }).code ?? String(error);
      }
      await trx
        .updateTable("counter")
        .set({ n: n + 1 })
        .where("id", "=", 1)
        .execute();
    });
  } finally {
    await db.destroy();
  }
  return otherWrite;
}

describe("SQLite transactions across connections", () => {
  it("a read-then-write transaction commits; the other writer is held off until it has", async () => {
    const otherWrite = await readThenWrite((database) => new SqliteImmediateDialect({ database }));
    expect(otherWrite).toBe("SQLITE_BUSY"); // with a busy timeout (the app's is 5 s) it would have waited
    expect(other.prepare("select n from counter").get()).toEqual({ n: 1 });
    // Once the transaction has committed, the other connection writes as usual.
    other.prepare("update counter set n = n + 100 where id = 1").run();
    expect(other.prepare("select n from counter").get()).toEqual({ n: 101 });
  });

  it("Kysely's own deferred BEGIN fails the same transaction at its first write (why the dialect exists)", async () => {
    await expect(readThenWrite((database) => new SqliteDialect({ database }))).rejects.toMatchObject({
      code: "SQLITE_BUSY_SNAPSHOT",
    });
    expect(other.prepare("select n from counter").get()).toEqual({ n: 100 });
  });
});
