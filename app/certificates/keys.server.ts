/**
 * Certificate signing keys (ES256 = ECDSA on P-256 with SHA-256).
 *
 * Configuration: CERT_SIGNING_KEYS is a JSON array of private JWKs (kty "EC", crv "P-256", with d, x, y and a
 * unique kid). The FIRST key signs; the others are retired: they no longer sign, but stay published at
 * /.well-known/jwks.json so that the credentials they signed keep verifying.
 * Production refuses to start without it. Elsewhere, when it is not set, a key is created on first use and kept in
 * ${DATA_DIR}/keys/signing-keys.json (same format as the variable, mode 0600), so it survives restarts.
 *
 * --- README text (Configuration → Certificate signing keys) -----------------------------------------------------
 * Certificates are signed with an ES256 key (EC P-256). In production set CERT_SIGNING_KEYS to a JSON array of
 * private JWKs, each with a unique "kid"; the first one signs, the others are retired keys that stay published at
 * /.well-known/jwks.json. Outside production a key is created on first use in data/keys/signing-keys.json.
 *
 * To rotate the key:
 *   1. Create a key: `npx tsx scripts/cert-keygen.ts` prints a private JWK whose kid is its RFC 7638 thumbprint.
 *   2. PREPEND it to CERT_SIGNING_KEYS (or to data/keys/signing-keys.json): `[NEW, OLD, …]`. Keep the old keys:
 *      every credential names its key in the JWT header (kid), and verifiers fetch /.well-known/jwks.json to find
 *      it; a key removed from the list makes the credentials it signed unverifiable.
 *   3. Restart. New certificates and the status list are signed with the new key from then on.
 * Remove a key only if it leaked; then re-issue the certificates it signed (and revoke the old ones).
 * Keep the private keys secret: a secrets manager or the host's encrypted environment, never the repository.
 * ----------------------------------------------------------------------------------------------------------------
 */
import { createPrivateKey, type JsonWebKey, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { config } from "~/utils/env.server";

export const SIGNING_ALG = "ES256";

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** A published key: the public half only. */
export interface PublicJwk {
  kty: "EC";
  crv: "P-256";
  x: string;
  y: string;
  kid: string;
  use: "sig";
  alg: typeof SIGNING_ALG;
}

interface LoadedKeys {
  active: SigningKey;
  jwks: { keys: PublicJwk[] };
}

let cached: { dataDir: string; keys: Promise<LoadedKeys> } | undefined;

/** Reads, checks and imports the keys (once per process; cached). Throws a clear error in production without them. */
export function loadSigningKeys(): Promise<LoadedKeys> {
  const { dataDir } = config();
  if (!cached || cached.dataDir !== dataDir) {
    const keys = readPrivateJwks().then(importKeys);
    // A failed load must not stick: the next call tries again.
    keys.catch(() => {
      if (cached?.keys === keys) cached = undefined;
    });
    cached = { dataDir, keys };
  }
  return cached.keys;
}

export async function getActiveSigningKey(): Promise<SigningKey> {
  return (await loadSigningKeys()).active;
}

/** The JWKS served at /.well-known/jwks.json: every configured key, public parts only. */
export async function getPublicJwks(): Promise<{ keys: PublicJwk[] }> {
  return (await loadSigningKeys()).jwks;
}

/** Forget the cached keys (tests; after changing CERT_SIGNING_KEYS). */
export function resetSigningKeys() {
  cached = undefined;
}

/** A new private JWK for CERT_SIGNING_KEYS, its kid the RFC 7638 thumbprint of the public key. */
export async function generateSigningKeyJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALG, ...jwk };
}

async function readPrivateJwks(): Promise<JWK[]> {
  const fromEnv = process.env.CERT_SIGNING_KEYS?.trim();
  if (fromEnv) return parseKeyList(fromEnv, "CERT_SIGNING_KEYS");
  if (config().isProduction) {
    throw new Error(
      "APP_ENV=production needs CERT_SIGNING_KEYS: a JSON array of private EC P-256 JWKs, the first one signing (see README, Certificate signing keys)",
    );
  }
  return readOrCreateDevKeys(path.join(config().dataDir, "keys", "signing-keys.json"));
}

async function readOrCreateDevKeys(file: string): Promise<JWK[]> {
  try {
    return parseKeyList(fs.readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const keys = [await generateSigningKeyJwk()];
  try {
    // "wx": if another process created the file meanwhile, keep its key rather than overwrite it.
    fs.writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return parseKeyList(fs.readFileSync(file, "utf8"), file);
  }
}

function parseKeyList(text: string, source: string): JWK[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not valid JSON (expected an array of private JWKs)`);
  }
  if (!Array.isArray(list) || list.length === 0)
    throw new Error(`${source} must be a non-empty JSON array of private JWKs`);
  list.forEach((jwk: JWK, i) => {
    const ok =
      jwk && jwk.kty === "EC" && jwk.crv === "P-256" && [jwk.d, jwk.x, jwk.y].every((v) => typeof v === "string");
    if (!ok) throw new Error(`${source}[${i}] must be a private EC P-256 JWK (kty "EC", crv "P-256", d, x, y)`);
    if (jwk.alg && jwk.alg !== SIGNING_ALG)
      throw new Error(`${source}[${i}] has alg ${jwk.alg}; only ${SIGNING_ALG} is used`);
  });
  return list as JWK[];
}

async function importKeys(jwks: JWK[]): Promise<LoadedKeys> {
  const published: PublicJwk[] = [];
  for (const jwk of jwks) {
    const { x, y } = jwk as { x: string; y: string };
    const kid = jwk.kid ?? (await calculateJwkThumbprint({ kty: "EC", crv: "P-256", x, y }));
    if (published.some((k) => k.kid === kid)) throw new Error(`Two certificate signing keys have the kid "${kid}"`);
    published.push({ kty: "EC", crv: "P-256", x, y, kid, use: "sig", alg: SIGNING_ALG });
  }
  // Only the active key's private half is imported: retired keys never sign again.
  const privateKey = createPrivateKey({ key: jwks[0] as JsonWebKey, format: "jwk" });
  return { active: { kid: published[0].kid, privateKey }, jwks: { keys: published } };
}
