// A crash in the middle of writes: the built server is SIGKILLed while sign-ups, sign-ins and attendance toggles run
// concurrently, then started again on the same data. The database must pass `PRAGMA integrity_check`, and every
// write the server had acknowledged before it died must be there (each answer is sent after its transaction
// committed to the WAL, synchronous=FULL).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  loadTargets,
  missingWrites,
  newAck,
  openDb,
  signInAs,
  startServer,
  STAFF_EMAIL,
  summarize,
  untilAcknowledged,
  writeLoad,
  type RunningServer,
} from "./server";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-sigkill-"));
let server: RunningServer | undefined;

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("SIGKILL during concurrent writes", () => {
  it("restarts with an intact database holding every acknowledged write", async () => {
    server = await startServer(dataDir);
    const targets = loadTargets(dataDir);
    expect(targets.pairs.length).toBeGreaterThan(0);
    expect(targets.students.length).toBeGreaterThan(0);
    const staffCookie = await signInAs(server.baseURL, STAFF_EMAIL);

    let killed = false;
    const running = server;
    const ack = newAck();
    const load = writeLoad({ ...targets, baseURL: running.baseURL, staffCookie, stop: () => killed, tag: "kill" }, ack);
    // Let the load build up, then kill without warning while requests are in flight.
    await untilAcknowledged(ack, 4);
    await new Promise((r) => setTimeout(r, 300));
    running.child.kill("SIGKILL");
    expect(await running.exited).toBe("SIGKILL");
    killed = true;
    await load;
    console.log("acknowledged before the kill:", summarize(ack));
    expect(ack.registrations.length).toBeGreaterThan(0);
    expect(ack.signIns.length).toBeGreaterThan(0);
    expect([...ack.attendance.values()].some((s) => s.present !== null)).toBe(true);

    server = await startServer(dataDir);
    const db = openDb(dataDir);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(missingWrites(db, ack)).toEqual([]);
    } finally {
      db.close();
    }
    // Every acknowledged sign-in's session still works after the restart.
    const lost: string[] = [];
    for (const s of ack.signIns) {
      const res = await fetch(`${server.baseURL}/account`, { headers: { Cookie: s.cookie }, redirect: "manual" });
      if (res.status !== 200) lost.push(`${res.status} ${res.headers.get("Location")}`);
    }
    expect(lost).toEqual([]);
    const ready = await fetch(`${server.baseURL}/readyz`);
    expect(ready.status).toBe(200);

    // And a graceful stop this time: SIGTERM ends the process with 0.
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});
