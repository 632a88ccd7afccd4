// Student self-registration and the language switch.
import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as localeAction } from "~/routes/locale";
import { action as registerAction } from "~/routes/register";
import { getDb } from "~/utils/db.server";
import { createUser, get, payload, post, settle, signIn, statusOf } from "../setup/http";

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
  it("creates a student, signs them in and queues a welcome mail", async () => {
    const u = await university();
    const res = (await settle(
      registerAction({ request: post("/register", valid(u.id)), params: {}, context: { clientIp: "127.0.0.1" } }),
    )) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/student");
    const user = await getDb()
      .selectFrom("user")
      .selectAll()
      .where("email", "=", "hanako@teikyo.example")
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "student", name: "北 花子", name_kana: "きた はなこ", university_id: u.id });
    expect(user.password_hash).toMatch(/^scrypt\$/);
    expect(
      await getDb()
        .selectFrom("outbox_message")
        .select("id")
        .where("to_address", "=", "hanako@teikyo.example")
        .execute(),
    ).toHaveLength(1);
  });

  it("shows every field error at once and writes nothing", async () => {
    const res = await settle(
      registerAction({
        request: post("/register", {
          name: "",
          nameKana: "Kita",
          nameLatin: "北",
          universityId: "",
          email: "not-an-email",
          password: "short",
        }),
        params: {},
        context: {},
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

  it("refuses an unknown university and a taken email", async () => {
    const u = await university();
    const unknown = await settle(
      registerAction({ request: post("/register", { ...valid(u.id), universityId: "9999" }), params: {}, context: {} }),
    );
    expect(payload(unknown).result.error.universityId).toEqual(["validation.chooseOne"]);
    await createUser("student", { email: "taken@teikyo.example" });
    const taken = await settle(
      registerAction({ request: post("/register", valid(u.id, "Taken@Teikyo.example")), params: {}, context: {} }),
    );
    expect(payload(taken).result.error.email).toEqual(["auth.emailTaken"]);
  });
});

describe("language", () => {
  it("is Japanese first, follows Accept-Language, then the cookie, then the profile", async () => {
    const root = async (request: Request) => payload(await rootLoader({ request, params: {}, context: {} })).locale;
    expect(await root(get("/"))).toBe("ja");
    expect(await root(get("/", { headers: { "Accept-Language": "en-US,en;q=0.9" } }))).toBe("en");
    expect(await root(get("/", { headers: { "Accept-Language": "fr-FR" } }))).toBe("ja");

    const switched = (await settle(
      localeAction({ request: post("/locale", { locale: "en", redirectTo: "/login" }), params: {}, context: {} }),
    )) as Response;
    expect(switched.headers.get("Location")).toBe("/login");
    const cookie = switched.headers.getSetCookie()[0].split(";")[0];
    expect(await root(get("/", { cookie, headers: { "Accept-Language": "ja" } }))).toBe("en");

    const user = await createUser("student");
    const session = await signIn(user.id);
    await settle(
      localeAction({
        request: post("/locale", { locale: "en", redirectTo: "/" }, { cookie: session }),
        params: {},
        context: {},
      }),
    );
    const saved = await getDb().selectFrom("user").select("locale").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(saved.locale).toBe("en");
    // The profile wins over the browser on any device.
    expect(await root(get("/", { cookie: session, headers: { "Accept-Language": "ja" } }))).toBe("en");
  });
});
