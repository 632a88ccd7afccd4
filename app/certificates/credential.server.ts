/**
 * The certificate as an Open Badges 3.0 OpenBadgeCredential (W3C VC Data Model 2.0), secured as a VC-JWT.
 *
 * VC-JWT, per W3C "Securing Verifiable Credentials using JOSE and COSE" (application/vc+jwt):
 * - header {alg: "ES256", kid, typ: "vc+jwt"}; kid names a key published at /.well-known/jwks.json;
 * - the payload IS the credential (no "vc" wrapper claim, which that spec forbids), plus the JWT claims iss
 *   (= issuer.id, never conflicting, as the spec recommends) and iat (signing time), so that plain JWT tooling shows
 *   who signed and when. Both are terms of the VC 2.0 JSON-LD context, so the payload stays valid JSON-LD; jti is
 *   not (the id already identifies the credential), nor is nbf needed: validFrom is the validity date that counts.
 *
 * The student: OB 3.0 has no "name" on AchievementSubject, and students have no DID or URL to use as the subject id.
 * Recipient identity goes in credentialSubject.identifier (IdentityObject): one entry with identityType "name" for
 * the name as written (kanji) and one for its Latin reading, both with hashed: false (identityHash then holds the
 * plain value). Unhashed on purpose: the certificate exists to be shown, and a verifier compares the name with the
 * person in front of them.
 */
import { sign } from "node:crypto";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { config } from "~/utils/env.server";
import { formatDate } from "~/utils/format";
import {
  type CertificateData,
  CERTIFICATE_TITLE,
  inEnglish,
  ISSUER_NAME,
  issuerUrl,
  PROGRAMME,
  STATEMENT,
  verificationUrl,
} from "./data";
import { getActiveSigningKey, getPublicJwks, SIGNING_ALG } from "./keys.server";

export const VC_CONTEXT_V2 = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const VC_JWT_TYP = "vc+jwt";
export const VC_JWT_MEDIA_TYPE = "application/vc+jwt";

/** Any VC 2.0 credential this module signs (an OpenBadgeCredential or a BitstringStatusListCredential). */
export interface Credential {
  "@context": string[];
  id: string;
  type: string[];
  issuer: string | { id: string; [key: string]: unknown };
  validFrom: string;
  [key: string]: unknown;
}

export interface StatusListEntryInput {
  /** URL of the BitstringStatusListCredential. */
  statusListUrl: string;
  index: number;
}

export function issuerProfile(publicUrl = config().publicUrl) {
  return { id: issuerUrl(publicUrl), type: ["Profile"], name: ISSUER_NAME, url: publicUrl };
}

const both = (ja: string, en: string) => (ja === en ? ja : `${ja} / ${en}`);
const bothOf = (text: { ja: string; en?: string | null }) => both(text.ja, inEnglish(text));

export function buildOpenBadgeCredential(
  data: CertificateData,
  status: StatusListEntryInput,
  publicUrl = config().publicUrl,
): Credential {
  const project = data.project.title;
  const seminarJa = `${data.university.ja} ${data.seminar.ja}`;
  const seminarEn = `${inEnglish(data.seminar)}, ${inEnglish(data.university)}`;
  return {
    "@context": [VC_CONTEXT_V2, OB_CONTEXT],
    // The verification URL: dereferenceable, so the id itself leads a reader to the live status.
    id: verificationUrl(publicUrl, data.certificateId),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: both(`${CERTIFICATE_TITLE.ja}（${PROGRAMME.ja}）`, `${CERTIFICATE_TITLE.en}: ${PROGRAMME.en}`),
    issuer: issuerProfile(publicUrl),
    validFrom: new Date(data.issuedAt).toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [data.student.name, data.student.nameLatin].map((name) => ({
        type: "IdentityObject",
        identityType: "name",
        hashed: false,
        identityHash: name,
      })),
      achievement: {
        id: `${publicUrl}/achievements/interview-project/${data.project.id}`,
        type: ["Achievement"],
        // Company interviews done outside the classroom: OB 3.0's "Fieldwork" ("a practical assignment in a
        // non-classroom setting") describes them better than the generic "Achievement".
        achievementType: "Fieldwork",
        name: both(`${PROGRAMME.ja}「${project.ja}」`, `${PROGRAMME.en}: ${inEnglish(project)}`),
        description: both(
          `${seminarJa}の学生が北区内の企業を取材し、その成果を北区の発表会で発表する産学連携プロジェクト。`,
          `An industry–academia project in which students of the ${seminarEn} interview firms in Kita City and present their research at a city event.`,
        ),
        criteria: { narrative: both(STATEMENT.ja, STATEMENT.en) },
      },
    },
    evidence: [
      {
        type: ["Evidence"],
        name: bothOf(data.event.name),
        description: both(formatDate(data.event.date, "ja"), formatDate(data.event.date, "en")),
        narrative: both(
          `取材企業: ${data.firms.map((f) => f.ja).join("、")}`,
          `Firms interviewed: ${data.firms.map(inEnglish).join(", ")}`,
        ),
      },
    ],
    credentialStatus: {
      id: `${status.statusListUrl}#${status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(status.index),
      statusListCredential: status.statusListUrl,
    },
  };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Signs a credential as a compact VC-JWT with the active key (see the header comment for the claims).
 * A JWS by hand rather than jose's SignJWT: jose signs through WebCrypto, which hops to libuv's thread pool, and
 * on a busy machine that hop alone cost milliseconds per certificate; node:crypto signs synchronously in ~30 µs.
 * ES256 signatures are the raw r‖s pair (IEEE P1363), as RFC 7518 §3.4 requires; tests verify them with jose.
 */
export async function signCredential(credential: Credential): Promise<string> {
  const { kid, privateKey } = await getActiveSigningKey();
  const iss = typeof credential.issuer === "string" ? credential.issuer : credential.issuer.id;
  const header = { alg: SIGNING_ALG, kid, typ: VC_JWT_TYP };
  const signingInput = `${base64url(header)}.${base64url({ ...credential, iss, iat: Math.floor(Date.now() / 1000) })}`;
  const signature = sign("sha256", Buffer.from(signingInput), { key: privateKey, dsaEncoding: "ieee-p1363" });
  return `${signingInput}.${signature.toString("base64url")}`;
}

export type VerifyResult =
  | { valid: true; payload: Credential & JWTPayload; kid: string; error: null }
  | { valid: false; payload: null; kid: string | null; error: string };

/**
 * Checks a VC-JWT's signature against a JWKS (by default the keys this server publishes) and that its iss agrees
 * with the credential's issuer. Says nothing about revocation: read the status list for that.
 */
/** Importing a key set is the costly part of a check: one local key set per published JWKS object. */
const keySets = new WeakMap<object, ReturnType<typeof createLocalJWKSet>>();
/**
 * The outcome of checking a given JWT against a given key set never changes, so recent outcomes are kept (bounded)
 * and the public verification page does not redo the ECDSA check on every visit.
 */
const outcomes = new WeakMap<object, Map<string, VerifyResult>>();
const MAX_OUTCOMES = 2_000;

export async function verifyCredentialJwt(jwt: string, jwks?: { keys: object[] }): Promise<VerifyResult> {
  const set = jwks ?? (await getPublicJwks());
  let memo = outcomes.get(set);
  if (!memo) outcomes.set(set, (memo = new Map()));
  const known = memo.get(jwt);
  if (known) return known;
  const result = await checkCredentialJwt(jwt, set);
  if (memo.size >= MAX_OUTCOMES) memo.delete(memo.keys().next().value!);
  memo.set(jwt, result);
  return result;
}

async function checkCredentialJwt(jwt: string, jwks: { keys: object[] }): Promise<VerifyResult> {
  let kid: string | null = null;
  try {
    kid = decodeProtectedHeader(jwt).kid ?? null;
    if (!kid) throw new Error("the JWT header names no key (kid)");
    let keySet = keySets.get(jwks);
    if (!keySet) keySets.set(jwks, (keySet = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0])));
    const { payload } = await jwtVerify<Credential>(jwt, keySet, { algorithms: [SIGNING_ALG], typ: VC_JWT_TYP });
    const issuer = typeof payload.issuer === "string" ? payload.issuer : payload.issuer?.id;
    if (!issuer || (payload.iss !== undefined && payload.iss !== issuer))
      throw new Error("iss does not match the issuer");
    return { valid: true, payload, kid, error: null };
  } catch (error) {
    return { valid: false, payload: null, kid, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Builds and signs a certificate's credential: what an issuing model stores, and what the PDF embeds. */
export async function issueCredential(
  data: CertificateData,
  status: StatusListEntryInput,
  publicUrl = config().publicUrl,
) {
  const credential = buildOpenBadgeCredential(data, status, publicUrl);
  return { credential, jwt: await signCredential(credential), verifyUrl: credential.id };
}
