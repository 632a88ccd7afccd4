/**
 * Event pieces shared by the staff, professor and public pages: titles and venues in the reader's language, the
 * event's date and time in Tokyo, the event form, the team picker of the programme form, and the toggle buttons of
 * the door list (a plain form without JavaScript; a fetcher with it, so the page does not reload and focus stays).
 */
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { EventFieldsSchema, tokyoTime, type EventFormValues } from "~/schemas/events";
import { zodConstraint } from "~/utils/form-constraint";
import { formatDateTime, tokyoDate } from "~/utils/format";
import { localTitle, localized } from "~/utils/localized";
import { ErrorList, FormErrors, selectControl, TextareaField, TextField } from "./forms";

/** "2026年2月20日 14:00–17:00", or both ends in full when the event runs over several days. */
export function eventWhen(e: { starts_at: string; ends_at: string }, lng: Lng) {
  const sameDay = tokyoDate(new Date(e.starts_at)) === tokyoDate(new Date(e.ends_at));
  return `${formatDateTime(e.starts_at, lng)}–${sameDay ? tokyoTime(e.ends_at) : formatDateTime(e.ends_at, lng)}`;
}

/** The event's heading facts (when, where), as every event page shows them. */
export function EventFacts({
  event,
  lng,
}: {
  event: { starts_at: string; ends_at: string; venue_ja: string; venue_en: string };
  lng: Lng;
}) {
  const { t } = useTranslation();
  return (
    <dl className="meta">
      <dt>{t("events.col.when")}</dt>
      <dd>{eventWhen(event, lng)}</dd>
      <dt>{t("events.col.venue")}</dt>
      <dd>{localized(event, "venue", lng)}</dd>
    </dl>
  );
}

interface EventFormProps {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<EventFormValues>;
  submitLabel: string;
  cancelTo: string;
}

export function EventForm({ lastResult, defaultValue, submitLabel, cancelTo }: EventFormProps) {
  const { t } = useTranslation();
  const [form, fields] = useForm<EventFormValues>({
    id: "event",
    lastResult,
    defaultValue,
    constraint: zodConstraint(EventFieldsSchema),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField meta={fields.titleJa} label={t("events.fields.titleJa")} lang="ja" />
      <TextField meta={fields.titleEn} label={t("events.fields.titleEn")} lang="en" />
      <TextField
        meta={fields.startsAt}
        label={t("events.fields.startsAt")}
        hint={t("events.hints.tokyoTime")}
        type="datetime-local"
      />
      <TextField
        meta={fields.endsAt}
        label={t("events.fields.endsAt")}
        hint={t("events.hints.tokyoTime")}
        type="datetime-local"
      />
      <TextField meta={fields.venueJa} label={t("events.fields.venueJa")} lang="ja" />
      <TextField meta={fields.venueEn} label={t("events.fields.venueEn")} lang="en" />
      <TextareaField meta={fields.descriptionJa} label={t("events.fields.descriptionJa")} lang="ja" />
      <TextareaField meta={fields.descriptionEn} label={t("events.fields.descriptionEn")} lang="en" />
      <div className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t("events.cancel")}
        </Link>
      </div>
    </Form>
  );
}

export interface TeamChoice {
  id: number;
  title_ja: string;
  title_en: string | null;
  seminar_name: string;
  university_ja: string;
  university_en: string;
  published: boolean;
  seminarSize: number;
  hosts: Array<{ id: number; name: string; size: number; value: string }>;
  seminarValue: string | null; // null: already on the programme
}

/** One select, grouped by project, so a team is chosen in one step without JavaScript. */
export function TeamSelect({ meta, choices }: { meta: FieldMetadata<string>; choices: TeamChoice[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const field = selectControl(meta);
  const hintId = `${field.id}-hint`;
  return (
    <div className="field">
      <label htmlFor={field.id}>{t("events.slot.team")}</label>
      <p id={hintId} className="field-hint">
        {t("events.slot.teamHint")}
      </p>
      <select {...field.props} aria-describedby={[hintId, field.errorId ?? ""].join(" ").trim()}>
        <option value="">{t("events.slot.chooseTeam")}</option>
        {choices.map((p) => (
          <optgroup
            key={p.id}
            label={`${localTitle(p, lng)}（${localized(p, "university", lng)} ${p.seminar_name}）${p.published ? "" : ` ${t("events.slot.notPublished")}`}`}
          >
            {p.seminarValue ? (
              <option value={p.seminarValue}>{t("events.slot.seminarOption", { n: p.seminarSize })}</option>
            ) : null}
            {p.hosts.map((h) => (
              <option key={h.id} value={h.value}>
                {t("events.slot.hostOption", { firm: h.name, n: h.size })}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** True once React runs in the browser: forms then say so, and the action answers the fetcher without a redirect. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

interface ToggleProps {
  /** The hidden fields that say what is marked (intent, ids, the search to come back to). */
  fields: Record<string, string>;
  /** The field that carries the new value, "yes" or "no". */
  name: string;
  on: boolean;
  label: string;
  /** Who or what the button is about, for screen readers (the button's label alone repeats on every row). */
  subject: string;
}

/**
 * A large toggle button (aria-pressed) that posts the new value explicitly, so a repeated post changes nothing.
 * With JavaScript it shows the new state at once and keeps focus; without, the form posts and the page comes back.
 */
export function MarkToggle({ fields, name, on, label, subject }: ToggleProps) {
  const fetcher = useFetcher();
  const hydrated = useHydrated();
  const pending = fetcher.formData?.get(name);
  const pressed = pending ? pending === "yes" : on;
  return (
    <fetcher.Form method="post" className="inline-form" preventScrollReset>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name={name} value={pressed ? "no" : "yes"} />
      {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
      <button type="submit" className="toggle" aria-pressed={pressed}>
        <span aria-hidden="true">{pressed ? "✓ " : ""}</span>
        {label}
        <span className="visually-hidden">（{subject}）</span>
      </button>
    </fetcher.Form>
  );
}
