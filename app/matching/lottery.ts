/**
 * The lottery order for host firms that give no ranking of their own: a Fisher–Yates shuffle driven by SHA-256 of
 * the run's recorded seed, so the same seed always gives the same order (and anyone can recompute it).
 */
import { createHash } from "node:crypto";

function draw(seed: string, i: number, bound: number): number {
  // Rejection sampling keeps every index equally likely.
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  for (let attempt = 0; ; attempt++) {
    const word = createHash("sha256").update(`${seed}:${i}:${attempt}`).digest().readUInt32BE(0);
    if (word < limit) return word % bound;
  }
}

export function lotteryOrder<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = draw(seed, i, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
