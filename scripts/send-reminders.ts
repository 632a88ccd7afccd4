/** npm run interviews:remind — queues the day-before interview reminders that are due (the server also runs this every 5 minutes). */
import { sendDueReminders } from "../app/models/interview-reminder.server";
import { closeDb } from "../app/utils/db.server";

sendDueReminders()
  .then(async (count) => {
    console.log(`reminders queued for ${count} interview(s)`);
    await closeDb();
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
