/**
 * Staff: the interview overview across projects (/staff/interviews): every booking with its project, host firm, team,
 * time and state, filtered by Tokyo dates and project (a GET form, works without JavaScript). Once an interview has
 * ended, staff record done or missed here with the same model function as every other page.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutcomeButtons, SlotStatusBadge, SlotTime, TeamNames } from "~/components/interviews";
import type { Lng } from "~/i18n";
import { hasEnded, OUTCOME_STATES } from "~/interviews/slots";
import { listInterviewOverview, listProjectsWithBookings } from "~/models/interview-overview.server";
import { markOutcome } from "~/models/interview.server";
import { toastResult } from "~/route-helpers/respond.server";
import { parseOverviewFilters, SlotButtonSchema } from "~/schemas/interviews";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const filters = parseOverviewFilters(new URL(request.url));
  const [overview, projects] = await Promise.all([listInterviewOverview(filters), listProjectsWithBookings()]);
  const at = new Date();
  return {
    filters,
    projects,
    more: overview.more,
    rows: overview.rows.map((r) => ({
      ...r,
      status: r.cancelled_at ? ("cancelled" as const) : (r.outcome ?? ("booked" as const)),
      outcomeOpen: hasEnded(r, at) && OUTCOME_STATES.includes(r.project_state),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const submission = (await readForm(request)).parse(SlotButtonSchema);
  const outcome = submission.status === "success" ? submission.value.intent : null;
  if (submission.status !== "success" || (outcome !== "done" && outcome !== "missed"))
    invariantResponse(false, "Bad Request", { status: 400 });
  // Back to the same filtered list.
  const back = `/staff/interviews${new URL(request.url).search}`;
  return toastResult(await markOutcome(staff, submission.value.slotId, outcome), back, `interviews.toast.${outcome}`);
}

export default function StaffInterviewOverview() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { filters, projects, rows, more } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("interviews.overview.title")}</h1>
      <p>{t("interviews.overview.lead")}</p>
      <Form method="get" className="filters">
        <label>
          {t("interviews.overview.from")} <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>{" "}
        <label>
          {t("interviews.overview.to")} <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>{" "}
        <label>
          {t("interviews.overview.project")}{" "}
          <select name="project" defaultValue={filters.projectId ?? ""}>
            <option value="">{t("interviews.staff.all")}</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {localTitle(p, lng)}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="button">
          {t("interviews.staff.filter")}
        </button>
      </Form>
      {filters.ignored.length ? (
        <p role="status">
          {t("interviews.overview.ignored", {
            fields: filters.ignored.map((f) => t(`interviews.overview.${f}`)).join(lng === "ja" ? "、" : ", "),
          })}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t("interviews.overview.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("interviews.overview.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("interviews.col.when")}</th>
                <th scope="col">{t("interviews.overview.project")}</th>
                <th scope="col">{t("interviews.col.firm")}</th>
                <th scope="col">{t("interviews.team")}</th>
                <th scope="col">{t("interviews.col.status")}</th>
                <th scope="col">{t("interviews.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <SlotTime slot={r} />
                  </th>
                  <td>
                    <Link to={`/staff/projects/${r.project_id}/interviews`}>{localTitle(r, lng)}</Link>
                  </td>
                  <td>{r.firm_name}</td>
                  <td>{r.team.length ? <TeamNames team={r.team} /> : "—"}</td>
                  <td>
                    <SlotStatusBadge status={r.status} />
                  </td>
                  <td>
                    {r.outcomeOpen && r.status !== "cancelled" ? (
                      <OutcomeButtons slotId={r.id} label={t("interviews.outcomeFor")} status={r.status} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? <p>{t("interviews.overview.more")}</p> : null}
    </>
  );
}
