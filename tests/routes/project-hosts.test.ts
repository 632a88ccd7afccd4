// Host firms: staff invite (or confirm a professor's suggestion), firms answer in the app or through the signed,
// single-use, expiring emailed link. Through the real loaders and actions.
import { describe, expect, it } from "vitest";
import { deliverableBody } from "~/models/outbox.server";
import { HOST_LINK_DAYS, inviteHost, verifyHostLink } from "~/models/project-host.server";
import { signUp } from "~/models/signup.server";
import { action as firmAnswerAction, loader as firmAnswerLoader } from "~/routes/firm.invitations.$hostId";
import { loader as firmListLoader } from "~/routes/firm.invitations._index";
import { action as linkAction, loader as linkLoader } from "~/routes/host-response.$token";
import { action as professorAction, loader as professorLoader } from "~/routes/professor.projects.$projectId.hosts";
import { action as staffAction, loader as staffLoader } from "~/routes/staff.projects.$projectId.hosts";
import { getDb } from "~/utils/db.server";
import { createTestFirm } from "../factories/firm";
import { createProjectFixture } from "../factories/projects";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf, userWithCookie } from "../setup/http";

const DAY = 86_400_000;

async function setup(options: { state?: "approved" | "open" | "draft" | "closed"; firmUsers?: number } = {}) {
  const p = await createProjectFixture({ state: options.state ?? "approved", hosts: 0 });
  const firmId = await createTestFirm({ name: `北区精工${Math.random().toString(36).slice(2, 6)}` });
  const firmUsers = [];
  for (let i = 0; i < (options.firmUsers ?? 1); i++) firmUsers.push(await userWithCookie("firm", { firm_id: firmId }));
  const staff = await userWithCookie("staff");
  return { ...p, firmId, firmUsers, staff, professorCookie: await signIn(p.professor.id) };
}

const staffUrl = (projectId: number) => `/staff/projects/${projectId}/hosts`;

function staffPost(projectId: number, cookie: string, form: Record<string, string>) {
  return settle(
    callAction(staffAction, staffUrl(projectId), { form, cookie, params: { projectId: String(projectId) } }),
  );
}

function staffGet(projectId: number, cookie: string, search = "") {
  return settle(
    callLoader(staffLoader, staffUrl(projectId) + search, { cookie, params: { projectId: String(projectId) } }),
  );
}

function firmAnswer(hostId: number, cookie: string, form: Record<string, string>) {
  const url = `/firm/invitations/${hostId}`;
  return settle(callAction(firmAnswerAction, url, { form, cookie, params: { hostId: String(hostId) } }));
}

function linkGet(token: string) {
  return settle(callLoader(linkLoader, `/host-response/${token}`, { params: { token } }));
}

function linkPost(token: string, form: Record<string, string>) {
  return settle(callAction(linkAction, `/host-response/${token}`, { form, params: { token } }));
}

async function hostOf(projectId: number, firmId: number) {
  return getDb()
    .selectFrom("project_host")
    .selectAll()
    .where("project_id", "=", projectId)
    .where("firm_id", "=", firmId)
    .executeTakeFirstOrThrow();
}

async function mailsTo(address: string) {
  return getDb().selectFrom("outbox_message").selectAll().where("to_address", "=", address).orderBy("id").execute();
}

/** The token of the last signed link mailed to `address`, as delivery reads it (the stored body hides it). */
async function lastLinkToken(address: string) {
  const mails = await mailsTo(address);
  const mail = mails.filter((m) => m.kind === "host_invitation_link").at(-1)!;
  const token = deliverableBody(mail).match(/\/host-response\/([A-Za-z0-9._-]+)/)![1];
  expect(mail.body_text).not.toContain(token);
  return token;
}

describe("staff invite host firms", () => {
  it("queues a mail with the app link to every firm user and the signed link to the contact, in one transaction", async () => {
    const s = await setup({ firmUsers: 2 });
    const res = (await staffPost(s.projectId, s.staff.cookie, {
      intent: "invite",
      firmId: String(s.firmId),
      contactEmail: "Tanaka@Firm.example",
    })) as Response;
    expect(res).toHaveRedirect(staffUrl(s.projectId));
    const host = await hostOf(s.projectId, s.firmId);
    expect(host).toMatchObject({ status: "invited", contact_email: "tanaka@firm.example", invited_by: s.staff.id });
    expect(Date.parse(host.link_expires_at!) - Date.now()).toBeGreaterThan((HOST_LINK_DAYS - 1) * DAY);

    for (const user of s.firmUsers) {
      const [mail] = await mailsTo(user.email);
      expect(mail.kind).toBe("host_invitation");
      expect(mail.body_text).toContain(`/firm/invitations/${host.id}`);
      expect(mail.body_text).not.toContain("/host-response/");
      expect(mail.subject).toContain("受け入れ");
      expect(mail.subject).toContain("host");
    }
    const token = await lastLinkToken("tanaka@firm.example");
    expect(verifyHostLink(token)).toMatchObject({ hostId: host.id });
    const audit = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("action", "=", "host.invite")
      .where("entity_id", "=", String(host.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("requires a contact email when the firm has no account, and writes nothing", async () => {
    const s = await setup({ firmUsers: 0 });
    const res = await staffPost(s.projectId, s.staff.cookie, { intent: "invite", firmId: String(s.firmId) });
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error.contactEmail).toEqual(["hosts.errors.contactRequired"]);
    expect(
      await getDb().selectFrom("project_host").select("id").where("project_id", "=", s.projectId).execute(),
    ).toEqual([]);
    expect(
      statusOf(
        await staffPost(s.projectId, s.staff.cookie, {
          intent: "invite",
          firmId: String(s.firmId),
          contactEmail: "not-an-email",
        }),
      ),
    ).toBe(400);
  });

  it("invites only while the project is approved or open, and only listed firms", async () => {
    const draft = await setup({ state: "draft" });
    const res = await staffPost(draft.projectId, draft.staff.cookie, {
      intent: "invite",
      firmId: String(draft.firmId),
    });
    expect(statusOf(res)).toBe(409);
    expect(payload(res).result.error[""]).toEqual(["hosts.errors.notInvitable"]);
    expect(payload(await staffGet(draft.projectId, draft.staff.cookie)).canInvite).toBe(false);

    const s = await setup({ state: "open" });
    const unlisted = await createTestFirm({ is_public: false });
    const refused = await staffPost(s.projectId, s.staff.cookie, {
      intent: "invite",
      firmId: String(unlisted),
      contactEmail: "x@firm.example",
    });
    expect(payload(refused).result.error.firmId).toEqual(["hosts.errors.firmNotListed"]);
  });

  it("narrows the firm select with ?q= and says which firms have accounts", async () => {
    const s = await setup();
    const other = await createTestFirm({
      name: "浮間プラスチック",
      name_kana: "ウキマプラスチック",
      products: "真空成形品",
    });
    const page = payload(await staffGet(s.projectId, s.staff.cookie, `?q=${encodeURIComponent("うきま")}`));
    expect(page.firms.map((f: { id: number }) => f.id)).toEqual([other]);
    const all = payload(await staffGet(s.projectId, s.staff.cookie));
    expect(all.firms.find((f: { id: number }) => f.id === s.firmId).accounts).toBe(1);
  });
});

describe("professor suggestions", () => {
  it("the owning professor suggests a firm; staff confirm it, which invites the firm and mails it", async () => {
    const s = await setup();
    const res = (await settle(
      callAction(professorAction, `/professor/projects/${s.projectId}/hosts`, {
        form: { intent: "suggest", firmId: String(s.firmId), contactEmail: "contact@firm.example" },
        cookie: s.professorCookie,
        params: { projectId: String(s.projectId) },
      }),
    )) as Response;
    expect(res).toHaveRedirect();
    const suggested = await hostOf(s.projectId, s.firmId);
    expect(suggested).toMatchObject({ status: "suggested", suggested_by: s.professor.id, invited_at: null });
    expect(await mailsTo(s.firmUsers[0].email)).toEqual([]);
    // The firm does not see a suggestion.
    expect(
      payload(await callLoader(firmListLoader, "/firm/invitations", { cookie: s.firmUsers[0].cookie })).invitations,
    ).toEqual([]);
    expect(
      statusOf(
        await settle(
          callLoader(firmAnswerLoader, `/firm/invitations/${suggested.id}`, {
            cookie: s.firmUsers[0].cookie,
            params: { hostId: String(suggested.id) },
          }),
        ),
      ),
    ).toBe(404);

    // Staff open the form pre-filled with the suggestion, then send it.
    const prefilled = payload(await staffGet(s.projectId, s.staff.cookie, `?firm=${s.firmId}`));
    expect(prefilled.prefill).toEqual({ firmId: String(s.firmId), contactEmail: "contact@firm.example" });
    expect(prefilled.hosts[0].suggested_by_name).toContain("professor");
    const confirmed = await staffPost(s.projectId, s.staff.cookie, {
      intent: "invite",
      firmId: String(s.firmId),
      contactEmail: "contact@firm.example",
    });
    expect(confirmed).toHaveRedirect();
    expect(await hostOf(s.projectId, s.firmId)).toMatchObject({
      id: suggested.id,
      status: "invited",
      suggested_by: s.professor.id,
      invited_by: s.staff.id,
    });
    expect((await mailsTo(s.firmUsers[0].email))[0].body_text).toContain(`/firm/invitations/${suggested.id}`);
    expect(await lastLinkToken("contact@firm.example")).toMatch(new RegExp(`^${suggested.id}\\.`));
  });

  it("refuses a second suggestion of the same firm", async () => {
    const s = await setup();
    const suggest = () =>
      settle(
        callAction(professorAction, `/professor/projects/${s.projectId}/hosts`, {
          form: { intent: "suggest", firmId: String(s.firmId) },
          cookie: s.professorCookie,
          params: { projectId: String(s.projectId) },
        }),
      );
    expect(statusOf(await suggest())).toBe(302);
    expect(payload(await suggest()).result.error.firmId).toEqual(["hosts.errors.alreadyListed"]);
  });
});

describe("who may do what", () => {
  it("staff pages are for staff; a professor's page for its owner; an invitation for its own firm", async () => {
    const s = await setup();
    await staffPost(s.projectId, s.staff.cookie, { intent: "invite", firmId: String(s.firmId) });
    const host = await hostOf(s.projectId, s.firmId);
    const student = await userWithCookie("student");
    const otherProfessor = await userWithCookie("professor");
    const otherFirmUser = await userWithCookie("firm", { firm_id: await createTestFirm() });
    const pid = String(s.projectId);

    for (const cookie of [student.cookie, s.professorCookie, s.firmUsers[0].cookie]) {
      expect(statusOf(await staffGet(s.projectId, cookie))).toBe(403);
      expect(
        statusOf(
          await staffPost(s.projectId, cookie, {
            intent: "invite",
            firmId: String(s.firmId),
            contactEmail: "x@x.example",
          }),
        ),
      ).toBe(403);
    }
    for (const cookie of [student.cookie, otherProfessor.cookie]) {
      const url = `/professor/projects/${pid}/hosts`;
      expect(statusOf(await settle(callLoader(professorLoader, url, { cookie, params: { projectId: pid } })))).toBe(
        403,
      );
      const suggest = await settle(
        callAction(professorAction, url, { form: { firmId: String(s.firmId) }, cookie, params: { projectId: pid } }),
      );
      expect(statusOf(suggest)).toBe(403);
    }
    for (const cookie of [student.cookie, otherFirmUser.cookie]) {
      const url = `/firm/invitations/${host.id}`;
      expect(
        statusOf(await settle(callLoader(firmAnswerLoader, url, { cookie, params: { hostId: String(host.id) } }))),
      ).toBe(403);
      expect(statusOf(await firmAnswer(host.id, cookie, { intent: "accept", capacity: "3" }))).toBe(403);
    }
    expect((await hostOf(s.projectId, s.firmId)).status).toBe("invited");
    // Signed out: to the sign-in page.
    const anonymous = (await staffGet(s.projectId, "")) as Response;
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("a firm user answers in the app", () => {
  it("accepts with a capacity for its own firm only; the professor and the inviting staff member are told", async () => {
    const s = await setup();
    await staffPost(s.projectId, s.staff.cookie, { intent: "invite", firmId: String(s.firmId) });
    const host = await hostOf(s.projectId, s.firmId);
    const user = s.firmUsers[0];

    const list = payload(await callLoader(firmListLoader, "/firm/invitations", { cookie: user.cookie }));
    expect(list.invitations).toMatchObject([
      { id: host.id, status: "invited", awaitingAnswer: true, title_ja: "北区のものづくり企業を取材する" },
    ]);
    const page = payload(
      await callLoader(firmAnswerLoader, `/firm/invitations/${host.id}`, {
        cookie: user.cookie,
        params: { hostId: String(host.id) },
      }),
    );
    expect(page.answerable).toBe(true);

    for (const capacity of ["0", "21", "2.5", ""]) {
      const bad = await firmAnswer(host.id, user.cookie, { intent: "accept", capacity });
      expect(statusOf(bad)).toBe(400);
      expect(payload(bad).result.error.capacity).toEqual(["hosts.errors.capacity?max=20"]);
    }
    const res = (await firmAnswer(host.id, user.cookie, {
      intent: "accept",
      capacity: "3",
      note: "火曜と木曜の午後",
    })) as Response;
    expect(res).toHaveRedirect("/firm/invitations");
    expect(await hostOf(s.projectId, s.firmId)).toMatchObject({
      status: "accepted",
      capacity: 3,
      note: "火曜と木曜の午後",
      responded_by: user.id,
    });
    const [toProfessor] = (await mailsTo(s.professor.email)).filter((m) => m.kind === "host_answer");
    expect(toProfessor.body_text).toContain("3");
    expect(toProfessor.body_text).toContain(`/professor/projects/${s.projectId}/hosts`);
    expect((await mailsTo(s.staff.email)).filter((m) => m.kind === "host_answer")).toHaveLength(1);

    // Once: a changed answer goes through staff.
    const again = await firmAnswer(host.id, user.cookie, { intent: "decline" });
    expect(statusOf(again)).toBe(409);
    expect(payload(again).result.error[""]).toEqual(["hosts.errors.answered"]);
    expect((await hostOf(s.projectId, s.firmId)).status).toBe("accepted");
  });

  it("declines with an optional note", async () => {
    const s = await setup();
    await staffPost(s.projectId, s.staff.cookie, { intent: "invite", firmId: String(s.firmId) });
    const host = await hostOf(s.projectId, s.firmId);
    expect(
      statusOf(await firmAnswer(host.id, s.firmUsers[0].cookie, { intent: "decline", note: "繁忙期のため" })),
    ).toBe(302);
    expect(await hostOf(s.projectId, s.firmId)).toMatchObject({
      status: "declined",
      capacity: null,
      note: "繁忙期のため",
    });
    expect((await mailsTo(s.professor.email)).at(-1)!.subject).toContain("辞退");
  });

  it("shows firms nothing about students", async () => {
    const s = await setup({ state: "open" });
    await staffPost(s.projectId, s.staff.cookie, { intent: "invite", firmId: String(s.firmId) });
    const host = await hostOf(s.projectId, s.firmId);
    await firmAnswer(host.id, s.firmUsers[0].cookie, { intent: "accept", capacity: "2" });
    const student = await createUser("student", { name: "北 学生" });
    expect(
      await signUp(student, s.projectId, { joinCode: s.joinCode, ranking: [host.id], motivation: "志望動機の本文" }),
    ).toMatchObject({ ok: true });
    const cookie = s.firmUsers[0].cookie;
    const pages = [
      await callLoader(firmListLoader, "/firm/invitations", { cookie }),
      await callLoader(firmAnswerLoader, `/firm/invitations/${host.id}`, {
        cookie,
        params: { hostId: String(host.id) },
      }),
    ];
    for (const page of pages) {
      const text = JSON.stringify(payload(page));
      for (const secret of [student.email, "北 学生", "志望動機の本文", s.joinCode]) expect(text).not.toContain(secret);
    }
  });
});

describe("the signed emailed link", () => {
  async function invited() {
    const s = await setup({ firmUsers: 0 });
    await staffPost(s.projectId, s.staff.cookie, {
      intent: "invite",
      firmId: String(s.firmId),
      contactEmail: "contact@firm.example",
    });
    return { ...s, host: await hostOf(s.projectId, s.firmId), token: await lastLinkToken("contact@firm.example") };
  }

  it("shows the request, records the answer once (responded_by null), then answers 410", async () => {
    const s = await invited();
    const shown = await linkGet(s.token);
    expect(statusOf(shown)).toBe(200);
    expect(payload(shown)).toMatchObject({ state: "open", host: { title_ja: "北区のものづくり企業を取材する" } });
    expect(JSON.stringify(payload(shown))).not.toContain(s.joinCode);

    const res = (await linkPost(s.token, { intent: "accept", capacity: "4", note: "午前中なら可" })) as Response;
    expect(res).toHaveRedirect("/host-response/thanks?answer=accept");
    const host = await hostOf(s.projectId, s.firmId);
    expect(host).toMatchObject({ status: "accepted", capacity: 4, responded_by: null });
    expect(host.link_used_at).not.toBeNull();
    expect((await mailsTo(s.professor.email)).filter((m) => m.kind === "host_answer")).toHaveLength(1);

    const used = await linkGet(s.token);
    expect(statusOf(used)).toBe(410);
    expect(payload(used).state).toBe("used");
    const twice = await linkPost(s.token, { intent: "decline" });
    expect(statusOf(twice)).toBe(410);
    expect(payload(twice).result.error[""]).toEqual(["hosts.link.used"]);
    expect((await hostOf(s.projectId, s.firmId)).status).toBe("accepted");
  });

  it("answers 410 once the link has expired", async () => {
    const s = await setup({ firmUsers: 0 });
    const sent = await inviteHost(
      s.staff,
      s.projectId,
      { firmId: s.firmId, contactEmail: "late@firm.example" },
      new Date(Date.now() - (HOST_LINK_DAYS * DAY + 1000)),
    );
    if (!sent.ok) throw new Error(sent.reason);
    const shown = await linkGet(sent.token);
    expect(statusOf(shown)).toBe(410);
    expect(payload(shown).state).toBe("expired");
    const res = await linkPost(sent.token, { intent: "accept", capacity: "2" });
    expect(statusOf(res)).toBe(410);
    expect(payload(res).result.error[""]).toEqual(["hosts.link.expired"]);
    expect((await hostOf(s.projectId, s.firmId)).status).toBe("invited");
  });

  it("answers 404 for a tampered signature, host id or expiry, and for garbage", async () => {
    const s = await invited();
    const other = await invited();
    const [hostId, expires, nonce, signature] = s.token.split(".");
    const flipped = signature[0] === "A" ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    const tampered = [
      `${hostId}.${expires}.${nonce}.${flipped}`,
      `${other.host.id}.${expires}.${nonce}.${signature}`,
      `${hostId}.${Number(expires) + DAY}.${nonce}.${signature}`,
      "nope",
      `${hostId}.${expires}.${nonce}`,
    ];
    for (const token of tampered) {
      expect(statusOf(await linkGet(token))).toBe(404);
      const res = await linkPost(token, { intent: "accept", capacity: "2" });
      expect(statusOf(res)).toBe(404);
    }
    expect((await hostOf(s.projectId, s.firmId)).status).toBe("invited");
    expect((await hostOf(other.projectId, other.firmId)).status).toBe("invited");
  });

  it("a new invitation issues a new link and retires the old one", async () => {
    const s = await invited();
    await staffPost(s.projectId, s.staff.cookie, {
      intent: "invite",
      firmId: String(s.firmId),
      contactEmail: "contact@firm.example",
    });
    const fresh = await lastLinkToken("contact@firm.example");
    expect(fresh).not.toBe(s.token);
    const old = await linkGet(s.token);
    expect(statusOf(old)).toBe(410);
    expect(payload(old).state).toBe("replaced");
    expect(statusOf(await linkPost(s.token, { intent: "accept", capacity: "2" }))).toBe(410);
    expect(statusOf(await linkPost(fresh, { intent: "decline" }))).toBe(302);
    expect((await hostOf(s.projectId, s.firmId)).status).toBe("declined");
  });

  it("an answer in the app spends the link; a withdrawal by staff closes it", async () => {
    const s = await setup();
    await staffPost(s.projectId, s.staff.cookie, {
      intent: "invite",
      firmId: String(s.firmId),
      contactEmail: "contact@firm.example",
    });
    const host = await hostOf(s.projectId, s.firmId);
    const token = await lastLinkToken("contact@firm.example");
    await firmAnswer(host.id, s.firmUsers[0].cookie, { intent: "accept", capacity: "2" });
    expect(payload(await linkGet(token)).state).toBe("used");

    expect(
      statusOf(await staffPost(s.projectId, s.staff.cookie, { intent: "withdraw", hostId: String(host.id) })),
    ).toBe(302);
    expect((await hostOf(s.projectId, s.firmId)).status).toBe("withdrawn");
    expect(payload(await linkGet(token)).state).toBe("closed");
  });
});
