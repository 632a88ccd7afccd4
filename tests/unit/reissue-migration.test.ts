// The re-issue migration rebuilds the certificate table on SQLite (a table constraint cannot be dropped): existing
// certificates and the wallet copies that point at them must come through intact, foreign keys on, and afterwards
// only one *valid* certificate per student and project is allowed.
import { Kysely, Migrator, SqliteDialect, sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { openSqlite } from "~/utils/db.server";
import { migrationProvider } from "../../db/migrations";

const BEFORE = "20261130080000_add_signup_motivation_consent";
const REISSUE = "20261130080100_reissue_certificates";

const opened: Kysely<any>[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.destroy();
});

it("keeps every certificate and wallet reference, and allows a second certificate only once the first is revoked", async () => {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: openSqlite(":memory:") }) });
  opened.push(db);
  const migrator = new Migrator({ db, provider: migrationProvider });
  expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
  // Rows as an older release wrote them (the parents left out, foreign keys off for the setup only).
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  const t = "2026-03-01T00:00:00.000Z";
  const cert = { student_id: 1, project_id: 1, event_id: null, credential_jwt: "jwt", issued_at: t, data: "{}" };
  await db
    .insertInto("certificate")
    .values([
      { ...cert, id: "A", status_index: 10 },
      { ...cert, id: "B", student_id: 2, status_index: 11, revoked_at: t, revoked_reason: "誤り" },
    ])
    .execute();
  await db
    .insertInto("wallet_exchange")
    .values({ id: "X", certificate_id: "A", student_id: 1, challenge: "c", created_at: t, expires_at: t })
    .execute();
  await db
    .insertInto("wallet_credential")
    .values({
      id: "W",
      certificate_id: "A",
      exchange_id: "X",
      holder_did: "did:key:z",
      status_index: 1,
      credential_jwt: "jwt",
      issued_at: t,
    })
    .execute();
  await sql`PRAGMA foreign_keys = ON`.execute(db);
  const before = await db.selectFrom("certificate").selectAll().orderBy("id").execute();
  expect(before).toHaveLength(2);
  const { error, results } = await migrator.migrateTo(REISSUE);
  expect(error).toBeUndefined();
  expect(results?.map((r) => [r.migrationName, r.status])).toEqual([[REISSUE, "Success"]]);
  const after = await db.selectFrom("certificate").selectAll().orderBy("id").execute();
  expect(after).toEqual(before.map((c) => ({ ...c, supersedes: null })));
  expect((await sql`PRAGMA foreign_keys`.execute(db)).rows).toEqual([{ foreign_keys: 1 }]);
  // Only the parents left out above are missing: nothing points at a certificate that is not there.
  const broken = (await sql`PRAGMA foreign_key_check`.execute(db)).rows as Array<{ parent: string }>;
  expect(broken.filter((r) => r.parent === "certificate")).toEqual([]);
  expect(await db.selectFrom("wallet_credential").select("certificate_id").execute()).toEqual([
    { certificate_id: "A" },
  ]);
  // The wallet tables still point at "certificate", not at a renamed copy.
  const walletSql = await db
    .selectFrom("sqlite_master" as any)
    .select("sql")
    .where("name", "in", ["wallet_exchange", "wallet_credential"])
    .execute();
  for (const row of walletSql) expect(String(row.sql)).toMatch(/REFERENCES "?certificate"?\s*\("?id"?\)/i);

  // The uniqueness rule alone (the fake parents above do not exist).
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  const first = after[0];
  const copy = { ...first, id: "SECOND", status_index: 100 };
  await expect(db.insertInto("certificate").values(copy).execute()).rejects.toThrow(
    /UNIQUE constraint failed: certificate.student_id, certificate.project_id/,
  );
  await db
    .updateTable("certificate")
    .set({ revoked_at: "2026-11-30T00:00:00.000Z" })
    .where("id", "=", first.id)
    .execute();
  await db
    .insertInto("certificate")
    .values({ ...copy, supersedes: first.id })
    .execute();
  await expect(
    db
      .insertInto("certificate")
      .values({ ...copy, id: "THIRD", status_index: 101 })
      .execute(),
  ).rejects.toThrow(/UNIQUE constraint failed: certificate.student_id, certificate.project_id/);
});
