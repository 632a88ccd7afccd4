/**
 * GET/POST /register/confirm/:token: the emailed link of a student registration. The page asks for one click (a
 * POST), so that a mail scanner opening the link creates nothing; the click creates the account and signs in.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmRegistration, findRegistration } from "~/models/registration.server";
import { readForm } from "~/utils/form.server";
import { startSession } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findRegistration(params.token ?? "");
  if (found.state !== "open") {
    return data({ state: found.state, name: null }, { status: found.state === "invalid" ? 404 : 410 });
  }
  return { state: found.state, name: found.name };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // The form has only its button; it is read within the limits so that no body is left unbounded.
  await readForm(request);
  const confirmed = await confirmRegistration(params.token ?? "");
  if (!confirmed.ok) return data({ error: confirmed.reason }, { status: 410 });
  const setCookie = await startSession(request, confirmed.userId, context.clientIp ?? null);
  return redirectWithToast(
    "/student",
    { kind: "success", key: "auth.welcome", values: { name: confirmed.name } },
    { "Set-Cookie": setCookie },
  );
}

export default function ConfirmRegistration() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const problem = actionData?.error ?? (loaderData.name ? null : `accounts.register.${loaderData.state}`);
  return (
    <section className="narrow">
      <h1>{t("accounts.register.confirmTitle")}</h1>
      {problem ? (
        <>
          <p role="alert">{t(problem)}</p>
          <p>
            <Link to="/login">{t("nav.login")}</Link> · <Link to="/register">{t("nav.register")}</Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <p>{t("accounts.register.confirmLead", { name: loaderData.name })}</p>
          <button type="submit" className="button">
            {t("accounts.register.confirmSubmit")}
          </button>
        </Form>
      )}
    </section>
  );
}
