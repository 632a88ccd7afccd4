/**
 * Start-up for the production server: migrate, seed the demo data into an empty database. The background jobs start
 * apart (app/operations/jobs.server.ts), so that several server processes can share one set of them.
 */
import { loadSigningKeys } from "~/certificates/keys.server";
import { closeDb, getDb, migrateToLatest } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { seedDemoData, isDatabaseEmpty } from "../../db/seed";

export async function prepareServer() {
  const cfg = config(); // throws when production secrets are missing
  // Certificate keys: production refuses to start without CERT_SIGNING_KEYS; elsewhere the key is created now.
  await loadSigningKeys();
  const db = getDb();
  await migrateToLatest(db);
  if (cfg.seedDemoData && (await isDatabaseEmpty(db))) {
    console.log("Empty database: seeding the demo data…");
    await seedDemoData(db);
  }
  return cfg;
}

/**
 * Start-up for a worker of a cluster (server/cluster.js), after the primary has run prepareServer: the same
 * configuration check and the signing keys, without migrating or seeding again.
 */
export async function prepareWorker() {
  const cfg = config();
  await loadSigningKeys();
  return cfg;
}

/** Closes the database at shutdown (after the jobs have stopped and the last request is answered). */
export async function closeDatabase() {
  await closeDb();
}
