// Student self-registration and the language switch.
import { describe, expect, it } from "vitest";
import { deliverableBody } from "~/models/outbox.server";
import { REGISTRATION_LIMITS } from "~/models/registration.server";
import { loader as rootLoader } from "~/root";
import { action as localeAction } from "~/routes/locale";
import { action as registerAction } from "~/routes/register";
import { action as confirmAction, loader as confirmLoader } from "~/routes/register_.confirm.$token";
import { getDb } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { callAction, callLoader } from "../setup/call";
import { createUser, get, payload, settle, signIn, statusOf } from "../setup/http";

async function university() {
  return getDb()
    .insertInto("university")
    .values({
      slug: `u${Math.random()}`,
      name_ja: "帝京大学",
      name_en: "Teikyo University",
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

const valid = (universityId: number, email = "hanako@teikyo.example") => ({
  name: "北 花子",
  nameKana: "きた はなこ",
  nameLatin: "Hanako Kita",
  universityId: String(universityId),
  email,
  password: "長いパスフレーズでも大丈夫",
});

describe("student registration", () => {
  it("mails a confirmation link; the link's click creates the student once and signs them in", async () => {
    const u = await university();
    const res = (await settle(
      callAction(registerAction, "/register", { form: valid(u.id), context: { clientIp: "127.0.0.1" } }),
    )) as Response;
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/register?sent=1");
    // No account until the address is proven.
    expect(
      await getDb().selectFrom("user").select("id").where("email", "=", "hanako@teikyo.example").execute(),
    ).toEqual([]);
    const mail = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("to_address", "=", "hanako@teikyo.example")
      .executeTakeFirstOrThrow();
    expect(mail.kind).toBe("registration");
    const token = deliverableBody(mail).match(/\/register\/confirm\/([A-Za-z0-9_-]+)/)![1];
    expect(mail.body_text).not.toContain(token);
    const stored = await getDb().selectFrom("registration").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const shown = await callLoader(confirmLoader, `/register/confirm/${token}`, { params: { token } });
    expect(payload(shown).state).toBe("open");
    // Opening the link (a mail scanner) creates nothing: only the click does.
    expect(
      await getDb().selectFrom("user").select("id").where("email", "=", "hanako@teikyo.example").execute(),
    ).toEqual([]);
    const confirmed = (await settle(
      callAction(confirmAction, `/register/confirm/${token}`, { params: { token } }),
    )) as Response;
    expect(confirmed).toHaveRedirect("/student");
    expect(confirmed.headers.getSetCookie().join()).toMatch(/__session=|session/);
    const user = await getDb()
      .selectFrom("user")
      .selectAll()
      .where("email", "=", "hanako@teikyo.example")
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "student", name: "北 花子", name_kana: "きた はなこ", university_id: u.id });
    expect(user.password_hash).toMatch(/^scrypt\$/);

    const again = await settle(callAction(confirmAction, `/register/confirm/${token}`, { params: { token } }));
    expect(statusOf(again)).toBe(410);
    expect(payload(again).error).toBe("accounts.register.used");
    const bogus = await callLoader(confirmLoader, "/register/confirm/nope", { params: { token: "nope" } });
    expect(statusOf(bogus)).toBe(404);
  });

  it("a link past its day creates nothing", async () => {
    const u = await university();
    await settle(callAction(registerAction, "/register", { form: valid(u.id, "late@teikyo.example") }));
    const mail = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("to_address", "=", "late@teikyo.example")
      .executeTakeFirstOrThrow();
    const token = deliverableBody(mail).match(/\/register\/confirm\/([A-Za-z0-9_-]+)/)![1];
    await getDb()
      .updateTable("registration")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("email", "=", "late@teikyo.example")
      .execute();
    const late = await settle(callAction(confirmAction, `/register/confirm/${token}`, { params: { token } }));
    expect(statusOf(late)).toBe(410);
    expect(payload(late).error).toBe("accounts.register.expired");
    expect(await getDb().selectFrom("user").select("id").where("email", "=", "late@teikyo.example").execute()).toEqual(
      [],
    );
  });

  it("shows every field error at once and writes nothing", async () => {
    const res = await settle(
      callAction(registerAction, "/register", {
        form: {
          name: "",
          nameKana: "Kita",
          nameLatin: "北",
          universityId: "",
          email: "not-an-email",
          password: "short",
        },
      }),
    );
    expect(statusOf(res)).toBe(400);
    const errors = payload(res).result.error;
    expect(errors.name).toEqual(["validation.required"]);
    expect(errors.nameKana).toEqual(["validation.kana"]);
    expect(errors.nameLatin).toEqual(["validation.latin"]);
    expect(errors.universityId).toBeDefined();
    expect(errors.email).toEqual(["validation.email"]);
    expect(errors.password).toEqual(["validation.passwordTooShort"]);
    expect(await getDb().selectFrom("user").select("id").where("email", "=", "not-an-email").execute()).toHaveLength(0);
  });

  it("refuses an unknown university; a taken email gets the same answer, and its owner a notice", async () => {
    const u = await university();
    const unknown = await settle(
      callAction(registerAction, "/register", { form: { ...valid(u.id), universityId: "9999" } }),
    );
    expect(payload(unknown).result.error.universityId).toEqual(["validation.chooseOne"]);
    const owner = await createUser("student", { email: "taken@teikyo.example" });
    const fresh = (await settle(
      callAction(registerAction, "/register", { form: valid(u.id, "free@teikyo.example") }),
    )) as Response;
    const taken = (await settle(
      callAction(registerAction, "/register", { form: valid(u.id, "Taken@Teikyo.example") }),
    )) as Response;
    // The person asking cannot tell the two apart.
    expect(taken.status).toBe(fresh.status);
    expect(taken.headers.get("Location")).toBe(fresh.headers.get("Location"));
    expect(await taken.text()).toBe(await fresh.text());
    const notice = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("to_address", "=", "taken@teikyo.example")
      .executeTakeFirstOrThrow();
    expect(notice.kind).toBe("registration-existing");
    expect(notice.body_text).toContain("/forgot-password");
    // Nothing that could create a second account, and the owner's password is untouched.
    const rows = await getDb()
      .selectFrom("registration")
      .selectAll()
      .where("email", "=", "taken@teikyo.example")
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBeNull();
    expect(rows[0].password_hash).toBeNull();
    const user = await getDb()
      .selectFrom("user")
      .select("password_hash")
      .where("id", "=", owner.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(owner.password, user.password_hash!)).toBe(true);
  });

  it("refuses one of the most common passwords, and one that is the email address", async () => {
    const u = await university();
    const common = await settle(
      callAction(registerAction, "/register", {
        form: { ...valid(u.id, "common@teikyo.example"), password: " Password123 " },
      }),
    );
    expect(statusOf(common)).toBe(400);
    expect(payload(common).result.error.password).toEqual(["validation.passwordCommon"]);
    const own = await settle(
      callAction(registerAction, "/register", {
        form: { ...valid(u.id, "common@teikyo.example"), password: "Common@Teikyo.example" },
      }),
    );
    expect(statusOf(own)).toBe(400);
    expect(payload(own).result.error.password).toEqual(["validation.passwordIsEmail"]);
    expect(
      await getDb().selectFrom("registration").select("id").where("email", "=", "common@teikyo.example").execute(),
    ).toEqual([]);
  });

  it("limits registrations per address: the fourth in an hour mails nothing, the answer stays the same", async () => {
    const u = await university();
    const answers: Response[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(
        (await settle(
          callAction(registerAction, "/register", { form: valid(u.id, "flood@teikyo.example") }),
        )) as Response,
      );
    }
    expect(new Set(answers.map((a) => `${a.status} ${a.headers.get("Location")}`)).size).toBe(1);
    const mails = await getDb()
      .selectFrom("outbox_message")
      .select("id")
      .where("to_address", "=", "flood@teikyo.example")
      .execute();
    expect(mails).toHaveLength(REGISTRATION_LIMITS.perEmail);
  });
});

describe("language", () => {
  it("is Japanese first, follows Accept-Language, then the cookie, then the profile", async () => {
    const root = async (request: Request) => payload(await callLoader(rootLoader, request)).locale;
    expect(await root(get("/"))).toBe("ja");
    expect(await root(get("/", { headers: { "Accept-Language": "en-US,en;q=0.9" } }))).toBe("en");
    expect(await root(get("/", { headers: { "Accept-Language": "fr-FR" } }))).toBe("ja");

    const switched = (await settle(
      callAction(localeAction, "/locale", { form: { locale: "en", redirectTo: "/login" } }),
    )) as Response;
    expect(switched.headers.get("Location")).toBe("/login");
    const cookie = switched.headers.getSetCookie()[0].split(";")[0];
    expect(await root(get("/", { cookie, headers: { "Accept-Language": "ja" } }))).toBe("en");

    const user = await createUser("student");
    const session = await signIn(user.id);
    await settle(callAction(localeAction, "/locale", { form: { locale: "en", redirectTo: "/" }, cookie: session }));
    const saved = await getDb().selectFrom("user").select("locale").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(saved.locale).toBe("en");
    // The profile wins over the browser on any device.
    expect(await root(get("/", { cookie: session, headers: { "Accept-Language": "ja" } }))).toBe("en");
  });
});
