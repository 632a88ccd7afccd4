// The field components (app/components/forms.tsx) read Conform's metadata themselves instead of through
// getInputProps, getTextareaProps and getSelectProps (each read builds a fresh metadata object). What they render must
// stay what those helpers give: the same id, name, form, required, aria-invalid, default value and every constraint
// HTML applies to the control, with and without errors.
import { getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { CheckboxField, SelectField, TextareaField, TextField } from "~/components/forms";
import { i18nConfig } from "~/i18n";

// Written out rather than derived from a Zod schema: the Zod 4 adapter gives only `required` (the app's forms check
// lengths and ranges on the server), and the components must pass on whatever a constraint holds.
const CONSTRAINT = {
  code: { required: true, minLength: 3, maxLength: 8, pattern: "[A-Z]+" },
  email: { required: false, multiple: false },
  places: { required: true, min: 1, max: 40, step: 1 },
  day: { required: true, min: "2026-04-01", max: "2027-03-31" },
  note: { required: false, maxLength: 200 },
  university: { required: true },
  consent: { required: true },
};

const DEFAULTS = {
  code: "ABC",
  email: "",
  places: 12,
  day: "2026-12-24",
  note: "二行\nの備考",
  university: "2",
  consent: "on",
};

function Fields({ reference, lastResult }: { reference: boolean; lastResult?: SubmissionResult<string[]> }) {
  const [, fields] = useForm({ id: "f", lastResult, defaultValue: DEFAULTS, constraint: CONSTRAINT });
  if (reference) {
    return (
      <>
        <input {...getInputProps(fields.code, { type: "text" })} />
        <input {...getInputProps(fields.email, { type: "email" })} />
        <input {...getInputProps(fields.places, { type: "number" })} />
        <input {...getInputProps(fields.day, { type: "date" })} />
        <textarea {...getTextareaProps(fields.note)} />
        <select {...getSelectProps(fields.university)}>
          <option value="2">2</option>
        </select>
        <input {...getInputProps(fields.consent, { type: "checkbox" })} />
      </>
    );
  }
  return (
    <>
      <TextField meta={fields.code} label="code" />
      <TextField meta={fields.email} label="email" type="email" />
      <TextField meta={fields.places} label="places" type="number" />
      <TextField meta={fields.day} label="day" type="date" />
      <TextareaField meta={fields.note} label="note" />
      <SelectField meta={fields.university} label="university" options={[{ value: "2", label: "2" }]} />
      <CheckboxField meta={fields.consent} label="consent" />
    </>
  );
}

/** Each control's attributes by its id (without aria-describedby, which the components set themselves). */
function controls(html: string) {
  const byId = new Map<string, Record<string, string>>();
  for (const [, tag, attrs] of html.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
    const parsed = Object.fromEntries(
      [...attrs.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1].toLowerCase(), m[2] ?? ""]),
    );
    delete parsed["aria-describedby"];
    byId.set(parsed.id, { tag, ...parsed });
  }
  return byId;
}

function render(reference: boolean, lastResult?: SubmissionResult<string[]>) {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({ ...i18nConfig, lng: "ja", initImmediate: false });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <Fields reference={reference} lastResult={lastResult} />
    </I18nextProvider>,
  );
}

// Attributes HTML ignores on a control of that type, which Conform's helpers write anyway.
const IGNORED: Record<string, string[]> = {
  "f-code": ["min", "max", "step"],
  "f-email": ["min", "max", "step"],
  "f-places": ["minlength", "maxlength", "pattern"],
  "f-day": ["minlength", "maxlength", "pattern"],
};

function expected(html: string) {
  const byId = controls(html);
  for (const [id, names] of Object.entries(IGNORED)) for (const name of names) delete byId.get(id)?.[name];
  return byId;
}

describe("field components", () => {
  it("render each control as Conform's helpers do", () => {
    const ours = controls(render(false));
    expect(ours).toEqual(expected(render(true)));
    // The schema's constraints and the defaults did reach the markup (so the comparison compared something).
    expect(ours.get("f-code")).toMatchObject({ required: "", minlength: "3", maxlength: "8", value: "ABC" });
    expect(ours.get("f-places")).toMatchObject({ type: "number", min: "1", max: "40", step: "1", value: "12" });
    expect(ours.get("f-day")).toMatchObject({ type: "date", min: "2026-04-01", max: "2027-03-31" });
    expect(ours.get("f-note")).toMatchObject({ tag: "textarea", maxlength: "200" });
    expect(ours.get("f-email")).not.toHaveProperty("required");
    expect(ours.get("f-consent")).toMatchObject({ type: "checkbox", value: "on", checked: "" });
    expect(render(false)).toContain(">二行\nの備考</textarea>");
    expect(render(false)).toContain('<option value="2" selected="">');
  });

  it("mark fields with errors invalid and describe them by their error list", () => {
    const lastResult: SubmissionResult<string[]> = {
      status: "error",
      initialValue: { code: "ab", places: "0", day: "", university: "2" },
      error: { code: ["validation.tooShort"], places: ["validation.tooSmall"] },
    };
    const html = render(false, lastResult);
    expect(controls(html)).toEqual(expected(render(true, lastResult)));
    expect(controls(html).get("f-code")).toMatchObject({ "aria-invalid": "true", value: "ab" });
    expect(html).toMatch(/<input[^>]*id="f-code"[^>]*aria-describedby="f-code-error"/);
    expect(html).toContain('<ul id="f-code-error" class="field-errors">');
    expect(controls(html).get("f-note")).not.toHaveProperty("aria-invalid");
  });
});
