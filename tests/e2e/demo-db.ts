// The browser tests' one way into the running server's database (the fresh demo database global-setup.ts made):
// open it, read ids, and set up rows of a test's own (a copy of a seeded project, its hosts and sign-ups), so the
// seeded projects stay as every other test expects them. Rows are typed by db/schema.ts.
import path from "node:path";
import Database from "better-sqlite3";
import type { Insertable } from "kysely";
import { inject } from "vitest";
import { CONSENT_VERSION } from "~/projects/signup";
import type { ProjectState, ProjectTable, Database as Schema } from "../../db/schema";

export type DemoDb = Database.Database;

/** The server's database. The server writes to it at the same time, so a statement waits for its lock. */
export function openDemoDb(): DemoDb {
  const db = new Database(path.join(inject("dataDir"), "app.db"));
  db.pragma("busy_timeout = 5000");
  return db;
}

/** Inserts one row and answers its id. */
export function insertRow<T extends keyof Schema & string>(db: DemoDb, table: T, row: Insertable<Schema[T]>): number {
  const names = Object.keys(row);
  const sql = `insert into "${table}" (${names.join(", ")}) values (${names.map((n) => `@${n}`).join(", ")})`;
  return Number(db.prepare(sql).run(row).lastInsertRowid);
}

export function projectIdByJoinCode(db: DemoDb, joinCode: string): number {
  return (db.prepare("select id from project where join_code = ?").get(joinCode) as { id: number }).id;
}

export function userByEmail(db: DemoDb, email: string) {
  return db.prepare("select id, firm_id from user where email = ?").get(email) as {
    id: number;
    firm_id: number | null;
  };
}

/**
 * A copy of a seeded project (the FY2026 open project MKTG-2627 unless `from` says otherwise) with its own title,
 * state and join code, created now and without hosts or sign-ups. Answers the copy's id.
 */
export function cloneDemoProject(
  db: DemoDb,
  changes: Partial<Insertable<ProjectTable>> & { title_ja: string; state: ProjectState; join_code: string },
  from = "MKTG-2627",
): number {
  const { id: _id, ...columns } = db
    .prepare("select * from project where join_code = ?")
    .get(from) as Insertable<ProjectTable> & { id: number };
  const t = new Date().toISOString();
  return insertRow(db, "project", { ...columns, title_en: null, created_at: t, updated_at: t, ...changes });
}

/** A host firm that has accepted with `capacity` places. */
export function addAcceptedHost(db: DemoDb, projectId: number, firmId: number, capacity: number): number {
  const t = new Date().toISOString();
  return insertRow(db, "project_host", {
    project_id: projectId,
    firm_id: firmId,
    status: "accepted",
    capacity,
    created_at: t,
    updated_at: t,
  });
}

/** A student's sign-up with consent given now (the app's consent version) and their ranking of hosts, first first. */
export function addSignup(
  db: DemoDb,
  signup: { projectId: number; studentId: number; motivation: string; ranking?: readonly number[] },
): number {
  const t = new Date().toISOString();
  const signupId = insertRow(db, "signup", {
    project_id: signup.projectId,
    student_id: signup.studentId,
    motivation: signup.motivation,
    consented_at: t,
    consent_version: CONSENT_VERSION,
    created_at: t,
    updated_at: t,
  });
  (signup.ranking ?? []).forEach((hostId, i) =>
    insertRow(db, "signup_preference", { signup_id: signupId, host_id: hostId, rank: i + 1 }),
  );
  return signupId;
}

/**
 * Moves an interview slot (keeping its length) to start `hoursAgo` hours ago, so that it has ended and its outcome can
 * be recorded; a booking stays a booking.
 */
export function moveSlotIntoPast(db: DemoDb, slotId: number, hoursAgo: number) {
  const slot = db.prepare("select starts_at, ends_at from interview_slot where id = ?").get(slotId) as {
    starts_at: string;
    ends_at: string;
  };
  const length = Date.parse(slot.ends_at) - Date.parse(slot.starts_at);
  const startsAt = Date.now() - hoursAgo * 3_600_000;
  db.prepare("update interview_slot set starts_at = ?, ends_at = ?, updated_at = ? where id = ?").run(
    new Date(startsAt).toISOString(),
    new Date(startsAt + length).toISOString(),
    new Date().toISOString(),
    slotId,
  );
}
