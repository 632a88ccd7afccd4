/**
 * The firm form's fields, shared by staff (every field) and firm users (the descriptive ones), and how the
 * register's stored values read in the history and on firm pages.
 */
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { FirmSchema } from "~/schemas/firm";
import { zodConstraint } from "~/utils/form-constraint";
import { INDUSTRIES, KITA_TOWNS, industryLabel, townLabel } from "~/utils/kita";
import { CheckboxField, FormErrors, SelectField, TextareaField, TextField } from "./forms";

type Fields = Record<string, FieldMetadata<unknown>>;

/** Corporate number, name, reading, industry and address: what only staff may change. */
export function FirmIdentityFields({ fields }: { fields: Fields }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <>
      <TextField
        meta={fields.corporate_number}
        label={t("firms.fields.corporate_number")}
        hint={t("firms.hints.corporate_number")}
        inputMode="numeric"
      />
      <TextField meta={fields.name} label={t("firms.fields.name")} />
      <TextField meta={fields.name_kana} label={t("firms.fields.name_kana")} hint={t("firms.hints.name_kana")} />
      <SelectField
        meta={fields.industry}
        label={t("firms.fields.industry")}
        placeholder={t("firms.form.choose")}
        options={INDUSTRIES.map((i) => ({ value: i.key, label: i[lng] }))}
      />
      <TextField
        meta={fields.postal_code}
        label={t("firms.fields.postal_code")}
        hint={t("firms.hints.postal_code")}
        autoComplete="postal-code"
      />
      <SelectField
        meta={fields.town}
        label={t("firms.fields.town")}
        placeholder={t("firms.form.choose")}
        options={KITA_TOWNS.map((town) => ({ value: town.key, label: town[lng] }))}
      />
      <TextField meta={fields.address} label={t("firms.fields.address")} hint={t("firms.hints.address")} />
    </>
  );
}

/** Products, description, contact and the two flags: what a firm keeps up to date itself. */
export function FirmProfileFields({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  return (
    <>
      <TextareaField
        meta={fields.products}
        label={t("firms.fields.products")}
        hint={t("firms.hints.products")}
        rows={3}
      />
      <TextareaField meta={fields.description} label={t("firms.fields.description")} rows={5} />
      <TextField
        meta={fields.website}
        label={t("firms.fields.website")}
        hint={t("firms.hints.website")}
        type="url"
        autoComplete="url"
      />
      <TextField
        meta={fields.phone}
        label={t("firms.fields.phone")}
        hint={t("firms.hints.phone")}
        type="tel"
        autoComplete="tel"
      />
      <CheckboxField
        meta={fields.new_product}
        label={t("firms.fields.new_product")}
        hint={t("firms.hints.new_product")}
      />
      <CheckboxField meta={fields.is_public} label={t("firms.fields.is_public")} hint={t("firms.hints.is_public")} />
    </>
  );
}

/** A stored value as people read it: industry and town names, yes/no, "none" for empty. */
export function displayFirmValue(t: TFunction, lng: Lng, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("firms.values.none");
  if (field === "industry") return industryLabel(String(value), lng);
  if (field === "town") return townLabel(String(value), lng);
  if (field === "new_product" || field === "is_public")
    return value === 1 || value === true ? t("firms.values.yes") : t("firms.values.no");
  return String(value);
}

/** Form default values from a stored firm (checkboxes as Conform reads them). */
export function firmFormDefaults(firm: Record<string, string | boolean | null>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(firm).map(([k, v]) => [k, v === true ? "on" : v === false || v === null ? undefined : v]),
  );
}

/**
 * The staff's firm form (new and edit). With `lookup`, a second submit button (intent=lookup) asks the national
 * register to fill in the rest from the corporate number; only that number is checked for it. Callers give the
 * component a new React key when a look-up answers, so the form starts again from the pre-filled values.
 */
export function StaffFirmForm({
  id,
  lastResult,
  defaultValue,
  lookup = false,
  submitLabel,
}: {
  id: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, string | undefined>;
  lookup?: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: zodConstraint(FirmSchema),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <FirmIdentityFields fields={fields} />
      {lookup ? (
        <p>
          <button type="submit" name="intent" value="lookup" className="button button--secondary" formNoValidate>
            {t("firms.lookup.button")}
          </button>
        </p>
      ) : null}
      <FirmProfileFields fields={fields} />
      <button type="submit" name="intent" value="save" className="button" disabled={navigation.state === "submitting"}>
        {submitLabel}
      </button>
    </Form>
  );
}
