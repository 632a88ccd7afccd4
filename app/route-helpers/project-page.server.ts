/**
 * The project page's loader and action, shared by /professor/projects/:projectId and /staff/projects/:projectId
 * (the same page, with the buttons each role may use). Each route guards its role first; here a professor may only
 * see their own projects (403 otherwise), and every lifecycle button goes through transitionProject.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { notifyProjectTransition } from "~/models/project-notify.server";
import { getProjectDetail, listProjectEvents, regenerateJoinCode, transitionProject } from "~/models/project.server";
import { hostPopularity, listProjectSignups } from "~/models/signup.server";
import { allowedActions, canEdit } from "~/projects/lifecycle";
import { failureData, failureReply, projectFailureStatus, throwFailure } from "~/route-helpers/respond.server";
import { idParam } from "~/schemas/params";
import { firmIndustriesOf, PAGE_ACTIONS, TransitionSchema } from "~/schemas/project";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import type { SessionUser } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

/** What the project page renders (components/projects.tsx): inferred from loadProjectPage, not written twice. */
export type ProjectPageData = Awaited<ReturnType<typeof loadProjectPage>>;

export type ProjectActionData = { intent: string; result?: SubmissionResult<string[]>; error?: string } | undefined;

type ActionPayload = NonNullable<ProjectActionData>;

export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProjectDetail>>>;

/** The project in the URL, if this user may see it: 404 for an unknown id, 403 for another professor's project. */
export async function requireVisibleProject(
  user: SessionUser,
  params: LoaderFunctionArgs["params"],
): Promise<ProjectDetail> {
  const project = await getProjectDetail(idParam(params, "projectId"));
  invariantResponse(project);
  invariantResponse(user.role === "staff" || project.professor_id === user.id, "Forbidden", { status: 403 });
  return project;
}

export function basePathFor(user: SessionUser) {
  return user.role === "staff" ? "/staff/projects" : "/professor/projects";
}

export async function loadProjectPage(user: SessionUser, project: ProjectDetail) {
  const [events, signups, popularity] = await Promise.all([
    listProjectEvents(project.id),
    listProjectSignups(project.id),
    hostPopularity(project.id),
  ]);
  const { firm_industries, ...rest } = project;
  return {
    project: { ...rest, firmIndustries: firmIndustriesOf(firm_industries) },
    events,
    // The page shows what the seminar needs; emails are only in the CSV.
    signups: signups.map(({ id, name, university_ja, university_en, created_at, motivation, ranking }) => ({
      id,
      name,
      university_ja,
      university_en,
      created_at,
      motivation,
      ranking,
    })),
    popularity,
    actions: allowedActions(project, user).filter((a) => PAGE_ACTIONS.some((p) => p === a)),
    canEdit: canEdit(project, user),
    base: basePathFor(user),
  };
}

export async function handleProjectAction(request: Request, user: SessionUser, project: ProjectDetail) {
  const back = `${basePathFor(user)}/${project.id}`;
  const form = await readForm(request);
  if (form.value("intent") === "regenerateCode") {
    const regenerated = await regenerateJoinCode(user, project.id);
    if (!regenerated.ok) throwFailure(regenerated);
    return redirectWithToast(back, {
      kind: "success",
      key: "projects.toast.codeRegenerated",
      values: { code: regenerated.code },
    });
  }
  const submission = form.parse(TransitionSchema);
  if (submission.status !== "success") {
    const intent = String(form.value("intent") ?? "");
    return data<ActionPayload>({ intent, result: submission.reply() }, { status: 400 });
  }
  const { intent, comment } = submission.value;
  const moved = await transitionProject({
    projectId: project.id,
    action: intent,
    actor: user,
    comment: comment ?? null,
    notify: notifyProjectTransition,
  });
  if (!moved.ok) {
    // A missing comment goes on its field; every other refusal is said above the buttons.
    if (moved.field) return failureReply(submission, moved, { with: { intent } });
    return failureData(moved, { with: { intent }, status: projectFailureStatus });
  }
  return redirectWithToast(back, { kind: "success", key: `projects.toast.${intent}` });
}
