/**
 * Prepares a benchmark database: migrate, seed the demo data, then grow the firm register to --firms N by
 * copying the demo firms with new names and valid corporate numbers (same mix of industries, towns, products).
 * Usage: DATABASE_PATH=… tsx scripts/bench-setup.ts --firms 10000
 */
import { isDatabaseEmpty, seedDemoData } from "../db/seed";
import { closeDb, getDb, migrateToLatest, now } from "../app/utils/db.server";
import { makeCorporateNumber } from "../app/utils/corporate-number";
import { firmSearchText } from "../app/utils/firm-search";

const target = Number(process.argv[process.argv.indexOf("--firms") + 1] || 260);

async function main() {
  const db = getDb();
  await migrateToLatest(db);
  if (await isDatabaseEmpty(db)) await seedDemoData(db);
  const firms = await db.selectFrom("firm").selectAll().orderBy("id").execute();
  const missing = target - firms.length;
  const t = now();
  const rows = Array.from({ length: Math.max(0, missing) }, (_, i) => {
    const { id: _id, ...base } = firms[i % firms.length];
    const copy = { ...base, name: `${base.name}（第${Math.floor(i / firms.length) + 2}工場${i}）`, products: base.products };
    return {
      ...copy,
      corporate_number: makeCorporateNumber(String(900000000000 + i).padStart(12, "0")),
      search_text: firmSearchText(copy),
      created_at: t,
      updated_at: t,
    };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto("firm").values(rows.slice(i, i + 500)).execute();
  }
  const { n } = await db.selectFrom("firm").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  console.log(`firms: ${n}`);
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
