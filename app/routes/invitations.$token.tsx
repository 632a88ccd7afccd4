/** GET/POST /invitations/:token: an invited user chooses a password; the link works once and expires. */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { PrivacyLink } from "~/components/privacy-link";
import { acceptInvitation, findInvitation } from "~/models/invitation.server";
import { failureReply } from "~/route-helpers/respond.server";
import { SetPasswordSchema } from "~/schemas/auth";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { passwordProblem } from "~/utils/password-policy.server";
import { homePathFor, startSession } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findInvitation(params.token ?? "");
  if (found.state !== "open")
    return data({ state: found.state, invitation: null }, { status: found.state === "invalid" ? 404 : 410 });
  return {
    state: found.state,
    invitation: { name: found.invitation.name, role: found.invitation.role, email: found.invitation.email },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = (await readForm(request)).parse(SetPasswordSchema);
  if (submission.status !== "success")
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const found = await findInvitation(params.token ?? "");
  const problem = found.state === "open" ? passwordProblem(submission.value.password, found.invitation.email) : null;
  if (problem) {
    return data(
      { result: submission.reply({ fieldErrors: { password: [problem] }, hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  const accepted = await acceptInvitation(params.token ?? "", submission.value.password);
  if (!accepted.ok) return failureReply(submission, accepted, { status: 410, hideFields: ["password"] });
  const setCookie = await startSession(request, accepted.userId, context.clientIp ?? null);
  return redirectWithToast(
    homePathFor(accepted.role),
    { kind: "success", key: "account.saved" },
    { "Set-Cookie": setCookie },
  );
}

export default function AcceptInvitation() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invitation",
    lastResult: actionData?.result,
    constraint: zodConstraint(SetPasswordSchema),
  });
  if (!loaderData.invitation) {
    const key = {
      invalid: "auth.invitationInvalid",
      used: "auth.invitationUsed",
      expired: "auth.invitationExpired",
      withdrawn: "auth.invitationWithdrawn",
    }[loaderData.state as "invalid" | "used" | "expired" | "withdrawn"];
    return (
      <section className="narrow">
        <h1>{t("auth.invitationTitle")}</h1>
        <p role="alert">{t(key)}</p>
        <p>
          <Link to="/login">{t("nav.login")}</Link>
        </p>
      </section>
    );
  }
  const { invitation } = loaderData;
  return (
    <section className="narrow">
      <h1>{t("auth.invitationTitle")}</h1>
      <p>{t("auth.invitationLead", { name: invitation.name, role: t(`roles.${invitation.role}`) })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="email" name="username" value={invitation.email} autoComplete="username" readOnly hidden />
        <TextField
          meta={fields.password}
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <PrivacyLink />
        <button type="submit" className="button">
          {t("auth.submitInvitation")}
        </button>
      </Form>
    </section>
  );
}
