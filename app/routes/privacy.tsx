/**
 * GET /privacy: the privacy notice (APPI Chapter 5): who holds the data, purposes, sharing, retention and requests.
 * Public. The retention periods are the configured ones (app/privacy/retention.server.ts), never written in the texts.
 */
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { PRIVACY_NOTICE_DATE, SELF_SERVICE_REQUESTS_PATH } from "~/privacy/notice";
import { retentionPeriods, signupRetainedUntil } from "~/privacy/retention.server";
import { pageMeta } from "~/seo/meta";
import { privacySeo } from "~/seo/pages";
import { fiscalYearOf, fiscalYearRange, formatDate, formatFiscalYear, tokyoDate } from "~/utils/format";

export function loader() {
  const periods = retentionPeriods();
  // The worked example: a project completing in the current fiscal year (on its last day, the latest case).
  const fiscalYear = fiscalYearOf(tokyoDate());
  return {
    periods,
    example: { fiscalYear, until: signupRetainedUntil(fiscalYearRange(fiscalYear).end, periods) },
    updated: PRIVACY_NOTICE_DATE,
    selfService: SELF_SERVICE_REQUESTS_PATH,
  };
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, (lng) => privacySeo(lng));

const PURPOSES = ["signup", "interviews", "events", "certificates", "mail", "report"] as const;
const ITEMS = ["student", "staff", "technical"] as const;
const SHARING = ["firms", "professors", "public", "nobodyElse"] as const;

export default function Privacy() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { periods, example, updated, selfService } = useLoaderData<typeof loader>();
  const retention = [
    {
      kind: t("privacy.retention.signup"),
      period: (
        <>
          {periods.signupFiscalYears === 1
            ? t("privacy.retention.signupOne")
            : t("privacy.retention.signupMany", { years: periods.signupFiscalYears })}
          <br />
          <span className="muted">
            {t("privacy.retention.signupExample", {
              fiscalYear: formatFiscalYear(example.fiscalYear, lng),
              date: formatDate(example.until, lng),
            })}
          </span>
        </>
      ),
    },
    { kind: t("privacy.retention.mail"), period: t("privacy.retention.mailPeriod", { days: periods.mailBodyDays }) },
    { kind: t("privacy.retention.account"), period: t("privacy.retention.accountPeriod") },
    { kind: t("privacy.retention.record"), period: t("privacy.retention.recordPeriod") },
    { kind: t("privacy.retention.certificate"), period: t("privacy.retention.certificatePeriod") },
  ];
  return (
    <article className="statement">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>

      <h2>{t("privacy.holderTitle")}</h2>
      <p>{t("privacy.holder")}</p>

      <h2>{t("privacy.purposeTitle")}</h2>
      <p>{t("privacy.purposeLead")}</p>
      <ul>
        {PURPOSES.map((p) => (
          <li key={p}>{t(`privacy.purposes.${p}`)}</li>
        ))}
      </ul>

      <h2>{t("privacy.itemsTitle")}</h2>
      <ul>
        {ITEMS.map((p) => (
          <li key={p}>{t(`privacy.items.${p}`)}</li>
        ))}
      </ul>

      <h2>{t("privacy.sharingTitle")}</h2>
      <ul>
        {SHARING.map((p) => (
          <li key={p}>{t(`privacy.sharing.${p}`)}</li>
        ))}
      </ul>

      <h2>{t("privacy.cookiesTitle")}</h2>
      <p>{t("privacy.cookies")}</p>

      <h2 id="retention">{t("privacy.retentionTitle")}</h2>
      <p>{t("privacy.retentionLead")}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("privacy.retentionKind")}</th>
              <th scope="col">{t("privacy.retentionPeriod")}</th>
            </tr>
          </thead>
          <tbody>
            {retention.map((row) => (
              <tr key={row.kind}>
                <th scope="row">{row.kind}</th>
                <td>{row.period}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="requests">{t("privacy.requestsTitle")}</h2>
      <p>{t("privacy.requestsLead")}</p>
      <p>{t("privacy.requestsHow")}</p>
      {selfService ? (
        <p>
          {t("privacy.requestsSelfService")} <Link to={selfService}>{t("privacy.requestsSelfServiceLink")}</Link>
        </p>
      ) : (
        <p>{t("privacy.requestsOnline")}</p>
      )}

      <h2>{t("privacy.updatedTitle")}</h2>
      <p>{t("privacy.updated", { date: formatDate(updated, lng) })}</p>
    </article>
  );
}
