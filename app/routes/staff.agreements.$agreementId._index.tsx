/**
 * Staff: one agreement — its terms and status, contacts, documents (PDF upload), collaborations, termination and
 * version history. One action serves the three forms, told apart by `intent`; the document form is multipart.
 */
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { agreementTerm } from "~/agreements/status";
import type { AgreementContactValue, FieldChange } from "~/agreements/versions";
import { StatusBadge } from "~/components/agreements";
import { ErrorList, FormErrors, SelectField, TextareaField, TextField } from "~/components/forms";
import type { Lng } from "~/i18n";
import { addDocument, listDocuments } from "~/models/agreement-document.server";
import { addActivity, getAgreement, terminateAgreement } from "~/models/agreement.server";
import { listAgreementProjects } from "~/models/project.server";
import { listUniversities } from "~/models/university.server";
import { listStaffUsers } from "~/models/user.server";
import { failureReply, throwFailure } from "~/route-helpers/respond.server";
import {
  ActivitySchema,
  DocumentSchema,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_MB,
  TerminateSchema,
} from "~/schemas/agreements";
import { msg } from "~/schemas/messages";
import { idParam } from "~/schemas/params";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { formatDate, formatDateTime, tokyoDate } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { localTitle, localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";
import { AGREEMENT_DOCUMENT_KINDS } from "../../db/schema";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const id = idParam(params, "agreementId");
  const [detail, documents, universities, staff, projects] = await Promise.all([
    getAgreement(id),
    listDocuments(id),
    listUniversities(),
    listStaffUsers(),
    listAgreementProjects(id),
  ]);
  invariantResponse(detail);
  const today = tokyoDate();
  return { ...detail, documents, universities, staff, projects, today, term: agreementTerm(detail.agreement, today) };
}

/**
 * The document form's upload. Past the size limit the reading stops, and the text fields read so far (the file
 * input comes last in the form) are kept so the form can be shown again with its values.
 */
const UPLOADS = {
  file: { maxBytes: MAX_DOCUMENT_BYTES, tooLarge: msg("agreements.errors.fileTooLarge", { mb: MAX_DOCUMENT_MB }) },
};

const invalid = (intent: string, result: SubmissionResult<string[]>) => data({ intent, result }, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const id = idParam(params, "agreementId");
  const form = await readForm(request, { uploads: UPLOADS });
  const back = `/staff/agreements/${id}`;
  const intent = form.value("intent");

  if (intent === "document") {
    const submission = form.parse(DocumentSchema);
    if (submission.status !== "success") return invalid(intent, submission.reply({ hideFields: ["file"] }));
    const { kind, title, file } = submission.value;
    const outcome = await addDocument(
      id,
      { kind, title, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      user.id,
    );
    if (!outcome.ok) return failureReply(submission, outcome, { with: { intent }, hideFields: ["file"] });
    return redirectWithToast(back, { kind: "success", key: "agreements.documentAdded", values: { title } });
  }

  if (intent === "activity") {
    const submission = form.parse(ActivitySchema);
    if (submission.status !== "success") return invalid(intent, submission.reply());
    const added = await addActivity(id, submission.value, user.id);
    if (!added.ok) throwFailure(added);
    return redirectWithToast(back, { kind: "success", key: "agreements.activityAdded" });
  }

  if (intent === "terminate") {
    const submission = form.parse(TerminateSchema);
    if (submission.status !== "success") return invalid(intent, submission.reply());
    const { intent: _, ...input } = submission.value;
    const outcome = await terminateAgreement(id, input, user.id);
    if (!outcome.ok) return failureReply(submission, outcome, { with: { intent } });
    return redirectWithToast(back, { kind: "success", key: "agreements.terminated" });
  }

  invariantResponse(false, "Bad Request", { status: 400 });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** One value of a version's change, as a reader wants it: names for ids, labels for keys, dates the local way. */
function formatValue(field: FieldChange["field"], value: unknown, t: TFunction, lng: Lng, d: LoaderData): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) {
    return t("agreements.detail.empty");
  }
  const list = (items: string[]) => items.join(lng === "ja" ? "、" : ", ");
  switch (field) {
    case "university_id": {
      const u = d.universities.find((x) => x.id === value);
      return u ? localized(u, "name", lng) : `#${value}`;
    }
    case "owner_user_id":
      return d.staff.find((s) => s.id === value)?.name ?? `#${value}`;
    case "kind":
      return t(`agreements.kinds.${value}`);
    case "auto_renew":
      return value ? t("agreements.yes") : t("agreements.no");
    case "signed_on":
    case "effective_from":
    case "expires_on":
    case "terminated_on":
      return formatDate(String(value), lng);
    case "areas":
      return list((value as string[]).map((a) => t(`agreements.areas.${a}`)));
    case "contacts":
      return list(
        (value as AgreementContactValue[]).map((c) => (c.department ? `${c.name} (${c.department})` : c.name)),
      );
    default:
      return String(value);
  }
}

function useIntentForm<Schema extends typeof ActivitySchema | typeof TerminateSchema | typeof DocumentSchema>(
  intent: string,
  schema: Schema,
  defaultValue?: Record<string, string>,
) {
  const actionData = useActionData<typeof action>();
  return useForm({
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    defaultValue,
    constraint: zodConstraint(schema),
  });
}

export default function AgreementDetail() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const d = useLoaderData<typeof loader>();
  const { agreement: a, term } = d;
  const [terminateForm, terminateFields] = useIntentForm("terminate", TerminateSchema);
  const [activityForm, activityFields] = useIntentForm("activity", ActivitySchema, { occurred_on: d.today });
  const [documentForm, documentFields] = useIntentForm("document", DocumentSchema);
  const title = localTitle(a, lng);
  const fileHintId = `${documentFields.file.id}-hint`;
  return (
    <>
      <p>
        <Link to="/staff/agreements">{t("agreements.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        <StatusBadge status={term.status} />{" "}
        <Link to={`/staff/agreements/${a.id}/edit`} className="button button--secondary">
          {t("agreements.editLink")}
        </Link>
      </p>
      {a.terminated_on ? (
        <p className="notice">
          {t("agreements.detail.terminatedNotice", {
            date: formatDate(a.terminated_on, lng),
            reason: a.termination_reason,
          })}
        </p>
      ) : null}

      <section aria-labelledby="overview-title">
        <h2 id="overview-title">{t("agreements.detail.overview")}</h2>
        <dl className="meta">
          <dt>{t("agreements.fields.university_id")}</dt>
          <dd>{localized(a, "university", lng)}</dd>
          <dt>{t("agreements.fields.kind")}</dt>
          <dd>{t(`agreements.kinds.${a.kind}`)}</dd>
          <dt>{t(lng === "en" ? "agreements.fields.title_ja" : "agreements.fields.title_en")}</dt>
          <dd lang={lng === "en" ? "ja" : "en"}>{lng === "en" ? a.title_ja : a.title_en}</dd>
          <dt>{t("agreements.fields.signed_on")}</dt>
          <dd>{formatDate(a.signed_on, lng)}</dd>
          <dt>{t("agreements.fields.effective_from")}</dt>
          <dd>{formatDate(a.effective_from, lng)}</dd>
          <dt>{t("agreements.fields.expires_on")}</dt>
          <dd>{a.expires_on ? formatDate(a.expires_on, lng) : t("agreements.openEnded")}</dd>
          <dt>{t("agreements.fields.auto_renew")}</dt>
          <dd>
            {a.auto_renew
              ? t("agreements.autoRenewEvery", { months: a.renewal_term_months })
              : t("agreements.autoRenewOff")}
            {term.renewals > 0 ? ` (${t("agreements.renewedTimes", { n: term.renewals })})` : null}
          </dd>
          {term.termEnd ? (
            <>
              {term.renewals > 0 ? (
                <>
                  <dt>{t("agreements.detail.currentTermEnd")}</dt>
                  <dd>{formatDate(term.termEnd, lng)}</dd>
                </>
              ) : null}
              <dt>{t("agreements.fields.notice_days")}</dt>
              <dd>{t("agreements.noticeDaysValue", { days: a.notice_days })}</dd>
              <dt>{t("agreements.detail.noticeDeadline")}</dt>
              <dd>{formatDate(term.noticeDeadline!, lng)}</dd>
            </>
          ) : null}
          <dt>{t("agreements.fields.areas")}</dt>
          <dd>{formatValue("areas", d.areas, t, lng, d)}</dd>
          <dt>{t("agreements.fields.owner_user_id")}</dt>
          <dd>{a.owner_name ?? t("agreements.ownerNone")}</dd>
          <dt>{t("agreements.fields.notes")}</dt>
          <dd className="pre-line">{a.notes ?? t("agreements.detail.empty")}</dd>
        </dl>
      </section>

      <section aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t("agreements.detail.contactsTitle")}</h2>
        {d.contacts.length === 0 ? (
          <p>{t("agreements.detail.noContacts")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("agreements.contact.name")}</th>
                  <th scope="col">{t("agreements.contact.department")}</th>
                  <th scope="col">{t("agreements.contact.email")}</th>
                  <th scope="col">{t("agreements.contact.phone")}</th>
                </tr>
              </thead>
              <tbody>
                {d.contacts.map((c, i) => (
                  <tr key={i}>
                    <th scope="row">{c.name}</th>
                    <td>{c.department}</td>
                    <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}</td>
                    <td>{c.phone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t("agreements.detail.documentsTitle")}</h2>
        {d.documents.length === 0 ? (
          <p>{t("agreements.detail.noDocuments")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("agreements.col.document")}</th>
                  <th scope="col">{t("agreements.detail.documentKind")}</th>
                  <th scope="col">{t("agreements.col.file")}</th>
                  <th scope="col">{t("agreements.col.size")}</th>
                  <th scope="col">{t("agreements.col.uploaded")}</th>
                </tr>
              </thead>
              <tbody>
                {d.documents.map((doc) => (
                  <tr key={doc.id}>
                    <th scope="row">{doc.title}</th>
                    <td>{t(`agreements.documentKinds.${doc.kind}`)}</td>
                    <td>
                      <a href={`/staff/agreements/${a.id}/documents/${doc.id}`} download={doc.original_filename}>
                        {doc.original_filename}
                      </a>
                    </td>
                    <td>
                      {t("agreements.detail.sizeKb", { kb: Math.ceil(doc.size_bytes / 1024).toLocaleString(lng) })}
                    </td>
                    <td>
                      {formatDateTime(doc.created_at, lng)}
                      {doc.uploaded_by_name ? ` · ${doc.uploaded_by_name}` : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="panel">
          <h3>{t("agreements.detail.uploadTitle")}</h3>
          <Form method="post" encType="multipart/form-data" {...getFormProps(documentForm)}>
            <FormErrors id={documentForm.errorId} errors={documentForm.errors} />
            <input type="hidden" name="intent" value="document" />
            <SelectField
              meta={documentFields.kind}
              label={t("agreements.detail.documentKind")}
              placeholder={t("agreements.choose")}
              options={AGREEMENT_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.documentKinds.${k}`) }))}
            />
            <TextField meta={documentFields.title} label={t("agreements.detail.documentTitle")} />
            <div className="field">
              <label htmlFor={documentFields.file.id}>{t("agreements.detail.file")}</label>
              <p id={fileHintId} className="field-hint">
                {t("agreements.detail.fileHint", { mb: MAX_DOCUMENT_MB })}
              </p>
              <input
                {...getInputProps(documentFields.file, { type: "file" })}
                accept="application/pdf,.pdf"
                aria-describedby={[fileHintId, documentFields.file.errors ? documentFields.file.errorId : ""]
                  .join(" ")
                  .trim()}
              />
              <ErrorList id={documentFields.file.errorId} errors={documentFields.file.errors} />
            </div>
            <button type="submit" className="button">
              {t("agreements.detail.submitUpload")}
            </button>
          </Form>
        </div>
      </section>

      <AgreementProjects />
      <section aria-labelledby="activities-title">
        <h2 id="activities-title">{t("agreements.detail.activitiesTitle")}</h2>
        <p>{t("agreements.detail.activitiesLead")}</p>
        {d.activities.length === 0 ? (
          <p>{t("agreements.detail.noActivities")}</p>
        ) : (
          <ul className="timeline">
            {d.activities.map((act) => (
              <li key={act.id}>
                <strong>{act.title}</strong> <span className="muted">{formatDate(act.occurred_on, lng)}</span>
                {act.description ? <p className="pre-line">{act.description}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <div className="panel">
          <h3>{t("agreements.detail.submitActivity")}</h3>
          <Form method="post" {...getFormProps(activityForm)}>
            <FormErrors id={activityForm.errorId} errors={activityForm.errors} />
            <input type="hidden" name="intent" value="activity" />
            <TextField
              meta={activityFields.occurred_on}
              label={t("agreements.detail.activityDate")}
              type="date"
              hint={t("agreements.hints.date")}
            />
            <TextField meta={activityFields.title} label={t("agreements.detail.activityTitle")} />
            <TextareaField meta={activityFields.description} label={t("agreements.detail.activityDescription")} />
            <button type="submit" className="button">
              {t("agreements.detail.submitActivity")}
            </button>
          </Form>
        </div>
      </section>

      {a.terminated_on ? null : (
        <section aria-labelledby="terminate-title">
          <h2 id="terminate-title">{t("agreements.detail.terminateTitle")}</h2>
          <p>{t("agreements.detail.terminateLead")}</p>
          <Form method="post" {...getFormProps(terminateForm)}>
            <FormErrors id={terminateForm.errorId} errors={terminateForm.errors} />
            <input type="hidden" name="intent" value="terminate" />
            <TextField
              meta={terminateFields.terminated_on}
              label={t("agreements.fields.terminated_on")}
              type="date"
              hint={t("agreements.hints.date")}
            />
            <TextareaField
              meta={terminateFields.termination_reason}
              label={t("agreements.fields.termination_reason")}
            />
            <button type="submit" className="button button--danger">
              {t("agreements.detail.submitTerminate")}
            </button>
          </Form>
        </section>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("agreements.detail.historyTitle")}</h2>
        <ol className="history" reversed>
          {d.versions.map((v) => (
            <li key={v.version}>
              <h3>
                {t("agreements.detail.versionHeading", {
                  version: v.version,
                  action: t(`agreements.detail.actions.${v.action}`),
                })}
              </h3>
              <p className="muted">
                {t("agreements.detail.versionMeta", {
                  date: formatDateTime(v.created_at, lng),
                  actor: v.actor_name ?? t("agreements.detail.unknownActor"),
                })}
              </p>
              <ul>
                {v.changes.map((c) => (
                  <li key={c.field}>
                    {t(v.action === "create" ? "agreements.detail.initial" : "agreements.detail.change", {
                      field: t(`agreements.fields.${c.field}`),
                      from: formatValue(c.field, c.from, t, lng, d),
                      to: formatValue(c.field, c.to, t, lng, d),
                    })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The projects run under this agreement, with their state: the activity log no longer has to be written by hand. */
function AgreementProjects() {
  const { t, i18n } = useTranslation();
  const { projects } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="projects-title">
      <h2 id="projects-title">{t("agreements.detail.projectsTitle")}</h2>
      {projects.length === 0 ? (
        <p>{t("agreements.detail.projectsEmpty")}</p>
      ) : (
        <ul>
          {projects.map((p) => (
            <li key={p.id}>
              <Link to={`/staff/projects/${p.id}`}>{localTitle(p, i18n.language)}</Link>{" "}
              <span className="muted">
                {t("agreements.detail.projectMeta", { fy: p.fiscal_year, seminar: p.seminar_name })}
              </span>{" "}
              <span className={`badge badge--project-${p.state}`}>{t(`projects.states.${p.state}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
