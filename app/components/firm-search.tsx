/**
 * The firm search form (a GET form: the filters live in the URL and it works without JavaScript) and the result
 * count, shared by the public directory and the staff register.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { INDUSTRIES, KITA_TOWNS } from "~/utils/kita";

export interface FirmSearchValues {
  q?: string;
  industry?: string;
  town?: string;
  new_product?: string;
  hidden?: string;
}

export function FirmSearchForm({ values, withHidden = false }: { values: FirmSearchValues; withHidden?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <Form
      key={JSON.stringify(values)}
      method="get"
      role="search"
      aria-label={t("firms.search.label")}
      className="search-form"
    >
      <div className="field">
        <label htmlFor="firm-q">{t("firms.search.keyword")}</label>
        <p id="firm-q-hint" className="field-hint">
          {t("firms.search.keywordHint")}
        </p>
        <input
          id="firm-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          aria-describedby="firm-q-hint"
          maxLength={100}
        />
      </div>
      <div className="search-form__row">
        <div className="field">
          <label htmlFor="firm-industry">{t("firms.fields.industry")}</label>
          <select id="firm-industry" name="industry" defaultValue={values.industry ?? ""}>
            <option value="">{t("firms.search.any")}</option>
            {INDUSTRIES.map((i) => (
              <option key={i.key} value={i.key}>
                {i[lng]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="firm-town">{t("firms.fields.town")}</label>
          <select id="firm-town" name="town" defaultValue={values.town ?? ""}>
            <option value="">{t("firms.search.any")}</option>
            {KITA_TOWNS.map((town) => (
              <option key={town.key} value={town.key}>
                {town[lng]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field field--check">
        <input id="firm-new" name="new_product" type="checkbox" value="1" defaultChecked={values.new_product === "1"} />
        <label htmlFor="firm-new">{t("firms.search.newProduct")}</label>
      </div>
      {withHidden ? (
        <div className="field field--check">
          <input id="firm-hidden" name="hidden" type="checkbox" value="1" defaultChecked={values.hidden === "1"} />
          <label htmlFor="firm-hidden">{t("firms.search.showHidden")}</label>
        </div>
      ) : null}
      <button type="submit" className="button">
        {t("firms.search.submit")}
      </button>
    </Form>
  );
}

/** "12件" and which of them this page shows, announced when the results change. */
export function ResultCount({ total, page, perPage }: { total: number; page: number; perPage: number }) {
  const { t } = useTranslation();
  const from = Math.min(total, (page - 1) * perPage + 1);
  const to = Math.min(total, page * perPage);
  return (
    <p className="result-count" role="status">
      {total === 0 ? t("firms.search.noResults") : t("firms.search.count", { total, from, to })}
    </p>
  );
}
