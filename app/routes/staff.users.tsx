/** Staff: the account list, open invitations, and the invitation form for staff, professors and firm users. */
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField } from "~/components/forms";
import type { Lng } from "~/i18n";
import { listFirmOptions } from "~/models/firm.server";
import { createInvitation, INVITATION_DAYS, listOpenInvitations } from "~/models/invitation.server";
import { listUniversities } from "~/models/university.server";
import { emailExists, listUsers } from "~/models/user.server";
import { InviteSchema } from "~/schemas/auth";
import { msg } from "~/schemas/messages";
import { readForm } from "~/utils/form.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const [users, invitations, universities, firms] = await Promise.all([
    listUsers(),
    listOpenInvitations(),
    listUniversities(),
    listFirmOptions(),
  ]);
  return { users, invitations, universities, firms };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const submission = (await readForm(request)).parse(InviteSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  if (await emailExists(v.email)) {
    return data({ result: submission.reply({ fieldErrors: { email: [msg("auth.emailTaken")] } }) }, { status: 400 });
  }
  // The invitee's language is unknown: the email is written in both, Japanese first.
  const [ja, en] = await Promise.all([getT("ja"), getT("en")]);
  const created = await createInvitation(
    {
      email: v.email,
      name: v.name,
      role: v.role,
      universityId: v.universityId ?? null,
      firmId: v.firmId ?? null,
      invitedBy: staff.id,
    },
    ({ link, expiresAt }) => {
      const body = (t: typeof ja, lng: Lng) =>
        t("mail.invitationBody", {
          name: v.name,
          role: t(`roles.${v.role}`),
          link,
          expires: formatDateTime(expiresAt, lng),
        });
      return {
        subject: `${ja("mail.invitationSubject")} / ${en("mail.invitationSubject")}`,
        body: `${body(ja, "ja")}\n\n---\n\n${body(en, "en")}`,
      };
    },
  );
  if (!created.ok) {
    return data(
      { result: submission.reply({ fieldErrors: { [created.field]: [msg("validation.chooseOne")] } }) },
      { status: 400 },
    );
  }
  return redirectWithToast("/staff/users", { kind: "success", key: "staff.invited", values: { email: v.email } });
}

export default function StaffUsers() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { users, invitations, universities, firms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result,
    constraint: getZodConstraint(InviteSchema),
  });
  return (
    <>
      <h1>{t("staff.usersTitle")}</h1>
      <section aria-labelledby="invite-title" className="panel">
        <h2 id="invite-title">{t("staff.inviteTitle")}</h2>
        <p>{t("staff.inviteLead", { days: INVITATION_DAYS })}</p>
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
            options={universities.map((u) => ({ value: String(u.id), label: lng === "en" ? u.name_en : u.name_ja }))}
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
        {invitations.length === 0 ? (
          <p>{t("staff.noInvitations")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("staff.colName")}</th>
                  <th scope="col">{t("staff.colEmail")}</th>
                  <th scope="col">{t("staff.colRole")}</th>
                  <th scope="col">{t("staff.colExpires")}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <td>{i.name}</td>
                    <td>{i.email}</td>
                    <td>{t(`roles.${i.role}`)}</td>
                    <td>{formatDateTime(i.expires_at, lng)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t("staff.usersList")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("staff.colName")}</th>
                <th scope="col">{t("staff.colEmail")}</th>
                <th scope="col">{t("staff.colRole")}</th>
                <th scope="col">{t("staff.colAffiliation")}</th>
                <th scope="col">{t("staff.colCreated")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td>{u.firm_name ?? (lng === "en" ? u.university_en : u.university_ja) ?? ""}</td>
                  <td>{formatDate(u.created_at, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
