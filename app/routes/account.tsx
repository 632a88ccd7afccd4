/**
 * Account settings for every signed-in user: the language kept in the profile, the password (changed with the
 * current one; every other session ends), and the devices signed in, with "sign out all the others". Issue 14 adds
 * the person's own data: downloads (JSON, CSV), corrections of their name fields, and correction or deletion
 * requests to staff.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { OwnDataSection } from "~/components/own-data";
import { PrivacyLink } from "~/components/privacy-link";
import type { Lng } from "~/i18n";
import { correctOwnProfile, createPrivacyRequest, listOwnRequests } from "~/models/privacy-request.server";
import { changePassword, endOtherSessions, listSessions } from "~/models/user-session.server";
import { setUserLocale } from "~/models/user.server";
import { ChangePasswordSchema } from "~/schemas/accounts";
import { LocaleSchema } from "~/schemas/auth";
import { msg } from "~/schemas/messages";
import { PrivacyRequestSchema, ProfileSchema } from "~/schemas/privacy";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { localeCookie } from "~/utils/i18n.server";
import { invariantResponse } from "~/utils/invariant";
import { passwordProblem } from "~/utils/password-policy.server";
import { currentSessionId, requireUser } from "~/utils/session.server";
import { redirectWithToast, setToastCookie } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [sessions, requests] = await Promise.all([
    listSessions(user.id, await currentSessionId(request)),
    listOwnRequests(user.id),
  ]);
  return {
    user: {
      name: user.name,
      nameKana: user.name_kana,
      nameLatin: user.name_latin,
      email: user.email,
      role: user.role,
      locale: user.locale,
    },
    sessions,
    requests,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = form.value("intent");

  if (intent === "signOutOthers") {
    const count = await endOtherSessions(user.id, await currentSessionId(request));
    return redirectWithToast("/account#sessions", {
      kind: "success",
      key: "accounts.sessions.signedOutOthers",
      values: { count },
    });
  }

  if (intent === "profile") {
    const submission = form.parse(ProfileSchema);
    if (submission.status !== "success") return data({ profile: submission.reply() }, { status: 400 });
    const corrected = await correctOwnProfile(user.id, submission.value);
    invariantResponse(corrected.ok, "Not Found", { status: 404 });
    return redirectWithToast("/account#my-data", { kind: "success", key: "personalData.profile.saved" });
  }

  if (intent === "request") {
    const submission = form.parse(PrivacyRequestSchema);
    if (submission.status !== "success") return data({ request: submission.reply() }, { status: 400 });
    const filed = await createPrivacyRequest({ userId: user.id, ...submission.value });
    if (!filed.ok) {
      const fieldErrors = { [filed.field ?? "kind"]: [msg(filed.reason)] };
      return data({ request: submission.reply({ fieldErrors }) }, { status: 409 });
    }
    return redirectWithToast("/account#my-requests", { kind: "success", key: "personalData.requests.filed" });
  }

  if (intent === "password") {
    const submission = form.parse(ChangePasswordSchema);
    const hidden = { hideFields: ["current", "password"] };
    if (submission.status !== "success") return data({ result: submission.reply(hidden) }, { status: 400 });
    const problem = passwordProblem(submission.value.password, user.email);
    if (problem) {
      return data({ result: submission.reply({ ...hidden, fieldErrors: { password: [problem] } }) }, { status: 400 });
    }
    const changed = await changePassword({
      userId: user.id,
      current: submission.value.current,
      next: submission.value.password,
      keepSessionId: await currentSessionId(request),
      ip: context.clientIp ?? "unknown",
    });
    if (!changed.ok) {
      const fieldErrors = { [changed.field ?? "current"]: [msg(changed.reason, changed.values)] };
      return data(
        { result: submission.reply({ ...hidden, fieldErrors }) },
        { status: changed.reason === "auth.rateLimited" ? 429 : 400 },
      );
    }
    return redirectWithToast("/account", { kind: "success", key: "accounts.password.changed" });
  }

  const submission = form.parse(LocaleSchema);
  // Only a tampered form can fail (the choices are radio buttons): the translated 400 page says so.
  invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
  const locale = submission.value.locale === "auto" ? null : submission.value.locale;
  await setUserLocale(user.id, locale);
  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    locale ? await localeCookie.serialize(locale) : await localeCookie.serialize("", { maxAge: 0 }),
  );
  headers.append("Set-Cookie", await setToastCookie({ kind: "success", key: "account.saved" }));
  return redirect("/account", { headers });
}

export default function Account() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { user, sessions, requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: zodConstraint(ChangePasswordSchema),
  });
  return (
    <section className="narrow">
      <h1>{t("account.title")}</h1>
      <dl className="meta">
        <dt>{t("staff.colName")}</dt>
        <dd>{user.name}</dd>
        <dt>{t("staff.colEmail")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("staff.colRole")}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
      </dl>
      <p>
        <Link to="/account/calendar">{t("interviews.feed.accountLink")}</Link>
      </p>
      <PrivacyLink />
      <Form method="post">
        <fieldset>
          <legend>{t("account.locale")}</legend>
          {(["ja", "en", "auto"] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="locale" value={value} defaultChecked={(user.locale ?? "auto") === value} />{" "}
              {value === "auto" ? t("account.localeAuto") : t(`language.${value}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("account.save")}
        </button>
      </Form>

      <OwnDataSection
        user={user}
        requests={requests}
        profileResult={actionData && "profile" in actionData ? actionData.profile : undefined}
        requestResult={actionData && "request" in actionData ? actionData.request : undefined}
      />

      <section aria-labelledby="password-title" className="panel">
        <h2 id="password-title">{t("accounts.password.title")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="email" name="username" value={user.email} autoComplete="username" readOnly hidden />
          <TextField
            meta={fields.current}
            label={t("accounts.password.current")}
            type="password"
            autoComplete="current-password"
          />
          <TextField
            meta={fields.password}
            label={t("accounts.password.next")}
            hint={t("auth.passwordHint")}
            type="password"
            autoComplete="new-password"
          />
          <button type="submit" name="intent" value="password" className="button">
            {t("accounts.password.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="sessions-title" id="sessions" className="panel">
        <h2 id="sessions-title">{t("accounts.sessions.title")}</h2>
        <p>{t("accounts.sessions.lead")}</p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("accounts.sessions.device")}</th>
                <th scope="col">{t("accounts.sessions.address")}</th>
                <th scope="col">{t("accounts.sessions.started")}</th>
                <th scope="col">{t("accounts.sessions.lastSeen")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s, i) => (
                <tr key={i}>
                  <td>
                    {s.device ?? t("accounts.sessions.unknownDevice")}
                    {s.current ? <strong> ({t("accounts.sessions.current")})</strong> : null}
                  </td>
                  <td>{s.ip ?? ""}</td>
                  <td>{formatDateTime(s.createdAt, lng)}</td>
                  <td>{formatDateTime(s.lastSeenAt, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {sessions.some((s) => !s.current) ? (
          <Form method="post">
            <button type="submit" name="intent" value="signOutOthers" className="button button--danger">
              {t("accounts.sessions.signOutOthers")}
            </button>
          </Form>
        ) : (
          <p>{t("accounts.sessions.onlyThis")}</p>
        )}
      </section>
    </section>
  );
}
