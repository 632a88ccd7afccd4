/** GET/POST /register: students create their own account. */
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField } from "~/components/forms";
import { PrivacyLink } from "~/components/privacy-link";
import { enqueueMail } from "~/models/outbox.server";
import { listUniversities } from "~/models/university.server";
import { createStudent } from "~/models/user.server";
import { RegisterSchema } from "~/schemas/auth";
import { msg } from "~/schemas/messages";
import { getDb } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { readForm } from "~/utils/form.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { requireAnonymous, startSession } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { universities: await listUniversities() };
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
  const locale = await getLocale(request);
  const userId = await createStudent({ ...v, locale: null });
  if (!userId) {
    return data(
      { result: submission.reply({ fieldErrors: { email: [msg("auth.emailTaken")] }, hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  const t = await getT(locale);
  await enqueueMail(getDb(), {
    to: v.email.toLowerCase(),
    kind: "welcome",
    subject: t("mail.welcomeSubject"),
    body: t("mail.welcomeBody", { name: v.name, link: `${config().publicUrl}/login` }),
  });
  const setCookie = await startSession(request, userId, context.clientIp ?? null);
  return redirectWithToast(
    "/student",
    { kind: "success", key: "auth.welcome", values: { name: v.name } },
    { "Set-Cookie": setCookie },
  );
}

export default function Register() {
  const { t, i18n } = useTranslation();
  const { universities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "register",
    lastResult: actionData?.result,
    constraint: getZodConstraint(RegisterSchema),
  });
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
            label: i18n.language === "en" ? u.name_en : u.name_ja,
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
