/** The owning professor: every team's booking and outcome; done or missed is recorded once an interview has ended. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutcomeButtons, SlotStatusBadge, SlotTime, SlotWhere, TeamNames } from "~/components/interviews";
import type { Lng } from "~/i18n";
import { listProjectInterviews, markOutcome } from "~/models/interview.server";
import { slotView } from "~/route-helpers/interview-page.server";
import { requireVisibleProject } from "~/route-helpers/project-page.server";
import { toastResult } from "~/route-helpers/respond.server";
import { SlotButtonSchema } from "~/schemas/interviews";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

async function requireOwnProject(request: Request, params: LoaderFunctionArgs["params"]) {
  const professor = await requireRole(request, "professor");
  return { professor, project: await requireVisibleProject(professor, params) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireOwnProject(request, params);
  const at = new Date();
  const teams = await listProjectInterviews(project.id);
  return {
    project: { id: project.id, title_ja: project.title_ja, title_en: project.title_en },
    teams: teams.map(({ host, team, slots, booking }) => ({
      hostId: host.id,
      firmName: host.firm_name,
      team: team.map((m) => ({ name: m.name })),
      booking: booking && slotView(booking, project.state, at),
      offered: slots.filter((s) => !s.cancelled_at).length,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { professor, project } = await requireOwnProject(request, params);
  const submission = (await readForm(request)).parse(SlotButtonSchema);
  const outcome = submission.status === "success" ? submission.value.intent : null;
  invariantResponse(submission.status === "success" && (outcome === "done" || outcome === "missed"), "Bad Request", {
    status: 400,
  });
  const r = await markOutcome(professor, submission.value.slotId, outcome);
  return toastResult(r, `/professor/projects/${project.id}/interviews`, `interviews.toast.${outcome}`);
}

export default function ProfessorProjectInterviews() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, teams } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/professor/projects/${project.id}`}>{t("hosts.backToProject")}</Link>
      </p>
      <h1>{t("interviews.professor.title", { project: localTitle(project, lng) })}</h1>
      <p>{t("interviews.professor.lead")}</p>
      {teams.length === 0 ? (
        <p>{t("interviews.professor.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("interviews.col.firm")}</th>
                <th scope="col">{t("interviews.team")}</th>
                <th scope="col">{t("interviews.col.when")}</th>
                <th scope="col">{t("interviews.col.status")}</th>
                <th scope="col">{t("interviews.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.hostId}>
                  <th scope="row">{team.firmName}</th>
                  <td>
                    <TeamNames team={team.team} />
                  </td>
                  <td>
                    {team.booking ? (
                      <>
                        <SlotTime slot={team.booking} />
                        <br />
                        <SlotWhere slot={team.booking} />
                      </>
                    ) : (
                      t("interviews.professor.notBooked", { count: team.offered })
                    )}
                  </td>
                  <td>{team.booking ? <SlotStatusBadge status={team.booking.status} /> : null}</td>
                  <td>
                    <div className="row-actions">
                      {team.booking ? (
                        <a href={`/interviews/${team.booking.id}.ics`}>{t("interviews.downloadIcs")}</a>
                      ) : null}
                      {team.booking?.outcomeOpen ? (
                        <OutcomeButtons
                          slotId={team.booking.id}
                          label={t("interviews.outcomeFor")}
                          status={team.booking.status}
                        />
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
