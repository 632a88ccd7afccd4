/** Account settings for every signed-in user: the language preference kept in the profile. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrivacyLink } from "~/components/privacy-link";
import { setUserLocale } from "~/models/user.server";
import { LocaleSchema } from "~/schemas/auth";
import { readForm } from "~/utils/form.server";
import { localeCookie } from "~/utils/i18n.server";
import { requireUser } from "~/utils/session.server";
import { setToastCookie } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user: { name: user.name, email: user.email, role: user.role, locale: user.locale } };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = (await readForm(request)).parse(LocaleSchema);
  // Only a tampered form can fail (the choices are radio buttons): the translated 400 page says so.
  if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
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
  const { t } = useTranslation();
  const { user } = useLoaderData<typeof loader>();
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
    </section>
  );
}
