// Sign-up rules at the model level: the hard capacity under concurrency, the window edges, ranking, join code.
import { describe, expect, it } from "vitest";
import {
  countSignups,
  findSignup,
  getSignupRanking,
  signUp,
  updateSignup,
  withdrawSignup,
} from "~/models/signup.server";
import { createProjectFixture } from "../factories/projects";
import { createUser } from "../setup/http";

describe("sign-up capacity", () => {
  it("200 concurrent sign-ups at a project with room for 10: exactly 10 succeed, the others are told it is full", async () => {
    const p = await createProjectFixture({ capacity: 10, hosts: 3 });
    const students = await Promise.all(Array.from({ length: 200 }, () => createUser("student")));
    const results = await Promise.all(
      students.map((s) =>
        signUp({ id: s.id }, p.projectId, {
          joinCode: p.joinCode,
          ranking: [...p.hostIds].reverse(),
          motivation: "取材したい",
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).map((r) => (r as { reason: string }).reason)).toEqual(
      Array(190).fill("signup.errors.full"),
    );
    expect(await countSignups(p.projectId)).toBe(10);
  });

  it("a student signs up once; a withdrawal frees the seat", async () => {
    const p = await createProjectFixture({ capacity: 1, hosts: 2 });
    const [a, b] = [await createUser("student"), await createUser("student")];
    const input = { joinCode: p.joinCode, ranking: p.hostIds, motivation: "m" };
    expect(await signUp(a, p.projectId, input)).toMatchObject({ ok: true });
    expect(await signUp(a, p.projectId, input)).toEqual({ ok: false, reason: "signup.errors.already" });
    expect(await signUp(b, p.projectId, input)).toEqual({ ok: false, reason: "signup.errors.full" });
    expect(await withdrawSignup(a, p.projectId)).toEqual({ ok: true });
    expect(await signUp(b, p.projectId, input)).toMatchObject({ ok: true });
  });
});

describe("sign-up window (enforced on the server)", () => {
  const opensAt = new Date("2026-12-01T00:00:00+09:00");
  const closesAt = new Date("2026-12-15T00:00:00+09:00"); // the end of 14 December in Tokyo

  it("opens at the first instant and closes at the last", async () => {
    const p = await createProjectFixture({ opensAt, closesAt });
    const input = { joinCode: p.joinCode, ranking: p.hostIds, motivation: "m" };
    const s = await createUser("student");
    expect(await signUp(s, p.projectId, input, new Date(opensAt.getTime() - 1))).toEqual({
      ok: false,
      reason: "signup.errors.notOpen",
    });
    expect(await signUp(s, p.projectId, input, opensAt)).toMatchObject({ ok: true });
    // Changing the ranking works until the last millisecond of the window, not after.
    const reversed = { ranking: [...p.hostIds].reverse(), motivation: "m2" };
    expect(await updateSignup(s, p.projectId, reversed, new Date(closesAt.getTime() - 1))).toEqual({ ok: true });
    expect(await getSignupRanking((await findSignup(s.id, p.projectId))!.id)).toEqual(reversed.ranking);
    expect(await updateSignup(s, p.projectId, { ranking: p.hostIds, motivation: "m3" }, closesAt)).toEqual({
      ok: false,
      reason: "signup.errors.closed",
    });
    expect(await withdrawSignup(s, p.projectId, closesAt)).toEqual({ ok: false, reason: "signup.errors.closed" });
    const late = await createUser("student");
    expect(await signUp(late, p.projectId, input, closesAt)).toEqual({ ok: false, reason: "signup.errors.closed" });
  });

  it("refuses sign-ups while the project is not open", async () => {
    const p = await createProjectFixture({ state: "approved" });
    const s = await createUser("student");
    expect(await signUp(s, p.projectId, { joinCode: p.joinCode, ranking: p.hostIds, motivation: "m" })).toEqual({
      ok: false,
      reason: "signup.errors.notOpen",
    });
  });
});

describe("join code and ranking", () => {
  it("needs the seminar's join code (case and width do not matter)", async () => {
    const p = await createProjectFixture();
    const s = await createUser("student");
    expect(await signUp(s, p.projectId, { joinCode: "WRON-GCOD", ranking: p.hostIds, motivation: "m" })).toEqual({
      ok: false,
      reason: "signup.errors.wrongCode",
    });
    const fullWidth = p.joinCode
      .toLowerCase()
      .replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .replace("-", "");
    expect(await signUp(s, p.projectId, { joinCode: fullWidth, ranking: p.hostIds, motivation: "m" })).toMatchObject({
      ok: true,
    });
  });

  it("requires every accepting host ranked exactly once", async () => {
    const p = await createProjectFixture({ hosts: 3 });
    const s = await createUser("student");
    for (const ranking of [
      p.hostIds.slice(0, 2),
      [p.hostIds[0], p.hostIds[0], p.hostIds[1]],
      [...p.hostIds.slice(0, 2), 99999],
    ]) {
      expect(await signUp(s, p.projectId, { joinCode: p.joinCode, ranking, motivation: "m" })).toEqual({
        ok: false,
        reason: "signup.errors.hostsChanged",
      });
    }
  });
});
