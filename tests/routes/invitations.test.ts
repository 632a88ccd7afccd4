// Staff invite staff, professors and firm users; the emailed link is single-use and expires.
import { describe, expect, it } from "vitest";
import { deliverableBody } from "~/models/outbox.server";
import { action as acceptAction, loader as acceptLoader } from "~/routes/invitations.$token";
import { action as inviteAction, loader as usersLoader } from "~/routes/staff.users";
import { getDb } from "~/utils/db.server";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf } from "../setup/http";

async function seedUniversity() {
  const existing = await getDb().selectFrom("university").select("id").where("slug", "=", "toyo").executeTakeFirst();
  if (existing) return existing.id;
  const row = await getDb()
    .insertInto("university")
    .values({ slug: "toyo", name_ja: "東洋大学", name_en: "Toyo University", created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function invite(cookie: string, form: Record<string, string>) {
  return settle(callAction(inviteAction, "/staff/users", { form, cookie }));
}

/** The token from the last invitation email in the outbox, as delivery reads it (the stored body hides it). */
async function lastInvitationToken(email: string) {
  const mail = await getDb()
    .selectFrom("outbox_message")
    .select(["body_text", "subject", "to_address", "secrets_sealed"])
    .where("to_address", "=", email)
    .where("kind", "=", "invitation")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const token = deliverableBody(mail).match(/\/invitations\/([A-Za-z0-9_-]+)/)![1];
  expect(mail.body_text).not.toContain(token);
  expect(mail.secrets_sealed).not.toContain(token);
  return { token, mail };
}

describe("invitations", () => {
  it("staff invite a professor: the email is queued in both languages, and the link creates the account once", async () => {
    const staff = await createUser("staff");
    const cookie = await signIn(staff.id);
    const universityId = await seedUniversity();
    const res = (await invite(cookie, {
      name: "北 教授",
      email: "Prof.New@Toyo.example",
      role: "professor",
      universityId: String(universityId),
    })) as Response;
    expect(res).toHaveRedirect();
    const { token, mail } = await lastInvitationToken("prof.new@toyo.example");
    expect(mail.subject).toContain("招待");
    expect(mail.subject).toContain("invited");
    expect(mail.body_text).toContain("教員");
    expect(mail.body_text).toContain("Professor");

    const shown = await callLoader(acceptLoader, `/invitations/${token}`, { params: { token } });
    expect(payload(shown).state).toBe("open");

    const accepted = (await settle(
      callAction(acceptAction, `/invitations/${token}`, { form: { password: "a long passphrase" }, params: { token } }),
    )) as Response;
    expect(accepted).toHaveRedirect("/professor");
    const user = await getDb()
      .selectFrom("user")
      .selectAll()
      .where("email", "=", "prof.new@toyo.example")
      .executeTakeFirstOrThrow();
    expect(user.role).toBe("professor");
    expect(user.university_id).toBe(universityId);

    // Single use: the second time the link is refused and no second account appears.
    const again = await settle(
      callAction(acceptAction, `/invitations/${token}`, {
        form: { password: "another passphrase" },
        params: { token },
      }),
    );
    expect(statusOf(again)).toBe(410);
    expect(payload(again).result.error[""]).toEqual(["auth.invitationUsed"]);
    expect(payload(await callLoader(acceptLoader, `/invitations/${token}`, { params: { token } })).state).toBe("used");
  });

  it("refuses an expired link", async () => {
    const staff = await createUser("staff");
    await invite(await signIn(staff.id), { name: "新 職員", email: "new.staff@city.kita.example", role: "staff" });
    const { token } = await lastInvitationToken("new.staff@city.kita.example");
    await getDb()
      .updateTable("invitation")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("email", "=", "new.staff@city.kita.example")
      .execute();
    const shown = await callLoader(acceptLoader, `/invitations/${token}`, { params: { token } });
    expect(statusOf(shown)).toBe(410);
    expect(payload(shown).state).toBe("expired");
    const res = await settle(
      callAction(acceptAction, `/invitations/${token}`, { form: { password: "a long passphrase" }, params: { token } }),
    );
    expect(payload(res).result.error[""]).toEqual(["auth.invitationExpired"]);
    expect(
      await getDb()
        .selectFrom("user")
        .select("id")
        .where("email", "=", "new.staff@city.kita.example")
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it("answers an unknown token with 404", async () => {
    const res = await callLoader(acceptLoader, "/invitations/nope", { params: { token: "nope" } });
    expect(statusOf(res)).toBe(404);
  });

  it("requires the university for a professor and refuses a taken email", async () => {
    const staff = await createUser("staff");
    const cookie = await signIn(staff.id);
    const missing = await invite(cookie, { name: "教授", email: "x@toyo.example", role: "professor" });
    expect(statusOf(missing)).toBe(400);
    expect(payload(missing).result.error.universityId).toEqual(["validation.chooseOne"]);
    const taken = await invite(cookie, { name: "重複", email: staff.email, role: "staff" });
    expect(payload(taken).result.error.email).toEqual(["auth.emailTaken"]);
  });

  it("is for staff only", async () => {
    const professor = await createUser("professor");
    const cookie = await signIn(professor.id);
    expect(statusOf(await settle(callLoader(usersLoader, "/staff/users", { cookie })))).toBe(403);
    expect(statusOf(await invite(cookie, { name: "x", email: "x@x.example", role: "staff" }))).toBe(403);
  });
});
