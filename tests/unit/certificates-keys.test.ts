import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  generateSigningKeyJwk,
  getActiveSigningKey,
  getPublicJwks,
  loadSigningKeys,
  resetSigningKeys,
} from "~/certificates/keys.server";
import { config, resetConfig } from "~/utils/env.server";

const saved = { ...process.env };

afterEach(() => {
  for (const key of ["APP_ENV", "CERT_SIGNING_KEYS", "SESSION_SECRET", "PUBLIC_URL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetConfig();
  resetSigningKeys();
});

function inProduction(keys?: unknown) {
  process.env.APP_ENV = "production";
  process.env.SESSION_SECRET = "a-production-session-secret-of-at-least-32-chars";
  process.env.PUBLIC_URL = "https://collab.city.kita.example";
  if (keys !== undefined) process.env.CERT_SIGNING_KEYS = typeof keys === "string" ? keys : JSON.stringify(keys);
  resetConfig();
  resetSigningKeys();
}

describe("development signing key", () => {
  const file = () => path.join(config().dataDir, "keys", "signing-keys.json");

  it("is created on first use, private to the server's user, and kept across a restart", async () => {
    expect(fs.existsSync(file())).toBe(false);
    const { kid } = await getActiveSigningKey();
    expect(fs.statSync(file()).mode & 0o777).toBe(0o600);
    const [stored] = JSON.parse(fs.readFileSync(file(), "utf8"));
    expect(stored).toMatchObject({ kty: "EC", crv: "P-256", kid, d: expect.any(String) });
    expect(kid).toBe(await calculateJwkThumbprint(stored)); // RFC 7638 thumbprint

    // A fresh module instance (as after a restart) reads the same key back.
    vi.resetModules();
    const reloaded = await import("~/certificates/keys.server");
    expect((await reloaded.getActiveSigningKey()).kid).toBe(kid);
    expect(JSON.parse(fs.readFileSync(file(), "utf8"))).toHaveLength(1);
  });

  it("publishes public parts only", async () => {
    const { keys } = await getPublicJwks();
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", use: "sig", alg: "ES256" });
    expect(JSON.stringify(keys)).not.toMatch(/"d"/);
  });
});

describe("configured signing keys", () => {
  it("production refuses to run without CERT_SIGNING_KEYS", async () => {
    inProduction();
    await expect(loadSigningKeys()).rejects.toThrow(/CERT_SIGNING_KEYS/);
    await expect(getPublicJwks()).rejects.toThrow(/CERT_SIGNING_KEYS/);
  });

  it("production signs with the first configured key and publishes all of them, writing no key file", async () => {
    const active = await generateSigningKeyJwk();
    const retired = await generateSigningKeyJwk();
    inProduction([active, retired]);
    fs.rmSync(path.join(config().dataDir, "keys"), { recursive: true, force: true });
    expect((await getActiveSigningKey()).kid).toBe(active.kid);
    expect((await getPublicJwks()).keys.map((k) => k.kid)).toEqual([active.kid, retired.kid]);
    expect(fs.existsSync(path.join(config().dataDir, "keys", "signing-keys.json"))).toBe(false);
  });

  it("names a key without a kid by its thumbprint", async () => {
    const { kid, ...withoutKid } = await generateSigningKeyJwk();
    inProduction([withoutKid]);
    expect((await getActiveSigningKey()).kid).toBe(kid);
  });

  it.each([
    ["not JSON", "{oops", /not valid JSON/],
    ["an empty list", [], /non-empty JSON array/],
    ["a public key", "public", /private EC P-256 JWK/],
    ["an RSA key", [{ kty: "RSA", n: "x", e: "AQAB", d: "y" }], /private EC P-256 JWK/],
    ["a duplicate kid", "duplicate", /kid/],
  ])("explains a CERT_SIGNING_KEYS that is %s", async (_what, value, message) => {
    const key = await generateSigningKeyJwk();
    const { d: _d, ...publicOnly } = key;
    const keys = value === "public" ? [publicOnly] : value === "duplicate" ? [key, { ...key }] : value;
    inProduction(keys);
    await expect(loadSigningKeys()).rejects.toThrow(message);
  });
});
