// The built server as a real process for the operations tests, and a write load against it whose acknowledged
// writes are recorded, so that a test can look for every one of them after a crash or in a restored backup.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";

export const DEMO_PASSWORD = "kita-demo-2026";
export const STAFF_EMAIL = "staff@city.kita.example";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface RunningServer {
  baseURL: string;
  child: ChildProcess;
  logs: string[];
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string | null>;
}

/** Starts `node server.js` on the production build against `dataDir` and waits for /healthz. */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(`${process.env.BUILD_DIR ?? "build"}/index.js`)) {
    throw new Error("Run `npx remix build` before the operations tests (npm test does).");
  }
  const port = await freePort();
  const logs: string[] = [];
  const child = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      APP_ENV: "demo",
      DATA_DIR: dataDir,
      DATABASE_PATH: path.join(dataDir, "app.db"),
      MAIL_MODE: "keep",
      // Every request names its own client address (X-Forwarded-For), so the per-address limits stay out of the way.
      TRUST_PROXY: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => logs.push(String(d)));
  child.stderr!.on("data", (d) => logs.push(String(d)));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal)),
  );
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`The server did not start:\n${logs.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseURL, child, logs, exited };
}

let ipCounter = 0;
/** A fresh client address for each request (TEST-NET-2 and -3). */
function nextIp() {
  ipCounter++;
  return `198.51.${100 + ((ipCounter >> 8) % 2)}.${ipCounter % 256}`;
}

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString();
}

async function post(baseURL: string, pathname: string, fields: Record<string, string>, cookie?: string) {
  return fetch(baseURL + pathname, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": nextIp(),
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: form(fields),
  });
}

function sessionCookie(res: Response) {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("__session=") && c.length > "__session=".length);
}

export async function signInAs(baseURL: string, email: string): Promise<string> {
  const res = await post(baseURL, "/login", { email, password: DEMO_PASSWORD, redirectTo: "" });
  const cookie = sessionCookie(res);
  if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return cookie;
}

export function openDb(dataDir: string, readonly = true) {
  const db = new Database(path.join(dataDir, "app.db"), { readonly, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

/** What the load knows was written: only answers the server gave count (a refused or cut-off request does not). */
export interface Acknowledged {
  registrations: Array<{ email: string; at: number }>;
  signIns: Array<{ cookie: string; at: number }>;
  /** Per (event, student): the last acknowledged attendance value, and whether a later toggle was cut off. */
  attendance: Map<string, { present: boolean | null; at: number; pendingAfter: boolean }>;
  requests: number;
  failures: number;
}

export function newAck(): Acknowledged {
  return { registrations: [], signIns: [], attendance: new Map(), requests: 0, failures: 0 };
}

/** Waits until the load has had at least `n` acknowledged writes of each kind (the machine may be slow). */
export async function untilAcknowledged(ack: Acknowledged, n: number, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  const enough = () =>
    ack.registrations.length >= n &&
    ack.signIns.length >= n &&
    [...ack.attendance.values()].filter((s) => s.present !== null).length >= Math.min(n, ack.attendance.size);
  while (!enough()) {
    if (Date.now() > deadline) throw new Error(`the load was too slow: ${JSON.stringify(summarize(ack))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function summarize(ack: Acknowledged) {
  return {
    registrations: ack.registrations.length,
    signIns: ack.signIns.length,
    attendance: [...ack.attendance.values()].filter((s) => s.present !== null).length,
    requests: ack.requests,
    failures: ack.failures,
  };
}

interface LoadInput {
  baseURL: string;
  staffCookie: string;
  universityId: number;
  pairs: Array<{ eventId: number; studentId: number }>;
  students: string[];
  /** The load stops when this returns true (checked between requests). */
  stop: () => boolean;
  workers?: number;
  tag: string;
}

/**
 * Sign-ups (student registrations), sign-ins and attendance toggles from several workers at once until `stop()`.
 * A write counts as acknowledged when its answer arrived: 303 for a registration, 302 with a session for a sign-in,
 * 200 for an attendance toggle (the fetcher answer).
 */
export async function writeLoad(input: LoadInput, ack: Acknowledged = newAck()): Promise<Acknowledged> {
  for (const p of input.pairs)
    ack.attendance.set(`${p.eventId}:${p.studentId}`, { present: null, at: 0, pendingAfter: false });
  let n = 0;
  const worker = async (w: number) => {
    let i = 0;
    while (!input.stop()) {
      i++;
      n++;
      ack.requests++;
      const kind = (w + i) % 3;
      try {
        if (kind === 0) {
          const email = `load-${input.tag}-${w}-${i}@univ.example`;
          const res = await post(input.baseURL, "/register", {
            name: "負荷 試験",
            nameKana: "ふか しけん",
            nameLatin: "Shiken Fuka",
            universityId: String(input.universityId),
            email,
            password: "a load test passphrase",
          });
          if (res.status === 303) ack.registrations.push({ email, at: Date.now() });
          else ack.failures++;
        } else if (kind === 1) {
          const email = input.students[n % input.students.length];
          const res = await post(input.baseURL, "/login", { email, password: DEMO_PASSWORD, redirectTo: "" });
          const cookie = sessionCookie(res);
          if (res.status === 302 && cookie) ack.signIns.push({ cookie, at: Date.now() });
          else ack.failures++;
        } else {
          // Each worker toggles its own pairs, one request at a time, so "the last acknowledged value" is well defined.
          const mine = input.pairs.filter((_, k) => k % (input.workers ?? 6) === w);
          if (mine.length === 0) continue;
          const pair = mine[i % mine.length];
          const key = `${pair.eventId}:${pair.studentId}`;
          const present = i % 2 === 0;
          const state = ack.attendance.get(key)!;
          state.pendingAfter = true;
          const res = await post(
            input.baseURL,
            `/staff/events/${pair.eventId}/attendance`,
            { studentId: String(pair.studentId), present: present ? "yes" : "no", via: "fetcher" },
            input.staffCookie,
          );
          if (res.status === 200) ack.attendance.set(key, { present, at: Date.now(), pendingAfter: false });
          else ack.failures++;
        }
      } catch {
        // Cut off (the server was killed): not acknowledged.
        ack.failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: input.workers ?? 6 }, (_, w) => worker(w)));
  return ack;
}

/** The ids the load needs, from the demo database. */
export function loadTargets(dataDir: string) {
  const db = openDb(dataDir);
  try {
    const universityId = (db.prepare("select id from university order by id limit 1").get() as { id: number }).id;
    const pairs = db
      .prepare(
        "select event_id as eventId, student_id as studentId from attendance order by event_id, student_id limit 12",
      )
      .all() as Array<{ eventId: number; studentId: number }>;
    const students = (
      db
        .prepare("select email from user where role = 'student' and disabled_at is null order by id limit 10")
        .all() as Array<{
        email: string;
      }>
    ).map((r) => r.email);
    return { universityId, pairs, students };
  } finally {
    db.close();
  }
}

/** Every acknowledged write that is missing from the database at `dataDir` (with `until`: only those acked before). */
export function missingWrites(db: Database.Database, ack: Acknowledged, until = Infinity): string[] {
  const missing: string[] = [];
  const hasRegistration = db.prepare("select 1 from registration where email = ?");
  for (const r of ack.registrations) {
    if (r.at <= until && !hasRegistration.get(r.email)) missing.push(`registration ${r.email}`);
  }
  const attendance = db.prepare("select 1 from attendance where event_id = ? and student_id = ?");
  for (const [key, state] of ack.attendance) {
    if (state.present === null || state.at > until || state.pendingAfter) continue;
    const [eventId, studentId] = key.split(":").map(Number);
    const present = Boolean(attendance.get(eventId, studentId));
    if (present !== state.present) missing.push(`attendance ${key} should be ${state.present}`);
  }
  return missing;
}
