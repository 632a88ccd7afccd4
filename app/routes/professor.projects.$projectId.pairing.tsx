/**
 * The owning professor: the published pairing of their project, in full (who goes where, figures, manual moves with
 * reasons, blocking pairs, seed), read-only. Before publication, only that it is not published yet.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RunReport } from "~/components/pairing";
import { projectTitle } from "~/components/projects";
import type { Lng } from "~/i18n";
import { loadRunView } from "~/models/pairing-view.server";
import { getPublishedRun } from "~/models/pairing.server";
import { getProject } from "~/models/project.server";
import { parseId } from "~/schemas/params";
import { invariantResponse } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const professor = await requireRole(request, "professor");
  const project = await getProject(parseId(params.projectId));
  invariantResponse(project);
  invariantResponse(project.professor_id === professor.id, "Forbidden", { status: 403 });
  const published = await getPublishedRun(project.id);
  return {
    project: { id: project.id, title_ja: project.title_ja, title_en: project.title_en },
    view: published ? await loadRunView(project.id, published.run.id) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.project.title_ja }] : []);

export default function ProfessorPairing() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, view } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/professor/projects/${project.id}`}>{t("pairing.backToProject")}</Link>
      </p>
      <h1>{t("pairing.pageTitle", { title: projectTitle(project, lng) })}</h1>
      {view ? (
        <>
          <p>{t("pairing.professor.lead")}</p>
          <RunReport view={view} />
        </>
      ) : (
        <p>{t("pairing.professor.notPublished")}</p>
      )}
    </>
  );
}
