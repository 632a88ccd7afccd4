// Independent checks of our credentials, the way outside tools make them, sharing no code with app/certificates:
// - the 1EdTech validator's VC-JWT check (ExternalProofProbe): fetch the header's kid as a URL, verify with that one
//   JWK alone, then compare the OB 3.0 §8.2 claims with the credential;
// - Digital Bazaar's @digitalbazaar/vc on the embedded proof, with a document loader of our own that resolves
//   did:web by the did:web method (GET https://<host>/.well-known/did.json) and did:key locally;
// - jsonld expansion in safe mode (every term must be defined by the contexts);
// - the Open Badges 3.0 JSON schema (tests/fixtures/ob3).
// Network requests go through fetch, so msw (tests/mocks/kita-issuer.ts) answers them with our real routes.
import fs from "node:fs";
import path from "node:path";
import { crc32, gunzipSync } from "node:zlib";
import * as credentialsContext from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import * as DidKey from "@digitalbazaar/did-method-key";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import multikeyContext from "@digitalbazaar/multikey-context";
import * as vc from "@digitalbazaar/vc";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import didContext from "did-context";
import ed25519Context from "ed25519-signature-2020-context";
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";
// @ts-expect-error jsonld ships no types
import jsonld from "jsonld";

const OB3 = path.resolve(import.meta.dirname, "../fixtures/ob3");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(OB3, file), "utf8"));

const contexts = new Map<string, object>([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...didContext.contexts,
  ...ed25519Context.contexts,
  ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", readJson("context-3.0.3.json")],
]);

const didKeyDriver = DidKey.driver();
didKeyDriver.use({ multibaseMultikeyHeader: "z6Mk", fromMultibase: Ed25519Multikey.from });

/** did:web → https URL of its DID document (the did:web method's read algorithm). */
export function didWebUrl(did: string): string {
  const [host, ...segments] = did.slice("did:web:".length).split(":").map(decodeURIComponent);
  return segments.length ? `https://${host}/${segments.join("/")}/did.json` : `https://${host}/.well-known/did.json`;
}

async function resolveDidWeb(url: string) {
  const [did, fragment] = url.split("#");
  const response = await fetch(didWebUrl(did), { headers: { Accept: "application/did+json, application/json" } });
  if (!response.ok) throw new Error(`did:web resolution failed: ${response.status}`);
  const document = await response.json();
  if (document.id !== did) throw new Error("the DID document names another DID");
  if (fragment === undefined) return document;
  const method = document.verificationMethod.find((m: { id: string }) => m.id === url);
  if (!method) throw new Error(`${url} is not in the DID document`);
  return { "@context": document["@context"], ...method };
}

/** A JSON-LD document loader: bundled contexts, did:key locally, did:web over (mocked) https. Nothing else. */
export async function documentLoader(url: string) {
  const context = contexts.get(url);
  if (context) return { contextUrl: null, documentUrl: url, document: context };
  if (url.startsWith("did:key:"))
    return { contextUrl: null, documentUrl: url, document: await didKeyDriver.get({ url }) };
  if (url.startsWith("did:web:")) return { contextUrl: null, documentUrl: url, document: await resolveDidWeb(url) };
  throw new Error(`documentLoader: refusing to load ${url}`);
}

/** The revocation bit of a credential, read from its status list as a wallet reads it (JSON-LD, proof checked). */
async function checkStatus(options: object) {
  const { credential } = options as { credential: any };
  const entry = credential.credentialStatus;
  const response = await fetch(entry.statusListCredential, { headers: { Accept: "application/ld+json" } });
  const list = await response.json();
  const listCheck = await vc.verifyCredential({
    credential: list,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader,
  });
  if (!listCheck.verified) return { verified: false };
  const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), "base64url"));
  const index = Number(entry.statusListIndex);
  return { verified: (bits[index >> 3] & (0x80 >> (index & 7))) === 0 };
}

/** @digitalbazaar/vc on the embedded proof (and, through the status list, revocation). */
export async function verifyWithDigitalBazaar(credential: object) {
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader,
    checkStatus,
  });
}

/**
 * The 1EdTech validator's VC-JWT check: typ absent or "JWT"; alg ES256 (or RS256); GET the kid URL, which must answer
 * one JWK; verify with that key alone; then iss = issuer.id, jti = id, nbf = validFrom, sub = credentialSubject.id,
 * exp = validUntil (when there is one).
 */
export async function verifyLikeOneEdTech(jwt: string) {
  const header = decodeProtectedHeader(jwt);
  if (header.typ !== undefined && header.typ !== "JWT") throw new Error(`typ must be absent or JWT, not ${header.typ}`);
  if (header.alg !== "ES256" && header.alg !== "RS256") throw new Error(`alg ${header.alg} is not accepted`);
  if (header.jwk) throw new Error("kid and jwk must not both be present");
  if (!header.kid || !/^https?:\/\//.test(header.kid))
    throw new Error("Unable to retrieve jwk value from url specified in kid.");
  const response = await fetch(header.kid);
  if (response.status !== 200) throw new Error("Unable to retrieve jwk value from url specified in kid.");
  const jwk = await response.json();
  if (!jwk.kty || Array.isArray(jwk.keys)) throw new Error("kid must answer one JWK");
  const { payload } = await jwtVerify(jwt, await importJWK(jwk, header.alg));
  const credential = payload as any;
  const issuer = typeof credential.issuer === "string" ? credential.issuer : credential.issuer.id;
  const seconds = (date: string) => Math.floor(Date.parse(date) / 1000);
  const claims = {
    iss: payload.iss === issuer,
    jti: payload.jti === credential.id,
    nbf: payload.nbf === seconds(credential.validFrom),
    sub: payload.sub === credential.credentialSubject.id,
    exp: credential.validUntil ? payload.exp === seconds(credential.validUntil) : payload.exp === undefined,
  };
  return { header, jwk, payload, claims };
}

/** jsonld expansion in safe mode: throws on any term the contexts do not define. */
export function expandSafely(document: object) {
  return jsonld.expand(document, { documentLoader, safe: true }) as Promise<object[]>;
}

let validator: ReturnType<Ajv2019["compile"]> | undefined;

/** The OB 3.0 AchievementCredential JSON schema; returns its errors (empty when valid). */
export function ob3SchemaErrors(credential: object) {
  if (!validator) {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    validator = ajv.compile(readJson("ob_v3p0_achievementcredential_schema.json"));
  }
  return validator(credential) ? [] : (validator.errors ?? []);
}

/** The text of a PNG's iTXt chunk with this keyword, read chunk by chunk with every CRC checked (Node's crc32). */
export function readITxt(png: Uint8Array, keyword: string): string | null {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return null;
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length))
      throw new Error(`bad CRC in the ${type} chunk`);
    if (type === "iTXt") {
      const end = data.indexOf(0);
      if (data.toString("latin1", 0, end) === keyword) {
        if (data[end + 1] !== 0) throw new Error("compressed iTXt");
        let rest = data.subarray(end + 3);
        rest = rest.subarray(rest.indexOf(0) + 1); // language tag
        rest = rest.subarray(rest.indexOf(0) + 1); // translated keyword
        return rest.toString("utf8");
      }
    }
    at += 12 + length;
  }
  return null;
}
