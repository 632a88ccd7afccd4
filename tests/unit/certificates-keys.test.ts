import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  generateEd25519KeyJwk,
  generateSigningKeyJwk,
  getActiveSigningKey,
  getEd25519Keys,
  getPublicJwks,
  loadSigningKeys,
  resetSigningKeys,
  servedJwks,
} from "~/certificates/keys.server";
import { config, resetConfig } from "~/utils/env.server";

const saved = { ...process.env };

afterEach(() => {
  for (const key of [
    "APP_ENV",
    "CERT_SIGNING_KEYS",
    "CERT_ED25519_KEYS",
    "SESSION_SECRET",
    "PUBLIC_URL",
    "MAIL_MODE",
  ]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetConfig();
  resetSigningKeys();
});

const asVariable = (keys: unknown) => (typeof keys === "string" ? keys : JSON.stringify(keys));

/** Production with these ES256 keys and (by default) one valid Ed25519 key; `null` or no keys leaves a list unset. */
const ONE_ED25519_KEY = Symbol("one valid Ed25519 key");

async function inProduction(keys?: unknown, ed25519Keys: unknown = ONE_ED25519_KEY) {
  if (ed25519Keys === ONE_ED25519_KEY) ed25519Keys = [await generateEd25519KeyJwk()];
  process.env.APP_ENV = "production";
  process.env.SESSION_SECRET = "a-production-session-secret-of-at-least-32-chars";
  process.env.PUBLIC_URL = "https://collab.city.kita.example";
  process.env.MAIL_MODE = "keep"; // production needs a mail API or this explicit choice
  delete process.env.CERT_SIGNING_KEYS;
  delete process.env.CERT_ED25519_KEYS;
  if (keys !== undefined) process.env.CERT_SIGNING_KEYS = asVariable(keys);
  if (ed25519Keys !== null) process.env.CERT_ED25519_KEYS = asVariable(ed25519Keys);
  resetConfig();
  resetSigningKeys();
}

describe("development signing key", () => {
  const file = () => path.join(config().dataDir, "keys", "signing-keys.json");

  const edFile = () => path.join(config().dataDir, "keys", "ed25519-keys.json");

  it("are created on first use (ES256 and Ed25519), private to the server's user, and kept across a restart", async () => {
    expect(fs.existsSync(file())).toBe(false);
    expect(fs.existsSync(edFile())).toBe(false);
    const { kid } = await getActiveSigningKey();
    for (const f of [file(), edFile()]) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    const [stored] = JSON.parse(fs.readFileSync(file(), "utf8"));
    expect(stored).toMatchObject({ kty: "EC", crv: "P-256", kid, d: expect.any(String) });
    expect(kid).toBe(await calculateJwkThumbprint(stored)); // RFC 7638 thumbprint
    const [storedEd] = JSON.parse(fs.readFileSync(edFile(), "utf8"));
    expect(storedEd).toMatchObject({ kty: "OKP", crv: "Ed25519", d: expect.any(String), x: expect.any(String) });
    const { active } = await getEd25519Keys();
    expect(active.publicKeyMultibase).toMatch(/^z6Mk/);

    // A fresh module instance (as after a restart) reads the same keys back.
    vi.resetModules();
    const reloaded = await import("~/certificates/keys.server");
    expect((await reloaded.getActiveSigningKey()).kid).toBe(kid);
    expect((await reloaded.getEd25519Keys()).active.publicKeyMultibase).toBe(active.publicKeyMultibase);
    expect(JSON.parse(fs.readFileSync(file(), "utf8"))).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(edFile(), "utf8"))).toHaveLength(1);
  });

  it("publishes public parts only: each ES256 key under its kid URL and its bare kid", async () => {
    const { keys } = await getPublicJwks();
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", use: "sig", alg: "ES256" });
    const served = await servedJwks();
    expect(served.keys.map((k) => k.kid)).toEqual([`${config().publicUrl}/issuer/keys/${keys[0].kid}`, keys[0].kid]);
    expect(JSON.stringify(served)).not.toMatch(/"d"/);
    // Only the active Ed25519 key keeps its private half in memory; the published list is public parts only.
    const { published } = await getEd25519Keys();
    expect(published.every((k, i) => (i === 0 ? k.privateJwk?.d : !k.privateJwk))).toBe(true);
  });
});

describe("configured signing keys", () => {
  it("production refuses to run without CERT_SIGNING_KEYS, or without CERT_ED25519_KEYS", async () => {
    await inProduction();
    await expect(loadSigningKeys()).rejects.toThrow(/CERT_SIGNING_KEYS/);
    await expect(getPublicJwks()).rejects.toThrow(/CERT_SIGNING_KEYS/);
    await inProduction([await generateSigningKeyJwk()], null);
    await expect(loadSigningKeys()).rejects.toThrow(/CERT_ED25519_KEYS/);
    await expect(getEd25519Keys()).rejects.toThrow(/CERT_ED25519_KEYS/);
  });

  it("production signs with the first key of each list and publishes all of them, writing no key file", async () => {
    const active = await generateSigningKeyJwk();
    const retired = await generateSigningKeyJwk();
    const [activeEd, retiredEd] = [await generateEd25519KeyJwk(), await generateEd25519KeyJwk()];
    await inProduction([active, retired], [activeEd, retiredEd]);
    fs.rmSync(path.join(config().dataDir, "keys"), { recursive: true, force: true });
    expect((await getActiveSigningKey()).kid).toBe(active.kid);
    expect((await getPublicJwks()).keys.map((k) => k.kid)).toEqual([active.kid, retired.kid]);
    const ed = await getEd25519Keys();
    expect(ed.published).toHaveLength(2);
    expect(ed.active).toBe(ed.published[0]);
    expect(ed.active.privateJwk?.x).toBe(activeEd.x);
    expect(fs.existsSync(path.join(config().dataDir, "keys"))).toBe(false);
  });

  it("names a key without a kid by its thumbprint", async () => {
    const { kid, ...withoutKid } = await generateSigningKeyJwk();
    await inProduction([withoutKid]);
    expect((await getActiveSigningKey()).kid).toBe(kid);
  });

  it.each([
    ["not JSON", "{oops", /not valid JSON/],
    ["an empty list", [], /non-empty JSON array/],
    ["an EC key", "ec", /private Ed25519 JWK/],
    ["a public key", "public", /private Ed25519 JWK/],
    ["the same key twice", "twice", /twice/],
    ["a private part that does not match its public part", "mismatch", /does not match/],
  ])("explains a CERT_ED25519_KEYS that is %s", async (_what, value, message) => {
    const key = await generateEd25519KeyJwk();
    const other = await generateEd25519KeyJwk();
    const { d: _d, ...publicOnly } = key;
    const keys =
      value === "ec"
        ? [await generateSigningKeyJwk()]
        : value === "public"
          ? [publicOnly]
          : value === "twice"
            ? [key, { ...key }]
            : value === "mismatch"
              ? [{ ...key, d: other.d }]
              : value;
    await inProduction([await generateSigningKeyJwk()], keys);
    await expect(loadSigningKeys()).rejects.toThrow(message);
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
    await inProduction(keys);
    await expect(loadSigningKeys()).rejects.toThrow(message);
  });
});
