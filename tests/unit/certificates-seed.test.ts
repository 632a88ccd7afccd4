// The demo seed ends the FY2025 project with its certificates: the demo student holds a valid one, s03's is revoked,
// and every seeded credential verifies with the published key.
import { Kysely, SqliteDialect } from "kysely";
import { afterAll, expect, it } from "vitest";
import { verifyCredentialJwt } from "~/certificates/credential.server";
import { migrateToLatest, openSqlite } from "~/utils/db.server";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed";

const db = new Kysely<Database>({
  dialect: new SqliteDialect({ database: openSqlite(":memory:") }),
});
afterAll(() => db.destroy());

it("issues the FY2025 certificates and revokes one other student's", async () => {
  await migrateToLatest(db);
  await seedDemoData(db);
  const rows = await db
    .selectFrom("certificate")
    .innerJoin("user", "user.id", "certificate.student_id")
    .select([
      "certificate.id",
      "user.email",
      "certificate.revoked_at",
      "certificate.revoked_reason",
      "certificate.credential_jwt",
      "certificate.issued_at",
    ])
    .orderBy("user.email")
    .execute();
  expect(rows.map((r) => r.email)).toEqual([
    "s01@toyo.example",
    "s02@toyo.example",
    "s03@toyo.example",
    "student@toyo.example",
  ]);
  expect(rows.find((r) => r.email === "student@toyo.example")!.revoked_at).toBeNull();
  const revoked = rows.find((r) => r.email === "s03@toyo.example")!;
  expect(revoked.revoked_at).toBe("2026-03-10T01:00:00.000Z");
  expect(revoked.revoked_reason).toBeTruthy();
  for (const r of rows) {
    expect(r.issued_at).toBe("2026-03-06T02:00:00.000Z");
    expect((await verifyCredentialJwt(r.credential_jwt)).valid).toBe(true);
  }
  const done = await db.selectFrom("interview_slot").select("outcome").execute();
  expect(done.length).toBeGreaterThan(0);
  expect(done.every((s) => s.outcome === "done")).toBe(true);
  expect(
    await db.selectFrom("outbox_message").select("id").where("kind", "=", "certificate.issued").execute(),
  ).toHaveLength(4);
});
