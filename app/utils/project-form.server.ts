/**
 * Saving the proposal form (new and edit): the model's refusals become messages on the form — an agreement the
 * project may not run under is an error on the agreement field, with its reason; a project that can no longer be
 * edited is a 409.
 */
import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { ProjectError } from "~/models/project.server";
import { msg } from "~/schemas/messages";
import type { Failure } from "./result";
import { redirectWithToast } from "./toast.server";

export async function saveProjectForm(
  submission: Submission<Record<string, unknown>, string[], unknown>,
  save: () => Promise<number>,
  toastKey: string,
) {
  try {
    const id = await save();
    return redirectWithToast(`/professor/projects/${id}`, { kind: "success", key: toastKey });
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    if (error.reason.startsWith("agreement")) {
      return data(
        { result: submission.reply({ fieldErrors: { agreementId: [msg(`projects.errors.${error.reason}`)] } }) },
        { status: 400 },
      );
    }
    throw new Response(error.reason, { status: error.status });
  }
}

/** A model's refusal that belongs to one field, as Conform field errors. */
export function fieldErrorOf(failure: Failure): Record<string, string[]> {
  return { [failure.field ?? ""]: [msg(failure.reason, failure.values)] };
}
