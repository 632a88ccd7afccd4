/** Staff: any project — review (approve, return, reject), open, close, cancel; join code, history, sign-ups. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProjectPage } from "~/components/projects";
import { handleProjectAction, loadProjectPage, requireVisibleProject } from "~/route-helpers/project-page.server";
import { requireRole } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "staff");
  return loadProjectPage(user, await requireVisibleProject(user, params));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  return handleProjectAction(request, user, await requireVisibleProject(user, params));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.project.title_ja }] : []);

export default function StaffProject() {
  return <ProjectPage data={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />;
}
