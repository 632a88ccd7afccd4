/** Professor: edit their own project while it is a draft or returned (409 in any other state). */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectForm } from "~/components/projects";
import { checkPresentationInTerm, listAgreementChoices, updateProject } from "~/models/project.server";
import { canEdit } from "~/projects/lifecycle";
import { saveProjectForm } from "~/route-helpers/project-form.server";
import { requireVisibleProject } from "~/route-helpers/project-page.server";
import { failureReply } from "~/route-helpers/respond.server";
import { projectFormValues, ProjectSchema } from "~/schemas/project";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";

async function requireEditableProject(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireRole(request, "professor");
  const project = await requireVisibleProject(user, params);
  invariantResponse(canEdit(project, user), "Conflict", { status: 409 });
  return { user, project };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireEditableProject(request, params);
  return {
    project: { id: project.id, title_ja: project.title_ja },
    agreements: await listAgreementChoices(project.university_id),
    defaultValue: projectFormValues(project),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireEditableProject(request, params);
  const submission = (await readForm(request)).parse(ProjectSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const term = await checkPresentationInTerm(submission.value);
  if (!term.ok) return failureReply(submission, term);
  return saveProjectForm(submission, await updateProject(user, project.id, submission.value), "projects.toast.updated");
}

export default function EditProject() {
  const { t } = useTranslation();
  const { project, agreements, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("projects.professor.editTitle")}</h1>
      <p className="lead">{project.title_ja}</p>
      <ProjectForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        agreements={agreements}
        submitLabel={t("projects.professor.saveChanges")}
        cancelTo={`/professor/projects/${project.id}`}
      />
    </section>
  );
}
