/**
 * A firm user manages one host's interviews: the team, the slots offered (add, cancel with a reason, mark done or
 * missed once ended, download as .ics) and the change cut-off.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HostFacts, HostSlotsManager } from "~/components/host-slots";
import type { Lng } from "~/i18n";
import { BOOKING_STATES } from "~/interviews/slots";
import { listSlotsOf, loadHostFor } from "~/models/interview.server";
import { handleSlotAction, slotView } from "~/route-helpers/interview-page.server";
import { parseId } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { getLocale } from "~/utils/i18n.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

async function requireOwnHost(request: Request, hostIdValue: string | undefined) {
  const user = await requireRole(request, "firm");
  const loaded = await loadHostFor(user, parseId(hostIdValue));
  invariantResponse(loaded && loaded.team.length > 0);
  invariantResponse(loaded.visible, "Forbidden", { status: 403 });
  return { user, ...loaded };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { host, team } = await requireOwnHost(request, params.hostId);
  const slots = await listSlotsOf([host.id]);
  const at = new Date();
  return {
    host: {
      id: host.id,
      title_ja: host.title_ja,
      title_en: host.title_en,
      firm_name: host.firm_name,
      interview_from: host.interview_from,
      interview_until: host.interview_until,
      cutoffHours: host.change_cutoff_hours,
    },
    canOffer: BOOKING_STATES.includes(host.state),
    team: team.map((m) => ({ name: m.name })),
    slots: slots.map((s) => slotView(s, host.state, at)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, host } = await requireOwnHost(request, params.hostId);
  const form = await readForm(request);
  const lng = await getLocale(request, user);
  return handleSlotAction(user, { host, here: `/firm/interviews/${host.id}`, form, lng });
}

export default function FirmHostInterviews() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { host, canOffer, team, slots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/firm/interviews">{t("interviews.firm.backToList")}</Link>
      </p>
      <h1>{t("interviews.firm.hostTitle", { project: localTitle(host, lng) })}</h1>
      <HostFacts host={host} team={team} />
      <HostSlotsManager slots={slots} canOffer={canOffer} cutoffHours={host.cutoffHours} actionData={actionData} />
    </>
  );
}
