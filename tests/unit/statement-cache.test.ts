// The SQLite connection keeps its prepared statements (withStatementCache): the same SQL gets the same statement,
// the cache stays bounded, a statement being iterated is never handed out twice, and a cached statement still sees
// a schema change.
import { Kysely, sql, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { openSqlite, withStatementCache } from "~/utils/db.server";

describe("withStatementCache", () => {
  it("hands out one statement per SQL text", () => {
    const sqlite = openSqlite(":memory:");
    const cached = withStatementCache(sqlite);
    const first = cached.prepare("select 1 as one");
    expect(cached.prepare("select 1 as one")).toBe(first);
    expect(cached.prepare("select 2 as two")).not.toBe(first);
    sqlite.close();
  });

  it("keeps at most `max` statements, dropping the least recently used", () => {
    const sqlite = openSqlite(":memory:");
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare("select 'a'");
    const b = cached.prepare("select 'b'");
    expect(cached.prepare("select 'a'")).toBe(a); // a is now the most recently used
    cached.prepare("select 'c'"); // drops b
    expect(cached.prepare("select 'a'")).toBe(a);
    expect(cached.prepare("select 'b'")).not.toBe(b);
    sqlite.close();
  });

  it("gives a fresh statement while the cached one is still being iterated", () => {
    const sqlite = openSqlite(":memory:");
    const cached = withStatementCache(sqlite);
    const statement = cached.prepare("select value from json_each('[1,2,3]')");
    const rows = statement.iterate([]);
    rows.next();
    const other = cached.prepare("select value from json_each('[1,2,3]')");
    expect(other).not.toBe(statement);
    expect(other.all([])).toHaveLength(3);
    rows.return?.();
    expect(cached.prepare("select value from json_each('[1,2,3]')")).toBe(statement);
    sqlite.close();
  });

  it("serves Kysely, and a cached query sees a column added after it was first prepared", async () => {
    const db = new Kysely<any>({
      dialect: new SqliteDialect({ database: withStatementCache(openSqlite(":memory:")) }),
    });
    await sql`create table note (id integer primary key, body text)`.execute(db);
    await db.insertInto("note").values({ body: "first" }).execute();
    expect(await db.selectFrom("note").selectAll().execute()).toEqual([{ id: 1, body: "first" }]);
    await sql`alter table note add column pinned integer not null default 0`.execute(db);
    expect(await db.selectFrom("note").selectAll().execute()).toEqual([{ id: 1, body: "first", pinned: 0 }]);
    await db.destroy();
  });
});
