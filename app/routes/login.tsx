/** GET/POST /login: sign in with email and password (fields `email`, `password`). */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { claimSignInAttempt, markSignInSucceeded } from "~/models/login-attempt.server";
import { findUserForLogin, normalizeEmail } from "~/models/user.server";
import { LoginSchema } from "~/schemas/auth";
import { msg } from "~/schemas/messages";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { burnPasswordCheck, verifyPassword } from "~/utils/password.server";
import { homePathFor, requireAnonymous, safeRedirectPath, startSession } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = (await readForm(request)).parse(LoginSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const ip = context.clientIp ?? "unknown";
  const account = normalizeEmail(email);
  // Counted before the password is checked, so parallel guesses cannot all get a check (see the model).
  const claim = await claimSignInAttempt(account, ip);
  if (!claim.ok) {
    return data(
      {
        result: submission.reply({
          formErrors: [msg("auth.rateLimited", { minutes: Math.ceil(claim.retryAfterSeconds / 60) })],
          hideFields: ["password"],
        }),
      },
      { status: 429, headers: { "Retry-After": String(claim.retryAfterSeconds) } },
    );
  }
  const user = await findUserForLogin(account);
  let ok = false;
  if (user && !user.disabled_at) ok = await verifyPassword(password, user.password_hash);
  else await burnPasswordCheck(password);
  if (ok) await markSignInSucceeded(claim.attemptId);
  if (!ok || !user) {
    return data(
      { result: submission.reply({ formErrors: [msg("auth.invalidCredentials")], hideFields: ["password"] }) },
      { status: 401 },
    );
  }
  const setCookie = await startSession(request, user.id, ip);
  return redirectWithToast(
    safeRedirectPath(redirectTo, homePathFor(user.role)),
    { kind: "success", key: "auth.welcome", values: { name: user.name } },
    { "Set-Cookie": setCookie },
  );
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: zodConstraint(LoginSchema),
  });
  return (
    <section className="narrow">
      <h1>{t("auth.loginTitle")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField meta={fields.email} label={t("auth.email")} type="email" autoComplete="username" />
        <TextField meta={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.submitLogin")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("accounts.forgot.link")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to="/register">{t("auth.registerLink")}</Link>
      </p>
    </section>
  );
}
