/**
 * GET /calendar/:token.ics — a user's private interview feed for calendar apps to subscribe to. The token in the URL
 * is the only credential (no session); an unknown or reset token is a 404. Written in the user's language.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLng } from "~/i18n";
import { findCalendarUser, listCalendarEntries, toIcsEvent } from "~/models/calendar.server";
import { icsResponse } from "~/route-helpers/interview-page.server";
import { getT } from "~/utils/i18n.server";
import { buildCalendar } from "~/utils/ics";
import { invariantResponse } from "~/utils/invariant";

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const user = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findCalendarUser(token) : undefined;
  invariantResponse(user);
  const lng = isLng(user.locale) ? user.locale : "ja";
  const t = await getT(lng);
  const entries = await listCalendarEntries(user);
  const body = buildCalendar({
    name: t("interviews.ics.calendarName"),
    refreshMinutes: 60,
    events: entries.map((e) => toIcsEvent(e, lng, t)),
  });
  return icsResponse(body, null);
}
