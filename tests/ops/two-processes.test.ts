// Two app processes on one database: capacity and claims hold across processes, not only within one. On SQLite that
// is what `npm start` runs (a cluster's workers and the primary's jobs, each with its own connection to one file); on
// PostgreSQL it is the scale-out path (TEST_DATABASE_URL). Sign-ups into a full project, two members booking one slot
// at once, the reminder job started by both processes at the same moment, and a certificate batch asked of both at
// once; every answer is one the user can read (no 500), and no process logs an error. The fixtures are written with
// the test factories straight into the shared database; every action goes through the two real servers' HTTP.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSigningKeys } from "~/certificates/keys.server";
import { closeDb, getDb, migrateToLatest } from "~/utils/db.server";
import { resetConfig } from "~/utils/env.server";
import { createCertificateEvent } from "../factories/certificate-event";
import { createPublishedProject, insertSlot } from "../factories/interviews";
import { createFirm, createProjectFixture } from "../factories/projects";
import { createUser, signIn, userWithCookie } from "../setup/http";
import { startServer, type RunningServer } from "./server";

const SERVER = process.env.TEST_DATABASE_URL || null;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const database = `kita_ops_${randomBytes(6).toString("hex")}`;
const onWhat = SERVER ? "PostgreSQL" : "SQLite";
// Made in beforeAll, so that a skipped run leaves no folder behind.
let dataDir = "";
let servers: RunningServer[] = [];
let reminderTeams: Awaited<ReturnType<typeof createPublishedProject>>["teams"] = [];

async function onServer(statement: string) {
  if (!SERVER) return;
  const client = new pg.Client({ connectionString: SERVER! });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let ip = 0;
/** A form POST to one of the servers, from its own client address (the per-address limits stay out of the way). */
function post(server: RunningServer, pathname: string, cookie: string, fields: Record<string, string>) {
  ip++;
  return fetch(server.baseURL + pathname, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": `198.51.${100 + ((ip >> 8) % 2)}.${ip % 256}`,
      Cookie: cookie,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

describe(`two app processes on one ${onWhat} database`, () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-two-processes-"));
    await onServer(`create database ${database}`);
    // This process writes the fixtures into the same database and signs sessions with the same development secret
    // as the servers; APP_ENV=test keeps the fixtures' password hashing cheap.
    const target: Record<string, string> = {};
    if (SERVER) {
      const url = new URL(SERVER);
      url.pathname = `/${database}`;
      target.DATABASE_URL = url.href;
    } else {
      target.DATABASE_PATH = path.join(dataDir, "app.db");
      delete process.env.DATABASE_URL;
    }
    Object.assign(process.env, target);
    process.env.APP_ENV = "test";
    process.env.DATA_DIR = dataDir;
    resetConfig();
    await migrateToLatest(getDb());
    // The signing keys a non-production server creates in its data folder: made once here, so both servers (one
    // folder) sign with the same keys instead of racing to create them.
    await loadSigningKeys();

    // Due reminders before the servers start: both run the reminder job as they start, at the same moment.
    const p = await createPublishedProject({ teams: 4, perTeam: 2 });
    reminderTeams = p.teams;
    for (const team of p.teams) {
      await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 3 * HOUR), 60, {
        booked_at: new Date().toISOString(),
        booked_by: team.members[0].id,
      });
    }

    // One data folder for both (the signing keys a demo server creates there must be the same for both).
    const env = { ...target, WEB_CONCURRENCY: "1", DEMO_DATA: "0" };
    servers = await Promise.all([startServer(dataDir, env), startServer(dataDir, env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      servers.map(async (s) => {
        if (s.child.exitCode === null && s.child.signalCode === null) {
          s.child.kill("SIGTERM");
          await s.exited;
        }
      }),
    );
    await closeDb();
    await onServer(`drop database if exists ${database} with (force)`);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("200 sign-up POSTs split across both processes for 10 places: exactly 10 succeed, 190 are told it is full", async () => {
    const p = await createProjectFixture({ capacity: 10, hosts: 3 });
    const students = await Promise.all(Array.from({ length: 200 }, () => createUser("student")));
    const cookies = await Promise.all(students.map((s) => signIn(s.id)));
    const form = {
      intent: "signup",
      code: p.joinCode,
      ...Object.fromEntries(
        p.hostIds.flatMap((id, i) => [
          [`ranking[${i}].host`, String(id)],
          [`ranking[${i}].position`, String(i + 1)],
        ]),
      ),
      motivation: "新製品の販路を調べたい",
      consent: "on",
    };
    const statuses = await Promise.all(
      cookies.map(async (cookie, i) => {
        const res = await post(servers[i % 2], `/student/projects/${p.projectId}/signup`, cookie, form);
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 302)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(190);
    const rows = await getDb()
      .selectFrom("signup")
      .select("student_id")
      .where("project_id", "=", p.projectId)
      .execute();
    expect(rows).toHaveLength(10);
  }, 180_000);

  it("staff invite 40 firms to one project at once, split across both processes: every invitation is sent", async () => {
    // Each invitation reads (the project, the firm, its accounts) before it writes, while the other process writes
    // its own: on SQLite a transaction begun with a plain BEGIN failed here at its first write (SQLITE_BUSY_SNAPSHOT),
    // answered 500, and the browser tests saw it as a flaky "エラー 500" (db.server.ts, SqliteImmediateDialect).
    const p = await createProjectFixture({ hosts: 0 });
    const staff = await userWithCookie("staff");
    const firms = await Promise.all(Array.from({ length: 40 }, () => createFirm()));
    const statuses = await Promise.all(
      firms.map(async (firm, i) => {
        const res = await post(servers[i % 2], `/staff/projects/${p.projectId}/hosts`, staff.cookie, {
          firmId: String(firm.id),
          contactEmail: `contact-${firm.id}@host-firm.example`,
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s !== 302)).toEqual([]);
    const hosts = await getDb()
      .selectFrom("project_host")
      .select("firm_id")
      .where("project_id", "=", p.projectId)
      .where("status", "=", "invited")
      .execute();
    expect(hosts.map((h) => h.firm_id).sort()).toEqual(firms.map((f) => f.id).sort());
  }, 120_000);

  it("two members of a team book one slot at once, one through each process: one booking and one mail", async () => {
    const p = await createPublishedProject({ teams: 5, perTeam: 2 });
    const slots: number[] = [];
    for (const team of p.teams) {
      slots.push(await insertSlot(team.hostId, team.firmUser.id, new Date(Date.now() + 5 * DAY)));
    }
    await Promise.all(
      p.teams.map((team, k) =>
        Promise.all(
          team.members.map(async (member, i) => {
            const res = await post(servers[i % 2], "/student/interviews", member.cookie, {
              intent: "book",
              slotId: String(slots[k]),
            });
            await res.arrayBuffer();
            // Both answer with a redirect and a toast; the database says who won.
            expect(res.status).toBeLessThan(400);
          }),
        ),
      ),
    );
    for (const [k, team] of p.teams.entries()) {
      const live = await getDb()
        .selectFrom("interview_slot")
        .select(["id", "booked_by"])
        .where("host_id", "=", team.hostId)
        .where("booked_at", "is not", null)
        .where("cancelled_at", "is", null)
        .execute();
      expect(live).toEqual([{ id: slots[k], booked_by: expect.any(Number) }]);
      const booked = await getDb()
        .selectFrom("outbox_message")
        .select("id")
        .where("kind", "=", "interview.booked")
        .where("to_address", "=", team.firmUser.email)
        .execute();
      expect(booked).toHaveLength(1);
    }
  }, 120_000);

  it("the reminder job, started by both processes at once, sends each reminder once", async () => {
    const emails = reminderTeams.flatMap((t) => [t.firmUser.email, ...t.members.map((m) => m.email)]);
    // Both processes ran the job as they started; wait until every slot is claimed (the claim and the mails are one
    // transaction), then give a second run a moment to do anything twice.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const open = await getDb()
        .selectFrom("interview_slot")
        .select("id")
        .where(
          "host_id",
          "in",
          reminderTeams.map((t) => t.hostId),
        )
        .where("reminder_sent_at", "is", null)
        .execute();
      if (open.length === 0) break;
      if (Date.now() > deadline) throw new Error(`${open.length} reminders never sent`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 2_000));
    const mails = await getDb()
      .selectFrom("outbox_message")
      .select("to_address")
      .where("kind", "=", "interview.reminder")
      .where("to_address", "in", emails)
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([...emails].sort());
  }, 120_000);

  it("a certificate batch asked of both processes at once issues each certificate once", async () => {
    const staff = await userWithCookie("staff");
    const events = [await createCertificateEvent(staff), await createCertificateEvent(staff)];
    for (const event of events) {
      const statuses = await Promise.all(
        servers.map(async (server) => {
          const res = await post(server, `/staff/events/${event.eventId}/certificates`, staff.cookie, {
            intent: "issueAll",
          });
          await res.arrayBuffer();
          return res.status;
        }),
      );
      expect(statuses.every((s) => s < 400)).toBe(true);
      const rows = await getDb()
        .selectFrom("certificate")
        .select(["student_id", "status_index"])
        .where("project_id", "=", event.projectId)
        .execute();
      expect(rows.map((r) => r.student_id).sort()).toEqual(event.students.map((s) => s.id).sort());
      const mails = await getDb()
        .selectFrom("outbox_message")
        .select("to_address")
        .where("kind", "=", "certificate.issued")
        .where(
          "to_address",
          "in",
          event.students.map((s) => s.email),
        )
        .execute();
      expect(mails).toHaveLength(event.students.length);
    }
    const indexes = await getDb().selectFrom("certificate").select("status_index").execute();
    expect(new Set(indexes.map((r) => r.status_index)).size).toBe(indexes.length);
  }, 120_000);

  it("no process logged an error: every race above was settled by the database, not by a failure", () => {
    for (const server of servers) expect(server.logs.join("")).not.toMatch(/"level":"error"/);
  });
});
