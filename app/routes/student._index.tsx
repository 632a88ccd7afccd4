/** Student home: the student's sign-ups (state, ranking, closing time) and the way to join a project. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { listStudentSignups } from "~/models/signup.server";
import { getUserAffiliation } from "~/models/user.server";
import { PAIRED_STATES } from "~/projects/lifecycle";
import { signupPhase } from "~/projects/signup";
import { formatDateTime } from "~/utils/format";
import { localTitle, localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

/** The states whose "what happens next" line the page shows (projects.next.*). */
const NEXT = { closed: 1, paired: 1, interviewing: 1, presented: 1, completed: 1, cancelled: 1 };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "student");
  const [affiliation, signups] = await Promise.all([getUserAffiliation(user), listStudentSignups(user.id)]);
  return {
    user: { name: user.name, nameKana: user.name_kana },
    ...affiliation,
    signups: signups.map((s) => ({ ...s, phase: signupPhase(s) })),
  };
}

export default function StudentHome() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { user, university, signups } = useLoaderData<typeof loader>();
  return (
    <>
      <section>
        <h1>{t("student.homeTitle")}</h1>
        <p>
          <ruby>
            {user.name}
            <rp>(</rp>
            <rt>{user.nameKana}</rt>
            <rp>)</rp>
          </ruby>
        </p>
        {university ? <p>{t("student.university", { university: localized(university, "name", lng) })}</p> : null}
        <p>{t("student.homeLead")}</p>
      </section>
      <section aria-labelledby="signups-title">
        <h2 id="signups-title">{t("signup.home.title")}</h2>
        {signups.length === 0 ? <p>{t("signup.home.empty")}</p> : null}
        <ul className="cards">
          {signups.map((s) => (
            <li key={s.id}>
              <h3 className="card-title">
                <Link to={`/student/projects/${s.project_id}/signup`}>{localTitle(s, lng)}</Link>
              </h3>
              <p>
                <span className="badge">{t(`projects.states.${s.state}`)}</span>{" "}
                {t(s.phase === "open" ? "signup.home.changeUntil" : "signup.home.closedAt", {
                  date: formatDateTime(s.signup_closes_at, lng),
                })}
              </p>
              {s.state !== "open" && s.state in NEXT ? <p>{t(`projects.next.${s.state}`)}</p> : null}
              {PAIRED_STATES.includes(s.state) ? (
                <p>
                  <Link to={`/student/projects/${s.project_id}/pairing`}>{t("pairing.links.result")}</Link>
                </p>
              ) : null}
              <p className="muted">{t("signup.yourRanking")}</p>
              <ol>
                {s.ranking.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/student/join" className="button">
            {t("signup.home.join")}
          </Link>{" "}
          <Link to="/student/interviews" className="button button--secondary">
            {t("interviews.navLabel")}
          </Link>{" "}
          <Link to="/student/certificates" className="button button--secondary">
            {t("nav.certificates")}
          </Link>
        </p>
      </section>
    </>
  );
}
