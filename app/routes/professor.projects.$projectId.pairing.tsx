/**
 * The owning professor: the published pairing of their project, in full (who goes where, figures, manual moves with
 * reasons, blocking pairs, seed). Once published, the professor may place their students left without a firm into
 * free places, recorded like staff overrides (with a reason; the student, the firm and staff are told). Before
 * publication, only that it is not published yet.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { RunReport } from "~/components/pairing";
import type { Lng } from "~/i18n";
import { notifyLatePlacement } from "~/models/pairing-notify.server";
import { loadRunView } from "~/models/pairing-view.server";
import { getPublishedRun, LATE_PLACEMENT_STATES, overrideAssignment } from "~/models/pairing.server";
import { getProject } from "~/models/project.server";
import { failureReply, projectFailureStatus } from "~/route-helpers/respond.server";
import { OverrideSchema, REASON_MAX } from "~/schemas/pairing";
import { parseId } from "~/schemas/params";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

async function requireOwnProject(request: Request, params: LoaderFunctionArgs["params"]) {
  const professor = await requireRole(request, "professor");
  const project = await getProject(parseId(params.projectId));
  invariantResponse(project);
  invariantResponse(project.professor_id === professor.id, "Forbidden", { status: 403 });
  return { professor, project };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireOwnProject(request, params);
  const published = await getPublishedRun(project.id);
  const view = published ? await loadRunView(project.id, published.run.id) : null;
  return {
    project: { id: project.id, title_ja: project.title_ja, title_en: project.title_en },
    view,
    late:
      view !== null &&
      LATE_PLACEMENT_STATES.includes(project.state) &&
      view.unmatched.length > 0 &&
      view.hosts.some((h) => h.unused > 0),
  };
}

/** The field a model refusal of a placement belongs next to. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { professor, project } = await requireOwnProject(request, params);
  const published = await getPublishedRun(project.id);
  invariantResponse(published, "Conflict", { status: 409 });
  const submission = (await readForm(request)).parse(OverrideSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { signupId, target, reason } = submission.value;
  const placed = await overrideAssignment(published.run.id, signupId, target, reason, professor, notifyLatePlacement);
  if (!placed.ok) return failureReply(submission, placed, { status: projectFailureStatus });
  return redirectWithToast(`/professor/projects/${project.id}/pairing`, {
    kind: "success",
    key: "pairing.toast.placedLate",
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.project.title_ja }] : []);

export default function ProfessorPairing() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, view, late } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/professor/projects/${project.id}`}>{t("pairing.backToProject")}</Link>
      </p>
      <h1>{t("pairing.pageTitle", { title: localTitle(project, lng) })}</h1>
      {view ? (
        <>
          <p>{t("pairing.professor.lead")}</p>
          <RunReport view={view} />
          {late ? <PlaceForm view={view} /> : null}
        </>
      ) : (
        <p>{t("pairing.professor.notPublished")}</p>
      )}
    </>
  );
}

function PlaceForm({ view }: { view: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["view"]> }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "place",
    lastResult: actionData?.result,
    constraint: zodConstraint(OverrideSchema),
  });
  return (
    <section aria-labelledby="place-title" className="panel">
      <h2 id="place-title">{t("pairing.move.lateTitle")}</h2>
      <p>{t("pairing.move.lateHint")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="override" />
        <SelectField
          meta={fields.signupId}
          label={t("pairing.move.student")}
          placeholder={t("pairing.move.choose")}
          options={view.students
            .filter((s) => s.host === null)
            .map((s) => ({
              value: s.id,
              label: t("pairing.move.studentOption", { name: s.name, host: t("pairing.unplaced") }),
            }))}
        />
        <SelectField
          meta={fields.target}
          label={t("pairing.move.target")}
          placeholder={t("pairing.move.choose")}
          options={view.hosts
            .filter((h) => h.unused > 0)
            .map((h) => ({ value: h.id, label: t("pairing.move.hostOption", { name: h.name, n: h.unused }) }))}
        />
        <TextareaField
          meta={fields.reason}
          label={t("pairing.move.reason")}
          hint={t("pairing.move.reasonHint", { max: REASON_MAX })}
          rows={3}
        />
        <button type="submit" className="button">
          {t("pairing.move.submit")}
        </button>
      </Form>
    </section>
  );
}
