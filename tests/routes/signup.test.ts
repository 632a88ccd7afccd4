// Student sign-up through the routes: the join code, consent, ranking by positions (no JavaScript), changes,
// withdrawal, the window, a full project, and 200 concurrent sign-ups through the action.
import { describe, expect, it } from "vitest";
import { regenerateJoinCode } from "~/models/project.server";
import { countSignups, findSignup, getSignupRanking, signUp } from "~/models/signup.server";
import { loader as homeLoader } from "~/routes/student._index";
import { action as joinAction } from "~/routes/student.join";
import { action as signupAction, loader as signupLoader } from "~/routes/student.projects.$projectId.signup";
import { getDb } from "~/utils/db.server";
import { createProjectFixture, type ProjectFixture } from "../factories/projects";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf, userWithCookie } from "../setup/http";

const DAY = 86_400_000;

function join(cookie: string, code: string) {
  return settle(callAction(joinAction, "/student/join", { form: { code }, cookie }));
}

const pageUrl = (projectId: number) => `/student/projects/${projectId}/signup`;

function page(projectId: number, cookie: string, search = "") {
  return settle(
    callLoader(signupLoader, pageUrl(projectId) + search, { cookie, params: { projectId: String(projectId) } }),
  );
}

function submit(projectId: number, cookie: string, form: Record<string, string>) {
  return settle(
    callAction(signupAction, pageUrl(projectId), { form, cookie, params: { projectId: String(projectId) } }),
  );
}

/** The ranking fields as the no-JavaScript form sends them: one position select per host. */
function positions(hostIds: number[], chosen: Array<number | "">) {
  return Object.fromEntries(
    hostIds.flatMap((id, i) => [
      [`ranking[${i}].host`, String(id)],
      [`ranking[${i}].position`, String(chosen[i])],
    ]),
  );
}

function signupForm(p: ProjectFixture, chosen: Array<number | "">, extra: Record<string, string> = {}) {
  return {
    intent: "signup",
    code: p.joinCode,
    ...positions(p.hostIds, chosen),
    motivation: "新製品の販路を調べたい",
    consent: "on",
    ...extra,
  };
}

describe("join code", () => {
  it("a wrong code is a field error; a right one (any case or width) leads to the sign-up page; a regenerated code retires the old one", async () => {
    const p = await createProjectFixture();
    const student = await userWithCookie("student");
    const wrong = await join(student.cookie, "ZZZZ-ZZZZ");
    expect(statusOf(wrong)).toBe(400);
    expect(payload(wrong).result.error.code).toEqual(["signup.errors.wrongCode"]);

    const typed = p.joinCode
      .toLowerCase()
      .replace("-", "")
      .replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const right = (await join(student.cookie, typed)) as Response;
    expect(right).toHaveRedirect(`${pageUrl(p.projectId)}?code=${p.joinCode}`);

    const regenerated = await regenerateJoinCode({ id: p.professor.id, role: "professor" }, p.projectId);
    if (!regenerated.ok) throw new Error(`join code refused (${regenerated.reason})`);
    const fresh = regenerated.code;
    expect(payload(await join(student.cookie, p.joinCode)).result.error.code).toEqual(["signup.errors.wrongCode"]);
    expect(((await join(student.cookie, fresh)) as Response).headers.get("Location")).toContain(`code=${fresh}`);
    // The sign-up itself checks the code again on the server.
    const stale = await submit(p.projectId, student.cookie, signupForm(p, [1, 2, 3]));
    expect(statusOf(stale)).toBe(400);
    expect(payload(stale).result.error.code).toEqual(["signup.errors.wrongCode"]);
    expect(statusOf(await submit(p.projectId, student.cookie, signupForm(p, [1, 2, 3], { code: fresh })))).toBe(302);
  });

  it("a project that is not public yet is shown only with its code", async () => {
    const p = await createProjectFixture({ state: "approved" });
    const student = await userWithCookie("student");
    expect(statusOf(await page(p.projectId, student.cookie))).toBe(404);
    const shown = payload(await page(p.projectId, student.cookie, `?code=${p.joinCode.toLowerCase()}`));
    expect(shown.phase).toBe("notOpen");
    expect(JSON.stringify(shown)).not.toContain(p.joinCode);
    expect(statusOf(await page(p.projectId, (await userWithCookie("professor")).cookie))).toBe(403);
  });
});

describe("signing up without JavaScript", () => {
  it("requires consent: a field error and nothing written", async () => {
    const p = await createProjectFixture();
    const student = await userWithCookie("student");
    const { consent: _omit, ...form } = signupForm(p, [1, 2, 3]);
    const res = await submit(p.projectId, student.cookie, form);
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error.consent).toEqual(["signup.errors.consent"]);
    expect(await findSignup(student.id, p.projectId)).toBeUndefined();
  });

  it("refuses duplicate or missing positions with a clear message and keeps what was entered; then records the order and the consent", async () => {
    const p = await createProjectFixture({ hosts: 3 });
    const student = await userWithCookie("student");
    const res = await submit(
      p.projectId,
      student.cookie,
      signupForm(p, [2, 2, ""], { motivation: "取材を通じて学びたい" }),
    );
    expect(statusOf(res)).toBe(400);
    const { error, initialValue } = payload(res).result;
    expect(error["ranking[0].position"]).toEqual(["signup.errors.positionTaken?position=2"]);
    expect(error["ranking[1].position"]).toEqual(["signup.errors.positionTaken?position=2"]);
    expect(error["ranking[2].position"]).toEqual(["signup.errors.choosePosition"]);
    expect(error.ranking).toEqual(["signup.errors.positions?n=3&duplicates=2&missing=1%2C+3"]);
    const [a, b, c] = p.hostIds.map(String);
    expect(initialValue.ranking).toEqual([{ host: a, position: "2" }, { host: b, position: "2" }, { host: c }]);
    expect(initialValue.motivation).toBe("取材を通じて学びたい");
    expect(await findSignup(student.id, p.projectId)).toBeUndefined();

    const ok = (await submit(p.projectId, student.cookie, signupForm(p, [3, 1, 2]))) as Response;
    expect(ok).toHaveRedirect(pageUrl(p.projectId));
    const signup = (await findSignup(student.id, p.projectId))!;
    expect(await getSignupRanking(signup.id)).toEqual([p.hostIds[1], p.hostIds[2], p.hostIds[0]]);
    expect(signup.consent_version).toBe("2026-11");
    expect(Date.now() - Date.parse(signup.consented_at)).toBeLessThan(60_000);

    const shown = payload(await page(p.projectId, student.cookie));
    expect(shown.signup.motivation).toBe("新製品の販路を調べたい");
    // Sharing the motivation with the ranked firms is a separate consent, off unless ticked.
    expect(signup.motivation_shared).toBe(0);
    expect(shown.signup.motivation_shared).toBe(false);
    expect(shown.hosts.map((h: { id: number }) => h.id)).toEqual([p.hostIds[1], p.hostIds[2], p.hostIds[0]]);
    expect(shown.phase).toBe("open");
  });

  it("changes the ranking, and withdraws after a confirmation step", async () => {
    const p = await createProjectFixture({ hosts: 3 });
    const student = await userWithCookie("student");
    await submit(p.projectId, student.cookie, signupForm(p, [1, 2, 3]));
    const changed = (await submit(p.projectId, student.cookie, {
      intent: "update",
      ...positions(p.hostIds, [2, 3, 1]),
      motivation: "変更後の動機",
      shareMotivation: "on",
    })) as Response;
    expect(changed).toHaveRedirect();
    const signup = (await findSignup(student.id, p.projectId))!;
    expect(signup.motivation_shared).toBe(1);
    expect(await getSignupRanking(signup.id)).toEqual([p.hostIds[2], p.hostIds[0], p.hostIds[1]]);
    expect(signup.motivation).toBe("変更後の動機");
    const dup = await submit(p.projectId, student.cookie, {
      intent: "update",
      ...positions(p.hostIds, [1, 1, 1]),
      motivation: "x",
    });
    expect(statusOf(dup)).toBe(400);

    expect(payload(await page(p.projectId, student.cookie)).confirmWithdraw).toBe(false);
    expect(payload(await page(p.projectId, student.cookie, "?confirm=withdraw")).confirmWithdraw).toBe(true);
    const gone = (await submit(p.projectId, student.cookie, { intent: "withdraw" })) as Response;
    expect(gone).toHaveRedirect("/student");
    expect(await findSignup(student.id, p.projectId)).toBeUndefined();
  });

  it("tells the student when the list of hosts changed under them", async () => {
    const p = await createProjectFixture({ hosts: 2 });
    const student = await userWithCookie("student");
    await getDb().updateTable("project_host").set({ status: "withdrawn" }).where("id", "=", p.hostIds[1]).execute();
    const res = await submit(p.projectId, student.cookie, signupForm(p, [1, 2]));
    expect(statusOf(res)).toBe(409);
    // The form starts again from the current list (the entered ranking named a host that no longer accepts).
    expect(payload(res)).toEqual({ result: { initialValue: null }, notice: "signup.errors.hostsChanged" });
  });
});

describe("the sign-up window, through the route", () => {
  it("after the window closes the page is read-only and changes and withdrawals are refused", async () => {
    const opensAt = new Date(Date.now() - 10 * DAY);
    const closesAt = new Date(Date.now() - 1000);
    const p = await createProjectFixture({ opensAt, closesAt, hosts: 2 });
    const student = await userWithCookie("student");
    expect(
      await signUp(
        student,
        p.projectId,
        { joinCode: p.joinCode, ranking: p.hostIds, motivation: "m" },
        new Date(opensAt.getTime() + DAY),
      ),
    ).toMatchObject({ ok: true });

    const shown = payload(await page(p.projectId, student.cookie));
    expect(shown.phase).toBe("closed");
    expect(shown.ranked).toEqual(p.hostIds);
    const update = await submit(p.projectId, student.cookie, {
      intent: "update",
      ...positions(p.hostIds, [2, 1]),
      motivation: "late",
    });
    expect(statusOf(update)).toBe(409);
    expect(payload(update).result.error[""]).toEqual(["signup.errors.closed"]);
    const withdraw = (await submit(p.projectId, student.cookie, { intent: "withdraw" })) as Response;
    expect(withdraw.headers.get("Location")).toBe(pageUrl(p.projectId));
    expect(await findSignup(student.id, p.projectId)).toBeDefined();
    expect(await getSignupRanking((await findSignup(student.id, p.projectId))!.id)).toEqual(p.hostIds);

    const late = await userWithCookie("student");
    const refused = await submit(p.projectId, late.cookie, signupForm(p, [1, 2]));
    expect(payload(refused).result.error[""]).toEqual(["signup.errors.closed"]);
  });

  it("before the window opens, sign-ups are refused", async () => {
    const p = await createProjectFixture({
      opensAt: new Date(Date.now() + DAY),
      closesAt: new Date(Date.now() + 5 * DAY),
      hosts: 2,
    });
    const student = await userWithCookie("student");
    expect(payload(await page(p.projectId, student.cookie)).phase).toBe("notOpen");
    const res = await submit(p.projectId, student.cookie, signupForm(p, [1, 2]));
    expect(statusOf(res)).toBe(409);
    expect(payload(res).result.error[""]).toEqual(["signup.errors.notOpen"]);
  });
});

describe("capacity", () => {
  it("a full project says so, on the page and in the answer", async () => {
    const p = await createProjectFixture({ capacity: 1, hosts: 2 });
    const first = await userWithCookie("student");
    expect(statusOf(await submit(p.projectId, first.cookie, signupForm(p, [1, 2])))).toBe(302);
    const second = await userWithCookie("student");
    expect(payload(await page(p.projectId, second.cookie)).full).toBe(true);
    expect(payload(await page(p.projectId, first.cookie)).full).toBe(false);
    const res = await submit(p.projectId, second.cookie, signupForm(p, [2, 1]));
    expect(statusOf(res)).toBe(409);
    expect(payload(res).result.error[""]).toEqual(["signup.errors.full"]);
  });

  it("200 concurrent sign-up POSTs through the route action for 10 places: exactly 10 succeed, 190 are told it is full", async () => {
    const p = await createProjectFixture({ capacity: 10, hosts: 3 });
    const students = await Promise.all(Array.from({ length: 200 }, () => createUser("student")));
    const cookies = await Promise.all(students.map((s) => signIn(s.id)));
    const results = await Promise.all(cookies.map((cookie) => submit(p.projectId, cookie, signupForm(p, [3, 1, 2]))));
    const redirects = results.filter((r) => r instanceof Response && r.status === 302);
    const full = results.filter((r) => statusOf(r) === 409 && payload(r).result.error[""][0] === "signup.errors.full");
    expect(redirects).toHaveLength(10);
    expect(full).toHaveLength(190);
    expect(await countSignups(p.projectId)).toBe(10);
  }, 120_000);
});

describe("student home", () => {
  it("lists the student's sign-ups with state, ranking and closing time", async () => {
    const p = await createProjectFixture({ hosts: 2 });
    const student = await userWithCookie("student");
    await submit(p.projectId, student.cookie, signupForm(p, [2, 1]));
    const home = payload(await callLoader(homeLoader, "/student", { cookie: student.cookie }));
    const firmNames = await getDb()
      .selectFrom("project_host")
      .innerJoin("firm", "firm.id", "project_host.firm_id")
      .select(["project_host.id", "firm.name"])
      .execute();
    const name = (id: number) => firmNames.find((f) => f.id === id)!.name;
    expect(home.signups).toMatchObject([
      { project_id: p.projectId, state: "open", phase: "open", ranking: [name(p.hostIds[1]), name(p.hostIds[0])] },
    ]);
    expect(home.signups[0].signup_closes_at).toMatch(/Z$/);
  });
});
