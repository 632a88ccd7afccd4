/**
 * Saving the proposal form (new and edit): the model's refusals become messages on the form — an agreement the
 * project may not run under is an error on the agreement field, with its reason; a project that can no longer be
 * edited is a 409.
 */
import type { Submission } from "@conform-to/react";
import { NOT_EDITABLE } from "~/models/project.server";
import { failureReply } from "~/route-helpers/respond.server";
import type { Result } from "~/utils/result";
import { redirectWithToast } from "~/utils/toast.server";

export async function saveProjectForm(
  submission: Submission<Record<string, unknown>, string[], unknown>,
  saved: Result<{ id: number }>,
  toastKey: string,
) {
  if (saved.ok) return redirectWithToast(`/professor/projects/${saved.id}`, { kind: "success", key: toastKey });
  // Only the agreement refusals belong on the form; a project no longer editable ends the request.
  return failureReply(submission, saved, { end: { [NOT_EDITABLE]: 409 } });
}
