// Pairing runs: seed → same result, preview figures, manual moves with blocking pairs, one publication, audit export.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getStudentPairing, loadRunView } from "~/models/pairing-view.server";
import {
  buildInstance,
  createRun,
  explain,
  exportRun,
  getRun,
  overrideAssignment,
  publishRun,
  summarize,
} from "~/models/pairing.server";
import { getProject } from "~/models/project.server";
import { signUp } from "~/models/signup.server";
import { projectFailureStatus } from "~/route-helpers/respond.server";
import { getDb } from "~/utils/db.server";
import type { Result } from "~/utils/result";
import { createProjectFixture, runIdOf } from "../factories/projects";
import { createUser } from "../setup/http";

/** A model refusal with the status the pages answer it with. */
async function refusal(result: Promise<Result>) {
  const r = await result;
  if (r.ok) throw new Error("expected a refusal");
  return { reason: r.reason, status: projectFailureStatus(r.reason) };
}

async function closedProjectWithSignups(students = 8, hosts = 3, capacity = 2) {
  const p = await createProjectFixture({ capacity: 50, hosts });
  await getDb().updateTable("project_host").set({ capacity }).where("project_id", "=", p.projectId).execute();
  const people = [];
  for (let i = 0; i < students; i++) {
    const s = await createUser("student");
    // Everyone likes the first host best, so the lottery decides.
    const rest = p.hostIds.slice(1);
    const ranking = [p.hostIds[0], ...(i % 2 ? rest.reverse() : rest)];
    const r = await signUp(s, p.projectId, { joinCode: p.joinCode, ranking, motivation: "m" });
    expect(r.ok).toBe(true);
    people.push(s);
  }
  await getDb().updateTable("project").set({ state: "closed" }).where("id", "=", p.projectId).execute();
  const staff = await createUser("staff");
  return { ...p, people, staff: { id: staff.id, role: "staff" as const } };
}

describe("pairing runs", () => {
  it("records the seed, and the same seed always gives the same result", async () => {
    const p = await closedProjectWithSignups();
    const a = await runIdOf(createRun(p.projectId, p.staff, "00112233445566778899aabbccddeeff"));
    const b = await runIdOf(createRun(p.projectId, p.staff, "00112233445566778899aabbccddeeff"));
    const c = await runIdOf(createRun(p.projectId, p.staff));
    const [ra, rb, rc] = await Promise.all([getRun(a), getRun(b), getRun(c)]);
    expect(ra!.run.seed).toBe("00112233445566778899aabbccddeeff");
    expect(rc!.run.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(rb!.engine).toEqual(ra!.engine);
    expect(rb!.instance).toEqual(ra!.instance);
  });

  it("uses a firm's own ranking when it gave one, the lottery otherwise", async () => {
    const input = {
      signups: [
        { id: 1, ranking: [10, 20] },
        { id: 2, ranking: [10, 20] },
        { id: 3, ranking: [20] },
      ],
      hosts: [
        { id: 10, capacity: 1, ranking: [2] },
        { id: 20, capacity: 1, ranking: [] },
      ],
    };
    const instance = buildInstance(input, "seed");
    expect(instance.hosts[0].priorities[0]).toBe("2");
    expect(instance.hosts[0].priorities.sort()).toEqual(["1", "2"]);
    expect(instance.hosts[1].priorities.sort()).toEqual(["1", "2", "3"]);
  });

  it("refuses a run unless the project is closed, and for anyone but staff", async () => {
    const p = await createProjectFixture();
    const staff = await createUser("staff");
    expect(await refusal(createRun(p.projectId, { id: staff.id, role: "staff" }))).toMatchObject({ status: 409 });
    expect(await refusal(createRun(p.projectId, { id: p.professor.id, role: "professor" }))).toMatchObject({
      status: 403,
    });
  });

  it("previews who got which choice, the unmatched and unused capacity; a manual move shows its blocking pairs", async () => {
    const p = await closedProjectWithSignups(8, 3, 2);
    const runId = await runIdOf(createRun(p.projectId, p.staff));
    const run = (await getRun(runId))!;
    const summary = summarize(run.instance, run.final);
    expect(summary.byRank[0]).toBe(2); // the first host has 2 seats
    expect(summary.unmatched).toHaveLength(2); // 8 students, 6 seats
    expect(Object.values(summary.unusedCapacity).reduce((a, b) => a + b, 0)).toBe(0);
    expect(summary.blocking).toEqual([]);

    // Move a student placed at the first host out, and put an unmatched one there instead.
    const placed = Object.entries(run.final).find(([, h]) => h === String(p.hostIds[0]))![0];
    const waiting = summary.unmatched[0];
    expect(await refusal(overrideAssignment(runId, Number(placed), null, "  ", p.staff))).toMatchObject({
      status: 400,
    });
    expect(
      await refusal(overrideAssignment(runId, Number(waiting), p.hostIds[0], "体調への配慮", p.staff)),
    ).toMatchObject({ status: 409 });
    await overrideAssignment(runId, Number(placed), null, "本人の辞退", p.staff);
    await overrideAssignment(runId, Number(waiting), p.hostIds[0], "事情により", p.staff);
    const moved = (await getRun(runId))!;
    expect(moved.final[waiting]).toBe(String(p.hostIds[0]));
    expect(moved.overrides.map((o) => o.reason)).toEqual(["本人の辞退", "事情により"]);
    const after = summarize(moved.instance, moved.final);
    // The displaced student now envies the first host, which holds someone it ranks lower: a blocking pair.
    expect(after.blocking).toContainEqual({ student: placed, host: String(p.hostIds[0]) });
    const audits = await getDb()
      .selectFrom("audit_entry")
      .select("action")
      .where("action", "=", "pairing.override")
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it("publishes once: the project becomes paired, notifications go out, later runs cannot be published", async () => {
    const p = await closedProjectWithSignups(4, 2, 2);
    const first = await runIdOf(createRun(p.projectId, p.staff));
    const second = await runIdOf(createRun(p.projectId, p.staff));
    const notified: number[] = [];
    await publishRun(first, p.staff, async (_trx, runId) => {
      notified.push(runId);
      return [{ to: "someone@test.example", subject: "s", body: "b", kind: "pairing.published" }];
    });
    expect(notified).toEqual([first]);
    expect((await getProject(p.projectId))!.state).toBe("paired");
    expect((await getRun(first))!.run.published_at).not.toBeNull();
    expect(await refusal(publishRun(first, p.staff, async () => []))).toMatchObject({ status: 409 });
    expect(await refusal(publishRun(second, p.staff, async () => []))).toMatchObject({ status: 409 });
    expect(await refusal(overrideAssignment(first, 1, null, "x", p.staff))).toMatchObject({ status: 409 });
    const mails = await getDb()
      .selectFrom("outbox_message")
      .select("kind")
      .where("kind", "=", "pairing.published")
      .execute();
    expect(mails).toHaveLength(1);
  });

  it("exports a pseudonymised instance that `npm run match` reproduces", async () => {
    const p = await closedProjectWithSignups(6, 3, 1);
    const runId = await runIdOf(createRun(p.projectId, p.staff));
    const exported = (await exportRun(runId))!;
    expect(JSON.stringify(exported)).not.toMatch(/@test\.example|テスト/);
    expect(exported.instance.students.map((s) => s.id)).toEqual(["s1", "s2", "s3", "s4", "s5", "s6"]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "run-")), "instance.json");
    fs.writeFileSync(file, JSON.stringify(exported.instance));
    const r = spawnSync(process.execPath, ["scripts/match.js", file], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(exported.result);
  });

  it("shows a placement outside the student's ranking as such, counts it, and explains every ranked choice", async () => {
    const p = await closedProjectWithSignups(2, 2, 2);
    const [a] = await getDb()
      .selectFrom("signup")
      .select("id")
      .where("project_id", "=", p.projectId)
      .orderBy("id")
      .execute();
    // Student a ranked only the first host (the second accepted after they ranked).
    await getDb()
      .deleteFrom("signup_preference")
      .where("signup_id", "=", a.id)
      .where("host_id", "=", p.hostIds[1])
      .execute();
    const runId = await runIdOf(createRun(p.projectId, p.staff));
    expect((await getRun(runId))!.final[String(a.id)]).toBe(String(p.hostIds[0]));
    await overrideAssignment(runId, a.id, p.hostIds[1], "受け入れ先の調整", p.staff);
    const run = (await getRun(runId))!;
    const summary = summarize(run.instance, run.final);
    expect(summary.byRank).toEqual([1]);
    expect(summary.outsideRanking).toBe(1);
    expect(summary.byRank.every((n) => Number.isInteger(n))).toBe(true);
    // The explanation keeps the last (here the only) ranked choice.
    expect(explain(run.instance, run.final, String(a.id)).map((w) => w.hostId)).toEqual([String(p.hostIds[0])]);
    const view = (await loadRunView(p.projectId, runId))!;
    expect(view.outsideRanking).toBe(1);
    expect(view.students.find((s) => s.id === String(a.id))).toMatchObject({ choice: null, placedBy: "staff" });
    await publishRun(runId, p.staff, async () => []);
    const mine = (await getStudentPairing(a.id, p.projectId))!;
    expect(mine.placement).toMatchObject({ choice: null, placedBy: "staff" });
    expect(mine.explanation).toHaveLength(1);
  });

  it("explains a result: every firm ranked higher was filled by students ahead in its order", async () => {
    const p = await closedProjectWithSignups(6, 3, 1);
    const run = (await getRun(await runIdOf(createRun(p.projectId, p.staff))))!;
    for (const s of run.instance.students) {
      const why = explain(run.instance, run.final, s.id);
      const got = run.final[s.id];
      expect(why).toHaveLength(got === null ? s.preferences.length : s.preferences.indexOf(got));
      expect(why.every((w) => w.filledAhead)).toBe(true);
    }
  });
});
