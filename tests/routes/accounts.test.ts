// Accounts over the years through the real routes: a user's own /account (password, sessions), the staff's account
// list (filters, disabling, invitations sent again or withdrawn), partner universities and mail that failed.
import { describe, expect, it } from "vitest";
import { createInvitation } from "~/models/invitation.server";
import { deliverableBody, enqueueMail } from "~/models/outbox.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { action as acceptAction, loader as acceptLoader } from "~/routes/invitations.$token";
import { action as loginAction } from "~/routes/login";
import { action as mailboxAction, loader as mailboxLoader } from "~/routes/staff.mailbox";
import { action as editUniversityAction } from "~/routes/staff.universities.$universityId";
import { action as universitiesAction, loader as universitiesLoader } from "~/routes/staff.universities._index";
import { action as usersAction, loader as usersLoader } from "~/routes/staff.users";
import { getDb } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { getSessionUser } from "~/utils/session.server";
import { callAction, callLoader } from "../setup/call";
import { createUser, get, payload, settle, signIn, statusOf } from "../setup/http";

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

async function audits(action: string, entityId?: number | string) {
  return getDb()
    .selectFrom("audit_entry")
    .selectAll()
    .where("action", "=", action)
    .$if(entityId !== undefined, (q) => q.where("entity_id", "=", String(entityId)))
    .execute();
}

async function university(nameJa = "北都大学", nameEn = `Hokuto University ${Math.random()}`) {
  const row = await getDb()
    .insertInto("university")
    .values({ slug: `u${Math.random()}`, name_ja: nameJa, name_en: nameEn, created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("/account", () => {
  async function changePassword(cookie: string, current: string, password: string, ip = "192.0.2.20") {
    return settle(
      callAction(accountAction, "/account", {
        form: { intent: "password", current, password },
        cookie,
        context: { clientIp: ip },
      }),
    );
  }

  it("lists the sessions with device and last seen, this one first, and signs out the others", async () => {
    const user = await createUser("professor");
    const here = await signIn(user.id);
    const phone = await signIn(user.id);
    await getDb().updateTable("session").set({ user_agent: FIREFOX }).where("user_id", "=", user.id).execute();
    const page = payload(await callLoader(accountLoader, "/account", { cookie: here }));
    expect(page.sessions).toHaveLength(2);
    expect(page.sessions[0].current).toBe(true);
    expect(page.sessions[1].current).toBe(false);
    expect(page.sessions[0].device).toMatch(/Firefox 133/);
    expect(page.sessions[0].device).toMatch(/Windows/);
    expect(page.sessions[0].lastSeenAt).toBeTruthy();

    const res = (await settle(
      callAction(accountAction, "/account", { form: { intent: "signOutOthers" }, cookie: here }),
    )) as Response;
    expect(res).toHaveRedirect();
    expect((await getSessionUser(get("/", { cookie: here })))?.id).toBe(user.id);
    expect(await getSessionUser(get("/", { cookie: phone }))).toBeNull();
    expect(await audits("session.endOthers", user.id)).toHaveLength(1);
  });

  it("changes the password only with the current one; the other sessions end, this one stays, the owner is told", async () => {
    const user = await createUser("student");
    const here = await signIn(user.id);
    const other = await signIn(user.id);

    const wrong = await changePassword(here, "not my password", "a fresh new passphrase");
    expect(statusOf(wrong)).toBe(400);
    expect(payload(wrong).result.error.current).toEqual(["accounts.password.wrongCurrent"]);
    expect(await getSessionUser(get("/", { cookie: other }))).not.toBeNull();

    const common = await changePassword(here, user.password, "1234567890");
    expect(statusOf(common)).toBe(400);
    expect(payload(common).result.error.password).toEqual(["validation.passwordCommon"]);

    const done = (await changePassword(here, user.password, "a fresh new passphrase")) as Response;
    expect(done).toHaveRedirect();
    expect((await getSessionUser(get("/", { cookie: here })))?.id).toBe(user.id);
    expect(await getSessionUser(get("/", { cookie: other }))).toBeNull();
    const row = await getDb()
      .selectFrom("user")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword("a fresh new passphrase", row.password_hash)).toBe(true);
    const told = await getDb()
      .selectFrom("outbox_message")
      .select("kind")
      .where("to_address", "=", user.email)
      .execute();
    expect(told.map((m) => m.kind)).toContain("password-changed");
    expect(await audits("password.change", user.id)).toHaveLength(1);
  });

  it("limits guesses of the current password like sign-ins (a borrowed session cannot guess it)", async () => {
    const user = await createUser("student");
    const here = await signIn(user.id);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(statusOf(await changePassword(here, `guess ${i}`, "a fresh new passphrase")));
    expect(statuses).toContain(429);
    // Even the right one is held back while the limit holds.
    expect(statusOf(await changePassword(here, user.password, "a fresh new passphrase"))).toBe(429);
  });

  it("sends an anonymous visitor to sign in", async () => {
    const res = await settle(callLoader(accountLoader, "/account"));
    expect(res).toHaveRedirect();
    expect((res as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("/staff/users", () => {
  async function act(cookie: string, form: Record<string, string>, search = "") {
    return (await settle(callAction(usersAction, `/staff/users${search}`, { form, cookie }))) as Response;
  }

  it("filters every account by role, university, firm and status, and drops bad filter values", async () => {
    const staff = await createUser("staff");
    const cookie = await signIn(staff.id);
    const uni = await university();
    const prof = await createUser("professor", { university_id: uni });
    const pupil = await createUser("student", { university_id: uni });
    const elsewhere = await createUser("student");
    await getDb()
      .updateTable("user")
      .set({ disabled_at: new Date().toISOString() })
      .where("id", "=", pupil.id)
      .execute();
    const list = async (search: string) => payload(await callLoader(usersLoader, `/staff/users${search}`, { cookie }));

    const byUni = await list(`?university=${uni}`);
    expect(byUni.accounts.rows.map((r: { id: number }) => r.id).sort()).toEqual([prof.id, pupil.id].sort());
    const students = await list(`?university=${uni}&role=student`);
    expect(students.accounts.rows.map((r: { id: number }) => r.id)).toEqual([pupil.id]);
    expect((await list(`?university=${uni}&status=active`)).accounts.rows.map((r: { id: number }) => r.id)).toEqual([
      prof.id,
    ]);
    expect((await list(`?university=${uni}&status=disabled`)).accounts.rows.map((r: { id: number }) => r.id)).toEqual([
      pupil.id,
    ]);
    const all = await list("?role=wizard&university=abc&status=%00&page=-4");
    expect(all.filter).toMatchObject({ role: undefined, university: undefined, status: "all", page: 1 });
    expect(all.accounts.rows.map((r: { id: number }) => r.id)).toContain(elsewhere.id);
  });

  it("disabling ends the account's sessions at once; it cannot sign in or use a mailed link; enabling lets it back", async () => {
    const staff = await createUser("staff");
    const cookie = await signIn(staff.id);
    const firmUser = await createUser("firm");
    const theirs = await signIn(firmUser.id);

    const res = await act(cookie, { intent: "disable", id: String(firmUser.id) }, "?role=firm");
    expect(res).toHaveRedirect("/staff/users?role=firm");
    expect(await getSessionUser(get("/", { cookie: theirs }))).toBeNull();
    expect(await getDb().selectFrom("session").select("id").where("user_id", "=", firmUser.id).execute()).toEqual([]);
    const login = await settle(
      callAction(loginAction, "/login", {
        form: { email: firmUser.email, password: firmUser.password },
        context: { clientIp: "192.0.2.77" },
      }),
    );
    expect(statusOf(login)).toBe(401);
    expect(await audits("user.disable", firmUser.id)).toHaveLength(1);

    // A staff member cannot disable themselves (nor the last staff account).
    const self = await act(cookie, { intent: "disable", id: String(staff.id) });
    await expect(self).toSendToast("error", "accounts.users.notYourself");
    expect(await getSessionUser(get("/", { cookie }))).not.toBeNull();

    await act(cookie, { intent: "enable", id: String(firmUser.id) });
    const back = await settle(
      callAction(loginAction, "/login", {
        form: { email: firmUser.email, password: firmUser.password },
        context: { clientIp: "192.0.2.78" },
      }),
    );
    expect(back).toHaveRedirect();
    expect(await audits("user.enable", firmUser.id)).toHaveLength(1);

    // A tampered row id is a 400, not a 500.
    expect((await act(cookie, { intent: "disable", id: "1e400" })).status).toBe(400);
    await expect(await act(cookie, { intent: "disable", id: "999999999" })).toSendToast(
      "error",
      "accounts.users.notFound",
    );
  });

  it("refuses a non-staff user", async () => {
    const student = await createUser("student");
    const cookie = await signIn(student.id);
    const victim = await createUser("professor");
    const res = await act(cookie, { intent: "disable", id: String(victim.id) });
    expect([403, 404]).toContain(res.status);
    const row = await getDb()
      .selectFrom("user")
      .select("disabled_at")
      .where("id", "=", victim.id)
      .executeTakeFirstOrThrow();
    expect(row.disabled_at).toBeNull();
  });

  it("sends an open invitation again (the old link stops working) and withdraws one (its link stops at once)", async () => {
    const staff = await createUser("staff");
    const cookie = await signIn(staff.id);
    const uni = await university();
    const created = await createInvitation(
      {
        email: "again@univ.example",
        name: "再送 先生",
        role: "professor",
        universityId: uni,
        firmId: null,
        invitedBy: staff.id,
      },
      ({ link }) => ({ subject: "招待", body: `招待: ${link}` }),
    );
    if (!created.ok) throw new Error("invitation refused");
    const inv = await getDb()
      .selectFrom("invitation")
      .select("id")
      .where("email", "=", "again@univ.example")
      .executeTakeFirstOrThrow();
    const listed = payload(await callLoader(usersLoader, "/staff/users", { cookie }));
    expect(listed.invitations.map((i: { id: number }) => i.id)).toContain(inv.id);

    const resent = await act(cookie, { intent: "resend", id: String(inv.id) });
    expect(resent).toHaveRedirect();
    const mails = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("to_address", "=", "again@univ.example")
      .orderBy("id", "desc")
      .execute();
    expect(mails).toHaveLength(2); // the first invitation and the one sent again
    const newToken = deliverableBody(mails[0]).match(/\/invitations\/([A-Za-z0-9_-]+)/)![1];
    const old = await callLoader(acceptLoader, `/invitations/${created.token}`, { params: { token: created.token } });
    expect(payload(old).state).toBe("invalid");
    const fresh = await callLoader(acceptLoader, `/invitations/${newToken}`, { params: { token: newToken } });
    expect(payload(fresh).state).toBe("open");
    expect(await audits("invitation.resend", inv.id)).toHaveLength(1);

    const withdrawn = await act(cookie, { intent: "withdraw", id: String(inv.id) });
    expect(withdrawn).toHaveRedirect();
    const gone = await callLoader(acceptLoader, `/invitations/${newToken}`, { params: { token: newToken } });
    expect(payload(gone).state).toBe("withdrawn");
    const accepted = await settle(
      callAction(acceptAction, `/invitations/${newToken}`, {
        form: { password: "a long passphrase here" },
        params: { token: newToken },
      }),
    );
    expect(statusOf(accepted)).toBeGreaterThanOrEqual(400);
    expect(await getDb().selectFrom("user").select("id").where("email", "=", "again@univ.example").execute()).toEqual(
      [],
    );
    expect(await audits("invitation.withdraw", inv.id)).toHaveLength(1);
    const after = payload(await callLoader(usersLoader, "/staff/users", { cookie }));
    expect(after.invitations.map((i: { id: number }) => i.id)).not.toContain(inv.id);
    // Neither can be done twice.
    await expect(await act(cookie, { intent: "resend", id: String(inv.id) })).toSendToast(
      "error",
      "accounts.invitations.notOpen",
    );
    await expect(await act(cookie, { intent: "withdraw", id: String(inv.id) })).toSendToast(
      "error",
      "accounts.invitations.notOpen",
    );
  });

  it("a disabled account is mailed no reset link", async () => {
    const staff = await createUser("staff");
    const cookie = await signIn(staff.id);
    const user = await createUser("student");
    await act(cookie, { intent: "disable", id: String(user.id) });
    const forgot = await import("~/routes/forgot-password");
    await settle(callAction(forgot.action, "/forgot-password", { form: { email: user.email } }));
    expect(
      await getDb()
        .selectFrom("outbox_message")
        .select("id")
        .where("to_address", "=", user.email)
        .where("kind", "=", "password-reset")
        .execute(),
    ).toEqual([]);
  });
});

describe("/staff/universities", () => {
  it("adds a university with both names, refuses a duplicate, renames it; all audited", async () => {
    const staff = await createUser("staff");
    const cookie = await signIn(staff.id);
    const add = async (nameJa: string, nameEn: string) =>
      settle(callAction(universitiesAction, "/staff/universities", { form: { nameJa, nameEn }, cookie }));
    const res = (await add("北区工科大学", "Kita Institute of Technology")) as Response;
    expect(res).toHaveRedirect();
    const row = await getDb()
      .selectFrom("university")
      .selectAll()
      .where("name_en", "=", "Kita Institute of Technology")
      .executeTakeFirstOrThrow();
    expect(row.name_ja).toBe("北区工科大学");
    expect(row.slug).toMatch(/^[a-z0-9-]+$/);
    expect(res.headers.get("Location")).toBe(`/staff/universities#university-${row.id}`);
    expect(await audits("university.create", row.id)).toHaveLength(1);

    const dup = await add("北区工科大学", "Another English Name");
    expect(statusOf(dup)).toBe(400);
    expect(Object.keys(payload(dup).result.error)).toContain("nameJa");
    const empty = await add("", "");
    expect(statusOf(empty)).toBe(400);

    const page = payload(await callLoader(universitiesLoader, "/staff/universities", { cookie }));
    expect(page.universities.map((u: { id: number }) => u.id)).toContain(row.id);

    const renamed = (await settle(
      callAction(editUniversityAction, `/staff/universities/${row.id}`, {
        form: { nameJa: "北区工業大学", nameEn: "Kita University of Industry" },
        cookie,
        params: { universityId: String(row.id) },
      }),
    )) as Response;
    expect(renamed).toHaveRedirect();
    const after = await getDb().selectFrom("university").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ name_ja: "北区工業大学", name_en: "Kita University of Industry", slug: row.slug });
    expect(await audits("university.update", row.id)).toHaveLength(1);

    const missing = await settle(
      callAction(editUniversityAction, "/staff/universities/99999", {
        form: { nameJa: "無", nameEn: "None" },
        cookie,
        params: { universityId: "99999" },
      }),
    );
    expect(statusOf(missing)).toBe(404);
  });

  it("is for staff only", async () => {
    const prof = await createUser("professor");
    const cookie = await signIn(prof.id);
    const res = await settle(
      callAction(universitiesAction, "/staff/universities", {
        form: { nameJa: "偽大学", nameEn: "Fake University" },
        cookie,
      }),
    );
    expect([403, 404]).toContain(statusOf(res));
    expect(await getDb().selectFrom("university").select("id").where("name_ja", "=", "偽大学").execute()).toEqual([]);
  });
});

describe("mailbox: mail that failed", () => {
  it("shows messages being retried with attempts and last error, and 'retry now' makes one due at once", async () => {
    const staff = await createUser("staff");
    const cookie = await signIn(staff.id);
    await enqueueMail(getDb(), { to: "bounce@firm.example", kind: "test", subject: "件名", body: "本文" });
    const msg = await getDb()
      .selectFrom("outbox_message")
      .select("id")
      .where("to_address", "=", "bounce@firm.example")
      .executeTakeFirstOrThrow();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await getDb()
      .updateTable("outbox_message")
      .set({ status: "pending", attempts: 3, last_error: "503 Service Unavailable", next_attempt_at: later })
      .where("id", "=", msg.id)
      .execute();
    const page = payload(await callLoader(mailboxLoader, "/staff/mailbox", { cookie }));
    const shown = page.undelivered.find((m: { id: number }) => m.id === msg.id);
    expect(shown).toMatchObject({ attempts: 3, last_error: "503 Service Unavailable" });

    const res = (await settle(
      callAction(mailboxAction, "/staff/mailbox", { form: { id: String(msg.id) }, cookie }),
    )) as Response;
    expect(res).toHaveRedirect();
    const after = await getDb()
      .selectFrom("outbox_message")
      .select("next_attempt_at")
      .where("id", "=", msg.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(after.next_attempt_at!)).toBeLessThanOrEqual(Date.now());
    expect(await audits("mail.retry", msg.id)).toHaveLength(1);

    // A message that was sent is not retried.
    await getDb().updateTable("outbox_message").set({ status: "sent" }).where("id", "=", msg.id).execute();
    const sent = (await settle(
      callAction(mailboxAction, "/staff/mailbox", { form: { id: String(msg.id) }, cookie }),
    )) as Response;
    await expect(sent).toSendToast("error", "accounts.mailbox.notRetryable");
    const bad = await settle(callAction(mailboxAction, "/staff/mailbox", { form: { id: "abc" }, cookie }));
    expect(statusOf(bad)).toBe(400);
  });
});
