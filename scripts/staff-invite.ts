/**
 * npm run --silent staff:invite -- EMAIL [NAME]: invites a staff member, also on an empty production database (the
 * first start). The invitation is mailed as any other (through MAIL_API_URL, at once) and its URL printed on stdout,
 * alone, so that an operator without working mail can still get in. Everything else goes to stderr.
 *
 * An address that already has an account changes nothing (exit 3); one with an open invitation gets it again with a
 * new link (the old one stops working). Exit codes: 0 invited, 1 failed, 2 usage, 3 the account exists.
 */
import {
  findOpenInvitationFor,
  createInvitation,
  invitationMail,
  resendInvitation,
} from "../app/models/invitation.server";
import { deliverDueMail } from "../app/models/outbox.server";
import { emailExists, normalizeEmail } from "../app/models/user.server";
import { EmailSchema } from "../app/schemas/messages";
import { closeDb, getDb, migrateToLatest } from "../app/utils/db.server";
import { config } from "../app/utils/env.server";

const USAGE = "usage: npm run --silent staff:invite -- EMAIL [NAME]";

async function main(args: string[]): Promise<number> {
  const [rawEmail, ...nameParts] = args;
  const parsed = EmailSchema.safeParse(rawEmail ?? "");
  if (!parsed.success) {
    console.error(rawEmail ? `Not an email address: ${rawEmail}\n${USAGE}` : USAGE);
    return 2;
  }
  const email = normalizeEmail(parsed.data);
  const name = nameParts.join(" ").trim() || email.split("@")[0];
  if (name.length > 60) {
    console.error("NAME is at most 60 characters.");
    return 2;
  }
  const { publicUrl, mailMode } = config();
  await migrateToLatest(getDb());
  if (await emailExists(email)) {
    console.error(
      `An account for ${email} already exists: nothing was changed. (Forgotten password: ${publicUrl}/forgot-password)`,
    );
    return 3;
  }
  let token: string;
  const open = await findOpenInvitationFor(email);
  if (open) {
    const resent = await resendInvitation(open.id, null);
    if (!resent.ok) throw new Error(`the open invitation for ${email} could not be sent again`);
    token = resent.token;
    console.error(`${email} had an open invitation: sent again with a new link (the old link no longer works).`);
  } else {
    const created = await createInvitation(
      { email, name, role: "staff", universityId: null, firmId: null, invitedBy: null },
      await invitationMail({ name, role: "staff" }),
    );
    if (!created.ok) throw new Error("the invitation was refused");
    token = created.token;
  }
  const report = await deliverDueMail();
  if (mailMode === "keep") console.error("MAIL_MODE=keep: the mail is kept in the staff mailbox, not sent.");
  else if (report.failed > 0) console.error("The mail API refused the mail for now: the server retries it.");
  else console.error(`Invitation mailed to ${email} (valid 7 days, single use).`);
  process.stdout.write(`${publicUrl}/invitations/${token}\n`);
  return 0;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await closeDb();
    process.exitCode = code;
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb().catch(() => {});
    process.exitCode = 1;
  });
