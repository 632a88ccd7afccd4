/**
 * The project lifecycle of DESIGN.md as data: which role may take which action from which state. Pure (no I/O):
 * the model checks every transition with `checkTransition` before it writes, and pages use `allowedActions` to show
 * only the buttons that would work.
 *
 * draft → submitted → approved / returned (with a comment) / rejected → open for sign-up → closed → paired
 * → interviewing → presented → completed; cancelled from any state before completed.
 */
import type { ProjectState, Role } from "../../db/schema";

export type ProjectAction =
  | "submit"
  | "approve"
  | "return"
  | "reject"
  | "open"
  | "close"
  | "publish_pairing"
  | "start_interviews"
  | "mark_presented"
  | "complete"
  | "cancel";

interface Rule {
  from: readonly ProjectState[];
  to: ProjectState;
  /** staff act on any project; a professor only on their own. */
  roles: readonly Role[];
  /** A comment (reason) is required. */
  comment?: boolean;
  /** States from which a professor (not staff) may take this action, when narrower than `from`. */
  professorFrom?: readonly ProjectState[];
}

const BEFORE_COMPLETED: readonly ProjectState[] = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "open",
  "closed",
  "paired",
  "interviewing",
  "presented",
];

export const RULES: Record<ProjectAction, Rule> = {
  submit: { from: ["draft", "returned"], to: "submitted", roles: ["professor"] },
  approve: { from: ["submitted"], to: "approved", roles: ["staff"] },
  return: { from: ["submitted"], to: "returned", roles: ["staff"], comment: true },
  reject: { from: ["submitted"], to: "rejected", roles: ["staff"], comment: true },
  open: { from: ["approved"], to: "open", roles: ["staff", "professor"] },
  close: { from: ["open"], to: "closed", roles: ["staff", "professor"] },
  publish_pairing: { from: ["closed"], to: "paired", roles: ["staff"] },
  start_interviews: { from: ["paired"], to: "interviewing", roles: ["staff", "professor"] },
  mark_presented: { from: ["interviewing"], to: "presented", roles: ["staff"] },
  complete: { from: ["presented"], to: "completed", roles: ["staff"] },
  cancel: {
    from: BEFORE_COMPLETED,
    to: "cancelled",
    roles: ["staff", "professor"],
    comment: true,
    professorFrom: ["draft", "submitted", "returned", "approved"],
  },
};

export const PROJECT_ACTIONS = Object.keys(RULES) as ProjectAction[];

export interface Actor {
  id: number;
  role: Role;
}

export type TransitionCheck =
  | { ok: true; to: ProjectState }
  | { ok: false; status: 400 | 403 | 409; reason: "forbidden" | "wrongState" | "commentRequired" };

/** Whether `actor` may take `action` on a project in `state` owned by `professorId`. */
export function checkTransition(
  project: { state: ProjectState; professor_id: number },
  action: ProjectAction,
  actor: Actor,
  comment?: string | null,
): TransitionCheck {
  const rule = RULES[action];
  if (!rule.roles.includes(actor.role)) return { ok: false, status: 403, reason: "forbidden" };
  if (actor.role === "professor" && project.professor_id !== actor.id)
    return { ok: false, status: 403, reason: "forbidden" };
  const from = actor.role === "professor" && rule.professorFrom ? rule.professorFrom : rule.from;
  if (!from.includes(project.state)) {
    // A professor asking for something only staff may do in this state is forbidden, not a conflict.
    return rule.from.includes(project.state)
      ? { ok: false, status: 403, reason: "forbidden" }
      : { ok: false, status: 409, reason: "wrongState" };
  }
  if (rule.comment && !comment?.trim()) return { ok: false, status: 400, reason: "commentRequired" };
  return { ok: true, to: rule.to };
}

/** The actions `actor` could take now (ignoring comments and business preconditions such as hosts). */
export function allowedActions(project: { state: ProjectState; professor_id: number }, actor: Actor): ProjectAction[] {
  return PROJECT_ACTIONS.filter((action) => checkTransition(project, action, actor, "x").ok);
}

/** Only drafts and returned projects can be edited, by their professor. */
export function canEdit(project: { state: ProjectState; professor_id: number }, actor: Actor): boolean {
  return (
    actor.role === "professor" &&
    project.professor_id === actor.id &&
    (project.state === "draft" || project.state === "returned")
  );
}

/** States from pairing on: students have their host, firms their students, and the project can present. */
export const PAIRED_STATES: readonly ProjectState[] = ["paired", "interviewing", "presented", "completed"];

/** States in which the project is visible to the public. */
export const PUBLIC_STATES: readonly ProjectState[] = [
  "open",
  "closed",
  "paired",
  "interviewing",
  "presented",
  "completed",
];
