// Forgotten passwords through the real routes: the same answer whatever the address, a single-use link valid for one
// hour whose token is stored only as a hash, limits per account and per client address, and a new password ending
// every other session. A disabled account gets no link and cannot use an old one.
import { describe, expect, it } from "vitest";
import { deliverableBody } from "~/models/outbox.server";
import { RESET_LIMITS, RESET_LINK_MS } from "~/models/password-reset.server";
import { setAccountDisabled } from "~/models/user.server";
import { action as forgotAction, loader as forgotLoader } from "~/routes/forgot-password";
import { action as loginAction } from "~/routes/login";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { getDb } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { getSessionUser } from "~/utils/session.server";
import { callAction, callLoader } from "../setup/call";
import { createUser, get, payload, settle, signIn, statusOf } from "../setup/http";

const NEW_PASSWORD = "a brand new passphrase";

async function ask(email: string, ip = "192.0.2.10") {
  return (await settle(
    callAction(forgotAction, "/forgot-password", { form: { email }, context: { clientIp: ip } }),
  )) as Response;
}

async function resetMails(email: string) {
  return getDb()
    .selectFrom("outbox_message")
    .selectAll()
    .where("to_address", "=", email)
    .where("kind", "=", "password-reset")
    .orderBy("id", "desc")
    .execute();
}

/** The token in the newest reset mail, as delivery reads it (the stored body hides it). */
async function lastToken(email: string) {
  const [mail] = await resetMails(email);
  const token = deliverableBody(mail).match(/\/reset-password\/([A-Za-z0-9_-]+)/)![1];
  return { token, mail };
}

async function reset(token: string, password = NEW_PASSWORD, cookie?: string) {
  return settle(
    callAction(resetAction, `/reset-password/${token}`, {
      form: { password },
      cookie,
      params: { token },
      context: { clientIp: "192.0.2.10" },
    }),
  );
}

async function summary(res: Response) {
  return `${res.status} ${res.headers.get("Location")} ${await res.clone().text()}`;
}

describe("forgot password", () => {
  it("answers the same for an account, an unknown address and a disabled account; only the account is mailed", async () => {
    const user = await createUser("student");
    const gone = await createUser("professor");
    const staff = await createUser("staff");
    expect((await setAccountDisabled(gone.id, true, staff.id)).ok).toBe(true);

    const answers = [
      await summary(await ask(user.email.toUpperCase())),
      await summary(await ask("nobody.here@test.example")),
      await summary(await ask(gone.email)),
    ];
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^303 \/forgot-password\?sent=1/);
    expect(payload(await callLoader(forgotLoader, "/forgot-password?sent=1")).sent).toBe(true);

    expect(await resetMails(user.email)).toHaveLength(1);
    expect(await resetMails("nobody.here@test.example")).toHaveLength(0);
    expect(await resetMails(gone.email)).toHaveLength(0);
  });

  it("stores only the token's hash, and the mailbox shows no link", async () => {
    const user = await createUser("student");
    await ask(user.email);
    const { token, mail } = await lastToken(user.email);
    expect(mail.body_text).not.toContain(token);
    expect(mail.secrets_sealed ?? "").not.toContain(token);
    const rows = await getDb().selectFrom("password_reset").selectAll().where("user_id", "=", user.id).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(rows[0].expires_at) - Date.parse(rows[0].created_at)).toBe(RESET_LINK_MS);
    expect(RESET_LINK_MS).toBe(60 * 60 * 1000);
  });

  it("sets the password once, ends every other session, signs this browser in, and the link is spent", async () => {
    const user = await createUser("student");
    const elsewhere = await signIn(user.id);
    await ask(user.email);
    const { token } = await lastToken(user.email);

    const shown = await callLoader(resetLoader, `/reset-password/${token}`, { params: { token } });
    expect(payload(shown)).toMatchObject({ state: "open", email: user.email });

    const done = (await reset(token)) as Response;
    expect(done).toHaveRedirect("/student");
    const fresh = done.headers
      .getSetCookie()
      .find((c) => c.startsWith("__session="))!
      .split(";")[0];
    expect((await getSessionUser(get("/", { cookie: fresh })))?.id).toBe(user.id);
    expect(await getSessionUser(get("/", { cookie: elsewhere }))).toBeNull();
    const row = await getDb()
      .selectFrom("user")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(NEW_PASSWORD, row.password_hash)).toBe(true);
    expect(await verifyPassword(user.password, row.password_hash)).toBe(false);

    // Replayed: refused, and the password stays.
    const replay = await reset(token, "yet another passphrase");
    expect(statusOf(replay)).toBe(410);
    expect(payload(replay).result.error[""]).toEqual(["accounts.reset.used"]);
    const after = await getDb()
      .selectFrom("user")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(after.password_hash).toBe(row.password_hash);
    const audit = await getDb()
      .selectFrom("audit_entry")
      .select("action")
      .where("entity_type", "=", "user")
      .where("entity_id", "=", String(user.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["password.resetRequested", "password.reset"]));
  });

  it("spends every other open link of the account with it", async () => {
    const user = await createUser("student");
    await ask(user.email);
    const first = (await lastToken(user.email)).token;
    await ask(user.email);
    const second = (await lastToken(user.email)).token;
    expect(first).not.toBe(second);
    expect(statusOf(await reset(second))).toBe(302);
    expect(statusOf(await reset(first, "a different passphrase"))).toBe(410);
  });

  it("refuses a link older than an hour, and an unknown one", async () => {
    const user = await createUser("student");
    await ask(user.email);
    const { token } = await lastToken(user.email);
    await getDb()
      .updateTable("password_reset")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("user_id", "=", user.id)
      .execute();
    const shown = await callLoader(resetLoader, `/reset-password/${token}`, { params: { token } });
    expect(statusOf(shown)).toBe(410);
    expect(payload(shown).state).toBe("expired");
    const late = await reset(token);
    expect(statusOf(late)).toBe(410);
    expect(payload(late).result.error[""]).toEqual(["accounts.reset.expired"]);

    const unknown = await reset("x".repeat(43));
    expect(statusOf(unknown)).toBe(404);
    const huge = await reset("y".repeat(100_000));
    expect(statusOf(huge)).toBe(404);
  });

  it("refuses a common password and one that is the address, and keeps the link open", async () => {
    const user = await createUser("student");
    await ask(user.email);
    const { token } = await lastToken(user.email);
    const common = await reset(token, "qwertyuiop");
    expect(statusOf(common)).toBe(400);
    expect(payload(common).result.error.password).toEqual(["validation.passwordCommon"]);
    const own = await reset(token, user.email.toUpperCase());
    expect(statusOf(own)).toBe(400);
    expect(payload(own).result.error.password).toEqual(["validation.passwordIsEmail"]);
    expect(statusOf(await reset(token))).toBe(302);
  });

  it("a disabled account's open link changes nothing, and the account cannot sign in", async () => {
    const user = await createUser("firm");
    const staff = await createUser("staff");
    await ask(user.email);
    const { token } = await lastToken(user.email);
    expect((await setAccountDisabled(user.id, true, staff.id)).ok).toBe(true);
    const shown = await callLoader(resetLoader, `/reset-password/${token}`, { params: { token } });
    expect(statusOf(shown)).toBe(404);
    expect(statusOf(await reset(token))).toBe(404);
    const row = await getDb()
      .selectFrom("user")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password, row.password_hash)).toBe(true);
    const signIn = await settle(
      callAction(loginAction, "/login", {
        form: { email: user.email, password: user.password },
        context: { clientIp: "192.0.2.99" },
      }),
    );
    expect(statusOf(signIn)).toBe(401);
  });

  it("limits links per account and per client address, answering the same when it holds one back", async () => {
    const user = await createUser("student");
    const answers = new Set<string>();
    for (let i = 0; i < RESET_LIMITS.perEmail + 2; i++)
      answers.add(await summary(await ask(user.email, `198.51.100.${i}`)));
    expect(answers.size).toBe(1);
    expect(await resetMails(user.email)).toHaveLength(RESET_LIMITS.perEmail);

    // One address asking for many accounts (known or not) is held back after perAddress requests.
    const people = await Promise.all(Array.from({ length: 3 }, () => createUser("student")));
    for (let i = 0; i < RESET_LIMITS.perAddress; i++) await ask(`stranger${i}@test.example`, "203.0.113.7");
    for (const p of people) await ask(p.email, "203.0.113.7");
    for (const p of people) expect(await resetMails(p.email)).toHaveLength(0);
    // Another address is not affected.
    await ask(people[0].email, "203.0.113.8");
    expect(await resetMails(people[0].email)).toHaveLength(1);
  });

  it("holds to the limit under concurrent requests", async () => {
    const user = await createUser("student");
    await Promise.all(Array.from({ length: 20 }, (_, i) => ask(user.email, `192.0.2.${100 + i}`)));
    expect(await resetMails(user.email)).toHaveLength(RESET_LIMITS.perEmail);
  });

  it("answers a malformed address with a form error and writes nothing", async () => {
    const before = await getDb().selectFrom("password_reset").select("id").execute();
    const res = await settle(callAction(forgotAction, "/forgot-password", { form: { email: "not an address" } }));
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error.email).toEqual(["validation.email"]);
    expect(await getDb().selectFrom("password_reset").select("id").execute()).toHaveLength(before.length);
  });
});
