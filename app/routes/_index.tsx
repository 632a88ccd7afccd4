/** The public home: what the programme is, for whom, and the partner universities. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPartnerships } from "~/models/university.server";
import { pageMeta } from "~/seo/meta";
import { homeSeo } from "~/seo/pages";
import { localized } from "~/utils/localized";
import { getSessionUser, homePathFor } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return { partnerships: await listPartnerships(), home: user ? homePathFor(user.role) : null };
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, (lng) => homeSeo(lng));

const FLOW = [
  "agreement",
  "proposal",
  "review",
  "hosts",
  "signup",
  "pairing",
  "interviews",
  "event",
  "certificate",
  "verify",
] as const;

export default function Index() {
  const { t, i18n } = useTranslation();
  const { partnerships, home } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p className="actions">
          {home ? (
            <Link to={home} className="button">
              {t("home.yourHome")}
            </Link>
          ) : (
            <>
              <Link to="/login" className="button">
                {t("home.loginCta")}
              </Link>
              <Link to="/register" className="button button--secondary">
                {t("home.registerCta")}
              </Link>
            </>
          )}
        </p>
      </section>
      <section aria-labelledby="flow-title">
        <h2 id="flow-title">{t("home.flowTitle")}</h2>
        <ol className="flow">
          {FLOW.map((step) => (
            <li key={step}>{t(`home.flow.${step}`)}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="whom-title">
        <h2 id="whom-title">{t("home.forWhomTitle")}</h2>
        <ul className="cards">
          <li>{t("home.forStudents")}</li>
          <li>{t("home.forProfessors")}</li>
          <li>{t("home.forFirms")}</li>
          <li>{t("home.forEmployers")}</li>
        </ul>
      </section>
      <section aria-labelledby="univ-title">
        <h2 id="univ-title">{t("home.universitiesTitle")}</h2>
        <ul className="cards">
          {partnerships.map((p) => (
            <li key={p.id}>
              <strong>{localized(p, "name", i18n.language)}</strong>
              {p.since ? (
                <span className="muted"> · {t("home.since", { year: String(p.since).slice(0, 4) })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
