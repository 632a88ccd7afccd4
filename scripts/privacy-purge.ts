/**
 * npm run privacy:purge — removes the personal data past its retention period now (motivations and rankings of
 * finished projects, old mail bodies) and prints what it removed. The server also runs this once a day.
 */
import { purgeExpiredPersonalData } from "../app/models/retention.server";
import { closeDb } from "../app/utils/db.server";

purgeExpiredPersonalData()
  .then(async (report) => {
    console.log(
      `removed ${report.motivations} motivation(s) and ${report.rankings} ranking(s) of ${report.projects} finished project(s), ${report.mailBodies} mail bod(ies)`,
    );
    await closeDb();
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
