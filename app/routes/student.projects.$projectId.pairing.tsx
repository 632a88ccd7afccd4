/**
 * A student's pairing result, once published: their firm (name, address, products), their teammates (names only),
 * the rank they gave that firm, the seed, and why: for each firm they ranked higher, that it was filled by students
 * with higher priority there (never who). Unplaced students are told so and what happens next.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Seed } from "~/components/pairing";
import type { Lng } from "~/i18n";
import { getStudentPairing } from "~/models/pairing-view.server";
import { getProject } from "~/models/project.server";
import { findSignup } from "~/models/signup.server";
import { parseId } from "~/schemas/params";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const student = await requireRole(request, "student");
  const project = await getProject(parseId(params.projectId));
  const signup = project && (await findSignup(student.id, project.id));
  invariantResponse(project && signup);
  return {
    project: { id: project.id, title_ja: project.title_ja, title_en: project.title_en },
    pairing: await getStudentPairing(signup.id, project.id),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.project.title_ja }] : []);

export default function StudentPairing() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, pairing } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/student/projects/${project.id}/signup`}>{t("pairing.student.backToSignup")}</Link>
      </p>
      <h1>{t("pairing.student.title", { title: localTitle(project, lng) })}</h1>
      {!pairing ? (
        <p>{t("pairing.student.notPublished")}</p>
      ) : (
        <>
          {pairing.placement ? (
            <section aria-labelledby="firm-title" className="panel">
              <h2 id="firm-title">{t("pairing.student.yourFirm")}</h2>
              <dl className="meta">
                <dt>{t("pairing.student.firm")}</dt>
                <dd>
                  {pairing.placement.firm.listed ? (
                    <Link to={`/firms/${pairing.placement.firm.id}`}>{pairing.placement.firm.name}</Link>
                  ) : (
                    pairing.placement.firm.name
                  )}
                </dd>
                <dt>{t("pairing.student.address")}</dt>
                <dd>{pairing.placement.firm.address}</dd>
                <dt>{t("pairing.student.products")}</dt>
                <dd>{pairing.placement.firm.products || "—"}</dd>
                <dt>{t("pairing.student.yourRank")}</dt>
                <dd>
                  {pairing.placement.choice
                    ? t("pairing.choice", { n: pairing.placement.choice })
                    : t(`pairing.placedBy.${pairing.placement.placedBy ?? "staff"}`)}
                </dd>
              </dl>
              <h3>{t("pairing.student.teammates")}</h3>
              {pairing.placement.teammates.length ? (
                <ul>
                  {pairing.placement.teammates.map((name, i) => (
                    <li key={i}>{name}</li>
                  ))}
                </ul>
              ) : (
                <p>{t("pairing.student.noTeammates")}</p>
              )}
            </section>
          ) : (
            <section aria-labelledby="unplaced-title" className="notice">
              <h2 id="unplaced-title">{t("pairing.student.unplacedTitle")}</h2>
              <p>{t("pairing.student.unplacedBody")}</p>
            </section>
          )}

          <section aria-labelledby="why-title">
            <h2 id="why-title">{t("pairing.student.whyTitle")}</h2>
            {pairing.movedByStaff ? <p>{t("pairing.student.youWereMoved")}</p> : null}
            {pairing.explanation.length ? (
              <>
                <p>
                  {t(
                    pairing.placement && pairing.placement.choice === null
                      ? "pairing.student.whyLeadAll"
                      : "pairing.student.whyLead",
                  )}
                </p>
                <ul>
                  {pairing.explanation.map((w, i) => (
                    <li key={i}>
                      {t(w.filledAhead ? "pairing.student.filledAhead" : "pairing.student.movedByStaff", {
                        firm: w.firm,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : pairing.placement ? (
              <p>{t("pairing.student.firstChoice")}</p>
            ) : null}
            <h3>{t("pairing.student.howTitle")}</h3>
            <p>{t("pairing.student.how")}</p>
            <dl className="meta">
              <dt>{t("pairing.run.seed")}</dt>
              <dd>
                <Seed seed={pairing.seed} />
              </dd>
              <dt>{t("pairing.student.publishedAt")}</dt>
              <dd>{formatDateTime(pairing.publishedAt, lng)}</dd>
            </dl>
          </section>
        </>
      )}
    </>
  );
}
