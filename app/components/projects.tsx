/**
 * Project components: the proposal form (new and edit), the state badge, and the project page shared by the
 * professor's and the staff's routes (facts, lifecycle buttons, join code, review history, sign-ups and how the
 * hosts were ranked). Presentational: the routes load the data.
 */
import { getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors, TextareaField, TextField } from "~/components/forms";
import type { Lng } from "~/i18n";
import { PAIRED_STATES, RULES, type ProjectAction } from "~/projects/lifecycle";
import type { ProjectActionData, ProjectPageData } from "~/route-helpers/project-page.server";
import {
  MAX_STUDENTS,
  MAX_TEAM,
  ProjectFieldsSchema,
  TransitionSchema,
  type ProjectFormValues,
} from "~/schemas/project";
import { zodConstraint } from "~/utils/form-constraint";
import { formatDate, formatDateTime, formatFiscalYear } from "~/utils/format";
import { INDUSTRY_KEYS, industryLabel } from "~/utils/kita";
import { localTitle, localized } from "~/utils/localized";
import type { ProjectState } from "../../db/schema";

export function StateBadge({ state }: { state: ProjectState }) {
  const { t } = useTranslation();
  return <span className={`badge badge--project-${state}`}>{t(`projects.states.${state}`)}</span>;
}

// ─── the proposal form ───────────────────────────────────────────────────────

export interface AgreementChoice {
  id: number;
  title_ja: string;
  title_en: string;
  eligible: boolean;
  reason: "otherUniversity" | "notInForce" | "wrongAreas" | null;
}

interface ProjectFormProps {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: Partial<ProjectFormValues>;
  agreements: AgreementChoice[];
  submitLabel: string;
  cancelTo: string;
}

export function ProjectForm({ lastResult, defaultValue, agreements, submitLabel, cancelTo }: ProjectFormProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const [form, fields] = useForm<ProjectFormValues>({
    id: "project",
    lastResult,
    defaultValue,
    constraint: zodConstraint(ProjectFieldsSchema),
  });
  const agreement = fields.agreementId;
  const agreementError = agreement.errors?.length ? agreement.errorId : undefined;
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField
        meta={fields.titleJa}
        label={t("projects.fields.titleJa")}
        hint={t("projects.hints.titleJa")}
        lang="ja"
      />
      <TextField meta={fields.titleEn} label={t("projects.fields.titleEn")} lang="en" />
      <TextareaField meta={fields.summaryJa} label={t("projects.fields.summaryJa")} rows={5} lang="ja" />
      <TextareaField meta={fields.summaryEn} label={t("projects.fields.summaryEn")} rows={4} lang="en" />
      <TextField meta={fields.seminarName} label={t("projects.fields.seminarName")} />

      <fieldset aria-describedby={agreementError}>
        <legend>{t("projects.fields.agreementId")}</legend>
        {agreements.some((a) => a.eligible) ? null : <p className="notice">{t("projects.agreement.none")}</p>}
        {agreements.map((a) => {
          const reasonId = a.reason ? `${agreement.id}-${a.id}-reason` : undefined;
          const { key, ...radio } = getInputProps(agreement, { type: "radio", value: String(a.id) });
          return (
            <label key={key ?? a.id} className="choice">
              <input
                {...radio}
                id={`${agreement.id}-${a.id}`}
                disabled={!a.eligible}
                aria-describedby={[reasonId, agreementError].filter(Boolean).join(" ") || undefined}
              />{" "}
              {localTitle(a, lng)}
              {a.reason ? (
                <span id={reasonId} className="muted">
                  {" "}
                  {t(`projects.agreement.reason.${a.reason}`)}
                </span>
              ) : null}
            </label>
          );
        })}
        <ErrorList id={agreement.errorId} errors={agreement.errors} />
      </fieldset>

      <TextField meta={fields.theme} label={t("projects.fields.theme")} />
      <fieldset aria-describedby={`${fields.firmIndustries.id}-hint`}>
        <legend>{t("projects.fields.firmIndustries")}</legend>
        <p id={`${fields.firmIndustries.id}-hint`} className="field-hint">
          {t("projects.hints.firmIndustries")}
        </p>
        {getCollectionProps(fields.firmIndustries, { type: "checkbox", options: [...INDUSTRY_KEYS] }).map(
          ({ key, ...props }) => (
            <label key={key} className="choice">
              <input {...props} /> {industryLabel(props.value, lng)}
            </label>
          ),
        )}
        <ErrorList id={fields.firmIndustries.errorId} errors={fields.firmIndustries.errors} />
      </fieldset>
      <div className="field">
        <label className="choice">
          <input {...getInputProps(fields.newProductFocus, { type: "checkbox" })} />{" "}
          {t("projects.fields.newProductFocus")}
        </label>
      </div>

      <TextField
        meta={fields.fiscalYear}
        label={t("projects.fields.fiscalYear")}
        type="number"
        inputMode="numeric"
        hint={t("projects.hints.fiscalYear")}
      />
      <TextField
        meta={fields.studentCapacity}
        label={t("projects.fields.studentCapacity")}
        type="number"
        inputMode="numeric"
        hint={t("projects.hints.studentCapacity", { max: MAX_STUDENTS })}
      />
      <TextField
        meta={fields.teamSize}
        label={t("projects.fields.teamSize")}
        type="number"
        inputMode="numeric"
        hint={t("projects.hints.teamSize", { max: MAX_TEAM })}
      />
      <TextField meta={fields.signupOpensAt} label={t("projects.fields.signupOpensAt")} type="datetime-local" />
      <TextField
        meta={fields.signupClosesAt}
        label={t("projects.fields.signupClosesAt")}
        type="datetime-local"
        hint={t("projects.hints.signupWindow")}
      />
      <TextField
        meta={fields.interviewFrom}
        label={t("projects.fields.interviewFrom")}
        type="date"
        hint={t("projects.hints.date")}
      />
      <TextField
        meta={fields.interviewUntil}
        label={t("projects.fields.interviewUntil")}
        type="date"
        hint={t("projects.hints.date")}
      />
      <TextField
        meta={fields.presentationOn}
        label={t("projects.fields.presentationOn")}
        type="date"
        hint={t("projects.hints.date")}
      />
      <p className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t("projects.professor.cancel")}
        </Link>
      </p>
    </Form>
  );
}

// ─── the project page ────────────────────────────────────────────────────────

/** Join codes are worth changing only while students may still sign up. */
const CODE_STATES: readonly ProjectState[] = ["draft", "submitted", "returned", "approved", "open"];

export function ProjectPage({ data, actionData }: { data: ProjectPageData; actionData: ProjectActionData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project: p, base } = data;
  const isStaff = base.startsWith("/staff");
  return (
    <article>
      <p>
        <Link to={base}>{t(isStaff ? "projects.detail.backStaff" : "projects.detail.backProfessor")}</Link>
      </p>
      <h1>{p.title_ja}</h1>
      {p.title_en ? (
        <p className="lead" lang="en">
          {p.title_en}
        </p>
      ) : null}
      <p>
        <StateBadge state={p.state} />
        {data.canEdit ? (
          <>
            {" "}
            <Link to={`${base}/${p.id}/edit`} className="button button--secondary">
              {t("projects.detail.edit")}
            </Link>
          </>
        ) : null}
      </p>

      <section aria-labelledby="actions-title" className="panel">
        <h2 id="actions-title">{t("projects.detail.actionsTitle")}</h2>
        {actionData?.error ? (
          <div className="form-errors" role="alert">
            <p>{t(actionData.error)}</p>
          </div>
        ) : null}
        {data.actions.length === 0 ? <p>{t("projects.detail.noActions")}</p> : null}
        {data.actions.map((action) => (
          <TransitionForm
            key={action}
            action={action}
            lastResult={actionData?.intent === action ? actionData.result : undefined}
          />
        ))}
      </section>

      <ProjectFacts project={p} />

      {CODE_STATES.includes(p.state) ? (
        <section aria-labelledby="code-title">
          <h2 id="code-title">{t("projects.detail.joinCodeTitle")}</h2>
          <p>{t("projects.detail.joinCodeLead")}</p>
          <p className="join-code">
            <strong>{p.join_code}</strong>
          </p>
          <Form method="post" className="inline-form">
            <button
              type="submit"
              name="intent"
              value="regenerateCode"
              className="button button--secondary"
              aria-describedby="regenerate-hint"
            >
              {t("projects.detail.regenerate")}
            </button>{" "}
            <span id="regenerate-hint" className="field-hint">
              {t("projects.detail.regenerateHint")}
            </span>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="hosts-title">
        <h2 id="hosts-title">{t("projects.detail.hostsTitle")}</h2>
        <p>
          <Link to={`${base}/${p.id}/hosts`}>{t("projects.detail.hostsLink")}</Link>
        </p>
        {isStaff || PAIRED_STATES.includes(p.state) ? (
          <ul>
            <li>
              <Link to={`${base}/${p.id}/pairing`}>{t("pairing.links.runs")}</Link>
            </li>
            {!isStaff || PAIRED_STATES.includes(p.state) ? (
              <li>
                <Link to={`${base}/${p.id}/interviews`}>
                  {t(isStaff ? "interviews.staff.link" : "interviews.navLabel")}
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
      </section>

      <SignupsSection data={data} lng={lng} />

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("projects.detail.historyTitle")}</h2>
        {data.events.length === 0 ? (
          <p>{t("projects.detail.historyEmpty")}</p>
        ) : (
          <ol className="history">
            {data.events.map((e) => (
              <li key={e.id}>
                <h3>
                  {t("projects.detail.historyItem", {
                    action: t(`projects.history.${e.action}`),
                    from: t(`projects.states.${e.from_state}`),
                    to: t(`projects.states.${e.to_state}`),
                  })}
                </h3>
                <p className="muted">
                  {t("projects.detail.historyBy", {
                    // No actor: a step the system took when it fell due (app/models/project-progress.server.ts).
                    name: e.actor_name ?? t("projects.detail.automatic"),
                    when: formatDateTime(e.created_at, lng),
                  })}
                </p>
                {e.comment ? <p className="pre-line">{e.comment}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

/** The actions whose consequences deserve a word next to the button. */
const HINTED: readonly ProjectAction[] = [
  "submit",
  "open",
  "close",
  "start_interviews",
  "mark_presented",
  "complete",
  "cancel",
];

function TransitionForm({ action, lastResult }: { action: ProjectAction; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `transition-${action}`,
    lastResult,
    constraint: zodConstraint(TransitionSchema),
  });
  const needsComment = Boolean(RULES[action].comment);
  return (
    <Form method="post" {...getFormProps(form)} className="transition">
      {needsComment || action === "approve" ? (
        <TextareaField
          meta={fields.comment}
          label={t(`projects.commentLabel.${action}`)}
          rows={3}
          required={needsComment}
        />
      ) : null}
      <p className="actions">
        <button
          type="submit"
          name="intent"
          value={action}
          className={action === "cancel" || action === "reject" ? "button button--danger" : "button"}
        >
          {t(`projects.actions.${action}`)}
        </button>
        {HINTED.includes(action) ? <span className="field-hint"> {t(`projects.actionHint.${action}`)}</span> : null}
      </p>
    </Form>
  );
}

/** What the facts show, picked from the project page's loader data; the public page has no professor and no agreement. */
type FactsProject = Pick<
  ProjectPageData["project"],
  | "summary_ja"
  | "summary_en"
  | "university_ja"
  | "university_en"
  | "seminar_name"
  | "fiscal_year"
  | "theme"
  | "firmIndustries"
  | "new_product_focus"
  | "student_capacity"
  | "team_size"
  | "signup_opens_at"
  | "signup_closes_at"
  | "interview_from"
  | "interview_until"
  | "presentation_on"
> &
  Partial<Pick<ProjectPageData["project"], "professor_name" | "agreement_ja" | "agreement_en">>;

export function ProjectFacts({ project: p }: { project: FactsProject }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const summaryEn = lng === "en" && p.summary_en;
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">{t("projects.detail.facts")}</h2>
      <dl className="meta">
        {p.professor_name ? (
          <>
            <dt>{t("projects.detail.professor")}</dt>
            <dd>{p.professor_name}</dd>
          </>
        ) : null}
        <dt>{t("projects.detail.university")}</dt>
        <dd>{localized(p, "university", lng)}</dd>
        <dt>{t("projects.public.seminar")}</dt>
        <dd>{p.seminar_name}</dd>
        {p.agreement_ja ? (
          <>
            <dt>{t("projects.detail.agreement")}</dt>
            <dd>{localized({ ...p, agreement_ja: p.agreement_ja }, "agreement", lng)}</dd>
          </>
        ) : null}
        <dt>{t("projects.fields.fiscalYear")}</dt>
        <dd>{formatFiscalYear(p.fiscal_year, lng)}</dd>
        <dt>{t("projects.public.theme")}</dt>
        <dd>{p.theme}</dd>
        <dt>{t("projects.public.firmKinds")}</dt>
        <dd>
          {p.firmIndustries.length
            ? p.firmIndustries.map((k) => industryLabel(k, lng)).join(lng === "ja" ? "、" : ", ")
            : t("projects.detail.anyIndustry")}
          {p.new_product_focus ? ` ${t("projects.detail.newProductFocus")}` : null}
        </dd>
        <dt>{t("projects.detail.students")}</dt>
        <dd>{t("projects.detail.studentsValue", { count: p.student_capacity, team: p.team_size })}</dd>
        <dt>{t("projects.detail.window")}</dt>
        <dd>
          {t("projects.detail.windowValue", {
            from: formatDateTime(p.signup_opens_at, lng),
            until: formatDateTime(p.signup_closes_at, lng),
          })}
        </dd>
        <dt>{t("projects.detail.interviews")}</dt>
        <dd>
          {t("projects.detail.windowValue", {
            from: formatDate(p.interview_from, lng),
            until: formatDate(p.interview_until, lng),
          })}
        </dd>
        <dt>{t("projects.public.presentation")}</dt>
        <dd>{formatDate(p.presentation_on, lng)}</dd>
        <dt>{t("projects.detail.summary")}</dt>
        <dd className="pre-line" lang={summaryEn ? "en" : "ja"}>
          {summaryEn || p.summary_ja}
        </dd>
      </dl>
    </section>
  );
}

function SignupsSection({ data, lng }: { data: ProjectPageData; lng: Lng }) {
  const { t } = useTranslation();
  const { signups, popularity, project: p } = data;
  return (
    <section aria-labelledby="signups-title">
      <h2 id="signups-title">{t("projects.detail.signupsTitle")}</h2>
      <p>{t("projects.detail.signupsCount", { count: signups.length, capacity: p.student_capacity })}</p>
      {signups.length === 0 ? (
        <p>{t("projects.detail.noSignups")}</p>
      ) : (
        <>
          <p>
            <a href={`/professor/projects/${p.id}/signups.csv`} download>
              {t("projects.detail.csv")}
            </a>
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("projects.detail.colStudent")}</th>
                  <th scope="col">{t("projects.detail.colUniversity")}</th>
                  <th scope="col">{t("projects.detail.colSignedUp")}</th>
                  <th scope="col">{t("projects.detail.colRanking")}</th>
                  <th scope="col">{t("projects.detail.colMotivation")}</th>
                </tr>
              </thead>
              <tbody>
                {signups.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>{localized(s, "university", lng) ?? "—"}</td>
                    <td>{formatDateTime(s.created_at, lng)}</td>
                    <td>
                      <ol className="ranking">
                        {s.ranking.map((name) => (
                          <li key={name}>{name}</li>
                        ))}
                      </ol>
                    </td>
                    <td className="pre-line">{s.motivation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {popularity.ranks > 0 ? (
            <>
              <h3 id="popularity-title">{t("projects.detail.popularityTitle")}</h3>
              <p>{t("projects.detail.popularityLead")}</p>
              <div className="table-wrap">
                <table aria-labelledby="popularity-title">
                  <thead>
                    <tr>
                      <th scope="col">{t("projects.detail.colHost")}</th>
                      {Array.from({ length: popularity.ranks }, (_, i) => (
                        <th scope="col" key={i}>
                          {t("projects.detail.rank", { n: i + 1 })}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {popularity.hosts.map((h) => (
                      <tr key={h.id}>
                        <th scope="row">
                          {h.name}
                          {h.status === "accepted" ? null : (
                            <span className="muted">{t("projects.detail.hostWithdrawn")}</span>
                          )}
                        </th>
                        {h.counts.map((n, i) => (
                          <td key={i}>{n}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
