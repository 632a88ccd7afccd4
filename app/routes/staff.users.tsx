/**
 * Staff: every account (filtered by role, university, firm and status, a page at a time), disabling and enabling
 * accounts, the open invitations (sent again or withdrawn), and the invitation form for staff, professors and firm
 * users. Every change is audited by its model.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountFilters, AccountTable, InvitationTable } from "~/components/accounts";
import { FormErrors, SelectField, TextField } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { listFirmOptions } from "~/models/firm.server";
import {
  createInvitation,
  INVITATION_DAYS,
  invitationMail,
  listOpenInvitations,
  resendInvitation,
  withdrawInvitation,
} from "~/models/invitation.server";
import { listUniversities } from "~/models/university.server";
import { emailExists, listAccounts, setAccountDisabled } from "~/models/user.server";
import { failureReply } from "~/route-helpers/respond.server";
import { parseAccountFilter, RowIdSchema } from "~/schemas/accounts";
import { InviteSchema } from "~/schemas/auth";
import { msg } from "~/schemas/messages";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const filter = parseAccountFilter(new URL(request.url));
  const [accounts, invitations, universities, firms] = await Promise.all([
    listAccounts({
      role: filter.role as Parameters<typeof listAccounts>[0]["role"],
      universityId: filter.university,
      firmId: filter.firm,
      status: filter.status,
      page: filter.page,
    }),
    listOpenInvitations(),
    listUniversities(),
    listFirmOptions(),
  ]);
  return {
    filter,
    accounts,
    invitations,
    universities,
    firms,
    me: staff.id,
    now: new Date().toISOString(),
    // From the loader: a .server module's constant is undefined in the browser (the page would not hydrate cleanly).
    invitationDays: INVITATION_DAYS,
  };
}

const ROW_INTENTS = ["disable", "enable", "resend", "withdraw"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const form = await readForm(request);
  const intent = form.value("intent");
  // Where a row button sends back to: the list as it was filtered (the form carries its own query string).
  const back = `/staff/users${new URL(request.url).search}`;
  if (ROW_INTENTS.includes(intent as (typeof ROW_INTENTS)[number])) {
    const row = form.parse(RowIdSchema);
    // Only a tampered form can fail: the buttons carry the row's id.
    invariantResponse(row.status === "success", "Bad Request", { status: 400 });
    const id = row.value.id;
    if (intent === "disable" || intent === "enable") {
      const changed = await setAccountDisabled(id, intent === "disable", staff.id);
      if (!changed.ok) return redirectWithToast(back, { kind: "error", key: changed.reason });
      return redirectWithToast(back, { kind: "success", key: `accounts.users.${intent}d` });
    }
    if (intent === "resend") {
      const resent = await resendInvitation(id, staff.id);
      if (!resent.ok) return redirectWithToast(back, { kind: "error", key: resent.reason });
      return redirectWithToast(back, {
        kind: "success",
        key: "accounts.invitations.resent",
        values: { email: resent.email },
      });
    }
    const withdrawn = await withdrawInvitation(id, staff.id);
    if (!withdrawn.ok) return redirectWithToast(back, { kind: "error", key: withdrawn.reason });
    return redirectWithToast(back, { kind: "success", key: "accounts.invitations.withdrawn" });
  }

  const submission = form.parse(InviteSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  if (await emailExists(v.email)) {
    return data({ result: submission.reply({ fieldErrors: { email: [msg("auth.emailTaken")] } }) }, { status: 400 });
  }
  const created = await createInvitation(
    {
      email: v.email,
      name: v.name,
      role: v.role,
      universityId: v.universityId ?? null,
      firmId: v.firmId ?? null,
      invitedBy: staff.id,
    },
    await invitationMail({ name: v.name, role: v.role }),
  );
  if (!created.ok) return failureReply(submission, created);
  return redirectWithToast("/staff/users", { kind: "success", key: "staff.invited", values: { email: v.email } });
}

export default function StaffUsers() {
  const { t, i18n } = useTranslation();
  const { filter, accounts, invitations, universities, firms, me, now, invitationDays } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result,
    constraint: zodConstraint(InviteSchema),
  });
  return (
    <>
      <h1>{t("staff.usersTitle")}</h1>
      <section aria-labelledby="invite-title" className="panel">
        <h2 id="invite-title">{t("staff.inviteTitle")}</h2>
        <p>{t("staff.inviteLead", { days: invitationDays })}</p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField meta={fields.name} label={t("staff.colName")} />
          <TextField meta={fields.email} label={t("staff.colEmail")} type="email" />
          <SelectField
            meta={fields.role}
            label={t("staff.inviteRole")}
            placeholder={t("auth.chooseUniversity")}
            options={(["staff", "professor", "firm"] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <SelectField
            meta={fields.universityId}
            label={t("staff.inviteUniversity")}
            placeholder="—"
            options={universities.map((u) => ({ value: String(u.id), label: localized(u, "name", i18n.language) }))}
          />
          <SelectField
            meta={fields.firmId}
            label={t("staff.inviteFirm")}
            placeholder="—"
            options={firms.map((f) => ({ value: String(f.id), label: `${f.name} (${f.corporate_number})` }))}
          />
          <button type="submit" className="button">
            {t("staff.submitInvite")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="inv-title">
        <h2 id="inv-title">{t("staff.pendingInvitations")}</h2>
        <InvitationTable invitations={invitations} now={now} />
      </section>
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t("staff.usersList")}</h2>
        <p>{t("accounts.users.disableLead")}</p>
        <AccountFilters filter={filter} universities={universities} firms={firms} />
        <p role="status">{t("accounts.users.count", { total: accounts.total })}</p>
        <AccountTable rows={accounts.rows} me={me} />
        <Pagination page={filter.page} pageCount={accounts.pageCount} />
      </section>
    </>
  );
}
