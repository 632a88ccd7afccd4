/** The staff event pages' shared guard: the event named in the URL, or a 404. */
import { getEvent } from "~/models/event.server";
import { parseId } from "~/schemas/params";
import { invariantResponse } from "~/utils/invariant";

export async function loadEvent(eventId: string | undefined) {
  const event = await getEvent(parseId(eventId));
  invariantResponse(event);
  return event;
}
