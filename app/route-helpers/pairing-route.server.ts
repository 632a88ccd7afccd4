/** Guards of the pairing routes that several routes share, and the JSON download response. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findFirmHost } from "~/models/pairing-view.server";
import { exportRun, getRun } from "~/models/pairing.server";
import { parseId } from "~/schemas/params";
import { invariantResponse } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";

/** A run of this project, exported (staff only); 404 for an unknown run or one of another project. */
export async function requireRunExport(request: Request, params: LoaderFunctionArgs["params"]) {
  await requireRole(request, "staff");
  const projectId = parseId(params.projectId);
  const runId = parseId(params.runId);
  const current = await getRun(runId);
  const exported = current?.run.project_id === projectId ? await exportRun(runId) : null;
  invariantResponse(current && exported);
  return { exported, name: `pairing-project${projectId}-run${runId}`, publishedAt: current.run.published_at };
}

export function jsonDownload(value: unknown, filename: string) {
  return new Response(`${JSON.stringify(value, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** The signed-in firm user and their firm's accepted host in this project; 404 when the firm does not host it. */
export async function requireFirmHost(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireRole(request, "firm");
  const host = await findFirmHost(user.firm_id, parseId(params.projectId));
  invariantResponse(host);
  return { user, host };
}
