/**
 * Staff: a project's pairing runs. Close sign-up (if still open), create a run (closed projects only: a new seed is
 * drawn and recorded), and open any run to preview, adjust and publish it. Runs are kept; only one is published.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Seed } from "~/components/pairing";
import { StateBadge } from "~/components/projects";
import type { Lng } from "~/i18n";
import { createRun, listRuns } from "~/models/pairing.server";
import { notifyProjectTransition } from "~/models/project-notify.server";
import { getProject, transitionProject } from "~/models/project.server";
import { failureData, projectFailureStatus } from "~/route-helpers/respond.server";
import { parseId } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

async function requireProject(params: LoaderFunctionArgs["params"]) {
  const project = await getProject(parseId(params.projectId));
  invariantResponse(project);
  return project;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const project = await requireProject(params);
  const runs = await listRuns(project.id);
  return {
    project: { id: project.id, title_ja: project.title_ja, title_en: project.title_en, state: project.state },
    runs,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const project = await requireProject(params);
  const intent = (await readForm(request)).value("intent");
  const base = `/staff/projects/${project.id}/pairing`;
  if (intent === "close") {
    const closed = await transitionProject({
      projectId: project.id,
      action: "close",
      actor: staff,
      notify: notifyProjectTransition,
      errors: "pairing.errors",
    });
    if (!closed.ok) return failureData(closed, { status: projectFailureStatus });
    return redirectWithToast(base, { kind: "success", key: "pairing.toast.closed" });
  }
  if (intent === "create") {
    const created = await createRun(project.id, staff);
    if (!created.ok) return failureData(created, { status: projectFailureStatus });
    return redirectWithToast(`${base}/${created.runId}`, {
      kind: "success",
      key: "pairing.toast.created",
      values: { id: created.runId },
    });
  }
  return data({ error: "pairing.errors.unknownIntent" }, { status: 400 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.project.title_ja }] : []);

export default function StaffPairing() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, runs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/staff/projects/${project.id}`}>{t("pairing.backToProject")}</Link>
      </p>
      <h1>{t("pairing.pageTitle", { title: localTitle(project, lng) })}</h1>
      <p>
        {t("pairing.projectState")} <StateBadge state={project.state} />
      </p>
      <p>{t("pairing.intro")}</p>
      {actionData?.error ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}

      {project.state === "open" ? (
        <section aria-labelledby="close-title" className="notice">
          <h2 id="close-title">{t("pairing.close.title")}</h2>
          <p>{t("pairing.close.hint")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="close" className="button">
              {t("pairing.close.button")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="create-title" className="panel">
        <h2 id="create-title">{t("pairing.create.title")}</h2>
        {project.state === "closed" ? (
          <>
            <p>{t("pairing.create.hint")}</p>
            <Form method="post">
              <button type="submit" name="intent" value="create" className="button">
                {t("pairing.create.button")}
              </button>
            </Form>
          </>
        ) : (
          <p>{t(runs.some((r) => r.published_at) ? "pairing.create.published" : "pairing.create.needsClosed")}</p>
        )}
      </section>

      <section aria-labelledby="runs-title">
        <h2 id="runs-title">{t("pairing.runs.title")}</h2>
        {runs.length === 0 ? (
          <p>{t("pairing.runs.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("pairing.runs.run")}</th>
                  <th scope="col">{t("pairing.runs.created")}</th>
                  <th scope="col">{t("pairing.run.seed")}</th>
                  <th scope="col">{t("pairing.run.status")}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/staff/projects/${project.id}/pairing/${r.id}`}>
                        {t("pairing.runs.label", { id: r.id })}
                      </Link>
                    </th>
                    <td>
                      {t("pairing.run.byOn", {
                        name: r.created_by_name ?? "—",
                        date: formatDateTime(r.created_at, lng),
                      })}
                    </td>
                    <td>
                      <Seed seed={r.seed} />
                    </td>
                    <td>
                      {r.published_at ? (
                        <span className="badge badge--pairing-published">{t("pairing.status.published")}</span>
                      ) : (
                        <span className="badge">{t("pairing.status.draft")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
