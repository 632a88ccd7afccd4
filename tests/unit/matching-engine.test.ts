// The pairing engine: property tests on many random small instances against a brute-force search, edge cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockingPairs, match, type Instance } from "~/matching/engine.js";

type Assignment = Record<string, string | null>;

/** Random small instances: up to 6 students and 4 hosts, partial strict lists on both sides, capacities 0–3. */
const instanceArb = fc
  .record({ nS: fc.integer({ min: 0, max: 6 }), nH: fc.integer({ min: 0, max: 4 }) })
  .chain(({ nS, nH }) => {
    const sIds = Array.from({ length: nS }, (_, i) => `s${i}`);
    const hIds = Array.from({ length: nH }, (_, i) => `f${i}`);
    const subsetPermutation = (ids: string[]) =>
      fc
        .shuffledSubarray(ids)
        .chain((sub) => fc.shuffledSubarray(sub, { minLength: sub.length, maxLength: sub.length }));
    return fc.record({
      students: fc.tuple(...sIds.map((id) => subsetPermutation(hIds).map((preferences) => ({ id, preferences })))),
      hosts: fc.tuple(
        ...hIds.map((id) =>
          fc
            .record({ capacity: fc.integer({ min: 0, max: 3 }), priorities: subsetPermutation(sIds) })
            .map((h) => ({ id, ...h })),
        ),
      ),
    });
  })
  .map((x) => ({ students: [...x.students], hosts: [...x.hosts] }) as Instance);

function acceptable(instance: Instance, s: string, h: string) {
  const student = instance.students.find((x) => x.id === s)!;
  const host = instance.hosts.find((x) => x.id === h)!;
  return student.preferences.includes(h) && host.priorities.includes(s);
}

function isStable(instance: Instance, a: Assignment) {
  return blockingPairs(instance, a).length === 0;
}

function respectsCapacities(instance: Instance, a: Assignment) {
  return instance.hosts.every((h) => Object.values(a).filter((x) => x === h.id).length <= h.capacity);
}

/** Every feasible assignment (acceptable pairs, capacities), by brute force. */
function allAssignments(instance: Instance): Assignment[] {
  const out: Assignment[] = [];
  const walk = (i: number, current: Assignment) => {
    if (i === instance.students.length) {
      if (respectsCapacities(instance, current)) out.push({ ...current });
      return;
    }
    const s = instance.students[i];
    for (const option of [null, ...s.preferences.filter((h) => acceptable(instance, s.id, h))]) {
      current[s.id] = option;
      walk(i + 1, current);
    }
  };
  walk(0, {});
  return out;
}

/** Position of a host in a student's true list; unmatched, or a host the student did not want, is worst. */
function position(instance: Instance, s: string, h: string | null) {
  const i = h === null ? -1 : instance.students.find((x) => x.id === s)!.preferences.indexOf(h);
  return i === -1 ? Infinity : i;
}

describe("deferred acceptance on random instances", () => {
  it("is stable, within capacities, acceptable, and lists every student", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const { assignments } = match(instance);
        expect(Object.keys(assignments).sort()).toEqual(instance.students.map((s) => s.id).sort());
        for (const [s, h] of Object.entries(assignments)) if (h !== null) expect(acceptable(instance, s, h)).toBe(true);
        expect(respectsCapacities(instance, assignments)).toBe(true);
        expect(blockingPairs(instance, assignments)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("equals the student-optimal stable result found by brute force", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const stable = allAssignments(instance).filter((a) => isStable(instance, a));
        // The student-optimal stable assignment gives every student their best host over all stable assignments.
        const optimal: Assignment = {};
        for (const s of instance.students) {
          const best = Math.min(...stable.map((a) => position(instance, s.id, a[s.id])));
          optimal[s.id] = best === Infinity ? null : s.preferences[best];
        }
        expect(stable.some((a) => instance.students.every((s) => a[s.id] === optimal[s.id]))).toBe(true);
        expect(match(instance).assignments).toEqual(optimal);
      }),
      { numRuns: 300 },
    );
  });

  it("is strategy-proof: no student gets a better host by reporting another list", () => {
    fc.assert(
      fc.property(instanceArb, fc.nat(), (instance, pick) => {
        if (instance.students.length === 0) return;
        const liar = instance.students[pick % instance.students.length];
        const truthful = position(instance, liar.id, match(instance).assignments[liar.id]);
        const hostIds = instance.hosts.map((h) => h.id);
        // Every strict list over every subset of hosts (at most 4 hosts: 65 lists).
        const lists: string[][] = [[]];
        const extend = (list: string[]) => {
          for (const h of hostIds)
            if (!list.includes(h)) {
              lists.push([...list, h]);
              extend([...list, h]);
            }
        };
        extend([]);
        for (const preferences of lists) {
          const lie = {
            ...instance,
            students: instance.students.map((s) => (s.id === liar.id ? { ...s, preferences } : s)),
          };
          expect(position(instance, liar.id, match(lie).assignments[liar.id])).toBeGreaterThanOrEqual(truthful);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same result for the same instance", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        expect(match(instance)).toEqual(match(structuredClone(instance)));
      }),
      { numRuns: 100 },
    );
  });
});

describe("edge cases", () => {
  it("the example of DESIGN.md", () => {
    const instance = {
      students: [
        { id: "s1", preferences: ["f2", "f1"] },
        { id: "s2", preferences: [] },
        { id: "s3", preferences: ["f1"] },
      ],
      hosts: [
        { id: "f1", capacity: 2, priorities: ["s3", "s1"] },
        { id: "f2", capacity: 1, priorities: [] },
      ],
    };
    expect(match(instance)).toEqual({ assignments: { s1: "f1", s2: null, s3: "f1" } });
  });

  it("capacity 0 takes nobody; an empty list matches nobody; a student no host ranks stays unmatched", () => {
    const instance = {
      students: [
        { id: "a", preferences: ["zero", "open"] },
        { id: "b", preferences: [] },
        { id: "c", preferences: ["open"] },
      ],
      hosts: [
        { id: "zero", capacity: 0, priorities: ["a", "b", "c"] },
        { id: "open", capacity: 5, priorities: ["a"] },
      ],
    };
    expect(match(instance).assignments).toEqual({ a: "open", b: null, c: null });
  });

  it("the same id may name a student and a host (separate namespaces)", () => {
    const instance = {
      students: [{ id: "x", preferences: ["x"] }],
      hosts: [{ id: "x", capacity: 1, priorities: ["x"] }],
    };
    expect(match(instance).assignments).toEqual({ x: "x" });
  });

  it("evicts the lowest-priority student when a better one proposes", () => {
    const instance = {
      students: [
        { id: "low", preferences: ["f", "g"] },
        { id: "high", preferences: ["f"] },
      ],
      hosts: [
        { id: "f", capacity: 1, priorities: ["high", "low"] },
        { id: "g", capacity: 1, priorities: ["low"] },
      ],
    };
    expect(match(instance).assignments).toEqual({ low: "g", high: "f" });
  });

  it("reports the blocking pairs a manual move creates", () => {
    const instance = {
      students: [
        { id: "a", preferences: ["f", "g"] },
        { id: "b", preferences: ["f", "g"] },
      ],
      hosts: [
        { id: "f", capacity: 1, priorities: ["a", "b"] },
        { id: "g", capacity: 1, priorities: ["a", "b"] },
      ],
    };
    expect(blockingPairs(instance, match(instance).assignments)).toEqual([]);
    expect(blockingPairs(instance, { a: "g", b: "f" })).toEqual([{ student: "a", host: "f" }]);
  });
});
