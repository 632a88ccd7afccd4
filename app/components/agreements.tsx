/**
 * Agreement components: the form (new and edit pages), the status badge and the staff home's attention list.
 * Without JavaScript the contacts are plain rows: the existing ones plus three blank rows (ignored when left blank).
 */
import {
  getCollectionProps,
  getFieldsetProps,
  getFormProps,
  getInputProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AgreementStatus, AttentionBucket } from "~/agreements/status";
import type { AgreementSnapshot } from "~/agreements/versions";
import { ErrorList, FormErrors, SelectField, TextareaField, TextField } from "~/components/forms";
import type { Lng } from "~/i18n";
import { AgreementFieldsSchema, type AgreementFormValues } from "~/schemas/agreements";
import { zodConstraint } from "~/utils/form-constraint";
import { formatDate } from "~/utils/format";
import { localTitle, localized } from "~/utils/localized";
import { AGREEMENT_AREAS, AGREEMENT_KINDS } from "../../db/schema";

export const BLANK_CONTACT_ROWS = 3;

export function StatusBadge({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--agreement-${status}`}>{t(`agreements.status.${status}`)}</span>;
}

interface AgreementFormProps {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<AgreementSnapshot>;
  universities: Array<{ id: number; name_ja: string; name_en: string }>;
  staff: Array<{ id: number; name: string }>;
  submitLabel: string;
  cancelTo: string;
}

export function AgreementForm({
  lastResult,
  defaultValue,
  universities,
  staff,
  submitLabel,
  cancelTo,
}: AgreementFormProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const [form, fields] = useForm<AgreementFormValues>({
    id: "agreement",
    lastResult,
    defaultValue: {
      ...defaultValue,
      notice_days: defaultValue?.notice_days ?? 90,
      contacts: [...(defaultValue?.contacts ?? []), ...Array.from({ length: BLANK_CONTACT_ROWS }, () => ({}))],
    },
    // Conform reads constraints from the fields, not from the transform that follows them.
    constraint: zodConstraint(AgreementFieldsSchema),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField
        meta={fields.university_id}
        label={t("agreements.fields.university_id")}
        placeholder={t("agreements.choose")}
        options={universities.map((u) => ({ value: String(u.id), label: localized(u, "name", lng) }))}
      />
      <SelectField
        meta={fields.kind}
        label={t("agreements.fields.kind")}
        placeholder={t("agreements.choose")}
        options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kinds.${k}`) }))}
      />
      <TextField meta={fields.title_ja} label={t("agreements.fields.title_ja")} lang="ja" />
      <TextField meta={fields.title_en} label={t("agreements.fields.title_en")} lang="en" />
      <TextField
        meta={fields.signed_on}
        label={t("agreements.fields.signed_on")}
        type="date"
        hint={t("agreements.hints.date")}
      />
      <TextField
        meta={fields.effective_from}
        label={t("agreements.fields.effective_from")}
        type="date"
        hint={t("agreements.hints.date")}
      />
      <TextField
        meta={fields.expires_on}
        label={t("agreements.fields.expires_on")}
        type="date"
        hint={t("agreements.hints.expires_on")}
      />
      <div className="field">
        <label className="choice">
          <input
            {...getInputProps(fields.auto_renew, { type: "checkbox" })}
            aria-describedby={`${fields.auto_renew.id}-hint`}
          />{" "}
          {t("agreements.fields.auto_renew")}
        </label>
        <p id={`${fields.auto_renew.id}-hint`} className="field-hint">
          {t("agreements.hints.auto_renew")}
        </p>
      </div>
      <TextField
        meta={fields.renewal_term_months}
        label={t("agreements.fields.renewal_term_months")}
        type="number"
        inputMode="numeric"
        hint={t("agreements.hints.renewal_term_months")}
      />
      <TextField
        meta={fields.notice_days}
        label={t("agreements.fields.notice_days")}
        type="number"
        inputMode="numeric"
        hint={t("agreements.hints.notice_days")}
      />
      <fieldset {...getFieldsetProps(fields.areas)}>
        <legend>{t("agreements.fields.areas")}</legend>
        {getCollectionProps(fields.areas, { type: "checkbox", options: [...AGREEMENT_AREAS] }).map(
          ({ key, ...props }) => (
            <label key={key} className="choice">
              <input {...props} /> {t(`agreements.areas.${props.value}`)}
            </label>
          ),
        )}
        <ErrorList id={fields.areas.errorId} errors={fields.areas.errors} />
      </fieldset>
      <fieldset>
        <legend>{t("agreements.fields.contacts")}</legend>
        <p className="field-hint">{t("agreements.hints.contacts")}</p>
        {fields.contacts.getFieldList().map((row, index) => {
          const contact = row.getFieldset();
          return (
            <fieldset key={row.key} className="contact-row">
              <legend>{t("agreements.contact.legend", { n: index + 1 })}</legend>
              <TextField meta={contact.name} label={t("agreements.contact.name")} autoComplete="off" />
              <TextField meta={contact.department} label={t("agreements.contact.department")} autoComplete="off" />
              <TextField meta={contact.email} label={t("agreements.contact.email")} type="email" autoComplete="off" />
              <TextField meta={contact.phone} label={t("agreements.contact.phone")} type="tel" autoComplete="off" />
            </fieldset>
          );
        })}
      </fieldset>
      <SelectField
        meta={fields.owner_user_id}
        label={t("agreements.fields.owner_user_id")}
        placeholder={t("agreements.ownerNone")}
        options={staff.map((s) => ({ value: String(s.id), label: s.name }))}
      />
      <TextareaField meta={fields.notes} label={t("agreements.fields.notes")} />
      <p className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t("agreements.cancel")}
        </Link>
      </p>
    </Form>
  );
}

interface AttentionItem {
  id: number;
  title_ja: string;
  title_en: string;
  university_ja: string;
  university_en: string;
  status: AgreementStatus;
  noticeDeadline: string;
  termEnd: string | null;
  bucket: AttentionBucket;
}

/** The staff home's list of agreements whose notice deadline is near or passed, soonest first. */
export function AgreementAttention({ items }: { items: AttentionItem[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <section aria-labelledby="attention-title">
      <h2 id="attention-title">{t("agreements.attention.title")}</h2>
      <p>{t("agreements.attention.lead")}</p>
      {items.length === 0 ? (
        <p>{t("agreements.attention.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("agreements.col.title")}</th>
                <th scope="col">{t("agreements.col.university")}</th>
                <th scope="col">{t("agreements.col.noticeDeadline")}</th>
                <th scope="col">{t("agreements.col.bucket")}</th>
                <th scope="col">{t("agreements.col.termEnd")}</th>
                <th scope="col">{t("agreements.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/staff/agreements/${a.id}`}>{localTitle(a, lng)}</Link>
                  </th>
                  <td>{localized(a, "university", lng)}</td>
                  <td>{formatDate(a.noticeDeadline, lng)}</td>
                  <td>
                    <span className={`badge badge--bucket-${a.bucket}`}>{t(`agreements.bucket.${a.bucket}`)}</span>
                  </td>
                  <td>{a.termEnd ? formatDate(a.termEnd, lng) : null}</td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
