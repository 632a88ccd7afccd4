/**
 * Form fields for Conform: a label, an optional hint, the control, and its errors (catalog keys, translated here)
 * tied together with aria-describedby so screen readers read them with the field.
 */
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { translateError } from "~/schemas/messages";

function describedBy(...ids: Array<string | false | undefined>) {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{translateError(t, e)}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  meta: FieldMetadata<unknown>;
  label: string;
  hint?: string;
}

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  ...rest
}: FieldProps & {
  type?: "text" | "email" | "password" | "date" | "datetime-local" | "time" | "number" | "tel" | "url" | "search";
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type">) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        {...getInputProps(meta, { type })}
        {...rest}
        aria-describedby={describedBy(hintId, meta.errors?.length ? meta.errorId : undefined)}
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField({
  meta,
  label,
  hint,
  ...rest
}: FieldProps & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        {...getTextareaProps(meta)}
        {...rest}
        aria-describedby={describedBy(hintId, meta.errors?.length ? meta.errorId : undefined)}
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  options,
  placeholder,
}: FieldProps & { options: Array<{ value: string; label: string }>; placeholder?: string }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <select
        {...getSelectProps(meta)}
        aria-describedby={describedBy(hintId, meta.errors?.length ? meta.errorId : undefined)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** Form-level errors (not tied to one field), announced when they appear. */
export function CheckboxField({ meta, label, hint }: { meta: FieldMetadata<unknown>; label: string; hint?: string }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const described = [hintId, meta.errors?.length ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field field--check">
      <input {...getInputProps(meta, { type: "checkbox" })} aria-describedby={described} />
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function FormErrors({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-errors" role="alert">
      {errors.map((e) => (
        <p key={e}>{translateError(t, e)}</p>
      ))}
    </div>
  );
}
