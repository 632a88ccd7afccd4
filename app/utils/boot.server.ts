/** Start-up for the production server: migrate, seed the demo data into an empty database, run the mail worker. */
import { loadSigningKeys } from "~/certificates/keys.server";
import { sendDueReminders } from "~/models/interview-reminder.server";
import { deliverDueMail } from "~/models/outbox.server";
import { advanceProjects } from "~/models/project-progress.server";
import { seedDemoData, isDatabaseEmpty } from "../../db/seed";
import { getDb, migrateToLatest } from "./db.server";
import { config } from "./env.server";

export async function prepareServer(options: { worker?: boolean } = {}) {
  const cfg = config(); // throws when production secrets are missing
  // Certificate keys: production refuses to start without CERT_SIGNING_KEYS; elsewhere the key is created now.
  await loadSigningKeys();
  const db = getDb();
  await migrateToLatest(db);
  if (cfg.seedDemoData && (await isDatabaseEmpty(db))) {
    console.log("Empty database: seeding the demo data…");
    await seedDemoData(db);
  }
  if (options.worker !== false) {
    const tick = () => deliverDueMail().catch((error) => console.error("mail delivery failed:", error));
    setInterval(tick, 5_000).unref();
    void tick();
    // The day-before interview reminders: claimed per slot, so a rerun (or `npm run interviews:remind`) never sends twice.
    const remind = () => sendDueReminders().catch((error) => console.error("interview reminders failed:", error));
    setInterval(remind, 5 * 60_000).unref();
    void remind();
    // Lifecycle steps that fall due by date or by facts (interviews start, presented, completed): issue 12.
    const advance = () => advanceProjects().catch((error) => console.error("project lifecycle failed:", error));
    setInterval(advance, 60_000).unref();
    void advance();
  }
  return cfg;
}
