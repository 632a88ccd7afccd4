// Secret links at rest: the outbox never stores a live invitation or host-answer link in clear, the mailbox shows it
// hidden, the mail API still gets the real link, the sealed copy is wiped once sent or kept, a demo without a mail API
// prints it to the console (never in production), and rotation, tampering and concurrent runs behave.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deliverableBody, deliverDueMail, enqueueMail } from "~/models/outbox.server";
import { inviteHost } from "~/models/project-host.server";
import { loader as acceptLoader } from "~/routes/invitations.$token";
import { loader as mailboxLoader } from "~/routes/staff.mailbox";
import { action as inviteAction } from "~/routes/staff.users";
import { getDb, openSqlite } from "~/utils/db.server";
import { resetConfig } from "~/utils/env.server";
import { secretPlaceholder, splitSecrets } from "~/utils/mail-secrets";
import { migrations } from "../../db/migrations";
import type { OutboxMessage } from "../../db/schema";
import { createTestFirm } from "../factories/firm";
import { createProjectFixture } from "../factories/projects";
import { MAIL_API_URL, sentMails } from "../mocks/mail-api";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn } from "../setup/http";

const ENV_KEYS = ["MAIL_API_URL", "MAIL_MODE", "APP_ENV", "SESSION_SECRET", "PUBLIC_URL"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

function setEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  Object.assign(process.env, values);
  resetConfig();
}

afterEach(async () => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  resetConfig();
  vi.restoreAllMocks();
  await getDb().deleteFrom("outbox_message").execute();
  sentMails.length = 0;
});

const LINK = "http://localhost:3000/invitations/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

async function queueSecretMail(to = "secret@test.example", link = LINK) {
  await enqueueMail(getDb(), {
    to,
    subject: "ご招待 / Invitation",
    body: `こちらから: ${secretPlaceholder("link")}\n\nHere: ${secretPlaceholder("link")}`,
    kind: "invitation",
    secrets: { link },
  });
  return getDb()
    .selectFrom("outbox_message")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

const row = (id: number) =>
  getDb().selectFrom("outbox_message").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

async function mailbox() {
  const staff = await createUser("staff");
  return payload(await callLoader(mailboxLoader, "/staff/mailbox", { cookie: await signIn(staff.id) }));
}

describe("storing a mail with a secret link", () => {
  it("keeps the link out of every column in clear, and the mail API gets the real link; then the sealed copy goes", async () => {
    setEnv({ MAIL_API_URL });
    const stored = await queueSecretMail();
    expect(JSON.stringify(stored)).not.toContain("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");
    expect(stored.body_text).toContain(secretPlaceholder("link"));
    expect(stored.secrets_sealed).toMatch(/^v1\./);

    expect(await deliverDueMail()).toMatchObject({ sent: 1, failed: 0 });
    expect(sentMails).toHaveLength(1);
    expect(sentMails[0].text).toBe(`こちらから: ${LINK}\n\nHere: ${LINK}`);
    const sent = await row(stored.id);
    expect(sent).toMatchObject({ status: "sent", secrets_sealed: null });
    expect(sent.body_text).toBe(stored.body_text);
  });

  it("shows the mailbox the placeholder only, never the sealed column", async () => {
    setEnv({ MAIL_API_URL });
    const stored = await queueSecretMail();
    const data = await mailbox();
    const message = data.messages.find((m: { id: number }) => m.id === stored.id);
    expect(message).not.toHaveProperty("secrets_sealed");
    expect(JSON.stringify(data)).not.toContain("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");
    expect(splitSecrets(message.body_text)).toEqual([
      { text: "こちらから: " },
      { secret: "link" },
      { text: "\n\nHere: " },
      { secret: "link" },
    ]);
  });

  it("refuses (as a bug) a secret whose placeholder is missing or whose value is written in clear", async () => {
    const base = { to: "bug@test.example", subject: "s", kind: "test" };
    await expect(enqueueMail(getDb(), { ...base, body: "no placeholder", secrets: { link: LINK } })).rejects.toThrow(
      /placeholder/,
    );
    await expect(
      enqueueMail(getDb(), { ...base, body: `${secretPlaceholder("link")} ${LINK}`, secrets: { link: LINK } }),
    ).rejects.toThrow(/in clear/);
    await expect(
      enqueueMail(getDb(), { ...base, body: secretPlaceholder("link"), secrets: { link: "" } }),
    ).rejects.toThrow(/empty/);
    expect(await getDb().selectFrom("outbox_message").select("id").execute()).toEqual([]);
  });

  it("delivers text that merely looks like a placeholder as it was written", async () => {
    setEnv({ MAIL_API_URL });
    await enqueueMail(getDb(), {
      to: "lookalike@test.example",
      subject: "s",
      body: `[[secret:other]] ${secretPlaceholder("link")}`,
      kind: "test",
      secrets: { link: LINK },
    });
    await deliverDueMail();
    expect(sentMails[0].text).toBe(`[[secret:other]] ${LINK}`);
  });
});

describe("invitations and host-answer links", () => {
  it("a staff invitation: hidden in the outbox and the mailbox, the real link delivered and working", async () => {
    const staff = await createUser("staff");
    const cookie = await signIn(staff.id);
    const res = (await settle(
      callAction(inviteAction, "/staff/users", {
        form: { name: "招待 花子", email: "hanako@city.kita.example", role: "staff" },
        cookie,
      }),
    )) as Response;
    expect(res).toHaveRedirect();
    const stored = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("to_address", "=", "hanako@city.kita.example")
      .executeTakeFirstOrThrow();
    expect(stored.body_text).not.toMatch(/\/invitations\//);
    expect(stored.body_text).toContain(secretPlaceholder("link"));

    setEnv({ MAIL_API_URL });
    await deliverDueMail();
    const token = sentMails[0].text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)![1];
    expect(sentMails[0].text.match(/\/invitations\//g)).toHaveLength(2); // Japanese and English
    const opened = await callLoader(acceptLoader, `/invitations/${token}`, { params: { token } });
    expect(payload(opened).state).toBe("open");
    expect(JSON.stringify(await mailbox())).not.toContain(token);
  });

  it("a host invitation to a contact: the signed link is hidden, the firm users' app link is not", async () => {
    const p = await createProjectFixture({ hosts: 0 });
    const firmId = await createTestFirm();
    await createUser("firm", { firm_id: firmId, email: `firm-user-${firmId}@test.example` });
    const staff = await createUser("staff");
    const sent = await inviteHost(staff, p.projectId, { firmId, contactEmail: `contact-${firmId}@test.example` });
    expect(sent.ok).toBe(true);
    const token = (sent as { token: string }).token;
    const rows = await getDb().selectFrom("outbox_message").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    const toContact = rows.find((r) => r.kind === "host_invitation_link")!;
    expect(deliverableBody(toContact)).toContain(`/host-response/${token}`);
    const toUser = rows.find((r) => r.kind === "host_invitation")!;
    expect(toUser.secrets_sealed).toBeNull();
    expect(toUser.body_text).toContain(`/firm/invitations/`);
  });
});

describe("without a mail API", () => {
  it("keeps the message, wipes the sealed link and prints nothing outside a demo", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const stored = await queueSecretMail();
    expect((await deliverDueMail()).kept).toBe(1);
    expect(await row(stored.id)).toMatchObject({ status: "kept", secrets_sealed: null });
    expect(info).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    const data = await mailbox();
    expect(data.consoleMailer).toBe(false);
    expect(JSON.stringify(data)).not.toContain("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");
  });

  it("in a demo prints each kept message with a secret link once, with the real link, even when two runs race", async () => {
    setEnv({ APP_ENV: "demo" });
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    await queueSecretMail("one@test.example");
    await queueSecretMail("two@test.example", LINK.replace("AbCd", "ZyXw"));
    await enqueueMail(getDb(), { to: "plain@test.example", subject: "s", body: "no secrets", kind: "test" });
    const reports = await Promise.all([deliverDueMail(), deliverDueMail()]);
    expect(reports.reduce((n, r) => n + r.kept, 0)).toBe(3);
    expect(info).toHaveBeenCalledTimes(2);
    const printed = info.mock.calls.map((c) => String(c[0]));
    expect(printed.find((p) => p.includes("To: one@test.example"))).toContain(LINK);
    expect(printed.find((p) => p.includes("To: two@test.example"))).toContain(LINK.replace("AbCd", "ZyXw"));
    expect((await mailbox()).consoleMailer).toBe(true);
    // Kept is final: a later run prints nothing again.
    await deliverDueMail();
    expect(info).toHaveBeenCalledTimes(2);
  });

  it("never prints in production", async () => {
    // Production keeps mail only when MAIL_MODE=keep says so (it refuses to start otherwise).
    setEnv({
      APP_ENV: "production",
      SESSION_SECRET: "p".repeat(40),
      PUBLIC_URL: "https://collab.city.kita.example",
      MAIL_MODE: "keep",
    });
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await queueSecretMail();
    expect((await deliverDueMail()).kept).toBe(1);
    expect(info).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });
});

describe("keys and tampering", () => {
  it("opens links sealed under an older listed secret, and retries (keeps) a message no listed secret opens", async () => {
    setEnv({ SESSION_SECRET: "old-secret-old-secret-old-secret-1" });
    const stored = await queueSecretMail();
    setEnv({ MAIL_API_URL, SESSION_SECRET: "new-secret-new-secret-new-secret-2,old-secret-old-secret-old-secret-1" });
    expect(deliverableBody(stored)).toContain(LINK);

    setEnv({ MAIL_API_URL, SESSION_SECRET: "new-secret-new-secret-new-secret-2" });
    expect(await deliverDueMail()).toMatchObject({ sent: 0, failed: 1 });
    const failed = await row(stored.id);
    expect(failed).toMatchObject({ status: "pending", secrets_sealed: stored.secrets_sealed });
    expect(failed.last_error).toContain("cannot be opened");
    expect(sentMails).toEqual([]);
  });

  it("does not open a sealed link copied to another recipient's row, or a garbled one", async () => {
    setEnv({ MAIL_API_URL });
    const victim = await queueSecretMail("victim@test.example");
    const attacker = await queueSecretMail("attacker@test.example", LINK.replace("AbCd", "QqQq"));
    await getDb()
      .updateTable("outbox_message")
      .set({ secrets_sealed: victim.secrets_sealed })
      .where("id", "=", attacker.id)
      .execute();
    expect(() => deliverableBody({ ...attacker, secrets_sealed: victim.secrets_sealed })).toThrow(/cannot be opened/);
    for (const garbled of ["", "v1", "v1.a.b", "v1.a.b.c.d", "v2.x.y.z", `${victim.secrets_sealed!.slice(0, -2)}AA`]) {
      expect(() => deliverableBody({ ...victim, secrets_sealed: garbled || "x" })).toThrow(/cannot be opened/);
    }
    const report = await deliverDueMail();
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    expect(sentMails.map((m) => m.to)).toEqual(["victim@test.example"]);
    expect(sentMails[0].text).toContain(LINK);
  });
});

describe("the migration of stored bodies (20261130030000_seal_outbox_secrets)", () => {
  it("hides live links in sent and kept mail, seals them in queued mail, and leaves other links alone", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-migrate-"));
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: openSqlite(path.join(dir, "m.db")) }) });
    try {
      const provider = { getMigrations: async () => migrations };
      const before = new Migrator({ db, provider });
      expect((await before.migrateTo("20261125080000_add_certificate_data")).error).toBeUndefined();
      const invitation = "https://collab.example/invitations/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
      const host = `https://collab.example/host-response/12.1924992000000.nonce-nonce-nonce-nonce.${"S".repeat(43)}`;
      const t = new Date().toISOString();
      const insert = (to: string, status: string, body: string) =>
        db
          .insertInto("outbox_message")
          .values({
            to_address: to,
            subject: "s",
            body_text: body,
            kind: "k",
            status,
            attempts: 0,
            next_attempt_at: t,
            created_at: t,
          })
          .execute();
      await insert("sent@test.example", "sent", `招待: ${invitation}\n\nInvitation: ${invitation}`);
      await insert("kept@test.example", "kept", `回答: ${host}.\n`);
      await insert("queued@test.example", "pending", `招待: ${invitation}\nHost: ${host}`);
      await insert("firm@test.example", "sent", "https://collab.example/firm/invitations/12 を開いてください");

      expect((await new Migrator({ db, provider }).migrateToLatest()).error).toBeUndefined();
      const rows = (await db.selectFrom("outbox_message").selectAll().orderBy("id").execute()) as OutboxMessage[];
      expect(JSON.stringify(rows.slice(0, 3).map((r) => r.body_text))).not.toMatch(/invitations|host-response/);
      expect(rows[0]).toMatchObject({
        body_text: `招待: ${secretPlaceholder("redacted")}\n\nInvitation: ${secretPlaceholder("redacted")}`,
        secrets_sealed: null,
      });
      expect(rows[1].body_text).toBe(`回答: ${secretPlaceholder("redacted")}.\n`);
      expect(rows[2].body_text).toBe(`招待: ${secretPlaceholder("link1")}\nHost: ${secretPlaceholder("link2")}`);
      expect(JSON.stringify(rows[2])).not.toContain("AbCdEfGhIj");
      expect(deliverableBody(rows[2])).toBe(`招待: ${invitation}\nHost: ${host}`);
      expect(rows[3]).toMatchObject({
        body_text: "https://collab.example/firm/invitations/12 を開いてください",
        secrets_sealed: null,
      });
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
