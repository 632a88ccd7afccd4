#!/usr/bin/env node
/**
 * `npm run bench` (about 15 minutes): every public page and each role's home of the production build under 50
 * concurrent connections (autocannon), against a bare Remix 2.17.5 app with the same route table
 * (scripts/bench-bare-app.js) asked for the same URL, measured in turns in the same run after every page was served
 * by both (the median of five rounds), with the ratios (targets: ≥ 0.8× its requests/s,
 * p99 ≤ 1.5× its p99 without each connection's first answer), and each page's CPU per request against the bare
 * app's read the steadier paired way (pairedCpu); the firm search both cached (one word) and cold (a different word each request); then one
 * worker against all workers (WEB_CONCURRENCY); then, with BENCH_DATABASE_URL (or TEST_DATABASE_URL) naming a PostgreSQL
 * server, a read page and real sign-up POSTs on SQLite against PostgreSQL.
 *
 * BENCH_ONLY picks other parts: `match` (the pairing engine at 1k/10k/50k students), `certificates` (PDF, 1,000
 * issued), `directory` (the directory, project pages and real sign-up POSTs at 260 and 10,000 firms, BENCH_FIRMS),
 * `pages` (the default, with the databases), `databases` (SQLite against PostgreSQL only), `all`. BENCH_SECONDS sets each measurement's length (default 4).
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { buildBareApp } from "./bench-bare-app.js";
import { benchMatch } from "./bench-match.js";

const DURATION = Number(process.env.BENCH_SECONDS ?? 4);
// Pages against the bare app: BENCH_ROUNDS turns (default 5) of BENCH_TURN_SECONDS (default 2) each, per app. Five,
// not three: one round in five or so is disturbed by the machine (a round at 0.64 between two at 0.94), and the median
// of five outlasts two such rounds where the median of three outlasts one (README "Decisions", eleventh pass).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TURN = Number(process.env.BENCH_TURN_SECONDS ?? 2);
// Before the pages are measured, each app serves every page for BENCH_WARM_SECONDS (default 2).
const WARM = Number(process.env.BENCH_WARM_SECONDS ?? 2);
// The paired reading of each page (pairedCpu): BENCH_PAIRED_TURNS turns (default 150) of 4 requests per app.
const PAIRED_TURNS = Number(process.env.BENCH_PAIRED_TURNS ?? 150);
const PAIRED_BATCH = 4;
const CONNECTIONS = 50;
const SIZES = (process.env.BENCH_FIRMS ?? "260,10000").split(",").map(Number);
const ONLY = process.env.BENCH_ONLY === "http" ? "directory" : (process.env.BENCH_ONLY ?? "pages");
const PARTS = ["match", "certificates", "pages", "databases", "directory", "all"];
if (!PARTS.includes(ONLY)) {
  console.error(`BENCH_ONLY must be one of ${PARTS.join(", ")}`);
  process.exit(2);
}
const runs = (part) => ONLY === part || ONLY === "all";

if (runs("match")) {
  console.log("pairing engine…");
  console.table(benchMatch());
}
if (runs("certificates")) {
  console.log("certificates (targets: < 15 ms per PDF, < 15 s per 1,000)…");
  execFileSync("npx", ["tsx", "scripts/bench-certificates.ts"], { stdio: "inherit" });
}

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts this app's production server (or, with `cwd`, the bare app's) and waits until it answers `ready`. */
async function startServer(dataDir, { workers = 1, cwd, ready = "/healthz", env = {} } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.js"], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "production",
      APP_ENV: "demo",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_PATH: path.join(dataDir, "app.db"),
      WEB_CONCURRENCY: String(workers),
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(base + ready)).ok) return { child, base };
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("server did not start");
}

/** Stops a server started above and waits for it (and, for a cluster, its workers) to end. */
function stopServer({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  return exited;
}

/**
 * Loads `url`; every answer must have one of the expected status codes (200 by default). Besides autocannon's
 * figures, `steadyP99` is the p99 latency without each connection's first answer: a Node server that is already busy
 * takes in new connections about one per turn of its event loop, so at the start of every run the last of the 50 wait
 * up to several seconds for their first answer (a plain `http.createServer` shows it too), which the bare app and this
 * app both pay and which decides the whole-run p99 (README "Decisions", 2026-12-02).
 */
function load(url, { expect = ["200"], ...options } = {}) {
  return new Promise((resolve, reject) => {
    const seen = new Set();
    const steady = [];
    const run = autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...options }, (err, result) => {
      if (err) return reject(err);
      const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !expect.includes(code));
      if (unexpected.length || result.errors > 0) {
        return reject(new Error(`${url}: unexpected answers ${JSON.stringify(unexpected)}, ${result.errors} errors`));
      }
      steady.sort((a, b) => a - b);
      resolve({ ...result, steadyP99: steady.length ? steady[Math.ceil(steady.length * 0.99) - 1] : NaN });
    });
    run.on("response", (client, _status, _bytes, ms) => {
      if (seen.has(client)) steady.push(ms);
      else seen.add(client);
    });
  });
}

/** Real first-time sign-ups: each request is a different signed-in student (a 302 to the sign-up page is success). */
function loadSignups(base, file) {
  const { path: signupPath, body, cookies } = JSON.parse(fs.readFileSync(file, "utf8"));
  let next = 0;
  return load(base + signupPath, {
    expect: ["302"],
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        setupRequest: (req) => {
          if (next >= cookies.length) throw new Error("not enough bench students: raise --students");
          return { ...req, headers: { ...req.headers, cookie: cookies[next++] } };
        },
      },
    ],
  });
}

const rows = [];
function report(size, name, result, baseline) {
  const rps = result.requests.average;
  rows.push({
    firms: size,
    page: name,
    "req/s": Math.round(rps),
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    "× bare": baseline ? (rps / baseline).toFixed(2) : "1.00",
  });
}

async function benchDirectory() {
  for (const size of SIZES) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-bench-"));
    const signups = path.join(dataDir, "signups.json");
    const first = size === SIZES[0];
    execFileSync(
      "npx",
      [
        "tsx",
        "scripts/bench-setup.ts",
        "--firms",
        String(size),
        ...(first ? ["--students", "6000", "--out", signups] : []),
      ],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: path.join(dataDir, "app.db") },
        stdio: "inherit",
      },
    );
    const { child, base } = await startServer(dataDir);
    try {
      await load(`${base}/login`, { duration: 2 }); // warm-up
      const bare = await load(`${base}/login`);
      report(size, "bare page (/login)", bare);
      const pages = [
        ["firm directory search (/firms?q=精密)", `/firms?q=${encodeURIComponent("精密")}`],
        ["firm directory search, kana (/firms?q=あかばね)", `/firms?q=${encodeURIComponent("あかばね")}`],
        ["firm directory, filtered page 3", "/firms?industry=printing&page=3"],
      ];
      if (first) {
        const sqlite = new Database(path.join(dataDir, "app.db"), { readonly: true });
        const cert = sqlite.prepare("select id from certificate where revoked_at is null order by id limit 1").get();
        sqlite.close();
        pages.push(
          ["open projects (/projects)", "/projects"],
          ["a project page (/projects/2)", "/projects/2"],
          ["certificate verification (/verify/:id)", `/verify/${cert.id}`],
        );
      }
      for (const [name, url] of pages) report(size, name, await load(base + url), bare.requests.average);
      if (first)
        report(size, "sign-up POST (new student each time)", await loadSignups(base, signups), bare.requests.average);
    } finally {
      await stopServer({ child });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s per measurement, ${os.cpus().length} cores`);
  console.table(rows);
}

/** Signs a demo account in and returns its session cookie. */
async function signIn(base, email) {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "kita-demo-2026", redirectTo: "" }).toString(),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("__session=") && c.length > "__session=".length);
  if (!cookie) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return cookie;
}

/**
 * Search words from the register's own names (every run of 2 and of 3 characters), asked in turn so that each request
 * misses the result cache: only more words than the cache keeps pages (DIRECTORY_CACHE_PAGES, dropped oldest first)
 * do that. Asked in a cycle, fewer words would each miss once and then all be answered from the cache (the
 * 334 two-character words of the demo register did until 2026-12-03). Fails rather than measure a cache.
 */
function coldSearchWords(sqlite) {
  const source = fs.readFileSync(new URL("../app/models/firm.server.ts", import.meta.url), "utf8");
  const cachePages = Number(/const DIRECTORY_CACHE_PAGES = ([\d_]+);/.exec(source)?.[1].replaceAll("_", ""));
  if (!cachePages) throw new Error("DIRECTORY_CACHE_PAGES not found in app/models/firm.server.ts");
  const words = new Set();
  for (const { name } of sqlite.prepare("select name from firm where is_public = 1").all()) {
    const chars = [...name.replace(/株式会社|有限会社|合同会社/g, "")];
    for (const size of [2, 3]) {
      for (let i = 0; i + size <= chars.length; i++) words.add(chars.slice(i, i + size).join(""));
    }
  }
  if (words.size <= cachePages) {
    throw new Error(`${words.size} search words: the cold search needs more than ${cachePages}`);
  }
  return [...words];
}

const summary = (r) => ({ rps: r.requests.average, p99: r.latency.p99, steadyP99: r.steadyP99 });

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) the process `pid` has used so far, from /proc (Linux); null where there is none. */
function cpuSeconds(pid) {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so count from its ")".
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * `load` against one single-process server, with the server's CPU time per answered request: unlike requests/s,
 * it hardly changes when other processes compete for the cores, so the CPU ratio stays meaningful on a busy machine.
 */
async function measure(server, url, options = {}) {
  const before = cpuSeconds(server.child.pid);
  const result = await load(url, options);
  const after = cpuSeconds(server.child.pid);
  const cpuMs =
    before === null || after === null || !result.requests.total
      ? NaN
      : ((after - before) * 1000) / result.requests.total;
  return { ...summary(result), cpuMs };
}

/**
 * The CPU time per request of each of `servers` (ms), each asked for `url` in batches of PAIRED_BATCH concurrent
 * requests, the servers in turns (who goes first alternating), PAIRED_TURNS turns each after a warm-up. A change in
 * the machine's speed then hits every server alike within milliseconds: the ratio repeats within ~2% where 2-second
 * runs under 50 connections move by up to 20% (README "Decisions", fifth pass). Plain `fetch`, told not to ask for
 * compression (as autocannon does not).
 */
async function pairedCpu(servers, url, options = {}) {
  const headers = { "accept-encoding": "identity", ...options.headers };
  const rotate = options.requests?.[0]?.setupRequest;
  const one = async (server) => {
    const target = new URL(rotate ? rotate({ path: url }).path : url, server.base);
    const res = await fetch(target, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${target}: ${res.status}`);
  };
  const batch = (server) => Promise.all(Array.from({ length: PAIRED_BATCH }, () => one(server)));
  const turns = async (count) => {
    for (let i = 0; i < count; i++) {
      for (const server of i % 2 ? [...servers].reverse() : servers) await batch(server);
    }
  };
  await turns(20);
  const before = servers.map((s) => cpuSeconds(s.child.pid));
  await turns(PAIRED_TURNS);
  return servers.map((s, k) => ((cpuSeconds(s.child.pid) - before[k]) * 1000) / (PAIRED_TURNS * PAIRED_BATCH));
}

/** The HTML a page answers (`options.headers` as autocannon takes them; a rotating search: its first word). */
async function pageHtml(url, options = {}) {
  const path = options.requests?.[0]?.setupRequest?.({ path: new URL(url).pathname }).path;
  const res = await fetch(path ? new URL(path, url) : url, { headers: options.headers ?? {} });
  return res.text();
}

/** The React floor of each HTML (scripts/bench-floor.js), in a production-mode process of its own. */
function markupFloors(htmls) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-bench-floor-"));
  try {
    const files = htmls.map((html, i) => {
      const file = path.join(dir, `${i}.html`);
      fs.writeFileSync(file, html);
      return file;
    });
    const out = execFileSync(process.execPath, [path.join(import.meta.dirname, "bench-floor.js"), ...files], {
      env: { ...process.env, NODE_ENV: "production" },
      encoding: "utf8",
    });
    return JSON.parse(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every public page and each role's home against the bare app asked for the same URL, measured in turns (bare, page,
 * bare, page, …) so that a machine that slows down meanwhile slows both.
 */
async function benchPages() {
  console.log("building the production bundle and the bare Remix app…");
  execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
  const bareApp = buildBareApp();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-bench-pages-"));
  const servers = [];
  try {
    const app = await startServer(dataDir);
    servers.push(app);
    const bare = await startServer(dataDir, { cwd: bareApp.dir, ready: "/" });
    servers.push(bare);

    const sqlite = new Database(path.join(dataDir, "app.db"), { readonly: true });
    const one = (sql) => sqlite.prepare(sql).get()?.id;
    const ids = {
      firm: one("select id from firm where is_public = 1 order by id limit 1"),
      project: one("select id from project where state = 'open' order by id limit 1") ?? 2,
      event: one("select id from event order by id limit 1"),
      certificate: one("select id from certificate where revoked_at is null order by id limit 1"),
    };
    const words = coldSearchWords(sqlite);
    sqlite.close();
    const cookies = {};
    for (const [role, email] of Object.entries({
      staff: "staff@city.kita.example",
      professor: "professor@toyo.example",
      student: "student@toyo.example",
      firm: "firm@monozukuri.example",
    }))
      cookies[role] = await signIn(app.base, email);

    let nextWord = 0;
    const rotating = {
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/firms?q=${encodeURIComponent(words[nextWord++ % words.length])}`,
          }),
        },
      ],
    };
    const pages = [
      ["home (/)", "/"],
      ["sign-in (/login)", "/login"],
      ["registration (/register)", "/register"],
      ["password reset (/forgot-password)", "/forgot-password"],
      ["firm directory (/firms)", "/firms"],
      ["directory search, cached (/firms?q=精密)", `/firms?q=${encodeURIComponent("精密")}`],
      [`directory search, cold (${words.length} words in turn)`, "/firms", rotating],
      ["a firm (/firms/:id)", `/firms/${ids.firm}`],
      ["open projects (/projects)", "/projects"],
      ["a project (/projects/:id)", `/projects/${ids.project}`],
      ...(ids.event ? [["an event (/events/:id)", `/events/${ids.event}`]] : []),
      ["partners (/partners)", "/partners"],
      ["open data (/open-data)", "/open-data"],
      ["issuer (/issuer)", "/issuer"],
      ["privacy (/privacy)", "/privacy"],
      ["accessibility (/accessibility)", "/accessibility"],
      ...(ids.certificate ? [["verification (/verify/:id)", `/verify/${ids.certificate}`]] : []),
      ...Object.entries(cookies).map(([role, cookie]) => [
        `${role} home (/${role}, signed in)`,
        `/${role}`,
        { headers: { cookie } },
      ]),
    ];

    // Both processes just started: every page is served for WARM seconds by each before any is measured, as a server
    // that has been up for a while has; otherwise a page measured early pays for compiling its code paths. With a
    // 1-second warm-up alone, a fresh server's CPU per request on the cached search fell round by round over 12 s
    // (the app 6.2 → 4.4–5.3 ms, the bare app 5.0 → 3.6–3.8 ms), so the page's first rounds measured the JIT.
    await load(`${bare.base}/`, { duration: 3 });
    await load(`${app.base}/`, { duration: 3 });
    for (const [, url, options = {}] of pages) {
      await load(bare.base + url, { ...options, duration: WARM });
      await load(app.base + url, { ...options, duration: WARM });
    }
    const measured = [];
    for (const [name, url, options = {}] of pages) {
      // The bare app answers the same URL (and the same rotating searches): the same route matching, one query.
      await load(bare.base + url, { ...options, duration: 1 });
      await load(app.base + url, { ...options, duration: 1 }); // also fills the cache for the cached search
      // Short turns, several rounds: a shared machine's speed drifts within seconds, and each round's ratio is taken
      // between two runs seconds apart; the median round is reported.
      const rounds = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Turns alternate who goes first, so that a drift within a round favours neither.
        const turn = { ...options, duration: TURN };
        const measureBare = () => measure(bare, bare.base + url, turn);
        const measurePage = () => measure(app, app.base + url, turn);
        if (round % 2 === 0) {
          const base = await measureBare();
          rounds.push({ base, page: await measurePage() });
        } else {
          const page = await measurePage();
          rounds.push({ base: await measureBare(), page });
        }
      }
      const paired = await pairedCpu([bare, app], url, options);
      measured.push({
        name,
        rounds,
        paired,
        html: await Promise.all([app, bare].map((s) => pageHtml(s.base + url, options))),
      });
    }
    const floors = markupFloors(measured.flatMap((m) => m.html));

    const median = (values) => {
      const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
      return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
    };
    const table = measured.map(({ name, rounds, paired }, i) => {
      // A bare run with no answer (a starved machine) gives no ratio rather than a division by zero.
      const ratio = (a, b) => (b > 0 ? a / b : NaN);
      const rpsRounds = rounds.map((r) => ratio(r.page.rps, r.base.rps));
      const rpsRatio = median(rpsRounds);
      const p99Ratio = median(rounds.map((r) => ratio(r.page.p99, r.base.p99)));
      const steadyRatio = median(rounds.map((r) => ratio(r.page.steadyP99, r.base.steadyP99)));
      const cpuRatio = median(rounds.map((r) => ratio(r.base.cpuMs, r.page.cpuMs)));
      const fixed = (v) => (Number.isNaN(v) ? "n/a" : v.toFixed(2));
      return {
        page: name,
        "req/s": Math.round(median(rounds.map((r) => r.page.rps))),
        "p99 ms": Math.round(median(rounds.map((r) => r.page.p99))),
        "bare req/s": Math.round(median(rounds.map((r) => r.base.rps))),
        "bare p99": Math.round(median(rounds.map((r) => r.base.p99))),
        "× req/s": fixed(rpsRatio),
        // Every round's ratio, lowest to highest: when they lie far apart the machine's speed moved during the page's
        // turns and the median above decides little (README "Decisions", seventh pass).
        "rounds × req/s": [...rpsRounds]
          .sort((a, b) => a - b)
          .map(fixed)
          .join(" "),
        "× p99": fixed(p99Ratio),
        // Without each connection's first answer (see load()): the latency of a server that has taken everyone in.
        "steady p99": Math.round(median(rounds.map((r) => r.page.steadyP99))),
        "bare steady p99": Math.round(median(rounds.map((r) => r.base.steadyP99))),
        "× steady p99": fixed(steadyRatio),
        "CPU ms/req": fixed(median(rounds.map((r) => r.page.cpuMs))),
        "bare CPU ms/req": fixed(median(rounds.map((r) => r.base.cpuMs))),
        // The bare app's CPU per request over this page's: the throughput ratio an idle machine would show.
        "× by CPU": fixed(cpuRatio),
        // The same, read the steadier way (pairedCpu): 4 requests at a time, bare app and page in turns.
        "paired CPU ms": fixed(paired[1]),
        "paired bare": fixed(paired[0]),
        "paired ×": fixed(ratio(paired[0], paired[1])),
        // What React needs at least for this page's markup beyond the bare page's (both as plain elements), and the
        // bare app's CPU per request over its own plus that: the best "× by CPU" any React page with this markup can
        // reach, whatever else it stopped doing.
        "elements (bare)": `${floors[2 * i].elements} (${floors[2 * i + 1].elements})`,
        "markup floor ms": fixed(floors[2 * i].ms - floors[2 * i + 1].ms),
        "best × by CPU": fixed(
          median(rounds.map((r) => ratio(r.base.cpuMs, r.base.cpuMs + floors[2 * i].ms - floors[2 * i + 1].ms))),
        ),
        // Both p99 readings are printed; the target is read on the steady one (the whole-run p99 measures how fast the
        // last connections of a run are taken in, see load()).
        target: Number.isNaN(rpsRatio) ? "n/a" : rpsRatio >= 0.8 && steadyRatio <= 1.5 ? "met" : "MISSED",
      };
    });
    console.log(
      `\npages against a bare Remix 2.17.5 app with the same ${bareApp.routes} route files, asked for the same URL (each` +
        ` of its pages: one Kysely query); one worker each; ${CONNECTIONS} connections; each figure the median of ${ROUNDS}` +
        ` rounds of ${TURN} s, bare and page in turns; the paired columns: ${PAIRED_TURNS} turns of ${PAIRED_BATCH}` +
        ` requests each; ${os.cpus().length} cores`,
    );
    console.table(table);
    const [load1] = os.loadavg();
    if (load1 > os.cpus().length) {
      console.log(
        `note: load average ${load1.toFixed(1)} on ${os.cpus().length} cores: other processes compete, the ratios are noisy`,
      );
    }

    // One worker against all of them, on the same data.
    const cores = os.availableParallelism();
    const all = await startServer(dataDir, { workers: cores });
    servers.push(all);
    const workerPages = [
      ["home (/)", "/"],
      ["directory search, cold", "/firms", rotating],
      ["student home (signed in)", "/student", { headers: { cookie: cookies.student } }],
    ];
    const workerRows = [];
    for (const [name, url, options = {}] of workerPages) {
      await load(all.base + url, { ...options, duration: 1 });
      const single = summary(await load(app.base + url, options));
      const many = summary(await load(all.base + url, options));
      workerRows.push({
        page: name,
        "1 worker req/s": Math.round(single.rps),
        "1 worker p99": single.p99,
        [`${cores} workers req/s`]: Math.round(many.rps),
        [`${cores} workers p99`]: many.p99,
        speed_up: (many.rps / single.rps).toFixed(2),
      });
    }
    console.log(`\none worker against ${cores} (WEB_CONCURRENCY; the load generator shares the same cores)`);
    console.table(workerRows);
  } finally {
    await Promise.all(servers.map(stopServer));
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(bareApp.dir, { recursive: true, force: true });
  }
}

/**
 * The same read page and real sign-up POSTs on SQLite and on PostgreSQL, one worker each, each database prepared by
 * scripts/bench-setup.ts (demo data, 260 firms, 3,000 signed-in students). PostgreSQL needs BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL): a server where the bench may create and drop a database `kita_bench_<random>`.
 */
async function benchDatabases() {
  const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!server) {
    console.log(
      "\nSQLite against PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to a server the bench may use)",
    );
    return;
  }
  const { default: pg } = await import("pg");
  const onServer = async (statement) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const name = `kita_bench_${Math.random().toString(36).slice(2, 10)}`;
  const pgUrl = new URL(server);
  pgUrl.pathname = `/${name}`;
  await onServer(`create database ${name}`);
  const rowsOut = [];
  try {
    for (const [label, env] of [
      ["SQLite", { DATABASE_URL: "" }],
      ["PostgreSQL", { DATABASE_URL: pgUrl.href }],
    ]) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-bench-db-"));
      const signups = path.join(dataDir, "signups.json");
      execFileSync("npx", ["tsx", "scripts/bench-setup.ts", "--firms", "260", "--students", "3000", "--out", signups], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: path.join(dataDir, "app.db"), ...env },
        stdio: "inherit",
      });
      const app = await startServer(dataDir, { env });
      try {
        const read = `/projects/${JSON.parse(fs.readFileSync(signups, "utf8")).projectId}`;
        await load(app.base + read, { duration: 1 });
        const page = await measure(app, app.base + read);
        const before = cpuSeconds(app.child.pid);
        const post = summary(await loadSignups(app.base, signups));
        rowsOut.push({
          database: label,
          "read req/s": Math.round(page.rps),
          "read p99 ms": page.p99,
          "read CPU ms/req": page.cpuMs.toFixed(2),
          "sign-up req/s": Math.round(post.rps),
          "sign-up p99 ms": post.p99,
          "app CPU s (sign-ups)": (cpuSeconds(app.child.pid) - before).toFixed(1),
        });
      } finally {
        await stopServer(app);
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await onServer(`drop database if exists ${name} with (force)`);
  }
  const [sqlite, postgres] = rowsOut;
  console.log(
    `\nSQLite against PostgreSQL (${pgUrl.host || "local socket"}): one worker, the open project's page and real sign-up POSTs`,
  );
  console.table(rowsOut);
  console.log(
    `PostgreSQL / SQLite: read ${(postgres["read req/s"] / sqlite["read req/s"]).toFixed(2)}×, sign-up ${(postgres["sign-up req/s"] / sqlite["sign-up req/s"]).toFixed(2)}×`,
  );
}

if (runs("pages")) await benchPages();
if (runs("pages") || runs("databases")) await benchDatabases();
if (runs("directory")) {
  console.log("building the production bundle…");
  execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
  await benchDirectory();
}
