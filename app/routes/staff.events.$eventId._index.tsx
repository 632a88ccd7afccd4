/**
 * Staff: an event and its programme editor. Add a slot for a team (one accepted host's paired students, or the
 * whole seminar), move slots up and down, change a slot's time and title (?edit=<id>), remove a slot. Every form
 * works without JavaScript; one action serves them all, told apart by `intent`.
 */
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventFacts, TeamSelect, type TeamChoice } from "~/components/events";
import { FormErrors, TextField } from "~/components/forms";
import type { Lng } from "~/i18n";
import {
  addPresentation,
  conflictsWith,
  getProgramme,
  listTeamChoices,
  movePresentation,
  removePresentation,
  updatePresentation,
  type SlotFailure,
} from "~/models/event.server";
import { loadEvent } from "~/route-helpers/event.server";
import { failureReply, throwFailure } from "~/route-helpers/respond.server";
import {
  AddSlotFieldsSchema,
  AddSlotSchema,
  EditSlotSchema,
  MoveSlotSchema,
  RemoveSlotSchema,
  slotStartIso,
  teamValue,
  tokyoTime,
} from "~/schemas/events";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { type NOT_FOUND } from "~/utils/result";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const event = await loadEvent(params.eventId);
  const [programme, projects] = await Promise.all([getProgramme(event.id), listTeamChoices()]);
  // Only teams not on the programme yet are offered (the model refuses them anyway).
  const choices: TeamChoice[] = projects
    .map(({ hosts, ...p }) => ({
      ...p,
      seminarValue: conflictsWith(programme, p.id, null) ? null : teamValue(p.id, null),
      hosts: hosts
        .filter((h) => !conflictsWith(programme, p.id, h.id))
        .map((h) => ({ ...h, value: teamValue(p.id, h.id) })),
    }))
    .filter((p) => p.seminarValue || p.hosts.length);
  const editId = Number(new URL(request.url).searchParams.get("edit"));
  const editing = programme.find((s) => s.id === editId);
  return {
    event,
    programme,
    choices,
    editing: editing && {
      presentationId: editing.id,
      position: editing.position,
      startTime: editing.starts_at ? tokyoTime(editing.starts_at) : undefined,
      titleJa: editing.title_ja,
      titleEn: editing.title_en ?? undefined,
      confirmed: editing.confirmed_at !== null,
    },
  };
}

/** Where the model's refusal is shown: next to the field it concerns. */
const FAILURE_FIELD: Record<Exclude<SlotFailure, typeof NOT_FOUND>, string> = {
  "events.errors.timeOutsideEvent": "startTime",
  "events.errors.projectNotPresenting": "team",
  "events.errors.hostNotAccepted": "team",
  "events.errors.duplicate": "team",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const event = await loadEvent(params.eventId);
  const here = `/staff/events/${event.id}`;
  const form = await readForm(request);
  const intent = form.value("intent");

  if (intent === "move") {
    const submission = form.parse(MoveSlotSchema);
    invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
    const { presentationId, direction } = submission.value;
    const r = await movePresentation(staff, event.id, presentationId, direction);
    if (!r.ok) throwFailure(r);
    return redirectWithToast(`${here}#slot-${presentationId}`, { kind: "success", key: "events.toast.moved" });
  }
  if (intent === "remove") {
    const submission = form.parse(RemoveSlotSchema);
    invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
    const r = await removePresentation(staff, event.id, submission.value.presentationId);
    if (!r.ok) throwFailure(r);
    return redirectWithToast(`${here}#programme-title`, { kind: "success", key: "events.toast.removed" });
  }
  if (intent === "update") {
    const submission = form.parse(EditSlotSchema);
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const v = submission.value;
    const r = await updatePresentation(staff, event.id, v.presentationId, {
      ...v,
      startsAt: slotStartIso(event.starts_at, v.startTime),
    });
    if (!r.ok) return failureReply(submission, r, { field: FAILURE_FIELD, with: { intent } });
    return redirectWithToast(`${here}#programme-title`, { kind: "success", key: "events.toast.slotUpdated" });
  }
  const submission = form.parse(AddSlotSchema);
  if (submission.status !== "success") return data({ intent: "add", result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const r = await addPresentation(staff, event.id, { ...v, startsAt: slotStartIso(event.starts_at, v.startTime) });
  if (!r.ok) return failureReply(submission, r, { field: FAILURE_FIELD, with: { intent: "add" as const } });
  return redirectWithToast(`${here}#programme-title`, { kind: "success", key: "events.toast.slotAdded" });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.event.title_ja }] : []);

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Slot = LoaderData["programme"][number];

type SlotFields = { startTime?: string; titleJa: string; titleEn?: string };

function SlotTitleFields({ fields }: { fields: { [K in keyof SlotFields]-?: FieldMetadata<SlotFields[K]> } }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        meta={fields.startTime}
        label={t("events.slot.startTime")}
        hint={t("events.slot.startTimeHint")}
        type="time"
      />
      <TextField meta={fields.titleJa} label={t("events.slot.titleJa")} lang="ja" />
      <TextField meta={fields.titleEn} label={t("events.slot.titleEn")} lang="en" />
    </>
  );
}

function AddSlotForm({ choices, lastResult }: { choices: TeamChoice[]; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<SlotFields & { team: string }>({
    id: "add-slot",
    lastResult,
    constraint: zodConstraint(AddSlotFieldsSchema),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TeamSelect meta={fields.team} choices={choices} />
      <SlotTitleFields fields={fields} />
      <button type="submit" name="intent" value="add" className="button">
        {t("events.slot.add")}
      </button>
    </Form>
  );
}

function EditSlotForm({
  editing,
  lastResult,
  cancelTo,
}: {
  editing: NonNullable<LoaderData["editing"]>;
  lastResult?: SubmissionResult<string[]>;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const { position, confirmed, ...defaultValue } = editing;
  const [form, fields] = useForm<SlotFields & { presentationId: number }>({
    id: "edit-slot",
    lastResult,
    defaultValue,
    constraint: zodConstraint(EditSlotSchema),
  });
  return (
    <section aria-labelledby="edit-slot-title" className="panel">
      <h2 id="edit-slot-title">{t("events.slot.editTitle", { position })}</h2>
      {confirmed ? <p className="notice">{t("events.slot.editWithdrawsConfirmation")}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="presentationId" value={editing.presentationId} />
        <SlotTitleFields fields={fields} />
        <div className="actions">
          <button type="submit" name="intent" value="update" className="button">
            {t("events.slot.save")}
          </button>
          <Link to={cancelTo} className="button button--secondary">
            {t("events.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}

function SlotRow({ slot, first, last }: { slot: Slot; first: boolean; last: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const name = `${slot.position}. ${slot.title_ja}`;
  return (
    <tr id={`slot-${slot.id}`}>
      <td>{slot.position}</td>
      <td>{slot.starts_at ? tokyoTime(slot.starts_at) : "—"}</td>
      <th scope="row">
        <span lang="ja">{slot.title_ja}</span>
        {slot.title_en ? (
          <span className="muted subline" lang="en">
            {slot.title_en}
          </span>
        ) : null}
        <span className="subline">
          {slot.confirmed_at ? (
            <span className="badge badge--ok">
              {t("events.slot.confirmed", {
                date: formatDateTime(slot.confirmed_at, lng),
                name: slot.confirmed_by_name ?? "",
              })}
            </span>
          ) : (
            <span className="badge badge--waiting">{t("events.slot.awaitingConfirmation")}</span>
          )}
        </span>
      </th>
      <td>
        {slot.firm_name ?? t("events.wholeSeminar")}
        <span className="muted subline">
          {localTitle({ title_ja: slot.project_title_ja, title_en: slot.project_title_en }, lng)}
        </span>
      </td>
      <td>
        {!slot.published ? (
          <span className="badge badge--waiting">{t("events.slot.notPublished")}</span>
        ) : slot.members.length === 0 ? (
          t("events.slot.noStudents")
        ) : (
          <ul className="plain-list">
            {slot.members.map((m) => (
              <li key={m.studentId}>{m.name}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <div className="row-actions">
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="presentationId" value={slot.id} />
            <button type="submit" name="direction" value="up" className="button button--quiet" disabled={first}>
              {t("events.slot.up")}
              <span className="visually-hidden">（{name}）</span>
            </button>{" "}
            <button type="submit" name="direction" value="down" className="button button--quiet" disabled={last}>
              {t("events.slot.down")}
              <span className="visually-hidden">（{name}）</span>
            </button>
          </Form>
          <Link to={`?edit=${slot.id}#edit-slot-title`}>
            {t("events.slot.edit")}
            <span className="visually-hidden">（{name}）</span>
          </Link>
          <Form method="post" className="inline-form">
            <input type="hidden" name="presentationId" value={slot.id} />
            <button type="submit" name="intent" value="remove" className="button button--quiet">
              {t("events.slot.remove")}
              <span className="visually-hidden">（{name}）</span>
            </button>
          </Form>
        </div>
      </td>
    </tr>
  );
}

export default function StaffEvent() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { event, programme, choices, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/staff/events/${event.id}`;
  return (
    <>
      <p>
        <Link to="/staff/events">{t("events.staff.backToList")}</Link>
      </p>
      <h1>{localTitle(event, lng)}</h1>
      <EventFacts event={event} lng={lng} />
      {event.description_ja ? (
        <p className="pre-line" lang="ja">
          {event.description_ja}
        </p>
      ) : null}
      {event.description_en ? (
        <p className="pre-line" lang="en">
          {event.description_en}
        </p>
      ) : null}
      <p className="actions">
        <Link to={`${here}/edit`} className="button button--secondary">
          {t("events.staff.editLink")}
        </Link>
        <Link to={`${here}/attendance`} className="button">
          {t("events.staff.doorLink")}
        </Link>
        <Link to={`${here}/certificates`} className="button button--secondary">
          {t("nav.certificates")}
        </Link>
        <Link to={`/events/${event.id}`}>{t("events.staff.publicLink")}</Link>
      </p>

      <section aria-labelledby="programme-title">
        <h2 id="programme-title" tabIndex={-1}>
          {t("events.programme")}
        </h2>
        {programme.length === 0 ? (
          <p>{t("events.staff.noProgramme")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("events.col.number")}</th>
                  <th scope="col">{t("events.col.time")}</th>
                  <th scope="col">{t("events.col.researchTitle")}</th>
                  <th scope="col">{t("events.col.team")}</th>
                  <th scope="col">{t("events.col.students")}</th>
                  <th scope="col">{t("events.col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {programme.map((s, i) => (
                  <SlotRow key={s.id} slot={s} first={i === 0} last={i === programme.length - 1} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {editing ? (
        <EditSlotForm
          key={editing.presentationId}
          editing={editing}
          lastResult={actionData?.intent === "update" ? actionData.result : undefined}
          cancelTo={`${here}#programme-title`}
        />
      ) : null}

      <section aria-labelledby="add-slot-title" className="panel">
        <h2 id="add-slot-title">{t("events.slot.addTitle")}</h2>
        {choices.length === 0 ? (
          <p>{t("events.slot.noChoices")}</p>
        ) : (
          <>
            <p>{t("events.slot.addLead")}</p>
            <AddSlotForm
              choices={choices}
              lastResult={actionData?.intent !== "update" ? actionData?.result : undefined}
            />
          </>
        )}
      </section>
    </>
  );
}
