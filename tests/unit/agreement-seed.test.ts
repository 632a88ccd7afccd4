// The demo seed's agreement details: contacts, owner, first version, collaborations, and the expiring internship.
import { Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementTerm, needingAttention } from "../../app/agreements/status";
import { migrateToLatest, openSqlite } from "../../app/utils/db.server";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed";

let db: Kysely<Database>;
beforeAll(async () => {
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(":memory:") }) });
  await migrateToLatest(db);
  await seedDemoData(db);
});
afterAll(() => db.destroy());

describe("seeded agreements", () => {
  it("gives every agreement contacts, the demo staff owner, a 90-day notice period and a creation version", async () => {
    const owner = await db
      .selectFrom("user")
      .select("id")
      .where("email", "=", "staff@city.kita.example")
      .executeTakeFirstOrThrow();
    const agreements = await db.selectFrom("agreement").selectAll().orderBy("id").execute();
    expect(agreements.map((a) => a.kind)).toEqual(["comprehensive", "comprehensive", "comprehensive", "internship"]);
    for (const a of agreements) {
      expect(a).toMatchObject({
        owner_user_id: owner.id,
        notice_days: 90,
        renewal_term_months: a.auto_renew ? 12 : null,
      });
      const contacts = await db
        .selectFrom("agreement_contact")
        .select("name")
        .where("agreement_id", "=", a.id)
        .execute();
      expect(contacts.length).toBeGreaterThan(0);
      const versions = await db.selectFrom("agreement_version").selectAll().where("agreement_id", "=", a.id).execute();
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ version: 1, action: "create", actor_user_id: owner.id });
      const fields = JSON.parse(versions[0].changes).map((c: { field: string }) => c.field);
      expect(fields).toEqual(
        expect.arrayContaining(["university_id", "title_ja", "areas", "contacts", "owner_user_id"]),
      );
    }
    expect(await db.selectFrom("agreement_document").select("id").execute()).toEqual([]);
  });

  it("records the Toyo marketing seminar's interviews and its presentation at Hokutopia", async () => {
    const rows = await db
      .selectFrom("agreement_activity")
      .innerJoin("agreement", "agreement.id", "agreement_activity.agreement_id")
      .innerJoin("university", "university.id", "agreement.university_id")
      .select(["university.slug", "agreement_activity.title", "agreement_activity.kind"])
      .orderBy("agreement_activity.occurred_on")
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.slug === "toyo" && r.kind === "manual")).toBe(true);
    expect(rows[1].title).toContain("北とぴあ");
  });

  it("has the Teikyo internship agreement expiring on the demo date, needing attention with the comprehensive one", async () => {
    const agreements = await db.selectFrom("agreement").selectAll().execute();
    const internship = agreements.find((a) => a.kind === "internship")!;
    expect(agreementTerm(internship, "2026-11-25")).toMatchObject({
      status: "expiring",
      termEnd: "2027-01-31",
      noticeDeadline: "2026-11-02",
    });
    expect(needingAttention(agreements, "2026-11-25").map((a) => [a.kind, a.bucket])).toEqual([
      ["internship", "passed"],
      ["comprehensive", "d60"],
    ]);
  });
});
