// Projects through the real loaders and actions: the proposal form and the agreements it may run under, editing,
// review (submit, return, resubmit, approve, reject), who may do what, the events, audit entries and mails each
// transition writes, opening, the join code, the public pages (no personal data) and the sign-up CSV.
import { beforeAll, describe, expect, it } from "vitest";
import { findSignup, signUp } from "~/models/signup.server";
import { action as profAction, loader as profLoader } from "~/routes/professor.projects.$projectId._index";
import { action as editAction, loader as editLoader } from "~/routes/professor.projects.$projectId.edit";
import { loader as csvLoader } from "~/routes/professor.projects.$projectId.signups[.]csv";
import { loader as profListLoader } from "~/routes/professor.projects._index";
import { action as newAction, loader as newLoader } from "~/routes/professor.projects.new";
import { loader as publicLoader } from "~/routes/projects.$projectId";
import { loader as publicListLoader } from "~/routes/projects._index";
import { action as staffAction, loader as staffLoader } from "~/routes/staff.projects.$projectId._index";
import { loader as staffListLoader } from "~/routes/staff.projects._index";
import { getDb } from "~/utils/db.server";
import type { ProjectState } from "../../db/schema";
import { createAgreement, createFirm, createProjectFixture, createUniversity } from "../factories/projects";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf, userWithCookie } from "../setup/http";

type Cookie = string | undefined;
type Form = Record<string, string | string[]>;
const ctx = {};
const DAY = 86_400_000;

const params = (id: number) => ({ projectId: String(id) });
const callNew = (cookie: Cookie, form: Form) =>
  settle(callAction(newAction, "/professor/projects/new", { form, cookie, context: ctx }));
const callEdit = (cookie: Cookie, id: number, form: Form) =>
  settle(callAction(editAction, `/professor/projects/${id}/edit`, { form, cookie, params: params(id), context: ctx }));
const loadEdit = (cookie: Cookie, id: number) =>
  settle(callLoader(editLoader, `/professor/projects/${id}/edit`, { cookie, params: params(id), context: ctx }));
const profPost = (cookie: Cookie, id: number, form: Form) =>
  settle(callAction(profAction, `/professor/projects/${id}`, { form, cookie, params: params(id), context: ctx }));
const staffPost = (cookie: Cookie, id: number, form: Form) =>
  settle(callAction(staffAction, `/staff/projects/${id}`, { form, cookie, params: params(id), context: ctx }));
const profPage = (cookie: Cookie, id: number) =>
  settle(callLoader(profLoader, `/professor/projects/${id}`, { cookie, params: params(id), context: ctx }));
const staffPage = (cookie: Cookie, id: number) =>
  settle(callLoader(staffLoader, `/staff/projects/${id}`, { cookie, params: params(id), context: ctx }));
const csv = (cookie: Cookie, id: number) =>
  settle(callLoader(csvLoader, `/professor/projects/${id}/signups.csv`, { cookie, params: params(id), context: ctx }));
const publicPage = (id: number) =>
  settle(callLoader(publicLoader, `/projects/${id}`, { params: params(id), context: ctx }));

function validForm(agreementId: number, over: Form = {}): Form {
  return {
    titleJa: "北区の新製品の届け先を探る",
    summaryJa: "新製品を開発した区内企業を取材する。",
    seminarName: "マーケティングゼミ",
    agreementId: String(agreementId),
    theme: "新製品の販路",
    firmIndustries: ["precision", "machinery"],
    newProductFocus: "on",
    fiscalYear: "2026",
    studentCapacity: "12",
    teamSize: "3",
    signupOpensAt: "2026-12-01T09:00",
    signupClosesAt: "2026-12-15T17:00",
    interviewFrom: "2027-01-12",
    interviewUntil: "2027-02-26",
    presentationOn: "2027-03-13",
    ...over,
  };
}

const db = () => getDb();
const projectRow = (id: number) =>
  db().selectFrom("project").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const eventsOf = (id: number) =>
  db().selectFrom("project_event").selectAll().where("project_id", "=", id).orderBy("id").execute();
const auditOf = (id: number) =>
  db()
    .selectFrom("audit_entry")
    .selectAll()
    .where("entity_type", "=", "project")
    .where("entity_id", "=", String(id))
    .orderBy("id")
    .execute();
const mailsSince = (id: number) =>
  db().selectFrom("outbox_message").selectAll().where("id", ">", id).orderBy("id").execute();
const lastMailId = async () =>
  (await db().selectFrom("outbox_message").select("id").orderBy("id", "desc").executeTakeFirst())?.id ?? 0;
const location = (r: unknown) => (r as Response).headers.get("Location");

let universityId: number;
let agreementId: number;
let professor: Awaited<ReturnType<typeof userWithCookie>>;
let staff: Awaited<ReturnType<typeof userWithCookie>>;

beforeAll(async () => {
  ({ id: universityId } = await createUniversity());
  agreementId = await createAgreement(universityId);
  professor = await userWithCookie("professor", { university_id: universityId, name: "東洋 恵子" });
  staff = await userWithCookie("staff", { name: "北区 太郎" });
  await createUser("staff", { name: "滝野川 次郎" });
});

async function createDraft(cookie = professor.cookie, over: Form = {}) {
  const res = await callNew(cookie, validForm(agreementId, over));
  expect(res).toHaveRedirect();
  return Number(location(res)!.split("/").pop());
}

describe("proposing a project", () => {
  it("saves a valid proposal as a draft, the window typed in Tokyo time and stored in UTC", async () => {
    const res = await callNew(professor.cookie, validForm(agreementId));
    expect(res).toHaveRedirect();
    const id = Number(location(res)!.match(/^\/professor\/projects\/(\d+)$/)![1]);
    const p = await projectRow(id);
    expect(p).toMatchObject({
      state: "draft",
      professor_id: professor.id,
      university_id: universityId,
      agreement_id: agreementId,
      signup_opens_at: "2026-12-01T00:00:00.000Z",
      signup_closes_at: "2026-12-15T08:00:00.000Z",
      firm_industries: JSON.stringify(["machinery", "precision"]),
      new_product_focus: 1,
      title_en: null,
    });
    expect(p.join_code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["project.create"]);
  });

  it("shows the form with this year's fiscal year and every agreement, the ineligible ones with their reason", async () => {
    const { id: uni } = await createUniversity();
    const good = await createAgreement(uni);
    const ended = await createAgreement(uni, { terminatedOn: "2020-01-01" });
    const culture = await createAgreement(uni, { areas: ["culture"] });
    const prof = await userWithCookie("professor", { university_id: uni });
    const data = payload(
      await settle(callLoader(newLoader, "/professor/projects/new", { cookie: prof.cookie, context: ctx })),
    );
    expect(data.defaultValue.fiscalYear).toBeGreaterThanOrEqual(2026);
    expect(data.defaultValue.agreementId).toBe(good);
    expect(data.agreements.map((a: any) => [a.id, a.eligible, a.reason])).toEqual([
      [good, true, null],
      [ended, false, "notInForce"],
      [culture, false, "wrongAreas"],
    ]);
  });

  it("answers field errors for missing and inconsistent values, and writes nothing", async () => {
    const before = await db().selectFrom("project").select("id").execute();
    const empty = await callNew(professor.cookie, {});
    expect(statusOf(empty)).toBe(400);
    const errors = payload(empty).result.error;
    for (const field of [
      "titleJa",
      "summaryJa",
      "seminarName",
      "theme",
      "signupOpensAt",
      "interviewFrom",
      "presentationOn",
    ]) {
      expect(errors[field], field).toEqual(["validation.required"]);
    }
    expect(errors.agreementId).toEqual(["validation.chooseOne"]);
    expect(errors.studentCapacity).toEqual(["projects.errors.wholeNumber?min=1&max=200"]);

    const inconsistent = await callNew(
      professor.cookie,
      validForm(agreementId, {
        signupOpensAt: "2026-12-15T09:00",
        signupClosesAt: "2026-12-15T09:00",
        interviewFrom: "2027-02-01",
        interviewUntil: "2027-01-31",
        presentationOn: "2027-01-20",
        studentCapacity: "2",
        teamSize: "3",
      }),
    );
    expect(payload(inconsistent).result.error).toMatchObject({
      signupClosesAt: ["projects.errors.closesBeforeOpens"],
      interviewUntil: ["projects.errors.interviewUntilBeforeFrom"],
      presentationOn: ["projects.errors.presentationBeforeInterviews"],
      teamSize: ["projects.errors.teamLargerThanCapacity"],
    });

    // Issue 12: sign-up closes before interviews start, the presentation comes after the last interview day.
    const overlapping = await callNew(
      professor.cookie,
      validForm(agreementId, {
        signupClosesAt: "2027-01-12T00:01",
        interviewFrom: "2027-01-12",
        interviewUntil: "2027-02-26",
        presentationOn: "2027-02-26",
      }),
    );
    expect(statusOf(overlapping)).toBe(400);
    expect(payload(overlapping).result.error).toMatchObject({
      signupClosesAt: ["projects.errors.closesAfterInterviewsStart"],
      presentationOn: ["projects.errors.presentationBeforeInterviews"],
    });

    const bounds = await callNew(
      professor.cookie,
      validForm(agreementId, {
        studentCapacity: "201",
        teamSize: "0",
        titleJa: "題".repeat(121),
        interviewFrom: "2027-02-30",
        signupOpensAt: "soon",
      }),
    );
    expect(payload(bounds).result.error).toMatchObject({
      studentCapacity: ["projects.errors.wholeNumber?min=1&max=200"],
      teamSize: ["projects.errors.wholeNumber?min=1&max=20"],
      titleJa: ["validation.tooLong?max=120"],
      interviewFrom: ["projects.errors.date"],
      signupOpensAt: ["projects.errors.dateTime"],
    });
    expect(await db().selectFrom("project").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses an agreement the project may not run under, saying why", async () => {
    const { id: other } = await createUniversity();
    const cases: Array<[string, number]> = [
      ["projects.errors.agreementOtherUniversity", await createAgreement(other)],
      ["projects.errors.agreement_notInForce", await createAgreement(universityId, { terminatedOn: "2024-03-31" })],
      ["projects.errors.agreement_notInForce", await createAgreement(universityId, { expiresOn: "2025-03-31" })],
      ["projects.errors.agreement_wrongAreas", await createAgreement(universityId, { areas: ["culture", "health"] })],
    ];
    const before = (await db().selectFrom("project").select("id").execute()).length;
    for (const [message, id] of cases) {
      const res = await callNew(professor.cookie, validForm(id));
      expect(statusOf(res)).toBe(400);
      expect(payload(res).result.error.agreementId).toEqual([message]);
    }
    expect((await db().selectFrom("project").select("id").execute()).length).toBe(before);
  });

  it("refuses a presentation outside the agreement's term, on the presentation field", async () => {
    // In force today (in its notice window), but over before the presentation day.
    const ending = await createAgreement(universityId, { expiresOn: "2027-02-28" });
    // Closing at midnight of the first interview day (Tokyo) is still before the interviews.
    const edge = await callNew(professor.cookie, validForm(agreementId, { signupClosesAt: "2027-01-12T00:00" }));
    expect(edge).toHaveRedirect();
    const { id } = await db().selectFrom("project").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    const before = (await db().selectFrom("project").select("id").execute()).length;
    const res = await callNew(professor.cookie, validForm(ending));
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error.presentationOn).toEqual(["projects.errors.presentationOutsideTerm"]);
    const edit = await callEdit(professor.cookie, id, validForm(ending));
    expect(payload(edit).result.error.presentationOn).toEqual(["projects.errors.presentationOutsideTerm"]);
    expect((await projectRow(id)).agreement_id).toBe(agreementId);
    expect((await db().selectFrom("project").select("id").execute()).length).toBe(before);
    // Inside the term it is accepted.
    expect(statusOf(await callNew(professor.cookie, validForm(ending, { presentationOn: "2027-02-27" })))).toBe(302);
  });

  it("is for professors only", async () => {
    const student = await userWithCookie("student");
    expect(statusOf(await callNew(student.cookie, validForm(agreementId)))).toBe(403);
    expect(statusOf(await callNew(staff.cookie, validForm(agreementId)))).toBe(403);
    expect(location(await callNew(undefined, validForm(agreementId)))).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("editing", () => {
  it("lets the owner edit a draft, and nobody else", async () => {
    const id = await createDraft();
    const shown = payload(await loadEdit(professor.cookie, id));
    expect(shown.defaultValue).toMatchObject({
      titleJa: "北区の新製品の届け先を探る",
      signupOpensAt: "2026-12-01T09:00",
      firmIndustries: ["machinery", "precision"],
    });
    const res = await callEdit(
      professor.cookie,
      id,
      validForm(agreementId, { titleJa: "改訂した企画名", titleEn: "Revised" }),
    );
    expect(location(res)).toBe(`/professor/projects/${id}`);
    expect(await projectRow(id)).toMatchObject({ title_ja: "改訂した企画名", title_en: "Revised" });

    const other = await userWithCookie("professor", { university_id: universityId });
    expect(statusOf(await loadEdit(other.cookie, id))).toBe(403);
    expect(statusOf(await callEdit(other.cookie, id, validForm(agreementId, { titleJa: "乗っ取り" })))).toBe(403);
    expect(statusOf(await callEdit(staff.cookie, id, validForm(agreementId, { titleJa: "乗っ取り" })))).toBe(403);
    expect(statusOf(await loadEdit(professor.cookie, 999_999))).toBe(404);
    expect((await projectRow(id)).title_ja).toBe("改訂した企画名");
  });

  it("refuses editing once submitted (409), and shows field errors on a bad edit", async () => {
    const id = await createDraft();
    expect(statusOf(await callEdit(professor.cookie, id, validForm(agreementId, { teamSize: "99" })))).toBe(400);
    await profPost(professor.cookie, id, { intent: "submit" });
    expect(statusOf(await loadEdit(professor.cookie, id))).toBe(409);
    expect(statusOf(await callEdit(professor.cookie, id, validForm(agreementId, { titleJa: "審査中の変更" })))).toBe(
      409,
    );
    expect((await projectRow(id)).title_ja).toBe("北区の新製品の届け先を探る");
  });
});

describe("review", () => {
  it("submit → return with a comment → edit and resubmit → approve, with history, audit and mails", async () => {
    const id = await createDraft();
    const staffEmails = (await db().selectFrom("user").select("email").where("role", "=", "staff").execute())
      .map((u) => u.email)
      .sort();

    let mark = await lastMailId();
    expect(location(await profPost(professor.cookie, id, { intent: "submit" }))).toBe(`/professor/projects/${id}`);
    expect((await projectRow(id)).state).toBe("submitted");
    const submittedMails = await mailsSince(mark);
    expect(submittedMails.map((m) => m.to_address).sort()).toEqual(staffEmails);
    expect(
      submittedMails.every((m) => m.kind === "project.submitted" && m.subject.includes("北区の新製品の届け先を探る")),
    ).toBe(true);
    expect(submittedMails[0].body_text).toContain(`/staff/projects/${id}`);

    mark = await lastMailId();
    const comment = "取材先の業種をもう少し具体的に書いてください。";
    expect(location(await staffPost(staff.cookie, id, { intent: "return", comment }))).toBe(`/staff/projects/${id}`);
    expect((await projectRow(id)).state).toBe("returned");
    const [returned] = await mailsSince(mark);
    expect(returned).toMatchObject({ to_address: professor.email, kind: "project.returned" });
    expect(returned.body_text).toContain(comment);
    expect(returned.body_text).toContain(`/professor/projects/${id}`);

    // Returned projects can be edited again, and resubmitted.
    expect(payload(await loadEdit(professor.cookie, id)).defaultValue.titleJa).toBe("北区の新製品の届け先を探る");
    await callEdit(professor.cookie, id, validForm(agreementId, { theme: "精密加工の新製品と販路" }));
    await profPost(professor.cookie, id, { intent: "submit" });
    mark = await lastMailId();
    await staffPost(staff.cookie, id, { intent: "approve", comment: "" });
    expect((await projectRow(id)).state).toBe("approved");
    expect((await mailsSince(mark)).map((m) => [m.to_address, m.kind])).toEqual([
      [professor.email, "project.approved"],
    ]);

    const events = await eventsOf(id);
    expect(events.map((e) => [e.action, e.from_state, e.to_state, e.actor_id])).toEqual([
      ["submit", "draft", "submitted", professor.id],
      ["return", "submitted", "returned", staff.id],
      ["submit", "returned", "submitted", professor.id],
      ["approve", "submitted", "approved", staff.id],
    ]);
    expect(events[1].comment).toBe(comment);
    expect((await auditOf(id)).map((a) => a.action)).toEqual([
      "project.create",
      "project.submit",
      "project.return",
      "project.update",
      "project.submit",
      "project.approve",
    ]);

    // The professor sees the history, with the comment and who wrote it.
    const page = payload(await profPage(professor.cookie, id));
    expect(page.events.map((e: any) => e.action)).toEqual(["submit", "return", "submit", "approve"]);
    expect(page.events[1]).toMatchObject({ comment, actor_name: "北区 太郎" });
    expect(page.actions).toEqual(["open", "cancel"]);
    expect(page.canEdit).toBe(false);
  });

  it("rejects only with a reason, mailed to the professor in their language", async () => {
    const id = await createDraft();
    await profPost(professor.cookie, id, { intent: "submit" });
    await db().updateTable("user").set({ locale: "en" }).where("id", "=", professor.id).execute();
    try {
      const eventsBefore = (await eventsOf(id)).length;
      const missing = await staffPost(staff.cookie, id, { intent: "reject", comment: "  " });
      expect(statusOf(missing)).toBe(400);
      expect(payload(missing).result.error.comment).toEqual(["projects.errors.commentRequired"]);
      expect((await projectRow(id)).state).toBe("submitted");
      expect(await eventsOf(id)).toHaveLength(eventsBefore);

      const mark = await lastMailId();
      await staffPost(staff.cookie, id, { intent: "reject", comment: "協定の対象外の分野です。" });
      expect((await projectRow(id)).state).toBe("rejected");
      const [mail] = await mailsSince(mark);
      expect(mail.to_address).toBe(professor.email);
      expect(mail.subject).toContain("Project rejected");
      expect(mail.body_text).toContain("協定の対象外の分野です。");
      expect((await eventsOf(id)).at(-1)).toMatchObject({ action: "reject", comment: "協定の対象外の分野です。" });
    } finally {
      await db().updateTable("user").set({ locale: null }).where("id", "=", professor.id).execute();
    }
  });

  it("cancels with a reason, recorded and mailed to the professor", async () => {
    const id = await createDraft();
    expect(payload(await profPost(professor.cookie, id, { intent: "cancel" })).result.error.comment).toEqual([
      "projects.errors.commentRequired",
    ]);
    const mark = await lastMailId();
    expect(
      statusOf(await profPost(professor.cookie, id, { intent: "cancel", comment: "ゼミの日程が合わなくなりました。" })),
    ).toBe(302);
    expect((await projectRow(id)).state).toBe("cancelled");
    expect((await eventsOf(id)).map((e) => [e.action, e.comment])).toEqual([
      ["cancel", "ゼミの日程が合わなくなりました。"],
    ]);
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: "project.cancel", actor_user_id: professor.id });
    const mails = await mailsSince(mark);
    expect(mails.map((m) => [m.to_address, m.kind])).toEqual([[professor.email, "project.cancelled"]]);
    expect(mails[0].body_text).toContain("ゼミの日程が合わなくなりました。");
  });

  it("refuses what a role may not do (403) or what the state does not allow (409), and changes nothing", async () => {
    const student = await userWithCookie("student");
    const firmUser = await userWithCookie("firm", { firm_id: (await createFirm()).id });
    const otherProfessor = await userWithCookie("professor", { university_id: universityId });
    const draft = await createDraft();
    const submitted = await createDraft();
    await profPost(professor.cookie, submitted, { intent: "submit" });
    const approved = await createDraft();
    await profPost(professor.cookie, approved, { intent: "submit" });
    await staffPost(staff.cookie, approved, { intent: "approve" });

    const cases: Array<[string, () => Promise<unknown>, number, number, ProjectState]> = [
      [
        "a student approves",
        () => staffPost(student.cookie, submitted, { intent: "approve" }),
        403,
        submitted,
        "submitted",
      ],
      [
        "a firm returns",
        () => staffPost(firmUser.cookie, submitted, { intent: "return", comment: "x" }),
        403,
        submitted,
        "submitted",
      ],
      ["a student submits", () => profPost(student.cookie, draft, { intent: "submit" }), 403, draft, "draft"],
      [
        "another professor submits",
        () => profPost(otherProfessor.cookie, draft, { intent: "submit" }),
        403,
        draft,
        "draft",
      ],
      [
        "another professor cancels",
        () => profPost(otherProfessor.cookie, approved, { intent: "cancel", comment: "x" }),
        403,
        approved,
        "approved",
      ],
      [
        "the owner uses the staff page",
        () => staffPost(professor.cookie, submitted, { intent: "approve" }),
        403,
        submitted,
        "submitted",
      ],
      [
        "the owner approves their own",
        () => profPost(professor.cookie, submitted, { intent: "approve" }),
        403,
        submitted,
        "submitted",
      ],
      ["staff approve a draft", () => staffPost(staff.cookie, draft, { intent: "approve" }), 409, draft, "draft"],
      [
        "the owner resubmits an approved project",
        () => profPost(professor.cookie, approved, { intent: "submit" }),
        409,
        approved,
        "approved",
      ],
      [
        "staff close a project that is not open",
        () => staffPost(staff.cookie, approved, { intent: "close" }),
        409,
        approved,
        "approved",
      ],
    ];
    for (const [name, call, status, id, state] of cases) {
      const events = (await eventsOf(id)).length;
      const audits = (await auditOf(id)).length;
      const mark = await lastMailId();
      const res = await call();
      expect(statusOf(res), name).toBe(status);
      expect((await projectRow(id)).state, name).toBe(state);
      expect(await eventsOf(id), name).toHaveLength(events);
      expect(await auditOf(id), name).toHaveLength(audits);
      expect(await mailsSince(mark), name).toHaveLength(0);
    }
    // A refused transition re-renders the page with the reason; a project one may not see is a 403 Response.
    expect(payload(await staffPost(staff.cookie, draft, { intent: "approve" })).error).toBe(
      "projects.errors.wrongState",
    );
    expect(payload(await profPost(professor.cookie, submitted, { intent: "approve" })).error).toBe(
      "projects.errors.forbidden",
    );
    expect(await profPost(otherProfessor.cookie, draft, { intent: "submit" })).toBeInstanceOf(Response);
    expect(statusOf(await staffPost(staff.cookie, 999_999, { intent: "approve" }))).toBe(404);
  });

  it("lets staff and the owner see the page; other professors, students and firms get 403", async () => {
    const id = await createDraft();
    expect(payload(await profPage(professor.cookie, id)).actions).toEqual(["submit", "cancel"]);
    expect(payload(await staffPage(staff.cookie, id)).actions).toEqual(["cancel"]);
    const other = await userWithCookie("professor", { university_id: universityId });
    expect(statusOf(await profPage(other.cookie, id))).toBe(403);
    expect(statusOf(await staffPage(professor.cookie, id))).toBe(403);
    expect(statusOf(await staffPage((await userWithCookie("firm")).cookie, id))).toBe(403);
    expect(statusOf(await profPage(professor.cookie, 999_999))).toBe(404);
  });

  it("leaves the steps after sign-up closes to the features that do that work", async () => {
    const closed = await createProjectFixture({ state: "closed" });
    expect(payload(await staffPage(staff.cookie, closed.projectId)).actions).toEqual(["cancel"]);
    const res = await staffPost(staff.cookie, closed.projectId, { intent: "publish_pairing" });
    expect(statusOf(res)).toBe(400);
    expect((await projectRow(closed.projectId)).state).toBe("closed");
    expect(await eventsOf(closed.projectId)).toHaveLength(0);
  });
});

describe("opening and the join code", () => {
  it("refuses to open without an accepting host or before the window, and opens otherwise", async () => {
    const noHost = await createProjectFixture({ state: "approved", hosts: 0 });
    const cookie = await signIn(noHost.professor.id);
    const refused = await profPost(cookie, noHost.projectId, { intent: "open" });
    expect(statusOf(refused)).toBe(409);
    expect(payload(refused).error).toBe("projects.errors.noAcceptingHost");

    const early = await createProjectFixture({
      state: "approved",
      opensAt: new Date(Date.now() + DAY),
      closesAt: new Date(Date.now() + 9 * DAY),
    });
    expect(payload(await staffPost(staff.cookie, early.projectId, { intent: "open" })).error).toBe(
      "projects.errors.windowNotStarted",
    );
    const late = await createProjectFixture({
      state: "approved",
      opensAt: new Date(Date.now() - 9 * DAY),
      closesAt: new Date(Date.now() - DAY),
    });
    expect(payload(await staffPost(staff.cookie, late.projectId, { intent: "open" })).error).toBe(
      "projects.errors.windowEnded",
    );
    for (const p of [noHost, early, late]) expect((await projectRow(p.projectId)).state).toBe("approved");

    const ready = await createProjectFixture({ state: "approved" });
    const mark = await lastMailId();
    expect(statusOf(await staffPost(staff.cookie, ready.projectId, { intent: "open" }))).toBe(302);
    expect((await projectRow(ready.projectId)).state).toBe("open");
    expect((await mailsSince(mark)).map((m) => [m.to_address, m.kind])).toEqual([
      [ready.professor.email, "project.open"],
    ]);
  });

  it("regenerates the join code: the old one stops working for sign-up", async () => {
    const p = await createProjectFixture();
    const cookie = await signIn(p.professor.id);
    const res = await profPost(cookie, p.projectId, { intent: "regenerateCode" });
    expect(location(res)).toBe(`/professor/projects/${p.projectId}`);
    const { join_code } = await projectRow(p.projectId);
    expect(join_code).not.toBe(p.joinCode);
    const student = await createUser("student");
    expect(await signUp(student, p.projectId, { joinCode: p.joinCode, ranking: p.hostIds, motivation: "m" })).toEqual({
      ok: false,
      reason: "signup.errors.wrongCode",
    });
    expect(
      await signUp(student, p.projectId, { joinCode: join_code, ranking: p.hostIds, motivation: "m" }),
    ).toMatchObject({
      ok: true,
    });
    // Another professor cannot change it.
    const other = await userWithCookie("professor");
    expect(statusOf(await profPost(other.cookie, p.projectId, { intent: "regenerateCode" }))).toBe(403);
    expect((await projectRow(p.projectId)).join_code).toBe(join_code);
  });
});

describe("sign-ups on the project page and as CSV", () => {
  async function withSignups() {
    const p = await createProjectFixture({ hosts: 3 });
    const students = [
      await createUser("student", { name: "山田 花子", university_id: p.universityId }),
      await createUser("student", { name: '=HYPERLINK("x")', university_id: p.universityId }),
    ];
    await signUp(students[0], p.projectId, { joinCode: p.joinCode, ranking: p.hostIds, motivation: "取材したい" });
    await signUp(students[1], p.projectId, {
      joinCode: p.joinCode,
      ranking: [p.hostIds[1], p.hostIds[0], p.hostIds[2]],
      motivation: "販路を,調べたい\n2行目",
    });
    return { p, students, cookie: await signIn(p.professor.id) };
  }

  it("lists sign-ups with their rankings and how often each host was ranked 1st, 2nd, 3rd", async () => {
    const { p, cookie } = await withSignups();
    const page = payload(await profPage(cookie, p.projectId));
    expect(page.signups.map((s: any) => [s.name, s.motivation, s.ranking.length])).toEqual([
      ["山田 花子", "取材したい", 3],
      ['=HYPERLINK("x")', "販路を,調べたい\n2行目", 3],
    ]);
    expect(page.signups[0]).not.toHaveProperty("email");
    expect(page.popularity.ranks).toBe(3);
    const byHost = Object.fromEntries(page.popularity.hosts.map((h: any) => [h.id, h.counts]));
    expect(byHost[p.hostIds[0]]).toEqual([1, 1, 0]);
    expect(byHost[p.hostIds[1]]).toEqual([1, 1, 0]);
    expect(byHost[p.hostIds[2]]).toEqual([0, 0, 2]);
  });

  it("exports them as CSV (BOM, CRLF, header, one row per sign-up) for the owner and staff only", async () => {
    const { p, students, cookie } = await withSignups();
    const res = (await csv(cookie, p.projectId)) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("氏名,ふりがな,メールアドレス,大学,申込日時,志望動機,第1希望,第2希望,第3希望");
    expect(text.match(/\r\n(?=.)/g)?.length).toBe(2); // header + 2 records (the newline inside a quoted cell is \n)
    expect(lines[1]).toContain(students[0].email);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`); // a formula is neutralised
    expect(text).toContain('"販路を,調べたい\n2行目"');

    expect(statusOf(await csv(staff.cookie, p.projectId))).toBe(200);
    expect(statusOf(await csv((await userWithCookie("professor")).cookie, p.projectId))).toBe(403);
    expect(statusOf(await csv((await userWithCookie("student")).cookie, p.projectId))).toBe(403);
  });
});

describe("lists", () => {
  it("puts projects awaiting review first in the staff queue, and filters by state and fiscal year", async () => {
    const waiting = await createDraft(professor.cookie, { fiscalYear: "2031" });
    await profPost(professor.cookie, waiting, { intent: "submit" });
    const draft = await createDraft(professor.cookie, { fiscalYear: "2031" });
    const all = payload(
      await settle(callLoader(staffListLoader, "/staff/projects", { cookie: staff.cookie, context: ctx })),
    );
    const states: string[] = all.projects.map((p: any) => p.state);
    expect(states.lastIndexOf("submitted")).toBeLessThan(states.findIndex((s) => s !== "submitted"));
    expect(all.years).toContain(2031);
    const filtered = payload(
      await settle(
        callLoader(staffListLoader, "/staff/projects?state=draft&fy=2031", { cookie: staff.cookie, context: ctx }),
      ),
    );
    expect(filtered.projects.map((p: any) => p.id)).toEqual([draft]);
    expect(
      statusOf(
        await settle(callLoader(staffListLoader, "/staff/projects", { cookie: professor.cookie, context: ctx })),
      ),
    ).toBe(403);

    const mine = payload(
      await settle(callLoader(profListLoader, "/professor/projects", { cookie: professor.cookie, context: ctx })),
    );
    expect(mine.projects.map((p: any) => p.id)).toEqual(expect.arrayContaining([waiting, draft]));
    expect(mine.projects.every((p: any) => p.id !== undefined && p.state)).toBe(true);
  });
});

describe("public pages", () => {
  it("list only public projects, open ones first, and show no personal data", async () => {
    const open = await createProjectFixture({ hosts: 2 });
    const closedWindow = await createProjectFixture({
      state: "open",
      opensAt: new Date(Date.now() - 9 * DAY),
      closesAt: new Date(Date.now() - DAY),
    });
    const completed = await createProjectFixture({ state: "completed" });
    const hidden: number[] = [];
    for (const state of ["draft", "submitted", "returned", "approved", "rejected", "cancelled"] as const) {
      hidden.push((await createProjectFixture({ state })).projectId);
    }
    const student = await createUser("student", { name: "公開 されない", university_id: open.universityId });
    await signUp(student, open.projectId, { joinCode: open.joinCode, ranking: open.hostIds, motivation: "秘密の動機" });
    expect(await findSignup(student.id, open.projectId)).toBeTruthy();
    // One host firm chose not to be listed in the public directory: it is counted, not named.
    const unlisted = await db()
      .selectFrom("project_host")
      .select("firm_id")
      .where("id", "=", open.hostIds[1])
      .executeTakeFirstOrThrow();
    await db()
      .updateTable("firm")
      .set({ is_public: 0, name: "非公開工業" })
      .where("id", "=", unlisted.firm_id)
      .execute();

    const list = payload(await callLoader(publicListLoader, "/projects", { context: ctx }));
    const openIds = list.open.map((p: any) => p.id);
    const otherIds = list.others.map((p: any) => p.id);
    expect(openIds).toContain(open.projectId);
    expect(openIds).not.toContain(closedWindow.projectId);
    expect(otherIds).toEqual(expect.arrayContaining([closedWindow.projectId, completed.projectId]));
    for (const id of hidden) expect([...openIds, ...otherIds]).not.toContain(id);

    const page = payload(await publicPage(open.projectId));
    expect(page.project.title_ja).toBe("北区のものづくり企業を取材する");
    expect(page.openForSignup).toBe(true);
    expect(page.hosts).toHaveLength(1);
    expect(page.unlistedHosts).toBe(1);
    const professorRow = await db()
      .selectFrom("user")
      .select(["name", "email"])
      .where("id", "=", open.professor.id)
      .executeTakeFirstOrThrow();
    for (const data of [page, list]) {
      const json = JSON.stringify(data);
      for (const secret of [
        student.email,
        "公開 されない",
        "秘密の動機",
        professorRow.email,
        professorRow.name,
        open.joinCode,
        "非公開工業",
      ]) {
        expect(json).not.toContain(secret);
      }
    }
    for (const id of [...hidden, 999_999]) expect(statusOf(await publicPage(id))).toBe(404);
    expect(statusOf(await publicPage(completed.projectId))).toBe(200);
  });
});
