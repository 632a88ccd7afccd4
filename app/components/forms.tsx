/**
 * Form fields for Conform: a label, an optional hint, the control, and its errors (catalog keys, translated here)
 * tied together with aria-describedby so screen readers read them with the field.
 */
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { translateError } from "~/schemas/messages";

type ConstraintName = "minLength" | "maxLength" | "pattern" | "min" | "max" | "step" | "multiple";

// The constraint attributes HTML applies to each kind of control (others it ignores, so they are not read).
const TEXT_CONSTRAINTS: readonly ConstraintName[] = ["minLength", "maxLength", "pattern"];
const RANGE_CONSTRAINTS: readonly ConstraintName[] = ["min", "max", "step"];
const TEXTAREA_CONSTRAINTS: readonly ConstraintName[] = ["minLength", "maxLength"];
const SELECT_CONSTRAINTS: readonly ConstraintName[] = ["multiple"];
const RANGE_TYPES = new Set(["date", "datetime-local", "time", "number"]);

/**
 * What Conform's `getInputProps`, `getTextareaProps` and `getSelectProps` give a control (id, name, form, required,
 * aria-invalid, the constraints, the default value), plus the id and errors the field shows, reading each property of
 * the field's metadata once and only those the control uses. In Conform 1.x every read of a property builds a fresh
 * metadata object behind a Proxy: `getInputProps` makes about 16 reads (about 20 a field with the label and errors),
 * and the seven-field registration form spent 0.4 ms and 300 KB a page view on them (README "Decisions", fifth
 * pass). A read during render is also what subscribes the form to that property's changes, so the properties shown
 * are still all read through the metadata.
 */
function controlProps(meta: FieldMetadata<unknown>, constraints: readonly ConstraintName[]) {
  const id = meta.id;
  const errors = meta.errors;
  const props: Record<string, unknown> = { id, name: meta.name, form: meta.formId };
  if (meta.required) props.required = true;
  if (errors !== undefined) props["aria-invalid"] = true;
  for (const name of constraints) {
    const value = meta[name];
    if (value !== undefined) props[name] = value;
  }
  return { id, errors, errorId: errors?.length ? meta.errorId : undefined, initialValue: meta.initialValue, props };
}

/** `controlProps` of a select, its props with the default value(s) as `getSelectProps` gives them. */
export function selectControl(meta: FieldMetadata<unknown>) {
  const field = controlProps(meta, SELECT_CONSTRAINTS);
  const initial = field.initialValue as unknown[] | { toString(): string } | undefined;
  const defaultValue = Array.isArray(initial) ? initial.map((item) => String(item ?? "")) : initial?.toString();
  return { ...field, props: { ...field.props, defaultValue } };
}

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
  const field = controlProps(meta, RANGE_TYPES.has(type) ? RANGE_CONSTRAINTS : TEXT_CONSTRAINTS);
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        {...field.props}
        type={type}
        defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
        {...rest}
        aria-describedby={describedBy(hintId, field.errorId)}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextareaField({
  meta,
  label,
  hint,
  ...rest
}: FieldProps & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const field = controlProps(meta, TEXTAREA_CONSTRAINTS);
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        {...field.props}
        defaultValue={(field.initialValue as { toString(): string } | undefined)?.toString()}
        {...rest}
        aria-describedby={describedBy(hintId, field.errorId)}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
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
  const field = selectControl(meta);
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <select {...field.props} aria-describedby={describedBy(hintId, field.errorId)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A checkbox before its label ("on" when ticked, as Conform's checkboxes). */
export function CheckboxField({ meta, label, hint }: { meta: FieldMetadata<unknown>; label: string; hint?: string }) {
  const field = controlProps(meta, []);
  const hintId = hint ? `${field.id}-hint` : undefined;
  const initial = field.initialValue;
  return (
    <div className="field field--check">
      <input
        {...field.props}
        type="checkbox"
        value="on"
        defaultChecked={Array.isArray(initial) ? initial.includes("on") : initial === "on"}
        aria-describedby={describedBy(hintId, field.errorId)}
      />
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Form-level errors (not tied to one field), announced when they appear. */
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
