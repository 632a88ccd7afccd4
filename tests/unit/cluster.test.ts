// WEB_CONCURRENCY parsing and the restart back-off of server/cluster.js (the cluster itself: tests/ops/cluster.test.ts).
import { describe, expect, it } from "vitest";
import { MAX_WORKERS, restartDelay, workerCount } from "../../server/cluster.js";

describe("workerCount", () => {
  it("defaults to one worker per core", () => {
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({ WEB_CONCURRENCY: "" }, 8)).toBe(8);
    expect(workerCount({ WEB_CONCURRENCY: "  " }, 1)).toBe(1);
    expect(workerCount({}, 500)).toBe(MAX_WORKERS);
  });

  it("takes a whole number from WEB_CONCURRENCY", () => {
    expect(workerCount({ WEB_CONCURRENCY: "1" }, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: " 3 " }, 2)).toBe(3);
    expect(workerCount({ WEB_CONCURRENCY: String(MAX_WORKERS) }, 2)).toBe(MAX_WORKERS);
  });

  it.each(["0", "-1", "2.5", "two", "1e3", "0x4", String(MAX_WORKERS + 1), "9".repeat(400)])(
    "refuses WEB_CONCURRENCY=%s with a clear message",
    (value) => {
      expect(() => workerCount({ WEB_CONCURRENCY: value }, 2)).toThrow(/WEB_CONCURRENCY must be a whole number/);
    },
  );
});

describe("restartDelay", () => {
  it("restarts at once after a long life", () => {
    expect(restartDelay(60_000, 0)).toBe(0);
  });

  it("backs off while workers keep dying young, up to 30 s", () => {
    expect(restartDelay(500, 1)).toBe(1_000);
    expect(restartDelay(500, 2)).toBe(2_000);
    expect(restartDelay(500, 3)).toBe(4_000);
    expect(restartDelay(500, 20)).toBe(30_000);
  });
});
