/** npm run outbox:deliver — one delivery pass over the outbox (the server also runs one every 5 seconds). */
import { deliverDueMail } from "../app/models/outbox.server";
import { closeDb } from "../app/utils/db.server";

deliverDueMail()
  .then(async (report) => {
    console.log(
      `sent ${report.sent}, failed ${report.failed} (will retry), kept in the development mailbox ${report.kept}`,
    );
    await closeDb();
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
