/**
 * Pairing engine benchmark (part of `npm run bench`): 1,000 firms, students with 5 preferences each, every firm
 * ranking the students who chose it (random order). Reports the engine's time in-process (median of 5) and the
 * whole command (`node scripts/match.js FILE`, reading and printing included; median of 3), against the bare start
 * of Node measured in the same run.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { match } from "../app/matching/engine.js";

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeInstance(nStudents, nHosts = 1000, prefsPerStudent = 5, seed = 2026) {
  const rand = mulberry32(seed);
  const hosts = Array.from({ length: nHosts }, (_, h) => ({ id: `f${h}`, capacity: 0, priorities: [] }));
  // Popular firms are chosen more often (a skewed market is harder than a uniform one).
  const pick = () => Math.floor(nHosts * rand() ** 2);
  const students = Array.from({ length: nStudents }, (_, s) => {
    const chosen = new Set();
    while (chosen.size < Math.min(prefsPerStudent, nHosts)) chosen.add(pick());
    for (const h of chosen) hosts[h].priorities.push(`s${s}`);
    return { id: `s${s}`, preferences: [...chosen].map((h) => `f${h}`) };
  });
  for (const h of hosts) {
    h.capacity = 1 + Math.floor(rand() * Math.max(1, (2 * nStudents) / nHosts));
    for (let i = h.priorities.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [h.priorities[i], h.priorities[j]] = [h.priorities[j], h.priorities[i]];
    }
  }
  return { students, hosts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeCommand(args, runs = 3) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function benchMatch(sizes = [1_000, 10_000, 50_000]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-match-"));
  const nodeStart = timeCommand(["-e", ""], 5);
  const rows = [];
  for (const n of sizes) {
    const instance = makeInstance(n);
    const file = path.join(dir, `instance-${n}.json`);
    fs.writeFileSync(file, JSON.stringify(instance));
    match(instance); // warm the JIT
    const times = [];
    let result;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      result = match(instance);
      times.push(performance.now() - t0);
    }
    const matched = Object.values(result.assignments).filter((h) => h !== null).length;
    const command = timeCommand(["scripts/match.js", file]);
    rows.push({
      students: n,
      firms: instance.hosts.length,
      "file MB": (fs.statSync(file).size / 1e6).toFixed(1),
      matched,
      "engine ms": median(times).toFixed(1),
      "command ms": command.toFixed(0),
      "node start ms": nodeStart.toFixed(0),
      "command − start ms": (command - nodeStart).toFixed(0),
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchMatch());
