/** POST /locale: the language switch. Sets the cookie, and the profile when signed in. */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setUserLocale } from "~/models/user.server";
import { LocaleSchema } from "~/schemas/auth";
import { readForm } from "~/utils/form.server";
import { localeCookie } from "~/utils/i18n.server";
import { invariantResponse } from "~/utils/invariant";
import { getSessionUser, isHttpsRequest, safeRedirectPath } from "~/utils/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = (await readForm(request)).parse(LocaleSchema);
  invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
  const { locale, redirectTo } = submission.value;
  const user = await getSessionUser(request);
  if (user) await setUserLocale(user.id, locale === "auto" ? null : locale);
  const secure = isHttpsRequest(request);
  const setCookie =
    locale === "auto"
      ? await localeCookie.serialize("", { maxAge: 0, secure })
      : await localeCookie.serialize(locale, { secure });
  return redirect(safeRedirectPath(redirectTo, "/"), { headers: { "Set-Cookie": setCookie } });
}
