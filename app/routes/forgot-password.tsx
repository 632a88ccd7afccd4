/**
 * GET/POST /forgot-password: asks for a link to set a new password. The answer is the same whether or not an
 * account has the address (and whether or not a limit held the mail back), so the page reveals no account.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { requestPasswordReset } from "~/models/password-reset.server";
import { ForgotPasswordSchema } from "~/schemas/accounts";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { getLocale } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = (await readForm(request)).parse(ForgotPasswordSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await requestPasswordReset({
    email: submission.value.email,
    ip: context.clientIp ?? "unknown",
    lng: await getLocale(request),
  });
  return redirect("/forgot-password?sent=1", 303);
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    constraint: zodConstraint(ForgotPasswordSchema),
  });
  if (sent) {
    return (
      <section className="narrow">
        <h1>{t("accounts.forgot.sentTitle")}</h1>
        <p role="status">{t("accounts.forgot.sentBody")}</p>
        <p>{t("accounts.forgot.sentHint")}</p>
        <p>
          <Link to="/login">{t("nav.login")}</Link> · <Link to="/forgot-password">{t("accounts.forgot.again")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("accounts.forgot.title")}</h1>
      <p>{t("accounts.forgot.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <button type="submit" className="button">
          {t("accounts.forgot.submit")}
        </button>
      </Form>
    </section>
  );
}
