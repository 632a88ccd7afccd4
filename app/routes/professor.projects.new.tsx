/** Professor: propose a project (saved as a draft, submitted for review from its page). */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectForm } from "~/components/projects";
import { checkPresentationInTerm, createProject, listAgreementChoices } from "~/models/project.server";
import { saveProjectForm } from "~/route-helpers/project-form.server";
import { failureReply } from "~/route-helpers/respond.server";
import { ProjectSchema } from "~/schemas/project";
import { readForm } from "~/utils/form.server";
import { fiscalYearOf } from "~/utils/format";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "professor");
  const agreements = user.university_id ? await listAgreementChoices(user.university_id) : null;
  const eligible = agreements?.filter((a) => a.eligible) ?? [];
  return {
    agreements,
    defaultValue: { fiscalYear: fiscalYearOf(), agreementId: eligible.length === 1 ? eligible[0].id : undefined },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "professor");
  const submission = (await readForm(request)).parse(ProjectSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const term = await checkPresentationInTerm(submission.value);
  if (!term.ok) return failureReply(submission, term);
  return saveProjectForm(submission, await createProject(user, submission.value), "projects.toast.created");
}

export default function NewProject() {
  const { t } = useTranslation();
  const { agreements, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("projects.professor.newTitle")}</h1>
      {agreements === null ? (
        <p className="notice">{t("projects.agreement.noUniversity")}</p>
      ) : (
        <>
          <p>{t("projects.professor.newLead")}</p>
          <ProjectForm
            lastResult={actionData?.result}
            defaultValue={defaultValue}
            agreements={agreements}
            submitLabel={t("projects.professor.save")}
            cancelTo="/professor/projects"
          />
        </>
      )}
    </section>
  );
}
