/**
 * Staff: a project's host firms. Invite a firm from the register (or confirm a professor's suggestion, or invite
 * again with a fresh link), and take a host off the project. Inviting emails the firm's users a link to the app and
 * the contact email a signed answer link.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmChoiceSearch, HostFirmForm, HostsTable } from "~/components/hosts";
import type { Lng } from "~/i18n";
import {
  HOST_LINK_DAYS,
  HOSTING_STATES,
  inviteHost,
  listFirmChoices,
  listProjectHosts,
  withdrawHost,
} from "~/models/project-host.server";
import { getProject } from "~/models/project.server";
import { failureReply, toastResult } from "~/route-helpers/respond.server";
import { HostFirmSchema, WithdrawHostSchema } from "~/schemas/hosts";
import { parseId } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

async function loadProject(projectId: number) {
  const project = await getProject(projectId);
  invariantResponse(project);
  return project;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const project = await loadProject(parseId(params.projectId));
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const chosen = Number(url.searchParams.get("firm")) || null;
  const [hosts, choices] = await Promise.all([listProjectHosts(project.id), listFirmChoices(q, chosen)]);
  const accepted = new Set(hosts.filter((h) => h.status === "accepted").map((h) => h.firm_id));
  const chosenHost = hosts.find((h) => h.firm_id === chosen);
  return {
    project: { id: project.id, title_ja: project.title_ja, title_en: project.title_en, state: project.state },
    canInvite: HOSTING_STATES.includes(project.state),
    linkDays: HOST_LINK_DAYS,
    hosts,
    firms: choices.firms.filter((f) => !accepted.has(f.id)),
    more: choices.more,
    q,
    prefill: chosen ? { firmId: String(chosen), contactEmail: chosenHost?.contact_email ?? undefined } : undefined,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const project = await loadProject(parseId(params.projectId));
  const here = `/staff/projects/${project.id}/hosts`;
  const form = await readForm(request);
  if (form.value("intent") === "withdraw") {
    const submission = form.parse(WithdrawHostSchema);
    invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
    return toastResult(await withdrawHost(staff, project.id, submission.value.hostId), here, "hosts.toast.withdrawn");
  }
  const submission = form.parse(HostFirmSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const r = await inviteHost(staff, project.id, {
    firmId: submission.value.firmId,
    contactEmail: submission.value.contactEmail ?? null,
  });
  if (r.ok) return redirectWithToast(here, { kind: "success", key: "hosts.toast.invited" });
  return failureReply(submission, r, {
    status: (reason) => (reason === "hosts.errors.contactRequired" ? 400 : 409),
  });
}

export default function StaffProjectHosts() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, canInvite, linkDays, hosts, firms, more, q, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/staff/projects/${project.id}`}>{t("hosts.backToProject")}</Link>
      </p>
      <h1>{t("hosts.staffTitle", { title: localTitle(project, lng) })}</h1>
      <p>{t("hosts.staffLead")}</p>
      <section aria-labelledby="hosts-title">
        <h2 id="hosts-title">{t("hosts.listTitle")}</h2>
        <HostsTable
          hosts={hosts}
          firmHref={(id) => `/staff/firms/${id}`}
          actions={(h) =>
            canInvite ? (
              <div className="row-actions">
                {h.status !== "accepted" ? (
                  <Link to={`?firm=${h.firm_id}#invite-title`}>
                    {t(h.status === "suggested" ? "hosts.actions.confirm" : "hosts.actions.reinvite")}
                    <span className="visually-hidden">（{h.name}）</span>
                  </Link>
                ) : null}
                {h.status === "suggested" || h.status === "invited" || h.status === "accepted" ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="hostId" value={h.id} />
                    <button type="submit" name="intent" value="withdraw" className="button button--quiet">
                      {t("hosts.actions.withdraw")}
                      <span className="visually-hidden">（{h.name}）</span>
                    </button>
                  </Form>
                ) : null}
              </div>
            ) : null
          }
        />
      </section>
      <section aria-labelledby="invite-title" className="panel">
        <h2 id="invite-title">{t("hosts.inviteTitle")}</h2>
        {canInvite ? (
          <>
            <p>{t("hosts.inviteLead", { days: linkDays })}</p>
            <FirmChoiceSearch q={q} />
            <HostFirmForm
              key={prefill?.firmId ?? "new"}
              id="invite"
              firms={firms}
              more={more}
              lastResult={actionData?.result}
              defaultValue={prefill}
              contactHint={t("hosts.pick.contactHintStaff")}
              submitLabel={t("hosts.pick.invite")}
            />
          </>
        ) : (
          <p>{t("hosts.notInvitable", { state: t(`projects.states.${project.state}`) })}</p>
        )}
      </section>
    </>
  );
}
