// Pairing through the routes: staff close sign-up, create a run, preview it, move students by hand (reason
// required; blocking pairs shown), download the pseudonymised run (reproduced by `node scripts/match.js`) and publish
// it once (mails to students, firm users and the professor); each role then sees only its part. A firm's own
// ranking shows no names and changes the priorities of the next run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getRun } from "~/models/pairing.server";
import { getProject } from "~/models/project.server";
import { signUp } from "~/models/signup.server";
import { action as rankingAction, loader as rankingLoader } from "~/routes/firm.projects.$projectId.ranking";
import { loader as firmStudentsLoader } from "~/routes/firm.projects.$projectId.students";
import { loader as firmProjectsLoader } from "~/routes/firm.projects._index";
import { action as professorAction, loader as professorLoader } from "~/routes/professor.projects.$projectId.pairing";
import { action as runAction, loader as runLoader } from "~/routes/staff.projects.$projectId.pairing.$runId._index";
import { loader as instanceLoader } from "~/routes/staff.projects.$projectId.pairing.$runId.instance[.]json";
import { loader as resultLoader } from "~/routes/staff.projects.$projectId.pairing.$runId.result[.]json";
import { action as runsAction, loader as runsLoader } from "~/routes/staff.projects.$projectId.pairing._index";
import { loader as studentLoader } from "~/routes/student.projects.$projectId.pairing";
import { getDb } from "~/utils/db.server";
import { createProjectFixture, createFirm, createUniversity } from "../factories/projects";
import { callLoader } from "../setup/call";
import { get, payload, post, settle, signIn, statusOf, userWithCookie } from "../setup/http";

type Params = Record<string, string>;
const call = (fn: (args: any) => Promise<unknown>, request: Request, params: Params) =>
  settle(callLoader(fn, request, { params }));

interface World {
  projectId: number;
  hostIds: number[];
  firmNames: string[];
  students: Array<{ id: number; email: string; name: string; cookie: string; signupId: number }>;
  firmUsers: Array<{ email: string; cookie: string }>;
  professor: { email: string; cookie: string };
  staff: string;
}

/** An open project: 3 hosts with 2 places each (one firm user each), 7 students who all rank the first host first. */
async function world(): Promise<World> {
  const p = await createProjectFixture({ hosts: 3 });
  await getDb().updateTable("project_host").set({ capacity: 2 }).where("project_id", "=", p.projectId).execute();
  const hosts = await getDb()
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select(["project_host.id", "firm.id as firm_id", "firm.name"])
    .where("project_id", "=", p.projectId)
    .orderBy("project_host.id")
    .execute();
  const { id: universityId } = await createUniversity();
  const students = [];
  for (let i = 0; i < 7; i++) {
    const s = await userWithCookie("student", { name: `学生 ${i + 1}号`, university_id: universityId });
    const rest = p.hostIds.slice(1);
    const r = await signUp(s, p.projectId, {
      joinCode: p.joinCode,
      ranking: [p.hostIds[0], ...(i % 2 ? rest.reverse() : rest)],
      motivation: `動機 ${i + 1}`,
      // Every other student lets the ranked firms read their motivation before pairing (issue 12).
      shareMotivation: i % 2 === 0,
    });
    if (!r.ok) throw new Error(r.reason);
    students.push({ id: s.id, email: s.email, name: `学生 ${i + 1}号`, cookie: s.cookie, signupId: r.signupId });
  }
  const firmUsers = [];
  for (const h of hosts) firmUsers.push(await userWithCookie("firm", { firm_id: h.firm_id }));
  const staff = await userWithCookie("staff");
  return {
    projectId: p.projectId,
    hostIds: hosts.map((h) => h.id),
    firmNames: hosts.map((h) => h.name),
    students,
    firmUsers,
    professor: { email: p.professor.email, cookie: await signIn(p.professor.id) },
    staff: staff.cookie,
  };
}

const base = (w: World) => `/staff/projects/${w.projectId}/pairing`;
const pp = (w: World, extra: Params = {}) => ({ projectId: String(w.projectId), ...extra });

async function closeAndCreateRun(w: World) {
  const closed = await call(runsAction, post(base(w), { intent: "close" }, { cookie: w.staff }), pp(w));
  expect((closed as Response).headers.get("Location")).toBe(base(w));
  return createRunThroughPage(w);
}

async function createRunThroughPage(w: World) {
  const created = (await call(runsAction, post(base(w), { intent: "create" }, { cookie: w.staff }), pp(w))) as Response;
  expect(created).toHaveRedirect();
  const runId = Number(created.headers.get("Location")!.split("/").pop());
  expect(created.headers.get("Location")).toBe(`${base(w)}/${runId}`);
  return runId;
}

const runPage = (w: World, runId: number) =>
  call(runLoader, get(`${base(w)}/${runId}`, { cookie: w.staff }), pp(w, { runId: String(runId) }));
const runPost = (w: World, runId: number, form: Params) =>
  call(runAction, post(`${base(w)}/${runId}`, form, { cookie: w.staff }), pp(w, { runId: String(runId) }));

describe("staff pages", () => {
  it("are for staff only", async () => {
    const w = await world();
    for (const cookie of [w.professor.cookie, w.students[0].cookie, w.firmUsers[0].cookie]) {
      expect(statusOf(await call(runsLoader, get(base(w), { cookie }), pp(w)))).toBe(403);
      expect(statusOf(await call(runsAction, post(base(w), { intent: "create" }, { cookie }), pp(w)))).toBe(403);
    }
    const runId = await closeAndCreateRun(w);
    for (const cookie of [w.professor.cookie, w.students[0].cookie, w.firmUsers[0].cookie]) {
      const params = pp(w, { runId: String(runId) });
      expect(statusOf(await call(runLoader, get(`${base(w)}/${runId}`, { cookie }), params))).toBe(403);
      expect(
        statusOf(await call(runAction, post(`${base(w)}/${runId}`, { intent: "publish" }, { cookie }), params)),
      ).toBe(403);
      expect(statusOf(await call(instanceLoader, get(`${base(w)}/${runId}/instance.json`, { cookie }), params))).toBe(
        403,
      );
    }
    // A run is only found under its own project.
    const other = await world();
    expect(
      statusOf(
        await call(runLoader, get(`${base(other)}/${runId}`, { cookie: w.staff }), pp(other, { runId: String(runId) })),
      ),
    ).toBe(404);
  });

  it("refuse a run while sign-up is open, and show the close-sign-up hint", async () => {
    const w = await world();
    const page = payload(await call(runsLoader, get(base(w), { cookie: w.staff }), pp(w)));
    expect(page.project.state).toBe("open");
    const refused = await call(runsAction, post(base(w), { intent: "create" }, { cookie: w.staff }), pp(w));
    expect(statusOf(refused)).toBe(409);
    expect(payload(refused).error).toBe("pairing.errors.pairingNeedsClosed");
  });
});

describe("a pairing from run to publication", () => {
  let w: World;
  let runId: number;
  let otherRunId: number;
  let moved: { out: string; in: string };

  beforeAll(async () => {
    w = await world();
    runId = await closeAndCreateRun(w);
    otherRunId = await createRunThroughPage(w);
  });

  it("lists the runs with their seeds", async () => {
    const page = payload(await call(runsLoader, get(base(w), { cookie: w.staff }), pp(w)));
    expect(page.project.state).toBe("closed");
    expect(page.runs.map((r: any) => r.id)).toEqual([otherRunId, runId]);
    expect(page.runs[0].seed).toMatch(/^[0-9a-f]{32}$/);
  });

  it("previews who goes where with the figures", async () => {
    const { view, editable } = payload(await runPage(w, runId));
    expect(editable).toBe(true);
    expect(view.run.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(view.students).toHaveLength(7);
    expect(view.byRank[0]).toBe(2); // the first host has 2 places and everyone wants it
    expect(view.byRank.reduce((a: number, b: number) => a + b, 0)).toBe(6);
    expect(view.unmatched).toHaveLength(1);
    expect(view.students.find((s: any) => s.host === null).name).toBe(view.unmatched[0]);
    expect(view.hosts.map((h: any) => h.name).sort()).toEqual([...w.firmNames].sort());
    expect(view.hosts.every((h: any) => h.unused === 0 && h.ownRanking === false)).toBe(true);
    expect(view.blocking).toEqual([]);
    const first = view.students.find((s: any) => s.choice === 1);
    expect(first.host).toBe(w.firmNames[0]);
    expect(first.ranking[0]).toBe(w.firmNames[0]);
  });

  it("moves a student only with a reason and never over capacity; the preview shows the blocking pairs", async () => {
    const { view } = payload(await runPage(w, runId));
    const placed = view.students.find((s: any) => s.host === w.firmNames[0]);
    const waiting = view.students.find((s: any) => s.host === null);
    moved = { out: placed.name, in: waiting.name };

    const noReason = await runPost(w, runId, {
      intent: "override",
      signupId: placed.id,
      target: "unplaced",
      reason: "   ",
    });
    expect(statusOf(noReason)).toBe(400);
    expect(payload(noReason).result.error.reason).toEqual(["validation.required"]);
    const noTarget = await runPost(w, runId, { intent: "override", signupId: placed.id, target: "", reason: "理由" });
    expect(payload(noTarget).result.error.target).toEqual(["validation.chooseOne"]);
    const full = await runPost(w, runId, {
      intent: "override",
      signupId: waiting.id,
      target: String(w.hostIds[0]),
      reason: "希望が強い",
    });
    expect(statusOf(full)).toBe(409);
    expect(payload(full).result.error.target).toEqual(["pairing.errors.hostFull"]);

    const out = (await runPost(w, runId, {
      intent: "override",
      signupId: placed.id,
      target: "unplaced",
      reason: "本人の辞退",
    })) as Response;
    expect(out).toHaveRedirect(`${base(w)}/${runId}`);
    expect(
      statusOf(
        await runPost(w, runId, {
          intent: "override",
          signupId: waiting.id,
          target: String(w.hostIds[0]),
          reason: "事情により",
        }),
      ),
    ).toBe(302);

    const afterPage = payload(await runPage(w, runId));
    expect(afterPage.late).toBe(false); // someone is still unplaced, but no firm has a free place
    const after = afterPage.view;
    expect(after.overrides.map((o: any) => [o.student, o.host, o.reason])).toEqual([
      [placed.name, null, "本人の辞退"],
      [waiting.name, w.firmNames[0], "事情により"],
    ]);
    expect(after.overrides[0].actor).toMatch(/テスト staff/);
    expect(after.unmatched).toEqual([placed.name]);
    expect(after.students.find((s: any) => s.name === waiting.name)).toMatchObject({
      host: w.firmNames[0],
      choice: 1,
      moved: true,
    });
    // The displaced student prefers the first host, which now holds a student it ranks lower.
    expect(after.blocking).toContainEqual({ student: placed.name, host: w.firmNames[0] });
  });

  it("downloads a pseudonymised instance that `node scripts/match.js` reproduces, and the result with the moves", async () => {
    const params = pp(w, { runId: String(runId) });
    const instanceResponse = (await call(
      instanceLoader,
      get(`${base(w)}/${runId}/instance.json`, { cookie: w.staff }),
      params,
    )) as Response;
    expect(instanceResponse.headers.get("Content-Type")).toContain("application/json");
    expect(instanceResponse.headers.get("Content-Disposition")).toContain("instance.json");
    const instanceText = await instanceResponse.text();
    expect(Object.keys(JSON.parse(instanceText)).sort()).toEqual(["hosts", "students"]);
    const resultResponse = (await call(
      resultLoader,
      get(`${base(w)}/${runId}/result.json`, { cookie: w.staff }),
      params,
    )) as Response;
    const result = JSON.parse(await resultResponse.text());
    for (const text of [instanceText, JSON.stringify(result)]) {
      expect(text).not.toMatch(/@test\.example|学生 \d号|テスト/);
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pairing-")), "instance.json");
    fs.writeFileSync(file, instanceText);
    const r = spawnSync(process.execPath, ["scripts/match.js", file], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ assignments: result.assignments });
    expect(result.overrides.map((o: any) => o.reason)).toEqual(["本人の辞退", "事情により"]);
    expect(result.final.assignments).not.toEqual(result.assignments);
    expect(result.seed).toBe((await getRun(runId))!.run.seed);
    expect(result.publishedAt).toBeNull();
  });

  it("reveals nothing to students and firms before publication", async () => {
    const student = payload(
      await call(
        studentLoader,
        get(`/student/projects/${w.projectId}/pairing`, { cookie: w.students[0].cookie }),
        pp(w),
      ),
    );
    expect(student.pairing).toBeNull();
    const firm = payload(
      await call(
        firmStudentsLoader,
        get(`/firm/projects/${w.projectId}/students`, { cookie: w.firmUsers[0].cookie }),
        pp(w),
      ),
    );
    expect(firm.students).toBeNull();
    expect(JSON.stringify(firm)).not.toMatch(/学生 \d号|@test\.example/);
    const professor = payload(
      await call(
        professorLoader,
        get(`/professor/projects/${w.projectId}/pairing`, { cookie: w.professor.cookie }),
        pp(w),
      ),
    );
    expect(professor.view).toBeNull();
  });

  it("publishes once, notifying every student, each host's firm users and the professor", async () => {
    const before = await getDb().selectFrom("outbox_message").select("id").orderBy("id", "desc").executeTakeFirst();
    const published = (await runPost(w, runId, { intent: "publish" })) as Response;
    expect(published).toHaveRedirect();
    expect((await getProject(w.projectId))!.state).toBe("paired");

    const mails = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("id", ">", before?.id ?? 0)
      .where("kind", "=", "pairing.published")
      .execute();
    const to = (email: string) => mails.filter((m) => m.to_address === email);
    expect(mails).toHaveLength(7 + 3 + 1);
    const outStudent = w.students.find((s) => s.name === moved.out)!;
    expect(to(outStudent.email)[0].subject).toContain("組み合わせの結果");
    expect(to(outStudent.email)[0].body_text).toContain("調整");
    const inStudent = w.students.find((s) => s.name === moved.in)!;
    expect(to(inStudent.email)[0].body_text).toContain(w.firmNames[0]);
    expect(to(inStudent.email)[0].body_text).toContain(`/student/projects/${w.projectId}/pairing`);
    const firstFirmMail = to(w.firmUsers[0].email)[0];
    expect(firstFirmMail.body_text).toContain(moved.in);
    expect(firstFirmMail.body_text).not.toContain(moved.out);
    expect(firstFirmMail.body_text).toContain(`/firm/projects/${w.projectId}/students`);
    const professorMail = to(w.professor.email)[0];
    expect(professorMail.body_text).toContain(moved.out); // the unplaced student, by name
    expect(professorMail.body_text).toContain((await getRun(runId))!.run.seed);

    const again = await runPost(w, runId, { intent: "publish" });
    expect(statusOf(again)).toBe(409);
    expect(payload(again).error).toBe("pairing.errors.alreadyPublished");
    expect(statusOf(await runPost(w, otherRunId, { intent: "publish" }))).toBe(409);
    const late = await runPost(w, runId, {
      intent: "override",
      signupId: String(outStudent.signupId),
      target: "unplaced",
      reason: "x",
    });
    expect(statusOf(late)).toBe(409);
    expect(payload(await runPage(w, runId)).view.run.publishedAt).not.toBeNull();
    const runs = payload(await call(runsLoader, get(base(w), { cookie: w.staff }), pp(w))).runs;
    expect(runs.filter((r: any) => r.published_at)).toHaveLength(1);
  });

  it("shows a placed student their firm, teammates, rank, seed and why; an unplaced one what happens next", async () => {
    const run = (await getRun(runId))!;
    const inStudent = w.students.find((s) => s.name === moved.in)!;
    const page = payload(
      await call(studentLoader, get(`/student/projects/${w.projectId}/pairing`, { cookie: inStudent.cookie }), pp(w)),
    );
    expect(page.pairing.placement.firm.name).toBe(w.firmNames[0]);
    expect(page.pairing.placement.firm.address).toMatch(/^〒\d{3}-\d{4} 東京都北区/);
    expect(page.pairing.placement.choice).toBe(1);
    const teammate = w.students.find(
      (s) => s.name !== inStudent.name && run.final[String(s.signupId)] === String(w.hostIds[0]),
    )!;
    expect(page.pairing.placement.teammates).toEqual([teammate.name]);
    expect(page.pairing.seed).toBe(run.run.seed);
    expect(page.pairing.movedByStaff).toBe(true);
    expect(JSON.stringify(page)).not.toContain(teammate.email);

    // A student placed by the engine lower than first choice: the firms ranked higher were filled ahead of them.
    const second = w.students.find(
      (s) => run.final[String(s.signupId)] !== null && run.final[String(s.signupId)] !== String(w.hostIds[0]),
    )!;
    const why = payload(
      await call(studentLoader, get(`/student/projects/${w.projectId}/pairing`, { cookie: second.cookie }), pp(w)),
    ).pairing;
    expect(why.explanation[0].firm).toBe(w.firmNames[0]);
    expect(why.explanation.length).toBe(why.placement.choice - 1);

    const outStudent = w.students.find((s) => s.name === moved.out)!;
    const out = payload(
      await call(studentLoader, get(`/student/projects/${w.projectId}/pairing`, { cookie: outStudent.cookie }), pp(w)),
    ).pairing;
    expect(out.placement).toBeNull();
    expect(out.explanation.length).toBeGreaterThan(0);
    // The first host is not filled ahead of them: staff moved someone in by hand, and the page says so.
    expect(out.explanation.find((e: any) => e.firm === w.firmNames[0]).filledAhead).toBe(false);

    const stranger = await userWithCookie("student");
    expect(
      statusOf(
        await call(studentLoader, get(`/student/projects/${w.projectId}/pairing`, { cookie: stranger.cookie }), pp(w)),
      ),
    ).toBe(404);
  });

  it("shows a firm exactly name, university, seminar and email of its own students, and nothing to another firm", async () => {
    const run = (await getRun(runId))!;
    for (const [i, hostId] of w.hostIds.entries()) {
      const page = payload(
        await call(
          firmStudentsLoader,
          get(`/firm/projects/${w.projectId}/students`, { cookie: w.firmUsers[i].cookie }),
          pp(w),
        ),
      );
      const mine = w.students.filter((s) => run.final[String(s.signupId)] === String(hostId));
      expect(page.students.map((s: any) => s.email).sort()).toEqual(mine.map((s) => s.email).sort());
      for (const s of page.students) {
        expect(Object.keys(s).sort()).toEqual(["email", "name", "seminar", "university"]);
        expect(s.seminar).toBe("マーケティングゼミ");
        expect(s.university).toMatch(/テスト大学/);
      }
      const others = w.students.filter((s) => !mine.includes(s));
      for (const o of others) expect(JSON.stringify(page)).not.toContain(o.email);
    }
    const { id: firmId } = await createFirm();
    const outsider = await userWithCookie("firm", { firm_id: firmId });
    expect(
      statusOf(
        await call(
          firmStudentsLoader,
          get(`/firm/projects/${w.projectId}/students`, { cookie: outsider.cookie }),
          pp(w),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(
          firmStudentsLoader,
          get(`/firm/projects/${w.projectId}/students`, { cookie: w.students[0].cookie }),
          pp(w),
        ),
      ),
    ).toBe(403);
    const hosted = payload(
      await call(firmProjectsLoader, get("/firm/projects", { cookie: w.firmUsers[0].cookie }), {}),
    );
    expect(hosted.hostings).toMatchObject([{ project_id: w.projectId, paired: true, canRank: false }]);
  });

  it("shows the owning professor everything, and no other professor", async () => {
    const page = payload(
      await call(
        professorLoader,
        get(`/professor/projects/${w.projectId}/pairing`, { cookie: w.professor.cookie }),
        pp(w),
      ),
    );
    expect(page.view.students).toHaveLength(7);
    expect(page.view.overrides).toHaveLength(2);
    expect(page.view.run.seed).toBe((await getRun(runId))!.run.seed);
    expect(page.view.unmatched).toEqual([moved.out]);
    const other = await userWithCookie("professor");
    expect(
      statusOf(
        await call(professorLoader, get(`/professor/projects/${w.projectId}/pairing`, { cookie: other.cookie }), pp(w)),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(professorLoader, get(`/professor/projects/${w.projectId}/pairing`, { cookie: w.staff }), pp(w)),
      ),
    ).toBe(403);
  });
});

describe("after publication", () => {
  it("the professor may place their own unplaced student into a free place, recorded like a staff override", async () => {
    const w = await world();
    const runId = await closeAndCreateRun(w);
    const { view } = payload(await runPage(w, runId));
    const freed = view.students.find((s: any) => s.host === w.firmNames[1]);
    await runPost(w, runId, { intent: "override", signupId: freed.id, target: "unplaced", reason: "本人の事情" });
    // Before publication the professor may not move anyone.
    const profUrl = `/professor/projects/${w.projectId}/pairing`;
    const place = (cookie: string, form: Params) => call(professorAction, post(profUrl, form, { cookie }), pp(w));
    const waitingBefore = view.students.find((s: any) => s.host === null && s.id !== freed.id);
    const form = { intent: "override", signupId: waitingBefore.id, target: String(w.hostIds[1]), reason: "教員の判断" };
    expect(statusOf(await place(w.professor.cookie, form))).toBe(409);
    expect(statusOf(await runPost(w, runId, { intent: "publish" }))).toBe(302);

    const page = payload(await call(professorLoader, get(profUrl, { cookie: w.professor.cookie }), pp(w)));
    expect(page.late).toBe(true);
    // Another professor: forbidden; a student already placed cannot be moved; a full firm is refused on its field.
    const other = await userWithCookie("professor");
    expect(statusOf(await place(other.cookie, form))).toBe(403);
    const placedOne = page.view.students.find((s: any) => s.host !== null);
    expect(statusOf(await place(w.professor.cookie, { ...form, signupId: placedOne.id }))).toBe(409);
    const full = await place(w.professor.cookie, { ...form, target: String(w.hostIds[0]) });
    expect(statusOf(full)).toBe(409);
    expect(payload(full).result.error.target).toEqual(["pairing.errors.hostFull"]);

    expect(statusOf(await place(w.professor.cookie, form))).toBe(302);
    const after = payload(await call(professorLoader, get(profUrl, { cookie: w.professor.cookie }), pp(w)));
    expect(after.view.students.find((s: any) => s.id === waitingBefore.id).host).toBe(w.firmNames[1]);
    expect(after.view.overrides.at(-1)).toMatchObject({ reason: "教員の判断" });
    const override = await getDb()
      .selectFrom("pairing_override")
      .selectAll()
      .where("run_id", "=", runId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(override).toMatchObject({ signup_id: Number(waitingBefore.id), host_id: w.hostIds[1] });
    const mails = await getDb()
      .selectFrom("outbox_message")
      .select("kind")
      .where("kind", "=", "pairing.placed")
      .execute();
    expect(mails.length).toBeGreaterThanOrEqual(2);
  });

  it("staff may place a student left without a firm; the student and that firm's users are told", async () => {
    const w = await world();
    const runId = await closeAndCreateRun(w);
    const { view } = payload(await runPage(w, runId));
    // Free a place at the second host, so that someone can be placed there after publication.
    const freed = view.students.find((s: any) => s.host === w.firmNames[1]);
    expect(
      statusOf(
        await runPost(w, runId, { intent: "override", signupId: freed.id, target: "unplaced", reason: "本人の事情" }),
      ),
    ).toBe(302);
    expect(statusOf(await runPost(w, runId, { intent: "publish" }))).toBe(302);

    const published = payload(await runPage(w, runId));
    expect(published).toMatchObject({ editable: false, late: true });
    const waiting = published.view.students.filter((s: any) => s.host === null);
    expect(waiting).toHaveLength(2);
    // Place the student the engine left unplaced (the freed one would only go back where the engine put them).
    const first = waiting.find((s: any) => s.id !== freed.id);
    const second = waiting.find((s: any) => s.id === freed.id);
    const before = await getDb()
      .selectFrom("outbox_message")
      .select("id")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const placed = (await runPost(w, runId, {
      intent: "override",
      signupId: first.id,
      target: String(w.hostIds[1]),
      reason: "教員と相談のうえ",
    })) as Response;
    expect(placed).toHaveRedirect();
    const mails = await getDb().selectFrom("outbox_message").selectAll().where("id", ">", before.id).execute();
    const student = w.students.find((s) => String(s.signupId) === first.id)!;
    expect(mails.map((m) => [m.to_address, m.kind])).toEqual([
      [student.email, "pairing.placed"],
      [w.firmUsers[1].email, "pairing.placed"],
    ]);
    expect(mails[0].body_text).toContain(w.firmNames[1]);
    expect(mails[1].body_text).toContain(student.name);

    const afterPage = payload(await runPage(w, runId));
    expect(afterPage.late).toBe(false); // someone is still unplaced, but no firm has a free place
    const after = afterPage.view;
    expect(after.run.publishedAt).not.toBeNull();
    expect(after.overrides.at(-1)).toMatchObject({
      student: student.name,
      host: w.firmNames[1],
      reason: "教員と相談のうえ",
    });
    const page = payload(
      await call(studentLoader, get(`/student/projects/${w.projectId}/pairing`, { cookie: student.cookie }), pp(w)),
    ).pairing;
    expect(page.placement.firm.name).toBe(w.firmNames[1]);
    expect(page.movedByStaff).toBe(true);
    const firm = payload(
      await call(
        firmStudentsLoader,
        get(`/firm/projects/${w.projectId}/students`, { cookie: w.firmUsers[1].cookie }),
        pp(w),
      ),
    );
    expect(firm.students.map((s: any) => s.email)).toContain(student.email);

    // Only placing: never over capacity, never unplacing or moving a placed student.
    const full = await runPost(w, runId, {
      intent: "override",
      signupId: second.id,
      target: String(w.hostIds[1]),
      reason: "x",
    });
    expect(payload(full).result.error.target).toEqual(["pairing.errors.hostFull"]);
    expect(
      statusOf(await runPost(w, runId, { intent: "override", signupId: first.id, target: "unplaced", reason: "x" })),
    ).toBe(409);
    expect(
      statusOf(
        await runPost(w, runId, { intent: "override", signupId: first.id, target: String(w.hostIds[2]), reason: "x" }),
      ),
    ).toBe(409);
  });
});

describe("a firm's own ranking", () => {
  it("shows applicants without names, and changes the firm's priorities in the next run", async () => {
    const w = await world();
    const url = `/firm/projects/${w.projectId}/ranking`;
    const cookie = w.firmUsers[0].cookie;
    const page = payload(await call(rankingLoader, get(url, { cookie }), pp(w)));
    expect(page.open).toBe(true);
    expect(page.applicants.map((a: any) => a.label)).toEqual(["A", "B", "C", "D", "E", "F", "G"]);
    expect(page.applicants[0].motivation).toBe("動機 1");
    // Without the separate consent, only the pseudonym: the text never reaches the page.
    expect(page.applicants[1].motivation).toBeNull();
    const shown = JSON.stringify(page);
    expect(shown).not.toContain("動機 2");
    expect(shown).not.toContain("動機 4");
    for (const s of w.students) {
      expect(shown).not.toContain(s.name);
      expect(shown).not.toContain(s.email);
    }
    expect(shown).not.toMatch(/テスト大学/);

    const runA = await closeAndCreateRun(w);
    const lotteryLast = (await getRun(runA))!.instance.hosts[0].priorities.at(-1)!;
    const ids = page.applicants.map((a: any) => String(a.id));
    const form = (positions: Record<string, string>) =>
      Object.fromEntries([
        ["intent", "save"],
        ...ids.flatMap((id: string, i: number) => [
          [`ranking[${i}].signup`, id],
          [`ranking[${i}].position`, positions[id] ?? ""],
        ]),
      ]);

    const clash = await call(rankingAction, post(url, form({ [ids[0]]: "1", [ids[1]]: "1" }), { cookie }), pp(w));
    expect(statusOf(clash)).toBe(400);
    expect(payload(clash).result.error["ranking[1].position"]).toEqual(["pairing.ranking.positionTaken?position=1"]);

    const saved = (await call(
      rankingAction,
      post(url, form({ [lotteryLast]: "1", [ids.find((id: string) => id !== lotteryLast)!]: "2" }), { cookie }),
      pp(w),
    )) as Response;
    expect(saved).toHaveRedirect();
    const ranked = payload(await call(rankingLoader, get(url, { cookie }), pp(w)));
    expect(ranked.applicants.find((a: any) => String(a.id) === lotteryLast).rank).toBe(1);

    const runB = await createRunThroughPage(w);
    expect((await getRun(runB))!.instance.hosts[0].priorities[0]).toBe(lotteryLast);
    expect((await getRun(runA))!.instance.hosts[0].priorities[0]).not.toBe(lotteryLast);
    const view = payload(await runPage(w, runB)).view;
    expect(view.hosts.map((h: any) => h.ownRanking)).toEqual([true, false, false]);
    expect(payload(await runPage(w, runA)).view.hosts[0].ownRanking).toBe(false);

    // "Use the lottery" clears it; after publication the ranking is closed.
    expect(statusOf(await call(rankingAction, post(url, { intent: "clear" }, { cookie }), pp(w)))).toBe(302);
    expect(
      (await getDb().selectFrom("host_ranking").select("signup_id").where("host_id", "=", w.hostIds[0]).execute())
        .length,
    ).toBe(0);
    expect(statusOf(await runPost(w, runB, { intent: "publish" }))).toBe(302);
    const late = await call(rankingAction, post(url, form({ [ids[0]]: "1" }), { cookie }), pp(w));
    expect(statusOf(late)).toBe(409);
    expect(payload(await call(rankingLoader, get(url, { cookie }), pp(w))).applicants).toEqual([]);
  });

  it("is only for a firm user of an accepted host of the project", async () => {
    const w = await world();
    const url = `/firm/projects/${w.projectId}/ranking`;
    const { id: firmId } = await createFirm();
    const outsider = await userWithCookie("firm", { firm_id: firmId });
    expect(statusOf(await call(rankingLoader, get(url, { cookie: outsider.cookie }), pp(w)))).toBe(404);
    expect(
      statusOf(await call(rankingAction, post(url, { intent: "clear" }, { cookie: outsider.cookie }), pp(w))),
    ).toBe(404);
    expect(statusOf(await call(rankingLoader, get(url, { cookie: w.staff }), pp(w)))).toBe(403);
    // Another host's applicants cannot be slipped into this host's ranking.
    const foreign = await world();
    const form = {
      intent: "save",
      "ranking[0].signup": String(foreign.students[0].signupId),
      "ranking[0].position": "1",
    };
    const r = await call(rankingAction, post(url, form, { cookie: w.firmUsers[0].cookie }), pp(w));
    expect(statusOf(r)).toBe(400);
    expect(payload(r).result.error[""]).toEqual(["pairing.errors.unknownApplicant"]);
  });
});
