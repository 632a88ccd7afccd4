#!/usr/bin/env node
/**
 * `npm run bench`: the pairing engine at 1k/10k/50k students (scripts/bench-match.js), then the throughput of the
 * production build under 50 concurrent connections (autocannon), each page
 * against a bare Remix page measured in the same run (the sign-in page: the root loader and an empty route loader,
 * no query), at 260 and at 10,000 firms: the firm directory, the project pages, real sign-up POSTs and the
 * certificate verification page. Prints requests/s, latency and the ratio to the baseline.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { benchMatch } from "./bench-match.js";

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const SIZES = (process.env.BENCH_FIRMS ?? "260,10000").split(",").map(Number);
const ONLY = process.env.BENCH_ONLY; // "match" or "http" to run one part

if (!ONLY || ONLY === "match") {
  console.log("pairing engine…");
  console.table(benchMatch());
}
if (!ONLY || ONLY === "certificates") {
  console.log("certificates (targets: < 15 ms per PDF, < 15 s per 1,000)…");
  execFileSync("npx", ["tsx", "scripts/bench-certificates.ts"], { stdio: "inherit" });
}
if (ONLY && ONLY !== "http") process.exit(0);

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", APP_ENV: "demo", PORT: String(port), DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base };
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("server did not start");
}

/** Loads `url`; every answer must have one of the expected status codes (200 by default). */
function load(url, { expect = ["200"], ...options } = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...options }, (err, result) => {
      if (err) return reject(err);
      const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !expect.includes(code));
      if (unexpected.length || result.errors > 0) {
        return reject(new Error(`${url}: unexpected answers ${JSON.stringify(unexpected)}, ${result.errors} errors`));
      }
      resolve(result);
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

console.log("building the production bundle…");
execFileSync("npx", ["remix", "build"], { stdio: "ignore" });

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
    child.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`\n${CONNECTIONS} connections, ${DURATION} s per measurement, ${os.cpus().length} cores`);
console.table(rows);
