/**
 * GET/POST /reset-password/:token: the emailed link sets a new password, once, within the hour. Setting it ends
 * every session of the account and signs this browser in afresh. The token is only ever compared by its hash.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { findPasswordReset, resetPassword } from "~/models/password-reset.server";
import { ResetPasswordSchema } from "~/schemas/accounts";
import { msg } from "~/schemas/messages";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { passwordProblem } from "~/utils/password-policy.server";
import { homePathFor, startSession } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await findPasswordReset(params.token ?? "");
  if (link.state !== "open") {
    return data({ state: link.state, email: null }, { status: link.state === "invalid" ? 404 : 410 });
  }
  return { state: link.state, email: link.email };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = (await readForm(request)).parse(ResetPasswordSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const link = await findPasswordReset(token);
  if (link.state !== "open") {
    const result = submission.reply({ formErrors: [msg(`accounts.reset.${link.state}`)], hideFields: ["password"] });
    return data({ result }, { status: link.state === "invalid" ? 404 : 410 });
  }
  const problem = passwordProblem(submission.value.password, link.email);
  if (problem) {
    return data(
      { result: submission.reply({ fieldErrors: { password: [problem] }, hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  const done = await resetPassword(token, submission.value.password);
  if (!done.ok) {
    return data(
      { result: submission.reply({ formErrors: [msg(done.reason)], hideFields: ["password"] }) },
      { status: 410 },
    );
  }
  const setCookie = await startSession(request, done.userId, context.clientIp ?? null);
  return redirectWithToast(
    homePathFor(done.role),
    { kind: "success", key: "accounts.reset.done" },
    { "Set-Cookie": setCookie },
  );
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    constraint: zodConstraint(ResetPasswordSchema),
  });
  if (!loaderData.email) {
    return (
      <section className="narrow">
        <h1>{t("accounts.reset.title")}</h1>
        <p role="alert">{t(`accounts.reset.${loaderData.state as "invalid" | "used" | "expired"}`)}</p>
        <p>
          <Link to="/forgot-password">{t("accounts.reset.again")}</Link> · <Link to="/login">{t("nav.login")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("accounts.reset.title")}</h1>
      <p>{t("accounts.reset.lead", { email: loaderData.email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="email" name="username" value={loaderData.email} autoComplete="username" readOnly hidden />
        <TextField
          meta={fields.password}
          label={t("accounts.password.next")}
          hint={t("auth.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="button">
          {t("accounts.reset.submit")}
        </button>
      </Form>
    </section>
  );
}
