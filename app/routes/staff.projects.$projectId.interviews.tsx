/**
 * Staff: every interview slot of a project (offered, booked, cancelled, with outcomes), filtered by status and host
 * firm (GET form, works without JavaScript). Certificate eligibility depends on the outcomes, so staff can record
 * done or missed once an interview has ended, for a host firm without an account too (recorded as done by staff).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutcomeButtons, SlotStatusBadge, SlotTime, SlotWhere, TeamNames } from "~/components/interviews";
import type { Lng } from "~/i18n";
import { listProjectInterviews, markOutcome } from "~/models/interview.server";
import { slotView } from "~/route-helpers/interview-page.server";
import { requireVisibleProject } from "~/route-helpers/project-page.server";
import { toastResult } from "~/route-helpers/respond.server";
import { parseSlotFilters, SLOT_STATUSES, SlotButtonSchema } from "~/schemas/interviews";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const project = await requireVisibleProject(staff, params);
  const filters = parseSlotFilters(new URL(request.url));
  const at = new Date();
  const teams = await listProjectInterviews(project.id);
  const slots = teams.flatMap(({ host, team, slots }) =>
    slots.map((s) => ({
      ...slotView(s, project.state, at),
      firmName: host.firm_name,
      team: team.map((m) => ({ name: m.name })),
    })),
  );
  return {
    project: { id: project.id, title_ja: project.title_ja, title_en: project.title_en },
    filters,
    hosts: teams.map(({ host }) => ({ id: host.id, name: host.firm_name })),
    slots: slots
      .filter((s) => !filters.status || s.status === filters.status)
      .filter((s) => !filters.hostId || s.host_id === filters.hostId)
      .sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.id - b.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const project = await requireVisibleProject(staff, params);
  const submission = (await readForm(request)).parse(SlotButtonSchema);
  const outcome = submission.status === "success" ? submission.value.intent : null;
  if (submission.status !== "success" || (outcome !== "done" && outcome !== "missed"))
    invariantResponse(false, "Bad Request", { status: 400 });
  const r = await markOutcome(staff, submission.value.slotId, outcome, new Date(), project.id);
  return toastResult(r, `/staff/projects/${project.id}/interviews`, `interviews.toast.${outcome}`);
}

export default function StaffProjectInterviews() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, filters, hosts, slots } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/staff/projects/${project.id}`}>{t("hosts.backToProject")}</Link>
      </p>
      <h1>{t("interviews.staff.title", { project: localTitle(project, lng) })}</h1>
      <p>{t("interviews.staff.lead")}</p>
      {hosts.length ? (
        <nav aria-labelledby="act-for-title">
          <h2 id="act-for-title">{t("hostPage.staff.actFor")}</h2>
          <ul>
            {hosts.map((h) => (
              <li key={h.id}>
                <Link to={`/staff/projects/${project.id}/interviews/${h.id}`}>{h.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Form method="get" className="filters">
        <label>
          {t("interviews.col.status")}{" "}
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("interviews.staff.all")}</option>
            {SLOT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`interviews.status.${s}`)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("interviews.col.firm")}{" "}
          <select name="host" defaultValue={filters.hostId ?? ""}>
            <option value="">{t("interviews.staff.all")}</option>
            {hosts.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="button">
          {t("interviews.staff.filter")}
        </button>
      </Form>
      {slots.length === 0 ? (
        <p>{t("interviews.staff.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("interviews.col.when")}</th>
                <th scope="col">{t("interviews.col.firm")}</th>
                <th scope="col">{t("interviews.team")}</th>
                <th scope="col">{t("interviews.col.where")}</th>
                <th scope="col">{t("interviews.col.status")}</th>
                <th scope="col">{t("interviews.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {slots.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <SlotTime slot={s} />
                  </th>
                  <td>{s.firmName}</td>
                  <td>
                    <TeamNames team={s.team} />
                  </td>
                  <td>
                    <SlotWhere slot={s} />
                  </td>
                  <td>
                    <SlotStatusBadge status={s.status} />
                  </td>
                  <td>
                    {s.outcomeOpen && (s.status === "booked" || s.status === "done" || s.status === "missed") ? (
                      <OutcomeButtons slotId={s.id} label={t("interviews.outcomeFor")} status={s.status} />
                    ) : null}
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
