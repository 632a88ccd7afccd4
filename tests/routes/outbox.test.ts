// The outbox: delivery to the mail API (intercepted with msw), retries with back-off, nothing lost.
import { afterEach, describe, expect, it } from "vitest";
import { backoffMs, deliverDueMail, enqueueMail } from "~/models/outbox.server";
import { loader as mailboxLoader } from "~/routes/staff.mailbox";
import { getDb } from "~/utils/db.server";
import { resetConfig } from "~/utils/env.server";
import { failingMailApi, MAIL_API_URL, sentMails } from "../mocks/mail-api";
import { server } from "../mocks/server";
import { callLoader } from "../setup/call";
import { createUser, payload, signIn } from "../setup/http";

function withMailApi() {
  process.env.MAIL_API_URL = MAIL_API_URL;
  process.env.MAIL_API_KEY = "test-key";
  resetConfig();
}

afterEach(async () => {
  delete process.env.MAIL_API_URL;
  delete process.env.MAIL_API_KEY;
  resetConfig();
  await getDb().deleteFrom("outbox_message").execute();
  sentMails.length = 0;
});

const status = (id: number) =>
  getDb().selectFrom("outbox_message").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const lastId = async () =>
  (await getDb().selectFrom("outbox_message").select("id").orderBy("id", "desc").executeTakeFirstOrThrow()).id;

describe("outbox", () => {
  it("posts SendGrid-v3 JSON to the mail API and marks the message sent", async () => {
    withMailApi();
    await enqueueMail(getDb(), { to: "a@test.example", subject: "件名", body: "本文", kind: "test" });
    const report = await deliverDueMail();
    expect(report).toEqual({ sent: 1, failed: 0, kept: 0 });
    expect(sentMails).toEqual([
      { to: "a@test.example", subject: "件名", text: "本文", authorization: "Bearer test-key" },
    ]);
    expect((await status(await lastId())).status).toBe("sent");
    expect(await deliverDueMail()).toEqual({ sent: 0, failed: 0, kept: 0 }); // never twice
  });

  it("retries a failed delivery with back-off and never drops the message", async () => {
    withMailApi();
    server.use(failingMailApi(503));
    await enqueueMail(getDb(), { to: "b@test.example", subject: "s", body: "b", kind: "test" });
    const id = await lastId();
    const t0 = new Date();
    expect((await deliverDueMail(t0)).failed).toBe(1);
    let row = await status(id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.last_error).toContain("503");
    expect(Date.parse(row.next_attempt_at) - t0.getTime()).toBe(backoffMs(1));
    // Not due yet: nothing is attempted.
    expect(await deliverDueMail(new Date(t0.getTime() + 1000))).toEqual({ sent: 0, failed: 0, kept: 0 });
    // Still failing later: the back-off doubles.
    const t1 = new Date(t0.getTime() + backoffMs(1));
    await deliverDueMail(t1);
    row = await status(id);
    expect(row.attempts).toBe(2);
    expect(Date.parse(row.next_attempt_at) - t1.getTime()).toBe(backoffMs(2));
    // The API recovers: the message goes out.
    server.resetHandlers();
    expect((await deliverDueMail(new Date(t1.getTime() + backoffMs(2)))).sent).toBe(1);
    expect((await status(id)).status).toBe("sent");
    expect(sentMails.map((m) => m.to)).toEqual(["b@test.example"]);
  });

  it("retries after a network error too", async () => {
    withMailApi();
    const { http, HttpResponse } = await import("msw");
    server.use(http.post(MAIL_API_URL, () => HttpResponse.error()));
    await enqueueMail(getDb(), { to: "c@test.example", subject: "s", body: "b", kind: "test" });
    expect((await deliverDueMail()).failed).toBe(1);
    expect((await status(await lastId())).status).toBe("pending");
  });

  it("keeps messages in the development mailbox without a mail API, readable by staff", async () => {
    await enqueueMail(getDb(), { to: "d@test.example", subject: "開発用", body: "本文", kind: "test" });
    expect((await deliverDueMail()).kept).toBe(1);
    const staff = await createUser("staff");
    const data = payload(await callLoader(mailboxLoader, "/staff/mailbox", { cookie: await signIn(staff.id) }));
    expect(data.apiConfigured).toBe(false);
    expect(data.messages[0]).toMatchObject({ to_address: "d@test.example", subject: "開発用", status: "kept" });
  });

  it("backs off 30 s, 1 min, 2 min … up to 6 hours", () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([30_000, 60_000, 120_000]);
    expect(backoffMs(50)).toBe(6 * 60 * 60 * 1000);
  });
});
