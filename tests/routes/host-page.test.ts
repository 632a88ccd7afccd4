// The host page of a host firm without an account (/host/:token) and staff acting for a host: the pairing mail with
// the sealed link, the consented fields, offering/cancelling slots and marking outcomes through the same model
// functions, turning the link into an account, and the attacks (forged, other host's link, another host's slot,
// cancelled project, expired page).
import { describe, expect, it } from "vitest";
import { HOST_PAGE_GRACE_DAYS } from "~/models/host-page.server";
import { bookSlot } from "~/models/interview.server";
import { notifyPairingPublished } from "~/models/pairing-notify.server";
import { action as hostAction, loader as hostLoader } from "~/routes/host.$token";
import {
  action as staffHostAction,
  loader as staffHostLoader,
} from "~/routes/staff.projects.$projectId.interviews_.$hostId";
import { getDb } from "~/utils/db.server";
import { isoToTokyoLocal } from "~/utils/format";
import { hostPageToken, verifyHostPageToken } from "~/utils/host-page-link.server";
import { sealContextOf } from "~/utils/mail-secrets";
import { openSecrets } from "~/utils/secret-box.server";
import { readToast } from "~/utils/toast.server";
import { createPublishedProject, insertSlot } from "../factories/interviews";
import { cookiesFrom, get, payload, post, settle, statusOf, userWithCookie } from "../setup/http";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const local = (d: Date) => isoToTokyoLocal(d.toISOString());

/** A published project whose second host answered by link: no firm users, a contact address. */
async function accountLessHost() {
  const p = await createPublishedProject({ teams: 2 });
  const host = p.teams[1];
  const contact = `host-${host.hostId}@example.jp`;
  await getDb()
    .updateTable("user")
    .set({ disabled_at: new Date().toISOString() })
    .where("id", "=", host.firmUser.id)
    .execute();
  await getDb().updateTable("project_host").set({ contact_email: contact }).where("id", "=", host.hostId).execute();
  return { p, host, contact, token: hostPageToken(host.hostId) };
}

const namesOf = async (members: Array<{ id: number }>) =>
  (
    await getDb()
      .selectFrom("user")
      .select("name")
      .where(
        "id",
        "in",
        members.map((m) => m.id),
      )
      .execute()
  ).map((u) => u.name);

const load = (token: string) => settle(hostLoader({ request: get(`/host/${token}`), params: { token }, context: {} }));
const act = (token: string, form: Record<string, string>) =>
  settle(hostAction({ request: post(`/host/${token}`, form), params: { token }, context: {} }));

async function toastOf(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  return (await readToast(get("/", { cookie: cookiesFrom(result as Response) }))).toast;
}

function slotTimes(daysAhead = 3) {
  const start = new Date(Date.now() + daysAhead * DAY);
  start.setUTCMinutes(0, 0, 0);
  return { startsAt: local(start), endsAt: local(new Date(start.getTime() + HOUR)), start };
}

describe("the pairing mail", () => {
  it("goes to the contact address of a host without firm users, with the host-page link sealed", async () => {
    const { p, host, contact, token } = await accountLessHost();
    await getDb()
      .updateTable("pairing_run")
      .set({
        instance: JSON.stringify({
          students: [],
          hosts: p.teams.map((t) => ({ id: String(t.hostId), capacity: 3, priorities: [] })),
        }),
      })
      .where("id", "=", p.runId)
      .execute();
    const mails = await getDb()
      .transaction()
      .execute((trx) => notifyPairingPublished(trx, p.runId));
    const mail = mails.find((m) => m.to === contact);
    expect(mail).toBeDefined();
    expect(mail!.body).not.toContain(token);
    expect(mail!.secrets?.link).toBe(`http://localhost:3000/host/${token}`);
    for (const name of await namesOf(host.members)) expect(mail!.body).toContain(name);
    // The first host has firm users: they get the sign-in mail, not a link.
    expect(mails.filter((m) => m.secrets).map((m) => m.to)).toEqual([contact]);
  });

  it("sealed in the outbox when queued", async () => {
    const { contact, token, host } = await accountLessHost();
    const { enqueueMail } = await import("~/models/outbox.server");
    const { secretPlaceholder } = await import("~/utils/mail-secrets");
    await enqueueMail(getDb(), {
      to: contact,
      subject: "s",
      body: `x ${secretPlaceholder("link")}`,
      kind: "pairing.published",
      secrets: { link: `http://localhost:3000/host/${token}` },
    });
    const row = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("to_address", "=", contact)
      .executeTakeFirstOrThrow();
    expect(row.body_text).not.toContain(token);
    expect(openSecrets(row.secrets_sealed!, sealContextOf(contact))?.link).toContain(`/host/${host.hostId}.`);
  });
});

describe("interview mails to a host without an account", () => {
  it("a booking is mailed to the contact address with the host-page link sealed", async () => {
    const { p, host, contact, token } = await accountLessHost();
    const slotId = await insertSlot(host.hostId, p.professor.id, new Date(Date.now() + 5 * DAY));
    const student = { id: host.members[0].id, role: "student" as const };
    expect((await bookSlot(student, slotId)).ok).toBe(true);
    const mail = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("to_address", "=", contact)
      .where("kind", "=", "interview.booked")
      .executeTakeFirstOrThrow();
    expect(mail.body_text).not.toContain(token);
    expect(mail.body_text).toContain("本社 会議室");
    expect(openSecrets(mail.secrets_sealed!, sealContextOf(contact))?.link).toBe(`http://localhost:3000/host/${token}`);
    // The disabled firm user gets nothing.
    const { email } = await getDb()
      .selectFrom("user")
      .select("email")
      .where("id", "=", host.firmUser.id)
      .executeTakeFirstOrThrow();
    const toFirmUser = await getDb()
      .selectFrom("outbox_message")
      .select("id")
      .where("kind", "=", "interview.booked")
      .where("to_address", "=", email)
      .execute();
    expect(toFirmUser).toEqual([]);
  });
});

describe("the host page", () => {
  it("shows the host's students (consented fields only) and its slots, without an account", async () => {
    const { host, token } = await accountLessHost();
    const r = await load(token);
    expect(statusOf(r)).toBe(200);
    const { page } = payload(r);
    expect(page.students.map((s: { name: string }) => s.name).sort()).toEqual((await namesOf(host.members)).sort());
    expect(Object.keys(page.students[0]).sort()).toEqual(["email", "name", "university"]);
    expect(page.canOffer).toBe(true);
    expect(page.contactEmail).toMatch(/^host-/);
  });

  it("refuses forged, tampered and malformed links with 404, and any action through them", async () => {
    const { host, token } = await accountLessHost();
    const forged = `${host.hostId}.${"A".repeat(43)}`;
    const otherId = `${host.hostId + 1}.${token.split(".")[1]}`;
    for (const bad of [forged, otherId, "x", "", `${token}x`, "1".repeat(5000)]) {
      expect(statusOf(await load(bad))).toBe(404);
      expect(
        statusOf(
          await act(bad, { intent: "add", startsAt: slotTimes().startsAt, endsAt: slotTimes().endsAt, place: "本社" }),
        ),
      ).toBe(404);
    }
    expect(verifyHostPageToken(token)).toBe(host.hostId);
    expect(
      await getDb().selectFrom("interview_slot").select("id").where("host_id", "=", host.hostId).execute(),
    ).toEqual([]);
  });

  it("offers and cancels slots through the link; the audit says the host did it", async () => {
    const { p, host, token } = await accountLessHost();
    const { startsAt, endsAt, start } = slotTimes();
    const added = await act(token, { intent: "add", startsAt, endsAt, place: "本社 2階" });
    expect(statusOf(added)).toBe(302);
    expect((await toastOf(added))?.key).toBe("interviews.toast.added");
    const slot = await getDb()
      .selectFrom("interview_slot")
      .selectAll()
      .where("host_id", "=", host.hostId)
      .executeTakeFirstOrThrow();
    expect(slot.starts_at).toBe(start.toISOString());
    // Nobody's account: the column falls back to a person answerable for the host (here the professor).
    expect(slot.created_by).toBe(p.professor.id);
    const audit = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("action", "=", "interview.slot.add")
      .where("entity_id", "=", String(slot.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBeNull();
    expect(JSON.parse(audit.detail!)).toEqual({ via: "host-link", hostId: host.hostId });

    // Bad input comes back next to its field, nothing written.
    const bad = await act(token, { intent: "add", startsAt, endsAt });
    expect(statusOf(bad)).toBe(400);
    expect(payload(bad).result.error.place).toEqual(["interviews.errors.placeOrUrl"]);

    const cancelled = await act(token, { intent: "cancel", slotId: String(slot.id), reason: "都合により" });
    expect((await toastOf(cancelled))?.key).toBe("interviews.toast.cancelled");
    const after = await getDb()
      .selectFrom("interview_slot")
      .selectAll()
      .where("id", "=", slot.id)
      .executeTakeFirstOrThrow();
    expect(after.cancelled_at).not.toBeNull();
    expect(after.cancelled_by).toBeNull();
  });

  it("cannot touch another host's slot, and another host's link cannot touch this one", async () => {
    const { p, host, token } = await accountLessHost();
    const other = p.teams[0];
    const theirs = await insertSlot(other.hostId, other.firmUser.id, new Date(Date.now() + 3 * DAY));
    expect(statusOf(await act(token, { intent: "cancel", slotId: String(theirs), reason: "x" }))).toBe(403);
    const ended = await insertSlot(other.hostId, other.firmUser.id, new Date(Date.now() - 3 * HOUR), 60, {
      booked_at: new Date(Date.now() - DAY).toISOString(),
      booked_by: other.members[0].id,
    });
    expect(statusOf(await act(token, { intent: "done", slotId: String(ended) }))).toBe(403);
    const otherToken = hostPageToken(other.hostId);
    const mine = await insertSlot(host.hostId, p.professor.id, new Date(Date.now() + 4 * DAY));
    expect(statusOf(await act(otherToken, { intent: "cancel", slotId: String(mine), reason: "x" }))).toBe(403);
    const rows = await getDb()
      .selectFrom("interview_slot")
      .selectAll()
      .where("id", "in", [theirs, ended, mine])
      .execute();
    expect(rows.every((r) => r.cancelled_at === null && r.outcome === null)).toBe(true);
  });

  it("marks an ended interview done or missed (outcome_by empty: the host itself)", async () => {
    const { p, host, token } = await accountLessHost();
    const slotId = await insertSlot(host.hostId, p.professor.id, new Date(Date.now() - 3 * HOUR), 60, {
      booked_at: new Date(Date.now() - DAY).toISOString(),
      booked_by: host.members[0].id,
    });
    const notYet = await insertSlot(host.hostId, p.professor.id, new Date(Date.now() + DAY), 60);
    const r = await act(token, { intent: "missed", slotId: String(slotId) });
    expect((await toastOf(r))?.key).toBe("interviews.toast.missed");
    const row = await getDb()
      .selectFrom("interview_slot")
      .selectAll()
      .where("id", "=", slotId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: "missed", outcome_by: null });
    expect((await toastOf(await act(token, { intent: "done", slotId: String(notYet) })))?.key).toBe(
      "interviews.errors.notBooked",
    );
    expect(statusOf(await act(token, { intent: "bogus", slotId: "1" }))).toBe(400);
    expect(statusOf(await act(token, { intent: "done", slotId: "-1" }))).toBe(400);
  });

  it("stops working when the project is cancelled or the host withdrawn (410)", async () => {
    const { p, host, token } = await accountLessHost();
    await getDb().updateTable("project").set({ state: "cancelled" }).where("id", "=", p.projectId).execute();
    const r = await load(token);
    expect(statusOf(r)).toBe(410);
    expect(payload(r)).toEqual({ state: "closed", page: null });
    expect(
      statusOf(
        await act(token, { intent: "add", startsAt: slotTimes().startsAt, endsAt: slotTimes().endsAt, place: "本社" }),
      ),
    ).toBe(410);
    await getDb().updateTable("project").set({ state: "interviewing" }).where("id", "=", p.projectId).execute();
    expect(statusOf(await load(token))).toBe(200);
    await getDb().updateTable("project_host").set({ status: "withdrawn" }).where("id", "=", host.hostId).execute();
    expect(statusOf(await load(token))).toBe(410);
  });

  it("expires 30 days after the project is completed", async () => {
    const { p, token } = await accountLessHost();
    await getDb().updateTable("project").set({ state: "completed" }).where("id", "=", p.projectId).execute();
    const completedAt = (daysAgo: number) =>
      getDb()
        .insertInto("project_event")
        .values({
          project_id: p.projectId,
          actor_id: null,
          action: "complete",
          from_state: "presented",
          to_state: "completed",
          comment: null,
          created_at: new Date(Date.now() - daysAgo * DAY).toISOString(),
        })
        .execute();
    await completedAt(HOST_PAGE_GRACE_DAYS - 1);
    expect(statusOf(await load(token))).toBe(200);
    await completedAt(HOST_PAGE_GRACE_DAYS + 1);
    const r = await load(token);
    expect(statusOf(r)).toBe(410);
    expect(payload(r).state).toBe("expired");
  });
});

describe("the link becomes an account", () => {
  it("sends a firm-user invitation for this firm to the contact address, once", async () => {
    const { host, contact, token } = await accountLessHost();
    const r = await act(token, { intent: "account", name: "受入 担当", email: "attacker@example.com" });
    expect((await toastOf(r))?.key).toBe("hostPage.accountSent");
    const invitations = await getDb().selectFrom("invitation").selectAll().where("firm_id", "=", host.firmId).execute();
    expect(invitations).toHaveLength(1);
    expect(invitations[0]).toMatchObject({ email: contact, role: "firm", name: "受入 担当" });
    expect(
      await getDb().selectFrom("invitation").select("id").where("email", "=", "attacker@example.com").execute(),
    ).toEqual([]);

    const again = await act(token, { intent: "account", name: "受入 担当" });
    expect(statusOf(again)).toBe(409);
    expect(payload(again).result.error[""]).toEqual(["hostPage.errors.invitationPending"]);
    const empty = await act(token, { intent: "account", name: "" });
    expect(statusOf(empty)).toBe(400);
    const huge = await act(token, { intent: "account", name: "あ".repeat(5000) });
    expect(statusOf(huge)).toBe(400);
  });

  it("refuses when the address already has an account or there is none", async () => {
    const { contact, token, host } = await accountLessHost();
    await userWithCookie("firm", { email: contact, firm_id: host.firmId });
    const r = await act(token, { intent: "account", name: "x" });
    expect(payload(r).result.error[""]).toEqual(["hostPage.errors.accountExists"]);
    await getDb().updateTable("project_host").set({ contact_email: null }).where("id", "=", host.hostId).execute();
    const none = await act(token, { intent: "account", name: "x" });
    expect(payload(none).result.error[""]).toEqual(["hostPage.errors.noContact"]);
  });
});

describe("staff acting for a host", () => {
  it("offers a slot for the host, audited as staff on the host's behalf", async () => {
    const { p, host } = await accountLessHost();
    const staff = await userWithCookie("staff");
    const params = { projectId: String(p.projectId), hostId: String(host.hostId) };
    const page = await settle(
      staffHostLoader({
        request: get(`/staff/projects/${p.projectId}/interviews/${host.hostId}`, { cookie: staff.cookie }),
        params,
        context: {},
      }),
    );
    expect(statusOf(page)).toBe(200);
    expect(payload(page).canOffer).toBe(true);
    const { startsAt, endsAt } = slotTimes();
    const r = await settle(
      staffHostAction({
        request: post(
          `/staff/projects/${p.projectId}/interviews/${host.hostId}`,
          { intent: "add", startsAt, endsAt, place: "区役所" },
          { cookie: staff.cookie },
        ),
        params,
        context: {},
      }),
    );
    expect((await toastOf(r))?.key).toBe("interviews.toast.added");
    const slot = await getDb()
      .selectFrom("interview_slot")
      .selectAll()
      .where("host_id", "=", host.hostId)
      .executeTakeFirstOrThrow();
    expect(slot.created_by).toBe(staff.id);
    const audit = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("action", "=", "interview.slot.add")
      .where("entity_id", "=", String(slot.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(staff.id);
    expect(JSON.parse(audit.detail!)).toEqual({ onBehalfOfHost: host.hostId });
  });

  it("answers 404 for a host of another project, and refuses other roles", async () => {
    const { p, host } = await accountLessHost();
    const other = await createPublishedProject({ teams: 1 });
    const staff = await userWithCookie("staff");
    const params = { projectId: String(other.projectId), hostId: String(host.hostId) };
    const r = await settle(
      staffHostLoader({ request: get("/staff/x", { cookie: staff.cookie }), params, context: {} }),
    );
    expect(statusOf(r)).toBe(404);
    const asFirm = await settle(
      staffHostAction({
        request: post("/staff/x", { intent: "add" }, { cookie: p.teams[0].firmUser.cookie }),
        params: { projectId: String(p.projectId), hostId: String(host.hostId) },
        context: {},
      }),
    );
    expect([302, 403]).toContain(statusOf(asFirm));
  });
});
