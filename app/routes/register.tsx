/**
 * GET/POST /register: students create their own account. Every valid registration answers "check your email", so
 * the page never tells whether an address has an account: a new address gets a confirmation link (the account is
 * created when it is used), a taken one a notice to its owner (app/models/registration.server.ts).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField } from "~/components/forms";
import { PrivacyLink } from "~/components/privacy-link";
import { requestRegistration } from "~/models/registration.server";
import { listUniversities } from "~/models/university.server";
import { RegisterSchema } from "~/schemas/auth";
import { msg } from "~/schemas/messages";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { getLocale } from "~/utils/i18n.server";
import { localized } from "~/utils/localized";
import { passwordProblem } from "~/utils/password-policy.server";
import { requireAnonymous } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  return { sent, universities: sent ? [] : await listUniversities() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  const universities = await listUniversities();
  const submission = form.parse(
    RegisterSchema.refine((v) => universities.some((u) => u.id === v.universityId), {
      path: ["universityId"],
      message: msg("validation.chooseOne"),
    }),
  );
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const v = submission.value;
  const problem = passwordProblem(v.password, v.email);
  if (problem) {
    return data(
      { result: submission.reply({ fieldErrors: { password: [problem] }, hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  await requestRegistration({ ...v, ip: context.clientIp ?? "unknown", lng: await getLocale(request) });
  return redirect("/register?sent=1", 303);
}

export default function Register() {
  const { t, i18n } = useTranslation();
  const { sent, universities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "register",
    lastResult: actionData?.result,
    constraint: zodConstraint(RegisterSchema),
  });
  if (sent) {
    return (
      <section className="narrow">
        <h1>{t("accounts.register.sentTitle")}</h1>
        <p role="status">{t("accounts.register.sentBody")}</p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("auth.registerTitle")}</h1>
      <p>{t("auth.registerLead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label={t("auth.name")} autoComplete="name" />
        <TextField meta={fields.nameKana} label={t("auth.nameKana")} />
        <TextField meta={fields.nameLatin} label={t("auth.nameLatin")} hint={t("auth.nameLatinHint")} lang="en" />
        <SelectField
          meta={fields.universityId}
          label={t("auth.university")}
          placeholder={t("auth.chooseUniversity")}
          options={universities.map((u) => ({
            value: String(u.id),
            label: localized(u, "name", i18n.language),
          }))}
        />
        <TextField meta={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <TextField
          meta={fields.password}
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <section className="notice" aria-labelledby="privacy-title">
          <h2 id="privacy-title">{t("auth.privacyTitle")}</h2>
          <p>{t("auth.privacyText")}</p>
          <PrivacyLink />
        </section>
        <button type="submit" className="button">
          {t("auth.submitRegister")}
        </button>
      </Form>
    </section>
  );
}
