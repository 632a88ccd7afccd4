// The demo seed: what the demo database holds, and that it is the same every time.
process.env.APP_ENV ??= "test"; // tests/setup/env.ts sets it too; hashing stays cheap either way

import { Kysely, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { agreementStatus } from "../../app/agreements/status";
import { match } from "../../app/matching/engine.js";
import { CONSENT_VERSION } from "../../app/projects/signup";
import { ProjectFieldsSchema, projectFormValues } from "../../app/schemas/project";
import { isValidCorporateNumber } from "../../app/utils/corporate-number";
import { migrateToLatest, openSqlite } from "../../app/utils/db.server";
import { INDUSTRIES, KITA_TOWNS } from "../../app/utils/kita";
import { verifyPassword } from "../../app/utils/password.server";
import type { Database } from "../../db/schema";
import { AGREEMENT_AREAS } from "../../db/schema";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from "../../db/seed";

const opened: Kysely<Database>[] = [];

async function freshDb() {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(":memory:") }) });
  opened.push(db);
  await migrateToLatest(db);
  return db;
}

afterEach(async () => {
  while (opened.length) await opened.pop()!.destroy();
});

describe("seedDemoData", () => {
  it("reports an empty database before seeding and a non-empty one after", async () => {
    const db = await freshDb();
    expect(await isDatabaseEmpty(db)).toBe(true);
    await seedDemoData(db);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it("seeds the three partner universities and their comprehensive agreements", async () => {
    const db = await freshDb();
    await seedDemoData(db);

    const universities = await db.selectFrom("university").selectAll().orderBy("id").execute();
    expect(universities.map((u) => u.slug)).toEqual(["tokyo-kasei", "toyo", "teikyo"]);
    expect(universities.map((u) => u.name_ja)).toEqual(["東京家政大学", "東洋大学", "帝京大学"]);

    const agreements = await db
      .selectFrom("agreement")
      .selectAll()
      .where("kind", "=", "comprehensive")
      .orderBy("id")
      .execute();
    expect(agreements).toHaveLength(3);
    expect(agreements.map((a) => a.signed_on.slice(0, 4))).toEqual(["2010", "2011", "2012"]);
    for (const a of agreements) {
      expect(a.kind).toBe("comprehensive");
      expect(a.effective_from).toBe(a.signed_on);
      const areas = await db.selectFrom("agreement_area").select("area").where("agreement_id", "=", a.id).execute();
      expect(areas.map((r) => r.area).sort()).toEqual([...AGREEMENT_AREAS].sort());
    }
    const teikyo = agreements.find((a) => a.university_id === universities[2].id)!;
    expect(teikyo.expires_on).toBe("2027-03-31");
    expect(teikyo.auto_renew).toBe(1);
    expect(agreements.filter((a) => a.expires_on === null)).toHaveLength(2);
  });

  it("seeds 260 firms with valid, unique corporate numbers in Kita-ku", async () => {
    const db = await freshDb();
    await seedDemoData(db);

    const firms = await db.selectFrom("firm").selectAll().orderBy("id").execute();
    expect(firms).toHaveLength(260);

    const numbers = firms.map((f) => f.corporate_number);
    expect(numbers.every(isValidCorporateNumber)).toBe(true);
    expect(new Set(numbers).size).toBe(260);
    expect(new Set(firms.map((f) => f.name)).size).toBe(260);

    const industryKeys = new Set<string>(INDUSTRIES.map((i) => i.key));
    const townPostal = new Map<string, string>(KITA_TOWNS.map((t) => [t.key, t.postal]));
    for (const f of firms) {
      expect(f.postal_code).toMatch(/^11[45]-\d{4}$/);
      expect(townPostal.get(f.town)).toBe(f.postal_code);
      expect(industryKeys.has(f.industry)).toBe(true);
      expect(f.name_kana).toMatch(/^[ァ-ヶー]+$/);
      expect(f.products.length).toBeGreaterThan(0);
      expect(f.website === null || f.website.startsWith("https://example.jp/")).toBe(true);
      expect(f.hidden_at).toBeNull();
    }

    const count = (key: string) => firms.filter((f) => f.industry === key).length;
    const most = [...industryKeys].sort((a, b) => count(b) - count(a)).slice(0, 2);
    expect(most.sort()).toEqual(["metal_products", "printing"]);
    const newProducts = firms.filter((f) => f.new_product === 1).length;
    expect(newProducts).toBeGreaterThan(50);
    expect(newProducts).toBeLessThan(110);
    const publicFirms = firms.filter((f) => f.is_public === 1).length;
    expect(publicFirms).toBeGreaterThan(215);
    expect(publicFirms).toBeLessThan(260);

    expect(firms[0]).toMatchObject({
      id: 1,
      name: "株式会社赤羽精密",
      name_kana: "アカバネセイミツ",
      town: "akabane",
      postal_code: "115-0045",
      new_product: 1,
      is_public: 1,
    });
    expect(["machinery", "precision"]).toContain(firms[0].industry);
  });

  it("seeds one demo account per role, all with the demo password", async () => {
    const db = await freshDb();
    await seedDemoData(db);

    const users = await db
      .selectFrom("user")
      .leftJoin("university", "university.id", "user.university_id")
      .select(["user.email", "user.role", "user.firm_id", "user.password_hash", "university.slug"])
      .execute();
    const byEmail = new Map(users.map((u) => [u.email, u]));

    expect(byEmail.get("staff@city.kita.example")).toMatchObject({ role: "staff", slug: null, firm_id: null });
    expect(byEmail.get("professor@toyo.example")).toMatchObject({ role: "professor", slug: "toyo" });
    expect(byEmail.get("student@toyo.example")).toMatchObject({ role: "student", slug: "toyo" });
    expect(byEmail.get("firm@monozukuri.example")).toMatchObject({ role: "firm", firm_id: 1, slug: null });

    for (const u of users) expect(u.email).toBe(u.email.toLowerCase());
    const students = users.filter((u) => u.role === "student");
    expect(students.length).toBeGreaterThanOrEqual(13);
    expect(new Set(students.map((s) => s.slug))).toEqual(new Set(["toyo", "teikyo", "tokyo-kasei"]));
    expect(
      users
        .filter((u) => u.role === "professor")
        .map((u) => u.slug)
        .sort(),
    ).toEqual(["teikyo", "tokyo-kasei", "toyo"]);
    expect(
      users
        .filter((u) => u.role === "firm")
        .map((u) => u.firm_id)
        .sort(),
    ).toEqual([1, 2, 3, 4]);

    expect(await verifyPassword(DEMO_PASSWORD, byEmail.get("staff@city.kita.example")!.password_hash)).toBe(true);
    expect(await verifyPassword("wrong-password", byEmail.get("student@toyo.example")!.password_hash)).toBe(false);
  });

  it("tells the projects story: a completed FY2025 project, an open FY2026 one, one under review, one draft", async () => {
    const db = await freshDb();
    await seedDemoData(db);
    const projects = await db
      .selectFrom("project")
      .innerJoin("user", "user.id", "project.professor_id")
      .selectAll("project")
      .select("user.email as professor")
      .orderBy("project.id")
      .execute();
    expect(projects.map((p) => [p.professor, p.fiscal_year, p.state])).toEqual([
      ["professor@toyo.example", 2025, "completed"],
      ["professor@toyo.example", 2026, "open"],
      ["professor@teikyo.example", 2026, "submitted"],
      ["professor@tokyo-kasei.example", 2026, "draft"],
    ]);
    const [completed, open] = projects;
    expect(open).toMatchObject({
      join_code: "MKTG-2627",
      student_capacity: 12,
      team_size: 3,
      seminar_name: "マーケティングゼミ",
      // 2026-11-01 00:00 to the end of 2027-01-11 in Tokyo, the day before interviews start (changed by issue 12:
      // it closed on 2027-03-31, after the interviews and the presentation).
      signup_opens_at: "2026-10-31T15:00:00.000Z",
      signup_closes_at: "2027-01-11T15:00:00.000Z",
    });
    for (const p of projects) {
      expect(p.join_code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
      expect(p.signup_opens_at < p.signup_closes_at).toBe(true);
      expect(p.interview_from <= p.interview_until && p.interview_until <= p.presentation_on).toBe(true);
      // The project form's own date rules accept every demo project (issue 12).
      expect(ProjectFieldsSchema.safeParse(projectFormValues(p)).error?.issues ?? []).toEqual([]);
      // Each runs under its university's agreement, in force and covering industry and education.
      const agreement = await db
        .selectFrom("agreement")
        .selectAll()
        .where("id", "=", p.agreement_id)
        .executeTakeFirstOrThrow();
      expect(agreement.university_id).toBe(p.university_id);
      expect(["active", "expiring"]).toContain(agreementStatus(agreement, "2026-11-25"));
      expect(["active", "expiring"]).toContain(agreementStatus(agreement, p.presentation_on));
      const areas = await db
        .selectFrom("agreement_area")
        .select("area")
        .where("agreement_id", "=", p.agreement_id)
        .execute();
      expect(areas.map((a) => a.area)).toEqual(expect.arrayContaining(["industry", "education"]));
      // The history is one unbroken chain from draft to the current state.
      const events = await db
        .selectFrom("project_event")
        .selectAll()
        .where("project_id", "=", p.id)
        .orderBy("id")
        .execute();
      let state = "draft";
      for (const e of events) {
        expect(e.from_state).toBe(state);
        state = e.to_state;
      }
      expect(state).toBe(p.state);
    }

    const hosts = (projectId: number) =>
      db
        .selectFrom("project_host")
        .select(["id", "firm_id", "status", "capacity"])
        .where("project_id", "=", projectId)
        .orderBy("id")
        .execute();
    const openHosts = await hosts(open.id);
    expect(openHosts.filter((h) => h.status === "accepted").map((h) => [h.firm_id, h.capacity])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
      [4, 3],
    ]);
    expect(openHosts.filter((h) => h.status !== "accepted").map((h) => h.status)).toEqual(["invited", "declined"]);
    const completedHosts = await hosts(completed.id);
    expect(completedHosts.find((h) => h.firm_id === 1)?.status).toBe("accepted");

    const signups = (projectId: number) =>
      db
        .selectFrom("signup")
        .innerJoin("user", "user.id", "signup.student_id")
        .select(["signup.id", "user.email", "user.university_id", "signup.consent_version"])
        .where("signup.project_id", "=", projectId)
        .execute();
    const openSignups = await signups(open.id);
    expect(openSignups.length).toBeGreaterThanOrEqual(3);
    expect(openSignups.length).toBeLessThanOrEqual(4);
    expect(openSignups.every((s) => s.university_id === open.university_id)).toBe(true);
    // The demo student can still sign up.
    expect(openSignups.map((s) => s.email)).not.toContain("student@toyo.example");
    expect((await signups(completed.id)).map((s) => s.email)).toContain("student@toyo.example");
    // Every ranking lists each accepting host once, first choice first.
    for (const [project, projectHosts] of [
      [open, openHosts],
      [completed, completedHosts],
    ] as const) {
      const accepted = projectHosts
        .filter((h) => h.status === "accepted")
        .map((h) => h.id)
        .sort();
      for (const s of await signups(project.id)) {
        expect(s.consent_version).toBe(CONSENT_VERSION);
        const prefs = await db
          .selectFrom("signup_preference")
          .selectAll()
          .where("signup_id", "=", s.id)
          .orderBy("rank")
          .execute();
        expect(prefs.map((x) => x.rank)).toEqual(accepted.map((_, i) => i + 1));
        expect(prefs.map((x) => x.host_id).sort()).toEqual(accepted);
      }
    }
  });

  it("ends the FY2025 project with its presentation day at Hokutopia, and plans the FY2026 one", async () => {
    const db = await freshDb();
    await seedDemoData(db);
    const project = await db
      .selectFrom("project")
      .select(["id", "professor_id"])
      .where("join_code", "=", "MKTG-2526")
      .executeTakeFirstOrThrow();
    // The published pairing is what the engine gives for its own instance, so `npm run match` reproduces it.
    const run = await db
      .selectFrom("pairing_run")
      .selectAll()
      .where("project_id", "=", project.id)
      .where("published_at", "is not", null)
      .executeTakeFirstOrThrow();
    const assignments = JSON.parse(run.result) as Record<string, string | null>;
    expect(match(JSON.parse(run.instance)).assignments).toEqual(assignments);
    const signups = await db
      .selectFrom("signup")
      .select(["id", "student_id"])
      .where("project_id", "=", project.id)
      .execute();
    expect(Object.keys(assignments).sort()).toEqual(signups.map((s) => String(s.id)).sort());
    expect(Object.values(assignments).every((h) => h !== null)).toBe(true);

    const events = await db.selectFrom("event").selectAll().orderBy("starts_at").execute();
    expect(events.map((e) => [e.title_ja, e.starts_at, e.ends_at])).toEqual([
      ["北区産学連携研究発表会 2026", "2026-02-14T05:00:00.000Z", "2026-02-14T08:00:00.000Z"],
      ["北区産学連携研究発表会 2027", "2027-03-13T05:00:00.000Z", "2027-03-13T08:00:00.000Z"],
    ]);
    expect(events.every((e) => e.venue_ja.startsWith("北とぴあ") && e.venue_en.startsWith("Hokutopia"))).toBe(true);
    const [past, upcoming] = events;

    const slots = await db
      .selectFrom("presentation")
      .selectAll()
      .where("event_id", "=", past.id)
      .orderBy("position")
      .execute();
    const hosts = new Set(Object.values(assignments));
    expect(slots.map((s) => s.position)).toEqual([1, 2, 3]);
    expect(new Set(slots.map((s) => String(s.host_id)))).toEqual(hosts);
    for (const s of slots) {
      expect(s.project_id).toBe(project.id);
      expect(s.confirmed_by).toBe(project.professor_id);
      expect(s.confirmed_at).not.toBeNull();
      expect(s.given_at).not.toBeNull();
      expect(s.title_en).toBeTruthy();
      expect(past.starts_at <= s.starts_at! && s.starts_at! <= past.ends_at).toBe(true);
    }
    const present = await db.selectFrom("attendance").select("student_id").where("event_id", "=", past.id).execute();
    expect(present.map((a) => a.student_id).sort()).toEqual(signups.map((s) => s.student_id).sort());
    expect(await db.selectFrom("presentation").select("id").where("event_id", "=", upcoming.id).execute()).toHaveLength(
      0,
    );
  });

  it("is deterministic: two fresh databases get the same data", async () => {
    const a = await freshDb();
    const b = await freshDb();
    await seedDemoData(a);
    await seedDemoData(b);
    const rows = (db: Kysely<Database>) => db.selectFrom("firm").selectAll().orderBy("id").execute();
    const firmsA = await rows(a);
    expect(firmsA.map((f) => f.name)).toEqual((await rows(b)).map((f) => f.name));
    expect(firmsA).toEqual(await rows(b));
    const users = (db: Kysely<Database>) =>
      db.selectFrom("user").select(["id", "email", "role", "name", "university_id", "firm_id"]).orderBy("id").execute();
    expect(await users(a)).toEqual(await users(b));
    const projectRows = (db: Kysely<Database>) => db.selectFrom("project").selectAll().orderBy("id").execute();
    expect(await projectRows(a)).toEqual(await projectRows(b));
  });

  it("writes nothing when a step fails (one transaction)", async () => {
    const db = await freshDb();
    // A user that collides with a demo email makes the last insert fail.
    await db
      .insertInto("user")
      .values({
        email: "staff@city.kita.example",
        password_hash: null,
        role: "staff",
        name: "既存",
        name_kana: null,
        name_latin: null,
        locale: null,
        university_id: null,
        firm_id: null,
        created_at: "2026-04-01T00:00:00.000Z",
        updated_at: "2026-04-01T00:00:00.000Z",
        disabled_at: null,
      })
      .execute();
    await expect(seedDemoData(db)).rejects.toThrow();
    expect(await db.selectFrom("firm").select("id").execute()).toHaveLength(0);
    expect(await db.selectFrom("university").select("id").execute()).toHaveLength(0);
  });

  it("is fast", async () => {
    const db = await freshDb();
    const started = performance.now();
    await seedDemoData(db);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
