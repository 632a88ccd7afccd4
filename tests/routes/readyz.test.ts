// GET /readyz: ready (200) with the database, migrations, oldest unsent mail and last backup; 503 when migrations are
// pending or the database does not answer.
import { describe, expect, it } from "vitest";
import { enqueueMail } from "~/models/outbox.server";
import { loader as healthLoader } from "~/routes/healthz";
import { loader as readyLoader } from "~/routes/readyz";
import { getDb } from "~/utils/db.server";

async function ready() {
  const res = (await readyLoader()) as Response;
  return { status: res.status, body: await res.json(), cache: res.headers.get("Cache-Control") };
}

describe("/readyz", () => {
  it("is ready on a migrated database, with the oldest unsent mail's age and the last backup's age", async () => {
    const empty = await ready();
    expect(empty.status).toBe(200);
    expect(empty.cache).toBe("no-store");
    expect(empty.body).toMatchObject({
      ready: true,
      database: "ok",
      migrations: { pending: [] },
      mail: { oldestUnsentSeconds: null },
      backup: { lastAt: null, ageSeconds: null },
    });

    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await enqueueMail(getDb(), { to: "x@firm.example", kind: "test", subject: "s", body: "b" });
    await getDb()
      .updateTable("outbox_message")
      .set({ status: "pending", created_at: tenMinutesAgo })
      .where("to_address", "=", "x@firm.example")
      .execute();
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await getDb()
      .insertInto("backup")
      .values({ path: "/backups/x", trigger: "command", database_bytes: 1, document_count: 0, created_at: twoDaysAgo })
      .execute();
    const busy = await ready();
    expect(busy.status).toBe(200);
    expect(busy.body.mail.oldestUnsentSeconds).toBeGreaterThanOrEqual(600);
    expect(busy.body.mail.oldestUnsentSeconds).toBeLessThan(700);
    expect(busy.body.backup.lastAt).toBe(twoDaysAgo);
    expect(busy.body.backup.ageSeconds).toBeGreaterThanOrEqual(2 * 86_400);
    // Names no person and no secret.
    expect(JSON.stringify(busy.body)).not.toContain("x@firm.example");
  });

  it("answers 503 while a migration is pending", async () => {
    const last = await getDb()
      .selectFrom("kysely_migration" as never)
      .selectAll()
      .orderBy("name" as never, "desc")
      .executeTakeFirstOrThrow();
    const row = last as { name: string; timestamp: string };
    await getDb()
      .deleteFrom("kysely_migration" as never)
      .where("name" as never, "=", row.name as never)
      .execute();
    try {
      const pending = await ready();
      expect(pending.status).toBe(503);
      expect(pending.body.ready).toBe(false);
      expect(pending.body.migrations.pending).toEqual([row.name]);
    } finally {
      await getDb()
        .insertInto("kysely_migration" as never)
        .values(row as never)
        .execute();
    }
    expect((await ready()).status).toBe(200);
  });

  it("answers 503 when the database does not answer", async () => {
    const held = globalThis.__kitaDb!;
    // Destroying the live instance closes its connection (SQLite) or pool (PostgreSQL): queries then fail.
    await held.db.destroy();
    try {
      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ ready: false, database: "unreachable" });
      // The cheap liveness check (one `select 1`) says so too.
      const health = (await healthLoader()) as Response;
      expect(health.status).toBe(503);
    } finally {
      globalThis.__kitaDb = undefined;
    }
    expect((await ready()).status).toBe(200);
  });
});
