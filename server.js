/**
 * The production server: Express serving the Remix build (server/app.js puts the request log, security headers,
 * body limits and cross-site guard in front of it). Migrates and seeds the database at start (prepareServer from the
 * build), starts the background jobs (mail, reminders, the daily backup), and passes the client's address, the
 * response's CSP nonce and the request id to the app.
 *
 * SIGTERM (and SIGINT): stop accepting connections, let requests in flight finish (at most SHUTDOWN_GRACE_MS; every
 * answer meanwhile closes its connection), stop the jobs, close the database, exit 0.
 *
 * Under `npm run dev` (remix dev --manual, NODE_ENV=development) it loads each new build as the compiler writes it
 * and tells the dev server, so live reload works.
 */
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { broadcastDevReady } from "@remix-run/node";
import { createApp, loadContext } from "./server/app.js";
import { remixHandler } from "./server/remix-handler.js";
import { logServerError } from "./server/request-log.js";

process.env.NODE_ENV ??= "production";
const development = process.env.NODE_ENV === "development";
const SHUTDOWN_GRACE_MS = 10_000;

const out = process.env.BUILD_DIR ?? "build";
const buildPath = path.resolve(out, "index.js");
const importBuild = () => import(`${url.pathToFileURL(buildPath).href}?t=${fs.statSync(buildPath).mtimeMs}`);

let build = await importBuild();
const cfg = await build.entry.module.prepareServer();

let shuttingDown = false;
const app = createApp({
  assets: `public/${out}`,
  handler: remixHandler({ build: development ? async () => build : build, getLoadContext: loadContext }),
  shuttingDown: () => shuttingDown,
});

const port = cfg.port;
const server = app.listen(port, () => {
  console.log(
    JSON.stringify({
      time: new Date().toISOString(),
      level: "info",
      msg: `Kita collaboration platform (${cfg.appEnv}) listening on http://localhost:${port}`,
    }),
  );
  if (development) broadcastDevReady(build);
});
const jobs = build.entry.module.startBackgroundJobs();

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  const log = (msg) => console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg, signal }));
  log("shutting down: no new connections, finishing requests in flight");
  const closed = new Promise((resolve) => server.close(resolve));
  // Idle keep-alive connections would hold close() open: end them now, and any that fall idle after their answer.
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const grace = setTimeout(() => {
    log(`requests still open after ${SHUTDOWN_GRACE_MS} ms: closing their connections`);
    server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  try {
    await closed;
    clearInterval(idle);
    clearTimeout(grace);
    await jobs.stop();
    await build.entry.module.closeDatabase();
    log("stopped");
    process.exit(0);
  } catch (error) {
    logServerError("shutdown failed", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

if (development) {
  // The compiler rewrites version.txt after each build: load the new build, then let the browser reload.
  fs.watch(path.dirname(buildPath), async (_event, file) => {
    if (file !== "version.txt") return;
    build = await importBuild();
    await broadcastDevReady(build);
  });
}
