/**
 * Staff act for one host of a project (a host firm without an account, typically): the same slot page the firm's
 * users and the host's link page show, with the same actions and model functions; the audit records staff as the
 * actor, acting for the host.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HostFacts, HostSlotsManager } from "~/components/host-slots";
import { BOOKING_STATES } from "~/interviews/slots";
import { listSlotsOf, loadHostFor } from "~/models/interview.server";
import { handleSlotAction, slotView } from "~/route-helpers/interview-page.server";
import { requireVisibleProject } from "~/route-helpers/project-page.server";
import { idParam } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { getLocale } from "~/utils/i18n.server";
import { invariantResponse } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";

async function requireProjectHost(request: Request, params: LoaderFunctionArgs["params"]) {
  const staff = await requireRole(request, "staff");
  const project = await requireVisibleProject(staff, params);
  const loaded = await loadHostFor(staff, idParam(params, "hostId"));
  invariantResponse(loaded && loaded.host.project_id === project.id);
  return { staff, project, ...loaded };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project, host, team } = await requireProjectHost(request, params);
  const slots = await listSlotsOf([host.id]);
  const at = new Date();
  return {
    projectId: project.id,
    host: {
      firm_name: host.firm_name,
      interview_from: host.interview_from,
      interview_until: host.interview_until,
      cutoffHours: host.change_cutoff_hours,
    },
    canOffer: BOOKING_STATES.includes(host.state) && team.length > 0,
    team: team.map((m) => ({ name: m.name })),
    slots: slots.map((s) => slotView(s, host.state, at)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, project, host } = await requireProjectHost(request, params);
  const form = await readForm(request);
  const lng = await getLocale(request, staff);
  const here = `/staff/projects/${project.id}/interviews/${host.id}`;
  return handleSlotAction(staff, { host, here, form, lng, projectId: project.id });
}

export default function StaffHostInterviews() {
  const { t } = useTranslation();
  const { projectId, host, canOffer, team, slots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/staff/projects/${projectId}/interviews`}>{t("hostPage.staff.backToInterviews")}</Link>
      </p>
      <h1>{t("hostPage.staff.title", { firm: host.firm_name })}</h1>
      <p>{t("hostPage.staff.lead")}</p>
      <HostFacts host={host} team={team} />
      <HostSlotsManager slots={slots} canOffer={canOffer} cutoffHours={host.cutoffHours} actionData={actionData} />
    </>
  );
}
