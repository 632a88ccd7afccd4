/**
 * GET /accessibility: the accessibility statement: target, method, date, the results of the browser test run's
 * checks (app/accessibility/results.json, written by `npm run a11y:report`) and known exceptions. Public. The page
 * shows only what the file records, so it never claims more than was checked.
 */
import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { KEYBOARD_JOURNEYS, KNOWN_EXCEPTIONS } from "~/accessibility/exceptions";
import type { A11yResults } from "~/accessibility/results";
import committed from "~/accessibility/results.json";
import type { Lng } from "~/i18n";
import { pageMeta } from "~/seo/meta";
import { accessibilitySeo } from "~/seo/pages";
import { formatDate } from "~/utils/format";

// No loader: everything the statement shows is in files bundled with the route module, which the browser loads
// anyway. As loader data the same 17 KB were also encoded into every page view (turbo-stream, then escaped into an
// inline script): the biggest single cost of this page in the profile (README "Decisions", 2026-12-02).
const results = committed as A11yResults;
// The table's rows with their criteria as one string, joined once rather than on every page view.
const rows = results.pages.map((p) => ({ ...p, criteria: p.criteria.join(", ") }));
// Only the journeys the run recorded, in the order the statement lists them.
const keyboard = KEYBOARD_JOURNEYS.flatMap((journey) => results.keyboard.filter((k) => k.journey === journey));

export const meta: MetaFunction = (args) => pageMeta(args, (lng) => accessibilitySeo(lng));

export default function Accessibility() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <article className="statement">
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.lead")}</p>

      <h2>{t("accessibility.targetTitle")}</h2>
      <p>{t("accessibility.target")}</p>
      <p className="notice">{t("accessibility.scopeNote")}</p>

      <h2>{t("accessibility.methodTitle")}</h2>
      <ul>
        <li>{t("accessibility.methods.axe", { version: results.axeVersion ?? "" })}</li>
        <li>{t("accessibility.methods.keyboard")}</li>
        <li>{t("accessibility.methods.reflow")}</li>
        <li>{t("accessibility.methods.screenReader")}</li>
      </ul>

      <h2>{t("accessibility.dateTitle")}</h2>
      <p>
        {results.generatedAt
          ? t("accessibility.date", { date: formatDate(results.generatedAt, lng) })
          : t("accessibility.noResults")}
      </p>

      <h2 id="results">{t("accessibility.resultsTitle")}</h2>
      <p>{t("accessibility.resultsLead")}</p>
      {rows.length === 0 ? (
        <p>{t("accessibility.noResults")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("accessibility.colPage")}</th>
                <th scope="col">{t("accessibility.colJs")}</th>
                <th scope="col">{t("accessibility.colRules")}</th>
                <th scope="col">{t("accessibility.colCriteria")}</th>
                <th scope="col">{t("accessibility.colViolations")}</th>
                <th scope="col">{t("accessibility.dateTitle")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={`${p.page} ${p.js}`}>
                  <th scope="row">
                    <code>{p.page}</code>
                  </th>
                  <td>{p.js ? t("accessibility.jsOn") : t("accessibility.jsOff")}</td>
                  <td>{p.rules}</td>
                  <td>{p.criteria}</td>
                  <td>{p.violations}</td>
                  <td>{formatDate(p.checkedOn, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("accessibility.keyboardTitle")}</h2>
      {keyboard.length === 0 ? (
        <p>{t("accessibility.noResults")}</p>
      ) : (
        <ul>
          {keyboard.map((k) => (
            <li key={k.journey}>
              {t(`accessibility.keyboardJourneys.${k.journey as (typeof KEYBOARD_JOURNEYS)[number]}`)} (
              {formatDate(k.checkedOn, lng)})
            </li>
          ))}
        </ul>
      )}

      <h2>{t("accessibility.reflowTitle")}</h2>
      {results.reflow.length === 0 ? (
        <p>{t("accessibility.noResults")}</p>
      ) : (
        <ul>
          {results.reflow.map((r) => (
            <li key={r.page}>
              <code>{r.page}</code>: {t("accessibility.reflowWidths", { widths: r.widths.join(", ") })} (
              {formatDate(r.checkedOn, lng)})
            </li>
          ))}
        </ul>
      )}

      <h2>{t("accessibility.exceptionsTitle")}</h2>
      <ul>
        {KNOWN_EXCEPTIONS.map((e) => (
          <li key={e.key}>{t(`accessibility.exceptions.${e.key}`, { date: formatDate(e.fixBy, lng) })}</li>
        ))}
      </ul>

      <h2>{t("accessibility.contactTitle")}</h2>
      <p>{t("accessibility.contact")}</p>
    </article>
  );
}
