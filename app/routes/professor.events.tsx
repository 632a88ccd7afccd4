/**
 * Professor: the presentation slots of their own projects' teams, on every event. They may reword a team's research
 * title and confirm it; the public programme shows a title only once it is confirmed.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { eventWhen } from "~/components/events";
import { FormErrors, TextField } from "~/components/forms";
import type { Lng } from "~/i18n";
import { confirmPresentationTitle, listProfessorPresentations } from "~/models/event.server";
import { throwFailure } from "~/route-helpers/respond.server";
import { ConfirmTitleSchema, tokyoTime } from "~/schemas/events";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { localTitle, localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const professor = await requireRole(request, "professor");
  return { slots: await listProfessorPresentations(professor.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const professor = await requireRole(request, "professor");
  const submission = (await readForm(request)).parse(ConfirmTitleSchema);
  if (submission.status !== "success") {
    const presentationId = Number(submission.payload.presentationId) || null;
    return data({ presentationId, result: submission.reply() }, { status: 400 });
  }
  const { presentationId, ...title } = submission.value;
  const r = await confirmPresentationTitle(professor, presentationId, title);
  if (!r.ok) throwFailure(r);
  return redirectWithToast(`/professor/events#slot-${presentationId}`, {
    kind: "success",
    key: "events.toast.confirmed",
  });
}

type Slot = ReturnType<typeof useLoaderData<typeof loader>>["slots"][number];

function ConfirmForm({ slot, lastResult }: { slot: Slot; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<{ presentationId: number; titleJa: string; titleEn?: string }>({
    id: `confirm-${slot.id}`,
    lastResult,
    defaultValue: { titleJa: slot.title_ja, titleEn: slot.title_en ?? undefined },
    constraint: zodConstraint(ConfirmTitleSchema),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="presentationId" value={slot.id} />
      <TextField meta={fields.titleJa} label={t("events.slot.titleJa")} lang="ja" />
      <TextField meta={fields.titleEn} label={t("events.slot.titleEn")} lang="en" />
      <button type="submit" className="button">
        {t(slot.confirmed_at ? "events.professor.confirmAgain" : "events.professor.confirm")}
      </button>
    </Form>
  );
}

export default function ProfessorEvents() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { slots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const events = [...new Map(slots.map((s) => [s.event_id, s])).values()];
  return (
    <>
      <h1>{t("events.professor.title")}</h1>
      <p>{t("events.professor.lead")}</p>
      {events.length === 0 ? <p>{t("events.professor.empty")}</p> : null}
      {events.map((e) => (
        <section key={e.event_id} aria-labelledby={`event-${e.event_id}`}>
          <h2 id={`event-${e.event_id}`}>
            {localTitle({ title_ja: e.event_title_ja, title_en: e.event_title_en }, lng)}
          </h2>
          <p className="muted">
            {eventWhen({ starts_at: e.event_starts_at, ends_at: e.event_ends_at }, lng)} · {localized(e, "venue", lng)}
          </p>
          {slots
            .filter((s) => s.event_id === e.event_id)
            .map((s) => (
              <article key={s.id} id={`slot-${s.id}`} className="panel" aria-labelledby={`slot-${s.id}-title`}>
                <h3 id={`slot-${s.id}-title`}>
                  {t("events.professor.slotHeading", {
                    position: s.position,
                    team: s.firm_name ?? t("events.wholeSeminar"),
                  })}
                </h3>
                <dl className="meta">
                  <dt>{t("events.professor.project")}</dt>
                  <dd>{localTitle({ title_ja: s.project_title_ja, title_en: s.project_title_en }, lng)}</dd>
                  <dt>{t("events.col.time")}</dt>
                  <dd>{s.starts_at ? tokyoTime(s.starts_at) : t("events.professor.noTime")}</dd>
                  <dt>{t("events.col.students")}</dt>
                  <dd>{s.members.length ? s.members.join("、") : t("events.slot.noStudents")}</dd>
                  <dt>{t("events.professor.status")}</dt>
                  <dd>
                    {s.confirmed_at ? (
                      <span className="badge badge--ok">
                        {t("events.professor.confirmedOn", { date: formatDateTime(s.confirmed_at, lng) })}
                      </span>
                    ) : (
                      <span className="badge badge--waiting">{t("events.slot.awaitingConfirmation")}</span>
                    )}
                  </dd>
                </dl>
                <ConfirmForm
                  slot={s}
                  lastResult={actionData?.presentationId === s.id ? actionData.result : undefined}
                />
              </article>
            ))}
        </section>
      ))}
    </>
  );
}
