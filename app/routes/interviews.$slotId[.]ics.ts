/**
 * GET /interviews/:slotId.ics — one interview as an iCalendar file, for those who may see the slot: the team, the
 * host firm's users, the project's professor and staff (403 for anyone else, 404 for an unknown slot).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCalendarEntry, toIcsEvent } from "~/models/calendar.server";
import { loadSlotFor } from "~/models/interview.server";
import { icsResponse } from "~/route-helpers/interview-page.server";
import { throwFailure } from "~/route-helpers/respond.server";
import { parseId } from "~/schemas/params";
import { getLocale, getT } from "~/utils/i18n.server";
import { buildCalendar } from "~/utils/ics";
import { requireUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const loaded = await loadSlotFor(user, parseId(params.slotId));
  if (!loaded.ok) throwFailure(loaded);
  const entry = (await getCalendarEntry(loaded.slot.id))!;
  const lng = await getLocale(request, user);
  const body = buildCalendar({ events: [toIcsEvent(entry, lng, await getT(lng))] });
  return icsResponse(body, `interview-${entry.id}.ics`);
}
