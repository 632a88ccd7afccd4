/** Staff: create a presentation event (title, time in Tokyo, venue and description, in Japanese and English). */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventForm } from "~/components/events";
import { createEvent } from "~/models/event.server";
import { EventSchema } from "~/schemas/events";
import { readForm } from "~/utils/form.server";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const submission = (await readForm(request)).parse(EventSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const id = await createEvent(staff, submission.value);
  return redirectWithToast(`/staff/events/${id}`, { kind: "success", key: "events.toast.created" });
}

export default function NewEvent() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("events.staff.newTitle")}</h1>
      <EventForm lastResult={actionData?.result} submitLabel={t("events.staff.create")} cancelTo="/staff/events" />
    </section>
  );
}
