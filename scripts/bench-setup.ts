/**
 * Prepares a benchmark database: migrate, seed the demo data, then grow the firm register to --firms N by
 * copying the demo firms with new names and valid corporate numbers (same mix of industries, towns, products).
 * With --students N it also creates N signed-in students and writes, to --out FILE, their session cookies and the
 * form of a sign-up to the demo's open project (whose capacity it lifts), for the sign-up POST benchmark.
 * Usage: DATABASE_PATH=… tsx scripts/bench-setup.ts --firms 10000 [--students 3000 --out signups.json]
 */
import fs from "node:fs";
import { makeCorporateNumber } from "../app/utils/corporate-number";
import { closeDb, getDb, migrateToLatest, now } from "../app/utils/db.server";
import { firmSearchText } from "../app/utils/firm-search";
import { sessionCookie } from "../app/utils/session.server";
import { hashToken, newToken } from "../app/utils/tokens.server";
import { isDatabaseEmpty, seedDemoData } from "../db/seed";

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const target = Number(arg("--firms") ?? 260);
const students = Number(arg("--students") ?? 0);

async function main() {
  const db = getDb();
  await migrateToLatest(db);
  if (await isDatabaseEmpty(db)) await seedDemoData(db);
  const firms = await db.selectFrom("firm").selectAll().orderBy("id").execute();
  const missing = target - firms.length;
  const t = now();
  const rows = Array.from({ length: Math.max(0, missing) }, (_, i) => {
    const { id: _id, ...base } = firms[i % firms.length];
    const copy = {
      ...base,
      name: `${base.name}（第${Math.floor(i / firms.length) + 2}工場${i}）`,
      products: base.products,
    };
    return {
      ...copy,
      corporate_number: makeCorporateNumber(String(900000000000 + i).padStart(12, "0")),
      search_text: firmSearchText(copy),
      created_at: t,
      updated_at: t,
    };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("firm")
      .values(rows.slice(i, i + 500))
      .execute();
  }
  const { n } = await db
    .selectFrom("firm")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  console.log(`firms: ${n}`);
  if (students > 0) await prepareSignups(students, arg("--out")!);
  await closeDb();
}

async function prepareSignups(count: number, out: string) {
  const db = getDb();
  const project = await db
    .selectFrom("project")
    .select(["id", "join_code"])
    .where("state", "=", "open")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  await db.updateTable("project").set({ student_capacity: 1_000_000 }).where("id", "=", project.id).execute();
  const hosts = await db
    .selectFrom("project_host")
    .select("id")
    .where("project_id", "=", project.id)
    .where("status", "=", "accepted")
    .orderBy("id")
    .execute();
  const t = now();
  const far = new Date(Date.now() + 86_400_000).toISOString();
  const cookies: string[] = [];
  for (let i = 0; i < count; i += 500) {
    const batch = Array.from({ length: Math.min(500, count - i) }, (_, k) => i + k);
    const users = await db
      .insertInto("user")
      .values(
        batch.map((k) => ({
          email: `bench${k}@bench.example`,
          password_hash: null,
          role: "student" as const,
          name: `負荷 ${k}`,
          name_kana: "フカ",
          name_latin: "Bench",
          locale: null,
          university_id: 1,
          created_at: t,
          updated_at: t,
        })),
      )
      .returning("id")
      .execute();
    const tokens = users.map(() => newToken());
    await db
      .insertInto("session")
      .values(
        users.map((u, k) => ({
          id: hashToken(tokens[k]),
          user_id: u.id,
          created_at: t,
          last_seen_at: t,
          expires_at: far,
          ip: null,
          user_agent: null,
        })),
      )
      .execute();
    for (const token of tokens) cookies.push((await sessionCookie().serialize(token)).split(";")[0]);
  }
  const form = new URLSearchParams({
    intent: "signup",
    code: project.join_code,
    motivation: "負荷試験",
    consent: "on",
  });
  hosts.forEach((h, i) => {
    form.set(`ranking[${i}].host`, String(h.id));
    form.set(`ranking[${i}].position`, String(i + 1));
  });
  fs.writeFileSync(
    out,
    JSON.stringify({
      projectId: project.id,
      path: `/student/projects/${project.id}/signup`,
      body: form.toString(),
      cookies,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
