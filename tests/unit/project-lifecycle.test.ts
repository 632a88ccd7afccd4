// Every lifecycle action × every state × every role: who may do what, and the status code when not.
import { describe, expect, it } from "vitest";
import { checkTransition, PROJECT_ACTIONS, RULES, type ProjectAction } from "~/projects/lifecycle";
import type { ProjectState, Role } from "../../db/schema";

const STATES: ProjectState[] = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "rejected",
  "open",
  "closed",
  "paired",
  "interviewing",
  "presented",
  "completed",
  "cancelled",
];
const ROLES: Role[] = ["staff", "professor", "student", "firm"];
const OWNER = 7;

/** The expected outcome, written out independently of RULES' data structure. */
const EXPECTED: Record<
  ProjectAction,
  Partial<Record<ProjectState, { to: ProjectState; staff: boolean; professor: boolean }>>
> = {
  submit: {
    draft: { to: "submitted", staff: false, professor: true },
    returned: { to: "submitted", staff: false, professor: true },
  },
  approve: { submitted: { to: "approved", staff: true, professor: false } },
  return: { submitted: { to: "returned", staff: true, professor: false } },
  reject: { submitted: { to: "rejected", staff: true, professor: false } },
  open: { approved: { to: "open", staff: true, professor: true } },
  close: { open: { to: "closed", staff: true, professor: true } },
  publish_pairing: { closed: { to: "paired", staff: true, professor: false } },
  start_interviews: { paired: { to: "interviewing", staff: true, professor: true } },
  mark_presented: { interviewing: { to: "presented", staff: true, professor: false } },
  complete: { presented: { to: "completed", staff: true, professor: false } },
  cancel: Object.fromEntries(
    (
      [
        "draft",
        "submitted",
        "returned",
        "approved",
        "open",
        "closed",
        "paired",
        "interviewing",
        "presented",
      ] as ProjectState[]
    ).map((s) => [
      s,
      { to: "cancelled", staff: true, professor: ["draft", "submitted", "returned", "approved"].includes(s) },
    ]),
  ),
};

describe("project lifecycle: every transition × role", () => {
  for (const action of PROJECT_ACTIONS) {
    for (const state of STATES) {
      for (const role of ROLES) {
        it(`${role} ${action} from ${state}`, () => {
          const expected = EXPECTED[action][state];
          const result = checkTransition({ state, professor_id: OWNER }, action, { id: OWNER, role }, "理由");
          const allowed =
            expected && (role === "staff" ? expected.staff : role === "professor" ? expected.professor : false);
          if (allowed) {
            expect(result).toEqual({ ok: true, to: expected!.to });
          } else {
            expect(result.ok).toBe(false);
            const roleMayEver = RULES[action].roles.includes(role);
            // A role that may never take the action, or only elsewhere while staff could here, is forbidden (403);
            // an action no one may take in this state is a conflict (409).
            expect((result as { status: number }).status).toBe(!roleMayEver || expected ? 403 : 409);
          }
        });
      }
    }
  }

  it("refuses a professor acting on another professor's project", () => {
    expect(
      checkTransition({ state: "draft", professor_id: OWNER }, "submit", { id: 99, role: "professor" }),
    ).toMatchObject({ ok: false, status: 403 });
  });

  it("requires a comment to return, reject or cancel", () => {
    for (const action of ["return", "reject"] as const) {
      expect(
        checkTransition({ state: "submitted", professor_id: OWNER }, action, { id: 1, role: "staff" }, "  "),
      ).toMatchObject({ ok: false, status: 400, reason: "commentRequired" });
    }
    expect(checkTransition({ state: "open", professor_id: OWNER }, "cancel", { id: 1, role: "staff" })).toMatchObject({
      ok: false,
      reason: "commentRequired",
    });
  });
});
