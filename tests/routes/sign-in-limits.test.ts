// Sign-in limits under concurrency and the rules that keep an attacker from locking an account for everyone,
// through the real login action. Password checks are counted by wrapping the real functions.
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  addressBucket,
  claimSignInAttempt,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  RATE_WINDOW_MS,
} from "~/models/login-attempt.server";
import { action as loginAction } from "~/routes/login";
import { getDb } from "~/utils/db.server";
import * as password from "~/utils/password.server";
import { callAction } from "../setup/call";
import { createUser, payload, settle, statusOf } from "../setup/http";

vi.mock("~/utils/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/utils/password.server")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword), burnPasswordCheck: vi.fn(real.burnPasswordCheck) };
});

const checks = () =>
  vi.mocked(password.verifyPassword).mock.calls.length + vi.mocked(password.burnPasswordCheck).mock.calls.length;

beforeEach(() => {
  vi.mocked(password.verifyPassword).mockClear();
  vi.mocked(password.burnPasswordCheck).mockClear();
});

function login(email: string, pw: string, ip: string) {
  return settle(callAction(loginAction, "/login", { form: { email, password: pw }, context: { clientIp: ip } }));
}

describe("30 parallel sign-ins for one account", () => {
  it("give at most 5 password checks; the other 25 answer 429 with Retry-After", async () => {
    const user = await createUser("student");
    const results = await Promise.all(
      Array.from({ length: 30 }, () => login(user.email, "wrong-password", "198.51.100.20")),
    );
    const statuses = results.map(statusOf);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect(checks()).toBe(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    for (const limited of results.filter((r) => statusOf(r) === 429)) {
      const retryAfter = Number((limited as any).init.headers["Retry-After"]);
      expect(retryAfter).toBeGreaterThan(RATE_WINDOW_MS / 1000 - 60);
      expect(retryAfter).toBeLessThanOrEqual(RATE_WINDOW_MS / 1000);
      expect(payload(limited).result.error[""]).toEqual(["auth.rateLimited?minutes=15"]);
    }
    const rows = await getDb().selectFrom("login_attempt").selectAll().where("email", "=", user.email).execute();
    expect(rows).toHaveLength(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
  });

  it("hold for an unknown account too, so limits do not tell which accounts exist", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () => login("nobody-here@test.example", "guess-password", "198.51.100.21")),
    );
    expect(results.map(statusOf).filter((s) => s === 429)).toHaveLength(25);
    expect(checks()).toBe(5);
  });

  it("still let the owner sign in from an address that has not failed", async () => {
    const user = await createUser("student");
    await Promise.all(Array.from({ length: 30 }, () => login(user.email, "wrong-password", "198.51.100.22")));
    expect(statusOf(await login(user.email, user.password, "203.0.113.50"))).toBe(302);
  });
});

describe("the account-wide limit", () => {
  it("after 50 failures from many addresses, refuses each address that failed, not one that has not", async () => {
    const user = await createUser("student");
    // A botnet: 50 addresses, one guess each (under the per-address limits).
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(statusOf(await login(user.email, "wrong-password", `10.0.${Math.floor(i / 200)}.${i % 200}`))).toBe(401);
    }
    // Any address that already failed for this account waits now, even after a single failure…
    const again = await login(user.email, user.password, "10.0.0.7");
    expect(statusOf(again)).toBe(429);
    // …while the owner's own address, which never failed, still gets in.
    expect(statusOf(await login(user.email, user.password, "192.0.2.200"))).toBe(302);
  });

  it("counts a successful sign-in as no failure", async () => {
    const user = await createUser("student");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS + 3; i++) {
      expect(statusOf(await login(user.email, user.password, "198.51.100.23"))).toBe(302);
    }
    const failures = await getDb()
      .selectFrom("login_attempt")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("email", "=", user.email)
      .where("succeeded", "=", 0)
      .executeTakeFirstOrThrow();
    expect(Number(failures.n)).toBe(0);
  });

  it("forgets failures older than the window", async () => {
    const email = "old-failures@test.example";
    const ip = "198.51.100.24";
    const long = Date.now() - RATE_WINDOW_MS - 1000;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await claimSignInAttempt(email, ip, long)).ok).toBe(true);
    }
    expect((await claimSignInAttempt(email, ip, long)).ok).toBe(false);
    expect((await claimSignInAttempt(email, ip)).ok).toBe(true);
  });
});

describe("addresses", () => {
  it("groups IPv6 by /64 and writes IPv4-mapped addresses as IPv4", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("::ffff:192.0.2.5")).toBe("192.0.2.5");
    expect(addressBucket("192.0.2.5")).toBe("192.0.2.5");
    expect(addressBucket("unknown")).toBe("unknown");
  });

  it("so rotating through one IPv6 network gains no tries", async () => {
    const user = await createUser("student");
    const statuses = [];
    for (let i = 1; i <= 8; i++)
      statuses.push(statusOf(await login(user.email, "wrong-password", `2001:db8:5:6::${i}`)));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });
});
