/**
 * Host-firm pieces shared by the staff and professor host pages, the firm's invitation pages and the emailed-link
 * page: the status badge, the hosts table, the firm picker (a GET keyword search and the POST form), the project's
 * public description and the accept/decline form.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { HOST_CAPACITY_MAX, HostAnswerSchema, HostFirmSchema } from "~/schemas/hosts";
import { zodConstraint } from "~/utils/form-constraint";
import { formatDate, formatDateTime, formatFiscalYear } from "~/utils/format";
import { localized } from "~/utils/localized";
import type { HostStatus } from "../../db/schema";
import { FormErrors, SelectField, TextareaField, TextField } from "./forms";

export function HostStatusBadge({ status }: { status: HostStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--host-${status}`}>{t(`hosts.status.${status}`)}</span>;
}

export interface HostRow {
  id: number;
  firm_id: number;
  name: string;
  status: HostStatus;
  capacity: number | null;
  note: string | null;
  contact_email: string | null;
  invited_at: string | null;
  responded_at: string | null;
  responded_by: number | null;
  suggested_by_name: string | null;
}

/** The hosts of a project. `actions` adds a last column (staff). */
export function HostsTable({
  hosts,
  firmHref,
  actions,
}: {
  hosts: HostRow[];
  firmHref: (firmId: number) => string;
  actions?: (host: HostRow) => React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  if (!hosts.length) return <p>{t("hosts.table.empty")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("hosts.table.firm")}</th>
            <th scope="col">{t("hosts.table.status")}</th>
            <th scope="col">{t("hosts.table.capacity")}</th>
            <th scope="col">{t("hosts.table.note")}</th>
            <th scope="col">{t("hosts.table.history")}</th>
            {actions ? <th scope="col">{t("hosts.table.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {hosts.map((h) => (
            <tr key={h.id}>
              <th scope="row">
                <Link to={firmHref(h.firm_id)}>{h.name}</Link>
              </th>
              <td>
                <HostStatusBadge status={h.status} />
              </td>
              <td>{h.status === "accepted" && h.capacity ? t("hosts.table.students", { count: h.capacity }) : "—"}</td>
              <td className="pre-line">{h.note ?? "—"}</td>
              <td>
                <ul className="plain-list">
                  {h.suggested_by_name ? <li>{t("hosts.table.suggestedBy", { name: h.suggested_by_name })}</li> : null}
                  {h.invited_at ? (
                    <li>{t("hosts.table.invitedAt", { date: formatDateTime(h.invited_at, lng) })}</li>
                  ) : null}
                  {h.contact_email ? <li>{t("hosts.table.contact", { email: h.contact_email })}</li> : null}
                  {h.responded_at ? (
                    <li>
                      {t(h.responded_by ? "hosts.table.answeredInApp" : "hosts.table.answeredByLink", {
                        date: formatDateTime(h.responded_at, lng),
                      })}
                    </li>
                  ) : null}
                </ul>
              </td>
              {actions ? <td>{actions(h)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The keyword search that narrows the firm select (a GET form: it works without JavaScript). */
export function FirmChoiceSearch({ q }: { q: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" role="search" aria-label={t("hosts.pick.searchLabel")} className="search-form">
      <div className="field">
        <label htmlFor="host-firm-q">{t("hosts.pick.keyword")}</label>
        <p id="host-firm-q-hint" className="field-hint">
          {t("hosts.pick.keywordHint")}
        </p>
        <input
          id="host-firm-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={100}
          aria-describedby="host-firm-q-hint"
        />
      </div>
      <button type="submit" className="button button--secondary">
        {t("hosts.pick.search")}
      </button>
    </Form>
  );
}

export interface FirmChoice {
  id: number;
  name: string;
  corporate_number: string;
  accounts: number;
}

/** Choose a firm and (optionally) a contact email: staff invite, professors suggest. */
export function HostFirmForm({
  id,
  firms,
  more,
  lastResult,
  defaultValue,
  contactHint,
  submitLabel,
}: {
  id: string;
  firms: FirmChoice[];
  more: boolean;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: { firmId?: string; contactEmail?: string };
  contactHint: string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({ id, lastResult, defaultValue, constraint: zodConstraint(HostFirmSchema) });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={id} />
      <SelectField
        meta={fields.firmId}
        label={t("hosts.pick.firm")}
        hint={more ? t("hosts.pick.more", { count: firms.length }) : t("hosts.pick.count", { count: firms.length })}
        placeholder={t("hosts.pick.choose")}
        options={firms.map((f) => ({
          value: String(f.id),
          label: `${f.name}（${f.corporate_number}）${f.accounts ? ` — ${t("hosts.pick.hasAccount")}` : ""}`,
        }))}
      />
      <TextField
        meta={fields.contactEmail}
        label={t("hosts.pick.contactEmail")}
        hint={contactHint}
        type="email"
        autoComplete="off"
      />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

export interface ProjectInfo {
  title_ja: string;
  title_en: string | null;
  summary_ja: string;
  summary_en: string | null;
  seminar_name: string;
  theme: string;
  fiscal_year: number;
  team_size: number;
  interview_from: string;
  interview_until: string;
  presentation_on: string;
  university_ja: string;
  university_en: string;
  professor_name: string;
}

/** What a firm needs to decide: the project's public description (nothing about students). */
export function ProjectPublicInfo({ project }: { project: ProjectInfo }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <>
      <p className="pre-line">{localized(project, "summary", lng)}</p>
      <dl className="meta">
        <dt>{t("hosts.info.university")}</dt>
        <dd>
          {localized(project, "university", lng)} · {project.seminar_name}
        </dd>
        <dt>{t("hosts.info.professor")}</dt>
        <dd>{project.professor_name}</dd>
        <dt>{t("hosts.info.fiscalYear")}</dt>
        <dd>{formatFiscalYear(project.fiscal_year, lng)}</dd>
        <dt>{t("hosts.info.theme")}</dt>
        <dd>{project.theme}</dd>
        <dt>{t("hosts.info.teamSize")}</dt>
        <dd>{t("hosts.table.students", { count: project.team_size })}</dd>
        <dt>{t("hosts.info.interviews")}</dt>
        <dd>
          {formatDate(project.interview_from, lng)} – {formatDate(project.interview_until, lng)}
        </dd>
        <dt>{t("hosts.info.presentation")}</dt>
        <dd>{formatDate(project.presentation_on, lng)}</dd>
      </dl>
    </>
  );
}

/** Accept with a capacity (and a note), or decline (with an optional note). */
export function HostAnswerForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: "host-answer", lastResult, constraint: zodConstraint(HostAnswerSchema) });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField
        meta={fields.capacity}
        label={t("hosts.answer.capacity")}
        hint={t("hosts.answer.capacityHint", { max: HOST_CAPACITY_MAX })}
        type="number"
        inputMode="numeric"
      />
      <TextareaField meta={fields.note} label={t("hosts.answer.note")} hint={t("hosts.answer.noteHint")} />
      <div className="actions">
        <button type="submit" name="intent" value="accept" className="button">
          {t("hosts.answer.accept")}
        </button>
        <button type="submit" name="intent" value="decline" className="button button--secondary">
          {t("hosts.answer.decline")}
        </button>
      </div>
    </Form>
  );
}
