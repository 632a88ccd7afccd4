/**
 * Deterministic demo data for a demo database (never production): the three partner universities and their
 * agreements, 260 Kita-ku manufacturing firms, one or more accounts per role (all with the password
 * "kita-demo-2026"), and the programme's story from project to certificate. Everything comes from a fixed-seed PRNG
 * and fixed timestamps, so two fresh databases get the same rows (only password salts, certificate ids and
 * signatures, and the real time of audit entries and queued mail differ).
 *
 * One file per aggregate, inserted in this order (each needs the rows before it): universities.ts (universities and
 * comprehensive agreements), firms.ts (with firm-vocabulary.ts), users.ts, universities.ts again (agreement details,
 * which need staff), projects.ts (projects, hosts, sign-ups), pairing.ts (the FY2025 published run), events.ts,
 * interviews.ts, certificates.ts.
 */
import type { Kysely } from "kysely";
import { hashPassword } from "../../app/utils/password.server";
import type { Database } from "../schema";
import { seedCertificates } from "./certificates";
import { seedEvents } from "./events";
import { generateFirms, seedFirms } from "./firms";
import { seedInterviews } from "./interviews";
import { seedFy2025Pairing } from "./pairing";
import { seedProjects } from "./projects";
import { mulberry32, PRNG_SEED } from "./random";
import { seedAgreementDetails, seedUniversities } from "./universities";
import { seedUsers } from "./users";

export const DEMO_PASSWORD = "kita-demo-2026";

/** True when the database holds no users and no universities (a fresh demo database). */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const user = await db.selectFrom("user").select("id").limit(1).executeTakeFirst();
  if (user) return false;
  const university = await db.selectFrom("university").select("id").limit(1).executeTakeFirst();
  return !university;
}

/** Inserts the demo data in one transaction. Call only on an empty database (see isDatabaseEmpty). */
export async function seedDemoData(db: Kysely<Database>): Promise<void> {
  const rand = mulberry32(PRNG_SEED);
  const firms = generateFirms(rand);
  // Hashing is deliberately slow: once, outside the transaction, shared by every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (trx) => {
    const universityId = await seedUniversities(trx);
    const firmId = await seedFirms(trx, firms);
    await seedUsers(trx, passwordHash, universityId, firmId);

    // Agreement details need the staff accounts above (the owner and the first version's author).
    await seedAgreementDetails(trx, universityId);

    // Projects need the accounts, firms and agreements above.
    await seedProjects(
      trx,
      firms.slice(0, 6).map((f) => f.corporate_number),
    );

    // The FY2025 teams need the project's published pairing run (built here if no earlier block seeded one).
    const fy2025 = await seedFy2025Pairing(trx);

    // Events need the teams above; interviews and certificates need the FY2025 event's attendance.
    await seedEvents(trx, fy2025);
    await seedInterviews(trx);
    await seedCertificates(trx);
  });
}
