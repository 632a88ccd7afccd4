/**
 * The production server: Express serving the Remix build (server/app.js puts the request log, security headers,
 * body limits and cross-site guard in front of it), on every core: the primary process migrates and seeds the
 * database (prepareServer from the build), starts the background jobs (mail, reminders, lifecycle, the daily backup)
 * once, and forks WEB_CONCURRENCY workers (default: one per core, server/cluster.js) that serve requests; a worker
 * that dies is restarted. With one worker, or under `npm run dev`, a single process does all of it, as before. Each
 * request gets the client's address, the response's CSP nonce and the request id.
 *
 * SIGTERM (and SIGINT): every serving process stops accepting connections and lets requests in flight finish (at
 * most SHUTDOWN_GRACE_MS; every answer meanwhile closes its connection) and closes its database; the primary waits
 * for every worker, stops the jobs, closes the database and exits 0 (1 if a worker failed to stop cleanly).
 *
 * Under `npm run dev` (remix dev --manual, NODE_ENV=development) it loads each new build as the compiler writes it
 * and tells the dev server, so live reload works.
 */
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { broadcastDevReady } from "@remix-run/node";
import { createApp, loadContext } from "./server/app.js";
import { superviseWorkers, workerCount } from "./server/cluster.js";
import { remixHandler } from "./server/remix-handler.js";
import { logServerError } from "./server/request-log.js";

process.env.NODE_ENV ??= "production";
const development = process.env.NODE_ENV === "development";
const SHUTDOWN_GRACE_MS = 10_000;

const out = process.env.BUILD_DIR ?? "build";
const buildPath = path.resolve(out, "index.js");
const importBuild = () => import(`${url.pathToFileURL(buildPath).href}?t=${fs.statSync(buildPath).mtimeMs}`);

const log = (msg, extra = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg, pid: process.pid, ...extra }));

let build = await importBuild();
// Development keeps one process: the compiler's rebuilds are loaded into it (see the end of this file).
const workers = development ? 1 : workerCount();

if (workers > 1 && cluster.isPrimary) await runPrimary();
else await serve({ primary: cluster.isPrimary });

/** The cluster's primary: prepares the database, runs the jobs (only here, so they run once), supervises workers. */
async function runPrimary() {
  let stopping = false;
  const cfg = await build.entry.module.prepareServer();
  const jobs = build.entry.module.startBackgroundJobs();
  log("background jobs started");
  const supervisor = superviseWorkers({
    count: workers,
    graceMs: SHUTDOWN_GRACE_MS,
    log,
    onStartFailure: () => void shutdown("start failure", 1),
  });
  log(`Kita collaboration platform (${cfg.appEnv}): ${workers} workers on http://localhost:${cfg.port}`, {
    workers,
    jobs: "primary",
  });
  async function shutdown(signal, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    log("shutting down: every worker finishes its requests in flight", { signal });
    try {
      const [clean] = await Promise.all([supervisor.stop(), jobs.stop()]);
      await build.entry.module.closeDatabase();
      log(clean ? "stopped" : "stopped; a worker did not end cleanly", { signal });
      process.exit(clean ? exitCode : 1);
    } catch (error) {
      logServerError("shutdown failed", error);
      process.exit(1);
    }
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * One serving process: the only one (`primary`: it also prepares the database and runs the jobs), or a cluster
 * worker (the primary has done both).
 */
async function serve({ primary }) {
  const cfg = primary ? await build.entry.module.prepareServer() : await build.entry.module.prepareWorker();
  let shuttingDown = false;
  const app = createApp({
    assets: `public/${out}`,
    handler: remixHandler({ build: development ? async () => build : build, getLoadContext: loadContext }),
    shuttingDown: () => shuttingDown,
  });

  const port = cfg.port;
  const server = app.listen(port, () => {
    const where = `http://localhost:${port}`;
    if (primary) log(`Kita collaboration platform (${cfg.appEnv}) listening on ${where}`);
    else log(`worker ${cluster.worker.id} listening on ${where}`, { worker: cluster.worker.id });
    if (development) broadcastDevReady(build);
  });
  const jobs = primary ? build.entry.module.startBackgroundJobs() : { stop: async () => {} };
  if (primary) log("background jobs started");

  async function shutdown(signal) {
    if (shuttingDown) return;
    shuttingDown = true;
    log("shutting down: no new connections, finishing requests in flight", { signal });
    const closed = new Promise((resolve) => server.close(resolve));
    // Idle keep-alive connections would hold close() open: end them now, and any that fall idle after their answer.
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const grace = setTimeout(() => {
      log(`requests still open after ${SHUTDOWN_GRACE_MS} ms: closing their connections`, { signal });
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    try {
      await closed;
      clearInterval(idle);
      clearTimeout(grace);
      await jobs.stop();
      await build.entry.module.closeDatabase();
      log("stopped", { signal });
      process.exit(0);
    } catch (error) {
      logServerError("shutdown failed", error);
      process.exit(1);
    }
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

if (development) {
  // The compiler rewrites version.txt after each build: load the new build, then let the browser reload.
  fs.watch(path.dirname(buildPath), async (_event, file) => {
    if (file !== "version.txt") return;
    build = await importBuild();
    await broadcastDevReady(build);
  });
}
