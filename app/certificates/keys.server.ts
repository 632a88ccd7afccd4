/**
 * The certificate signing keys: an ES256 key (ECDSA on P-256) for the VC-JWT and an Ed25519 key for the embedded
 * Data Integrity proof (eddsa-rdfc-2022). Both are configured and rotated the same way (README, "Rotating the
 * certificate signing keys"):
 *
 * - CERT_SIGNING_KEYS: a JSON array of private EC P-256 JWKs (kty "EC", crv "P-256", d, x, y, optional kid);
 * - CERT_ED25519_KEYS: a JSON array of private Ed25519 JWKs (kty "OKP", crv "Ed25519", d, x).
 *
 * In each list the FIRST key signs; the others are retired: they never sign again but stay published (JWKS, the
 * key URLs under /issuer/keys/ and the issuer's DID document), so that what they signed keeps verifying.
 * Production refuses to start without either list. Elsewhere a missing list is created on first use in
 * ${DATA_DIR}/keys/ (signing-keys.json, ed25519-keys.json; same format as the variables, mode 0600), so it survives
 * restarts.
 */
import { createPrivateKey, type JsonWebKey, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { config } from "~/utils/env.server";
import { jwkUrl } from "./identifiers";

export const SIGNING_ALG = "ES256";

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** A published ES256 key: the public half only, named by its bare kid (the URL form is added where it is served). */
export interface PublicJwk {
  kty: "EC";
  crv: "P-256";
  x: string;
  y: string;
  kid: string;
  use: "sig";
  alg: typeof SIGNING_ALG;
}

/** An Ed25519 key as the Data Integrity proofs name it (its public key in multibase, "z6Mk…"). */
export interface Ed25519Key {
  publicKeyMultibase: string;
  /** The private JWK: set on the active key only (retired keys never sign again). */
  privateJwk?: JWK;
}

interface LoadedKeys {
  active: SigningKey;
  jwks: { keys: PublicJwk[] };
  ed25519: { active: Ed25519Key; published: Ed25519Key[] };
}

const SOURCES = {
  es256: { variable: "CERT_SIGNING_KEYS", file: "signing-keys.json", what: "private EC P-256 JWKs" },
  ed25519: { variable: "CERT_ED25519_KEYS", file: "ed25519-keys.json", what: "private Ed25519 (OKP) JWKs" },
} as const;

type KeyKind = keyof typeof SOURCES;

let cached: { dataDir: string; keys: Promise<LoadedKeys> } | undefined;

/** Reads, checks and imports both key lists (once per process; cached). Throws a clear error in production without them. */
export function loadSigningKeys(): Promise<LoadedKeys> {
  const { dataDir } = config();
  if (!cached || cached.dataDir !== dataDir) {
    const keys = Promise.all([readPrivateJwks("es256"), readPrivateJwks("ed25519")]).then(([es256, ed25519]) =>
      importKeys(es256, ed25519),
    );
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

/** Every configured ES256 key, public parts only, each named by its bare kid. */
export async function getPublicJwks(): Promise<{ keys: PublicJwk[] }> {
  return (await loadSigningKeys()).jwks;
}

/**
 * The JWKS served at /.well-known/jwks.json: each key under its kid URL (what VC-JWTs name since 2026-11-30) and
 * under its bare kid (what older credentials name), so a verifier finds either by kid.
 */
export async function servedJwks(publicUrl = config().publicUrl): Promise<{ keys: PublicJwk[] }> {
  const { keys } = await getPublicJwks();
  return { keys: keys.flatMap((key) => [{ ...key, kid: jwkUrl(publicUrl, key.kid) }, key]) };
}

/** The Ed25519 keys: the one that signs Data Integrity proofs, and every published one (active first). */
export async function getEd25519Keys(): Promise<{ active: Ed25519Key; published: Ed25519Key[] }> {
  return (await loadSigningKeys()).ed25519;
}

const keyPairs = new Map<string, Promise<Ed25519Multikey.KeyPair>>();

/** The active Ed25519 key as a signing key pair whose id is `verificationMethod` (controlled by `controller`). */
export async function activeEd25519KeyPair(controller: string, verificationMethod: string) {
  const { active } = await getEd25519Keys();
  const cacheKey = `${verificationMethod} ${active.publicKeyMultibase}`;
  let keyPair = keyPairs.get(cacheKey);
  if (!keyPair) {
    keyPair = Ed25519Multikey.fromJwk({
      jwk: active.privateJwk!,
      secretKey: true,
      id: verificationMethod,
      controller,
    });
    keyPairs.set(cacheKey, keyPair);
  }
  return keyPair;
}

/** Forget the cached keys (tests; after changing CERT_SIGNING_KEYS or CERT_ED25519_KEYS). */
export function resetSigningKeys() {
  cached = undefined;
  keyPairs.clear();
}

/** A new private JWK for CERT_SIGNING_KEYS, its kid the RFC 7638 thumbprint of the public key. */
export async function generateSigningKeyJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALG, ...jwk };
}

/** A new private JWK for CERT_ED25519_KEYS (the kid, its thumbprint, only helps people tell keys apart). */
export async function generateEd25519KeyJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const jwk = await exportJWK(privateKey);
  return { kid: await calculateJwkThumbprint(jwk), ...jwk };
}

async function readPrivateJwks(kind: KeyKind): Promise<JWK[]> {
  const { variable, file, what } = SOURCES[kind];
  const fromEnv = process.env[variable]?.trim();
  if (fromEnv) return parseKeyList(kind, fromEnv, variable);
  if (config().isProduction) {
    throw new Error(
      `APP_ENV=production needs ${variable}: a JSON array of ${what}, the first one signing (see README, Rotating the certificate signing keys)`,
    );
  }
  return readOrCreateDevKeys(kind, path.join(config().dataDir, "keys", file));
}

async function readOrCreateDevKeys(kind: KeyKind, file: string): Promise<JWK[]> {
  try {
    return parseKeyList(kind, fs.readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const keys = [kind === "es256" ? await generateSigningKeyJwk() : await generateEd25519KeyJwk()];
  try {
    // "wx": if another process created the file meanwhile, keep its key rather than overwrite it.
    fs.writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return parseKeyList(kind, fs.readFileSync(file, "utf8"), file);
  }
}

function parseKeyList(kind: KeyKind, text: string, source: string): JWK[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not valid JSON (expected an array of ${SOURCES[kind].what})`);
  }
  if (!Array.isArray(list) || list.length === 0)
    throw new Error(`${source} must be a non-empty JSON array of ${SOURCES[kind].what}`);
  list.forEach((jwk: JWK, i) => {
    if (kind === "es256") {
      const ok =
        jwk && jwk.kty === "EC" && jwk.crv === "P-256" && [jwk.d, jwk.x, jwk.y].every((v) => typeof v === "string");
      if (!ok) throw new Error(`${source}[${i}] must be a private EC P-256 JWK (kty "EC", crv "P-256", d, x, y)`);
      if (jwk.alg && jwk.alg !== SIGNING_ALG)
        throw new Error(`${source}[${i}] has alg ${jwk.alg}; only ${SIGNING_ALG} is used`);
    } else {
      const ok =
        jwk && jwk.kty === "OKP" && jwk.crv === "Ed25519" && [jwk.d, jwk.x].every((v) => typeof v === "string");
      if (!ok) throw new Error(`${source}[${i}] must be a private Ed25519 JWK (kty "OKP", crv "Ed25519", d, x)`);
    }
  });
  return list as JWK[];
}

async function importKeys(es256: JWK[], ed25519: JWK[]): Promise<LoadedKeys> {
  const published: PublicJwk[] = [];
  for (const jwk of es256) {
    const { x, y } = jwk as { x: string; y: string };
    const kid = jwk.kid ?? (await calculateJwkThumbprint({ kty: "EC", crv: "P-256", x, y }));
    if (published.some((k) => k.kid === kid)) throw new Error(`Two certificate signing keys have the kid "${kid}"`);
    published.push({ kty: "EC", crv: "P-256", x, y, kid, use: "sig", alg: SIGNING_ALG });
  }
  // Only the active key's private half is imported: retired keys never sign again.
  const privateKey = createPrivateKey({ key: es256[0] as JsonWebKey, format: "jwk" });

  const edKeys: Ed25519Key[] = [];
  for (const [i, jwk] of ed25519.entries()) {
    let publicKeyMultibase: string;
    try {
      publicKeyMultibase = (await Ed25519Multikey.fromJwk({ jwk: { kty: "OKP", crv: "Ed25519", x: jwk.x } }))
        .publicKeyMultibase;
    } catch (error) {
      throw new Error(`${SOURCES.ed25519.variable}[${i}] is not an Ed25519 key: ${(error as Error).message}`);
    }
    if (edKeys.some((k) => k.publicKeyMultibase === publicKeyMultibase))
      throw new Error(`${SOURCES.ed25519.variable} lists the key ${publicKeyMultibase} twice`);
    edKeys.push(i === 0 ? { publicKeyMultibase, privateJwk: jwk } : { publicKeyMultibase });
  }
  await checkKeyPair(edKeys[0]);
  return {
    active: { kid: published[0].kid, privateKey },
    jwks: { keys: published },
    ed25519: { active: edKeys[0], published: edKeys },
  };
}

/** A private JWK whose d does not belong to its x would sign proofs that the published key cannot verify. */
async function checkKeyPair(key: Ed25519Key) {
  const keyPair = await Ed25519Multikey.fromJwk({ jwk: key.privateJwk!, secretKey: true }).catch((error: Error) => {
    throw new Error(`${SOURCES.ed25519.variable}[0] is not a usable Ed25519 key: ${error.message}`);
  });
  const data = new TextEncoder().encode("kita-collab key check");
  const signature = await keyPair.signer().sign({ data });
  if (!(await keyPair.verifier().verify({ data, signature })))
    throw new Error(`${SOURCES.ed25519.variable}[0]: its private part (d) does not match its public part (x)`);
}
