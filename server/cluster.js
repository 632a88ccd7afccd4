/**
 * Every core: the primary process forks WEB_CONCURRENCY workers that each serve the app (node:cluster shares the
 * listening socket between them), restarts a worker that dies, and at shutdown passes SIGTERM to every worker and
 * waits until each has drained. What runs where (migrations, jobs) is decided in server.js.
 */
import cluster from "node:cluster";
import os from "node:os";

/** The most workers WEB_CONCURRENCY may ask for: more than this is a typo, not a machine. */
export const MAX_WORKERS = 64;

/**
 * How many worker processes to run: WEB_CONCURRENCY (a whole number from 1 to MAX_WORKERS), or one per core.
 * Throws a clear message for anything else, so that a typo does not start a different number than meant.
 * @param {Record<string, string | undefined>} env
 */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return Math.max(1, Math.min(cores, MAX_WORKERS));
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WORKERS) {
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to ${MAX_WORKERS} (got "${raw}")`);
  }
  return Number(raw);
}

/** The delay before restarting a worker: none after a long life, growing (to 30 s) while workers die young. */
export function restartDelay(livedMs, youngDeaths) {
  if (livedMs >= 10_000) return 0;
  return Math.min(1_000 * 2 ** Math.max(0, youngDeaths - 1), 30_000);
}

/**
 * Forks `count` workers and keeps that many running until `stop()`. A worker that dies before any worker has ever
 * listened (the port is taken, the build cannot load) is not restarted: `onStartFailure` is called instead, so that
 * `npm start` fails as one process would rather than forking forever.
 * @param {{
 *   count: number,
 *   graceMs: number,
 *   log: (msg: string, extra?: object) => void,
 *   onStartFailure: () => void,
 * }} options
 * @returns {{ stop: () => Promise<boolean> }} `stop()` resolves true when every worker ended with exit code 0
 */
export function superviseWorkers({ count, graceMs, log, onStartFailure }) {
  let stopping = false;
  let youngDeaths = 0;
  let listened = false;
  cluster.on("listening", () => (listened = true));
  const started = new Map();
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) return;
    if (!listened) {
      log("a worker died before any worker listened: stopping", { worker: worker.id, code, signal });
      onStartFailure();
      return;
    }
    youngDeaths = lived < 10_000 ? youngDeaths + 1 : 0;
    const delay = restartDelay(lived, youngDeaths);
    log("worker died: starting another", { worker: worker.id, pid: worker.process.pid, code, signal, delayMs: delay });
    setTimeout(() => {
      if (!stopping) fork();
    }, delay).unref();
  });
  for (let i = 0; i < count; i++) fork();

  return {
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter(Boolean);
      const exits = workers.map(
        (worker) =>
          new Promise((resolve) => {
            if (worker.isDead()) return resolve(worker.process.exitCode === 0);
            // Ended by the SIGTERM itself: a worker still starting has no handler yet, and there is nothing to drain.
            worker.once("exit", (code, signal) => resolve(code === 0 || signal === "SIGTERM"));
          }),
      );
      for (const worker of workers) worker.process.kill("SIGTERM");
      // A worker drains within its own grace period; one that hangs beyond it (and a margin) is killed.
      const hung = setTimeout(() => {
        for (const worker of workers) if (!worker.isDead()) worker.process.kill("SIGKILL");
      }, graceMs + 5_000);
      const results = await Promise.all(exits);
      clearTimeout(hung);
      return results.every(Boolean);
    },
  };
}
