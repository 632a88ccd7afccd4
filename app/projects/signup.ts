/**
 * Sign-up rules that pages and the model share, without I/O: where a project's sign-up window stands, and how the
 * ranking form's positions become an ordered list of hosts. Client-safe.
 */
import type { ProjectState } from "../../db/schema";

/**
 * The version of the consent text students agree to; bump it when the stated purpose changes. Recorded with every
 * sign-up (the model and the demo seed both write this one value).
 */
export const CONSENT_VERSION = "2026-11";

export type SignupPhase = "notOpen" | "open" | "closed";

const BEFORE_OPEN: readonly ProjectState[] = ["draft", "submitted", "returned", "approved"];

/** The window is [opens_at, closes_at) while the project is open; a project that has moved on is closed for sign-up. */
export function signupPhase(
  project: { state: ProjectState; signup_opens_at: string; signup_closes_at: string },
  at: Date = new Date(),
): SignupPhase {
  const t = at.toISOString();
  if (project.state === "open")
    return t < project.signup_opens_at ? "notOpen" : t < project.signup_closes_at ? "open" : "closed";
  return BEFORE_OPEN.includes(project.state) ? "notOpen" : "closed";
}

/** Host ids ordered by the positions the student chose (positions already checked to be 1..n, each once). */
export function rankingFromPositions(items: Array<{ host: number; position: number }>): number[] {
  return [...items].sort((a, b) => a.position - b.position).map((i) => i.host);
}

/**
 * What is wrong with the positions chosen for n hosts (undefined: not chosen): the positions chosen more than once
 * and those nobody chose. Both empty when the positions are exactly 1..n.
 */
export function positionProblems(positions: Array<number | undefined>): { duplicates: number[]; missing: number[] } {
  const seen = new Map<number, number>();
  for (const p of positions) if (p !== undefined) seen.set(p, (seen.get(p) ?? 0) + 1);
  const duplicates = [...seen]
    .filter(([, count]) => count > 1)
    .map(([p]) => p)
    .sort((a, b) => a - b);
  const missing = Array.from({ length: positions.length }, (_, i) => i + 1).filter((p) => !seen.has(p));
  return { duplicates, missing };
}

/**
 * The order to show hosts in: the saved (or entered) order first, then any host it does not mention (a firm that
 * accepted after the student ranked), keeping only hosts that still accept.
 */
export function orderHosts<T extends { id: number }>(hosts: T[], preferred: number[]): T[] {
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const first = preferred.filter((id, i) => byId.has(id) && preferred.indexOf(id) === i).map((id) => byId.get(id)!);
  return [...first, ...hosts.filter((h) => !first.includes(h))];
}
