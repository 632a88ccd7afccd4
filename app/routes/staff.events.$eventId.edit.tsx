/** Staff: edit an event's title, time, venue and description. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventForm } from "~/components/events";
import type { Lng } from "~/i18n";
import { getEvent, updateEvent } from "~/models/event.server";
import { throwFailure } from "~/route-helpers/respond.server";
import { eventFormValues, EventSchema } from "~/schemas/events";
import { parseId } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const event = await getEvent(parseId(params.eventId));
  invariantResponse(event);
  return {
    event: { id: event.id, title_ja: event.title_ja, title_en: event.title_en },
    values: eventFormValues(event),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const eventId = parseId(params.eventId);
  const submission = (await readForm(request)).parse(EventSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const r = await updateEvent(staff, eventId, submission.value);
  if (!r.ok) throwFailure(r);
  return redirectWithToast(`/staff/events/${eventId}`, { kind: "success", key: "events.toast.updated" });
}

export default function EditEvent() {
  const { t, i18n } = useTranslation();
  const { event, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("events.staff.editTitle", { title: localTitle(event, i18n.language as Lng) })}</h1>
      <EventForm
        lastResult={actionData?.result}
        defaultValue={values}
        submitLabel={t("events.staff.save")}
        cancelTo={`/staff/events/${event.id}`}
      />
    </section>
  );
}
