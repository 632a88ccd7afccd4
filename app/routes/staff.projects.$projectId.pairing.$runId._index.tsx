/**
 * Staff: one pairing run. The preview (seed, figures, who goes where), moving a student by hand with a required
 * reason (the blocking pairs it creates are then listed), the pseudonymised downloads that `npm run match`
 * reproduces, and publishing (notifies students, host firms and the professor). Once published the run is fixed,
 * except that staff may place a student left without a firm (recorded as an override; the student and firm are told).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { RunReport } from "~/components/pairing";
import type { Lng } from "~/i18n";
import { notifyLatePlacement, notifyPairingPublished } from "~/models/pairing-notify.server";
import { loadRunView } from "~/models/pairing-view.server";
import { LATE_PLACEMENT_STATES, overrideAssignment, publishRun } from "~/models/pairing.server";
import { getProject } from "~/models/project.server";
import { failureData, failureReply, projectFailureStatus } from "~/route-helpers/respond.server";
import { OverrideSchema, REASON_MAX, UNPLACED } from "~/schemas/pairing";
import { parseId } from "~/schemas/params";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

async function requireRun(params: LoaderFunctionArgs["params"]) {
  const project = await getProject(parseId(params.projectId));
  const view = project && (await loadRunView(project.id, parseId(params.runId)));
  invariantResponse(project && view);
  return { project, view };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const { project, view } = await requireRun(params);
  const published = view.run.publishedAt !== null;
  return {
    project: { id: project.id, title_ja: project.title_ja, title_en: project.title_en },
    view,
    // Another run published (or sign-up not closed): this run stays as a record, neither changed nor published.
    editable: !published && project.state === "closed",
    // Once published, staff may still place the students left without a firm (each is notified).
    late:
      published &&
      LATE_PLACEMENT_STATES.includes(project.state) &&
      view.unmatched.length > 0 &&
      view.hosts.some((h) => h.unused > 0),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const { project, view } = await requireRun(params);
  const back = `/staff/projects/${project.id}/pairing/${view.run.id}`;
  const form = await readForm(request);
  if (form.value("intent") === "publish") {
    const published = await publishRun(view.run.id, staff, notifyPairingPublished);
    if (!published.ok) {
      return failureData(published, { with: { intent: "publish" as const }, status: projectFailureStatus });
    }
    return redirectWithToast(back, { kind: "success", key: "pairing.toast.published" });
  }
  const submission = form.parse(OverrideSchema);
  if (submission.status !== "success")
    return data({ intent: "override" as const, result: submission.reply() }, { status: 400 });
  const { signupId, target, reason } = submission.value;
  const moved = await overrideAssignment(view.run.id, signupId, target, reason, staff, notifyLatePlacement);
  if (!moved.ok) {
    return failureReply(submission, moved, { with: { intent: "override" as const }, status: projectFailureStatus });
  }
  return redirectWithToast(back, {
    kind: "success",
    key: view.run.publishedAt ? "pairing.toast.placedLate" : "pairing.toast.moved",
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.project.title_ja }] : []);

export default function StaffPairingRun() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, view, editable, late } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const published = view.run.publishedAt !== null;
  const movable = editable ? view.students : view.students.filter((s) => s.host === null);
  const targets = editable ? view.hosts : view.hosts.filter((h) => h.unused > 0);
  const base = `/staff/projects/${project.id}/pairing/${view.run.id}`;
  const [form, fields] = useForm({
    id: "override",
    lastResult: actionData?.intent === "override" ? actionData.result : undefined,
    constraint: zodConstraint(OverrideSchema),
  });
  return (
    <>
      <p>
        <Link to={`/staff/projects/${project.id}/pairing`}>{t("pairing.backToRuns")}</Link>
      </p>
      <h1>{t("pairing.run.title", { id: view.run.id, title: localTitle(project, lng) })}</h1>
      {actionData?.intent === "publish" && "error" in actionData ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}
      {editable ? null : (
        <p className="notice">{t(published ? "pairing.run.publishedNotice" : "pairing.run.lockedNotice")}</p>
      )}
      <RunReport view={view} />

      {editable || late ? (
        <section aria-labelledby="move-title" className="panel">
          <h2 id="move-title">{t(late ? "pairing.move.lateTitle" : "pairing.move.title")}</h2>
          <p>{t(late ? "pairing.move.lateHint" : "pairing.move.hint")}</p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="override" />
            <SelectField
              meta={fields.signupId}
              label={t("pairing.move.student")}
              placeholder={t("pairing.move.choose")}
              options={movable.map((s) => ({
                value: s.id,
                label: t("pairing.move.studentOption", { name: s.name, host: s.host ?? t("pairing.unplaced") }),
              }))}
            />
            <SelectField
              meta={fields.target}
              label={t("pairing.move.target")}
              placeholder={t("pairing.move.choose")}
              options={[
                ...targets.map((h) => ({
                  value: h.id,
                  label: t("pairing.move.hostOption", { name: h.name, n: h.unused }),
                })),
                ...(late ? [] : [{ value: UNPLACED, label: t("pairing.move.unplace") }]),
              ]}
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
      ) : null}

      <section aria-labelledby="download-title">
        <h2 id="download-title">{t("pairing.download.title")}</h2>
        <p>{t("pairing.download.hint")}</p>
        <pre className="mail-body">
          <code>npm run --silent match -- instance.json</code>
        </pre>
        <ul>
          <li>
            <a href={`${base}/instance.json`} download>
              {t("pairing.download.instance")}
            </a>
          </li>
          <li>
            <a href={`${base}/result.json`} download>
              {t("pairing.download.result")}
            </a>
          </li>
        </ul>
      </section>

      {editable ? (
        <section aria-labelledby="publish-title" className="panel">
          <h2 id="publish-title">{t("pairing.publish.title")}</h2>
          <p>{t("pairing.publish.hint")}</p>
          {view.blocking.length ? <p>{t("pairing.publish.blockingWarning", { n: view.blocking.length })}</p> : null}
          <Form method="post">
            <button type="submit" name="intent" value="publish" className="button">
              {t("pairing.publish.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
