// The pure sign-up rules: where the window stands, positions → ranking, and the order hosts are shown in.
import { describe, expect, it } from "vitest";
import { orderHosts, positionProblems, rankingFromPositions, signupPhase } from "~/projects/signup";

describe("signupPhase", () => {
  const window = { signup_opens_at: "2026-11-30T15:00:00.000Z", signup_closes_at: "2026-12-14T15:00:00.000Z" };
  it("is open from the first instant to just before the close, only while the project is open", () => {
    const open = { ...window, state: "open" as const };
    expect(signupPhase(open, new Date("2026-11-30T14:59:59.999Z"))).toBe("notOpen");
    expect(signupPhase(open, new Date("2026-11-30T15:00:00.000Z"))).toBe("open");
    expect(signupPhase(open, new Date("2026-12-14T14:59:59.999Z"))).toBe("open");
    expect(signupPhase(open, new Date("2026-12-14T15:00:00.000Z"))).toBe("closed");
  });
  it("is not open yet before the project opens, and closed once it has moved on or was cancelled", () => {
    const at = new Date("2026-12-01T00:00:00.000Z");
    expect(signupPhase({ ...window, state: "approved" }, at)).toBe("notOpen");
    for (const state of ["closed", "paired", "cancelled", "rejected"] as const)
      expect(signupPhase({ ...window, state }, at)).toBe("closed");
  });
});

describe("positions", () => {
  it("finds positions used twice and those not used", () => {
    expect(positionProblems([1, 2, 3])).toEqual({ duplicates: [], missing: [] });
    expect(positionProblems([2, 2, undefined])).toEqual({ duplicates: [2], missing: [1, 3] });
    expect(positionProblems([3, 3, 3])).toEqual({ duplicates: [3], missing: [1, 2] });
  });
  it("orders hosts by the chosen positions", () => {
    expect(
      rankingFromPositions([
        { host: 10, position: 3 },
        { host: 20, position: 1 },
        { host: 30, position: 2 },
      ]),
    ).toEqual([20, 30, 10]);
  });
});

describe("orderHosts", () => {
  const hosts = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it("shows the saved order first, then hosts it does not mention, and drops hosts that no longer accept", () => {
    expect(orderHosts(hosts, [3, 1]).map((h) => h.id)).toEqual([3, 1, 2]);
    expect(orderHosts(hosts, [9, 2, 2]).map((h) => h.id)).toEqual([2, 1, 3]);
    expect(orderHosts(hosts, []).map((h) => h.id)).toEqual([1, 2, 3]);
  });
});
