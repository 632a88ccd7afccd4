/**
 * Two Remix server builds in one process, asked for the same URL in turns: the CPU each spends a request, without
 * HTTP or Express (`node scripts/compare-builds.js BUILD_A BUILD_B URL [EMAIL] [BATCHES]`; each BUILD the path of a
 * server build's index.js, e.g. this app's `build/index.js` before and after a change, or the bare app's from
 * `scripts/bench-bare-app.js`). Each build gets batches of 100 requests, 4 at a time, the two in turns (who goes
 * first alternates), and the median batch is reported with the garbage collector's time. One process keeps both
 * builds on the same JIT, heap and machine state, so the same build against itself reads within ~2%, where two
 * servers under load drift apart by 10–20%: the yardstick for a change of a few percent (README "Decisions",
 * 2026-12-02). With EMAIL (a demo account, password kita-demo-2026) each build signs in first and sends its cookie.
 *
 * Runs on the database of DATABASE_PATH (default: a demo database in a temporary folder, made by the first build
 * that exports prepareServer, so this app's build comes before the bare app's). Production mode, as `npm start`. A
 * build that cannot be loaded, or arguments it does not take, end it with a message and exit code 2.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [fileA, fileB, url, email = "", batchesArg = "60"] = process.argv.slice(2);
const batches = Number(batchesArg);
if (!fileA || !fileB || !url?.startsWith("/") || !Number.isInteger(batches) || batches < 1) {
  console.error("usage: node scripts/compare-builds.js BUILD_A BUILD_B /url [email] [batches]");
  process.exit(2);
}
process.env.NODE_ENV = "production";
process.env.APP_ENV ??= "demo";
let scratch = null;
if (!process.env.DATABASE_PATH) {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "kita-compare-"));
  process.env.DATA_DIR = scratch;
  process.env.DATABASE_PATH = path.join(scratch, "app.db");
}
const { createRequestHandler } = await import("@remix-run/node");
// The request context server/request-log.js opens for each request (the session lookup is kept in it).
const storage = (globalThis.__kitaRequestContext ??= new AsyncLocalStorage());
const context = { clientIp: "127.0.0.1", cspNonce: "compare", requestId: "compare" };
const BATCH = 100;

async function side(file) {
  let build;
  try {
    build = await import(pathToFileURL(path.resolve(file)).href);
  } catch (error) {
    // A missing file, or the bare app's build given first: it opens the database on import, before this app's build
    // has made it.
    console.error(
      `${file}: cannot be loaded (${error instanceof Error ? error.message : error}); give a server build's index.js,` +
        " this app's build before the bare app's (or set DATABASE_PATH)",
    );
    process.exit(2);
  }
  if (build.entry.module.prepareServer) await build.entry.module.prepareServer();
  const handler = createRequestHandler(build, "production");
  let cookie = "";
  if (email && build.entry.module.prepareServer) {
    const res = await handler(
      new Request("http://localhost/login", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost", host: "localhost" },
        body: new URLSearchParams({ email, password: "kita-demo-2026", redirectTo: "" }),
      }),
      context,
    );
    cookie =
      res.headers
        .getSetCookie()
        .find((c) => /^__session=[^;]/.test(c))
        ?.split(";")[0] ?? "";
    if (!cookie) throw new Error(`${file}: signing in as ${email} gave no session`);
  }
  const one = () =>
    storage.run({ requestId: "compare", userId: null }, async () => {
      const res = await handler(
        new Request(`http://localhost${url}`, { headers: { cookie, host: "localhost", "user-agent": "Mozilla/5.0" } }),
        context,
      );
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${file}: ${url} answered ${res.status}`);
      return body.length;
    });
  return { file, one };
}

async function batch(s, n) {
  let started = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (started++ < n) await s.one();
    }),
  );
}

const sides = [await side(fileA), await side(fileB)];
for (const s of sides) await batch(s, 1_500); // warm-up: the JIT, the caches, the statement cache
const cpu = [[], []];
const gc = [0, 0];
// Each batch's time window: the observer hears of a collection later, often during the other build's batch, so a
// collection is counted by when it started, not by which batch runs when it is reported.
const windows = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const window = windows.find((w) => entry.startTime >= w.start && entry.startTime < w.end);
    if (window) gc[window.side] += entry.duration;
  }
});
observer.observe({ entryTypes: ["gc"] });
for (let k = 0; k < batches; k++) {
  for (const i of k % 2 ? [1, 0] : [0, 1]) {
    const start = process.cpuUsage();
    const window = { side: i, start: performance.now(), end: Infinity };
    windows.push(window);
    await batch(sides[i], BATCH);
    window.end = performance.now();
    const used = process.cpuUsage(start);
    cpu[i].push((used.user + used.system) / BATCH / 1000);
  }
}
// The last collections' reports, then no more.
await new Promise((resolve) => setTimeout(resolve, 50));
observer.disconnect();
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
const [a, b] = cpu.map(median);
console.log(
  `${url}: A ${a.toFixed(3)} ms  B ${b.toFixed(3)} ms a request (median of ${batches} batches)  B/A ${(b / a).toFixed(3)}` +
    `  GC ${(gc[0] / batches / BATCH).toFixed(3)} / ${(gc[1] / batches / BATCH).toFixed(3)} ms  bytes ${await sides[0].one()} / ${await sides[1].one()}`,
);
if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
process.exit(0);
