/** The owning professor: the project's host firms, and suggesting firms for staff to invite. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmChoiceSearch, HostFirmForm, HostsTable } from "~/components/hosts";
import type { Lng } from "~/i18n";
import { listFirmChoices, listProjectHosts, suggestHost, SUGGEST_STATES } from "~/models/project-host.server";
import { getProject } from "~/models/project.server";
import { failureReply } from "~/route-helpers/respond.server";
import { HostFirmSchema } from "~/schemas/hosts";
import { parseId } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

async function requireOwnProject(request: Request, projectIdValue: string | undefined) {
  const professor = await requireRole(request, "professor");
  const project = await getProject(parseId(projectIdValue));
  invariantResponse(project);
  invariantResponse(project.professor_id === professor.id, "Forbidden", { status: 403 });
  return { professor, project };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireOwnProject(request, params.projectId);
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  const [hosts, choices] = await Promise.all([listProjectHosts(project.id), listFirmChoices(q)]);
  const listed = new Set(hosts.map((h) => h.firm_id));
  return {
    project: { id: project.id, title_ja: project.title_ja, title_en: project.title_en, state: project.state },
    canSuggest: SUGGEST_STATES.includes(project.state),
    hosts,
    firms: choices.firms.filter((f) => !listed.has(f.id)),
    more: choices.more,
    q,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { professor, project } = await requireOwnProject(request, params.projectId);
  const submission = (await readForm(request)).parse(HostFirmSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const r = await suggestHost(professor, project.id, {
    firmId: submission.value.firmId,
    contactEmail: submission.value.contactEmail ?? null,
  });
  if (r.ok)
    return redirectWithToast(`/professor/projects/${project.id}/hosts`, {
      kind: "success",
      key: "hosts.toast.suggested",
    });
  return failureReply(submission, r, { status: 409 });
}

export default function ProfessorProjectHosts() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, canSuggest, hosts, firms, more, q } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/professor/projects/${project.id}`}>{t("hosts.backToProject")}</Link>
      </p>
      <h1>{t("hosts.professorTitle", { title: localTitle(project, lng) })}</h1>
      <p>{t("hosts.professorLead")}</p>
      <section aria-labelledby="hosts-title">
        <h2 id="hosts-title">{t("hosts.listTitle")}</h2>
        <HostsTable hosts={hosts} firmHref={(id) => `/firms/${id}`} />
      </section>
      <section aria-labelledby="suggest-title" className="panel">
        <h2 id="suggest-title">{t("hosts.suggestTitle")}</h2>
        {canSuggest ? (
          <>
            <p>{t("hosts.suggestLead")}</p>
            <FirmChoiceSearch q={q} />
            <HostFirmForm
              id="suggest"
              firms={firms}
              more={more}
              lastResult={actionData?.result}
              contactHint={t("hosts.pick.contactHintProfessor")}
              submitLabel={t("hosts.pick.suggest")}
            />
          </>
        ) : (
          <p>{t("hosts.notSuggestable", { state: t(`projects.states.${project.state}`) })}</p>
        )}
      </section>
    </>
  );
}
