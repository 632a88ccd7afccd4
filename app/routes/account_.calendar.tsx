/**
 * /account/calendar: the user's private calendar feed URL. Only the token's hash is stored, so the URL is shown
 * once, in the answer to the POST that creates it (a redirect would have to carry the secret in a cookie); a new
 * one replaces the old, which stops working at once. The feed can also be turned off.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { calendarFeedUrl, deleteCalendarToken, getCalendarToken, resetCalendarToken } from "~/models/calendar.server";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { requireUser } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const token = await getCalendarToken(user.id);
  return { createdAt: token?.created_at ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const intent = (await readForm(request)).value("intent");
  if (intent === "delete") {
    await deleteCalendarToken(user.id);
    return redirectWithToast("/account/calendar", { kind: "success", key: "interviews.feed.deleted" });
  }
  invariantResponse(intent === "reset", "Bad Request", { status: 400 });
  const token = await resetCalendarToken(user.id);
  return data({ feedUrl: calendarFeedUrl(token) }, { headers: { "Cache-Control": "no-store" } });
}

export default function AccountCalendar() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { createdAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const feedUrl = actionData && "feedUrl" in actionData ? actionData.feedUrl : null;
  return (
    <section className="narrow">
      <p>
        <Link to="/account">{t("interviews.feed.backToAccount")}</Link>
      </p>
      <h1>{t("interviews.feed.title")}</h1>
      <p>{t("interviews.feed.lead")}</p>
      {feedUrl ? (
        <div className="panel" role="status">
          <h2>{t("interviews.feed.newTitle")}</h2>
          <p>{t("interviews.feed.newLead")}</p>
          <label htmlFor="feed-url">{t("interviews.feed.url")}</label>
          <input id="feed-url" type="text" readOnly value={feedUrl} size={60} />
        </div>
      ) : createdAt ? (
        <p>{t("interviews.feed.existing", { date: formatDateTime(createdAt, lng) })}</p>
      ) : (
        <p>{t("interviews.feed.none")}</p>
      )}
      <Form method="post" className="inline-form">
        <button type="submit" name="intent" value="reset" className="button">
          {t(createdAt || feedUrl ? "interviews.feed.reset" : "interviews.feed.create")}
        </button>
      </Form>{" "}
      {createdAt || feedUrl ? (
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="delete" className="button button--quiet">
            {t("interviews.feed.delete")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
