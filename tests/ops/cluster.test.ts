// Every core: `node server.js` with WEB_CONCURRENCY=2 is a primary and two workers. Both workers answer, the
// background jobs start once (in the primary), a worker that dies is replaced, and SIGTERM ends every process with 0.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-cluster-"));
const busyDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-cluster-busy-"));
let server: RunningServer | undefined;

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(busyDir, { recursive: true, force: true });
});

interface LogLine {
  msg: string;
  pid: number;
  worker?: number;
  path?: string;
}

function logLines(s: RunningServer): LogLine[] {
  return s.logs
    .join("")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as LogLine);
}

/** Listening workers by worker id → pid. */
function listening(s: RunningServer) {
  return new Map(logLines(s).flatMap((l) => (/^worker \d+ listening/.test(l.msg) ? [[l.worker!, l.pid]] : [])));
}

async function until(what: string, check: () => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A GET on a new connection each time (no keep-alive), so that the primary hands each one to the next worker. */
function getFresh(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { "X-Forwarded-For": "198.51.100.7" }, timeout: 30_000 }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("timeout", () => reject(new Error(`no answer from ${url} in 30 s`)))
      .on("error", reject);
  });
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("cluster of workers", () => {
  it("serves from every worker, runs the jobs once, replaces a dead worker and drains all on SIGTERM", async () => {
    server = await startServer(dataDir, { WEB_CONCURRENCY: "2" });
    const s = server;
    await until("two workers", () => listening(s).size === 2);
    const pids = [...listening(s).values()];
    expect(pids).not.toContain(s.child.pid);

    // Both workers answer.
    const statuses = await Promise.all(Array.from({ length: 12 }, () => getFresh(`${s.baseURL}/login`)));
    expect(statuses.every((code) => code === 200)).toBe(true);
    await until("request log lines", () => logLines(s).filter((l) => l.path === "/login").length === 12, 10_000);
    const answeredBy = new Set(logLines(s).flatMap((l) => (l.path === "/login" ? [l.worker] : [])));
    expect([...answeredBy].sort()).toEqual([1, 2]);

    // The jobs (mail, reminders, lifecycle, backup) start once, in the primary, not in each worker.
    const jobStarts = logLines(s).filter((l) => l.msg === "background jobs started");
    expect(jobStarts.map((l) => l.pid)).toEqual([s.child.pid]);

    // A worker that dies is replaced, and the cluster keeps answering meanwhile.
    process.kill(pids[0], "SIGKILL");
    // Once the primary knows (a connection it handed to the worker in the instant it died is lost, as with any
    // crashed process), the other worker answers everything while the replacement starts.
    await until("a replacement worker", () => logLines(s).some((l) => l.msg === "worker died: starting another"));
    expect(await getFresh(`${s.baseURL}/healthz`)).toBe(200);
    await until("the replacement listening", () => listening(s).size === 3);
    const current = [...listening(s).values()].filter((pid) => pid !== pids[0]);
    expect(current).toHaveLength(2);
    expect(current.every(alive)).toBe(true);
    // Still no second set of jobs.
    expect(logLines(s).filter((l) => l.msg === "background jobs started")).toHaveLength(1);

    // A request sent just before SIGTERM still gets its answer; then every process ends, the primary with 0.
    const inFlight = getFresh(`${s.baseURL}/projects`);
    await new Promise((r) => setTimeout(r, 50));
    s.child.kill("SIGTERM");
    expect(await inFlight).toBe(200);
    const ended = await Promise.race([s.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
    expect(ended, s.logs.join("").slice(-3000)).toBe(0);
    expect(current.filter(alive)).toEqual([]);
    const stopped = logLines(s).filter((l) => l.msg === "stopped");
    expect(stopped.map((l) => l.pid).sort()).toEqual([...current, s.child.pid!].sort());
  });

  it("fails to start, instead of forking forever, when no worker can listen (the port is taken)", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as net.AddressInfo;
    const logs: string[] = [];
    try {
      const child = spawn(process.execPath, ["server.js"], {
        env: {
          ...process.env,
          PORT: String(port),
          APP_ENV: "demo",
          DATA_DIR: busyDir,
          DATABASE_PATH: path.join(busyDir, "app.db"),
          MAIL_MODE: "keep",
          WEB_CONCURRENCY: "2",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout!.on("data", (d) => logs.push(String(d)));
      child.stderr!.on("data", (d) => logs.push(String(d)));
      const code = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? signal)));
      expect(code, logs.join("")).toBe(1);
      expect(logs.join("")).toContain("a worker died before any worker listened");
      expect(logs.join("")).not.toContain("worker died: starting another");
    } finally {
      taken.close();
    }
  });
});
