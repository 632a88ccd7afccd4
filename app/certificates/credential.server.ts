/**
 * The certificate as an Open Badges 3.0 OpenBadgeCredential (W3C VC Data Model 2.0), secured two ways, in this
 * order (OB 3.0 allows both):
 *
 * 1. an embedded Data Integrity proof (DataIntegrityProof, eddsa-rdfc-2022, Ed25519, assertionMethod), named by the
 *    issuer's did:web (data-integrity.server.ts): what JSON-LD verifiers and wallets check;
 * 2. a VC-JWT exactly as OB 3.0 §8.2 says, signed with the ES256 key over the credential WITH its proof:
 *    - header {alg: "ES256", kid, typ: "JWT"}, kid an https URL that answers that one public JWK
 *      (/issuer/keys/<kid>), which is what the 1EdTech validator fetches;
 *    - payload: the credential's own properties plus iss = issuer.id, jti = id, nbf = validFrom (whole seconds, as
 *      validFrom itself), sub = credentialSubject.id and exp = validUntil when there is one. No "vc" wrapper and no
 *      iat: §8.2.4.1 lists exactly these claims.
 *    The credential with its proof is the JWT's payload minus those claims (credentialFromJwt), so the JWT is the one
 *    stored form of a certificate.
 *
 * The student: OB 3.0 has no "name" on AchievementSubject. credentialSubject.id is a urn:uuid: per certificate (no
 * personal data; a wallet claim issues a copy to the holder's DID instead), and the name goes in
 * credentialSubject.identifier (IdentityObject): one entry with identityType "name" for the name as written (kanji)
 * and one for its Latin reading, both with hashed: false (identityHash then holds the plain value). Unhashed on
 * purpose: the certificate exists to be shown, and a verifier compares the name with the person in front of them.
 *
 * Credentials issued before 2026-11-30 (header typ "vc+jwt", kid a bare thumbprint, iss/iat only, issuer
 * https://…/issuer, no embedded proof) are left as they were signed and keep verifying here (README, Decisions).
 */
import { sign } from "node:crypto";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { config } from "~/utils/env.server";
import { formatDate } from "~/utils/format";
import {
  type Bilingual,
  type CertificateData,
  CERTIFICATE_TITLE,
  inEnglish,
  ISSUER_NAME,
  PROGRAMME,
  STATEMENT,
  verificationUrl,
} from "./data";
import { addDataIntegrityProof, verifyDataIntegrityProof, type ProofCheck } from "./data-integrity.server";
import { OB_CONTEXT_URL } from "./document-loader.server";
import { achievementUrl, badgeImageUrl, bareKid, issuerDid, issuerProfileUrl, jwkUrl } from "./identifiers";
import { getActiveSigningKey, getEd25519Keys, getPublicJwks, SIGNING_ALG } from "./keys.server";

export const VC_CONTEXT_V2 = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = OB_CONTEXT_URL;
export const VC_JWT_MEDIA_TYPE = "application/vc+jwt";
/** The JSON-LD credential (VC 2.0's application/vc; wallets and the OB 3.0 spec use application/vc+ld+json). */
export const VC_LD_MEDIA_TYPE = "application/vc+ld+json";
/** OB 3.0 §8.2.3: typ, if present, MUST be "JWT". Credentials before 2026-11-30 said "vc+jwt". */
export const JWT_TYP = "JWT";
const LEGACY_TYP = "vc+jwt";

/** The registered JWT claims §8.2.4.1 adds to the credential (and iat, which credentials before 2026-11-30 had). */
const JWT_CLAIMS = ["iss", "jti", "nbf", "sub", "exp", "iat"] as const;

/** Any VC 2.0 credential this module signs (an OpenBadgeCredential or a BitstringStatusListCredential). */
export interface Credential {
  "@context": string[];
  id: string;
  type: string[];
  issuer: string | { id: string; [key: string]: unknown };
  validFrom: string;
  validUntil?: string;
  credentialSubject?: { id?: string; [key: string]: unknown } | Array<{ id?: string }>;
  proof?: object;
  [key: string]: unknown;
}

export interface StatusListEntryInput {
  /** URL of the BitstringStatusListCredential. */
  statusListUrl: string;
  index: number;
}

/** An XSD dateTime in whole seconds ("2027-02-20T06:30:00Z"), as validFrom, nbf and proof.created agree on. */
export function wholeSeconds(date: string | Date): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function issuerProfile(publicUrl = config().publicUrl) {
  return { id: issuerDid(publicUrl), type: ["Profile"], name: ISSUER_NAME, url: issuerProfileUrl(publicUrl) };
}

const both = (ja: string, en: string) => (ja === en ? ja : `${ja} / ${en}`);
const bothOf = (text: Bilingual) => both(text.ja, inEnglish(text));

export interface AchievementInput {
  projectId: string | number;
  title: Bilingual;
  seminar: Bilingual;
  university: Bilingual;
}

/**
 * The Achievement of a project, in Japanese and English: the same object in every credential of the project and at
 * its id (the achievement page's JSON).
 */
export function buildAchievement(input: AchievementInput, publicUrl = config().publicUrl) {
  const seminarJa = `${input.university.ja} ${input.seminar.ja}`;
  const seminarEn = `${inEnglish(input.seminar)}, ${inEnglish(input.university)}`;
  return {
    id: achievementUrl(publicUrl, input.projectId),
    type: ["Achievement"],
    // Company interviews done outside the classroom: OB 3.0's "Fieldwork" ("a practical assignment in a
    // non-classroom setting") describes them better than the generic "Achievement".
    achievementType: "Fieldwork",
    name: both(`${PROGRAMME.ja}「${input.title.ja}」`, `${PROGRAMME.en}: ${inEnglish(input.title)}`),
    description: both(
      `${seminarJa}の学生が北区内の企業を取材し、その成果を北区の発表会で発表する産学連携プロジェクト。`,
      `An industry–academia project in which students of the ${seminarEn} interview firms in Kita City and present their research at a city event.`,
    ),
    criteria: { narrative: both(STATEMENT.ja, STATEMENT.en) },
    // Wallets show the achievement's image; one badge for the whole programme.
    image: { id: badgeImageUrl(publicUrl), type: "Image", caption: both(PROGRAMME.ja, PROGRAMME.en) },
    creator: issuerProfile(publicUrl),
    inLanguage: "ja",
  };
}

export interface CredentialOptions {
  /** The credential's id; by default the certificate's verification URL. */
  id?: string;
  /** credentialSubject.id; by default the certificate's own urn:uuid: subject (none for older certificates). */
  subjectId?: string;
}

export function buildOpenBadgeCredential(
  data: CertificateData,
  status: StatusListEntryInput,
  publicUrl = config().publicUrl,
  options: CredentialOptions = {},
): Credential {
  const subjectId = options.subjectId ?? data.subjectId;
  return {
    "@context": [VC_CONTEXT_V2, OB_CONTEXT],
    // The verification URL: dereferenceable, so the id itself leads a reader to the live status.
    id: options.id ?? verificationUrl(publicUrl, data.certificateId),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: both(`${CERTIFICATE_TITLE.ja}（${PROGRAMME.ja}）`, `${CERTIFICATE_TITLE.en}: ${PROGRAMME.en}`),
    issuer: issuerProfile(publicUrl),
    validFrom: wholeSeconds(data.issuedAt),
    credentialSubject: {
      ...(subjectId ? { id: subjectId } : {}),
      type: ["AchievementSubject"],
      identifier: [data.student.name, data.student.nameLatin].map((name) => ({
        type: "IdentityObject",
        identityType: "name",
        hashed: false,
        identityHash: name,
      })),
      achievement: buildAchievement(
        { projectId: data.project.id, title: data.project.title, seminar: data.seminar, university: data.university },
        publicUrl,
      ),
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
const seconds = (date: string) => Math.floor(new Date(date).getTime() / 1000);
const issuerIdOf = (credential: Pick<Credential, "issuer">) =>
  typeof credential.issuer === "string" ? credential.issuer : credential.issuer?.id;
const subjectIdOf = (credential: Pick<Credential, "credentialSubject">) =>
  Array.isArray(credential.credentialSubject) ? undefined : credential.credentialSubject?.id;

/** The JWT claims OB 3.0 §8.2.4.1 derives from a credential. */
export function jwtClaims(credential: Credential) {
  const sub = subjectIdOf(credential);
  return {
    iss: issuerIdOf(credential),
    jti: credential.id,
    nbf: seconds(credential.validFrom),
    ...(sub ? { sub } : {}),
    ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}),
  };
}

/**
 * Signs a credential (with its embedded proof, if any) as a compact VC-JWT with the active ES256 key.
 * A JWS by hand rather than jose's SignJWT: jose signs through WebCrypto, which hops to libuv's thread pool, and
 * on a busy machine that hop alone cost milliseconds per certificate; node:crypto signs synchronously in ~30 µs.
 * ES256 signatures are the raw r‖s pair (IEEE P1363), as RFC 7518 §3.4 requires; tests verify them with jose.
 */
export async function signCredential(credential: Credential, publicUrl = config().publicUrl): Promise<string> {
  const { kid, privateKey } = await getActiveSigningKey();
  const header = { alg: SIGNING_ALG, kid: jwkUrl(publicUrl, kid), typ: JWT_TYP };
  const signingInput = `${base64url(header)}.${base64url({ ...credential, ...jwtClaims(credential) })}`;
  const signature = sign("sha256", Buffer.from(signingInput), { key: privateKey, dsaEncoding: "ieee-p1363" });
  return `${signingInput}.${signature.toString("base64url")}`;
}

/** The credential a VC-JWT carries: its payload without the registered JWT claims (the embedded proof stays). */
export function credentialFromJwt(jwt: string): Credential {
  const payload = decodeJwt(jwt) as Record<string, unknown>;
  for (const claim of JWT_CLAIMS) delete payload[claim];
  return payload as Credential;
}

/** True when the credential carries an embedded proof (certificates since 2026-11-30). */
export function hasEmbeddedProof(credential: object): boolean {
  return Boolean((credential as { proof?: unknown }).proof);
}

export type VerifyResult =
  | { valid: true; payload: Credential & JWTPayload; kid: string; error: null }
  | { valid: false; payload: null; kid: string | null; error: string };

/** Importing a key set is the costly part of a check: one local key set per published JWKS object. */
const keySets = new WeakMap<object, ReturnType<typeof createLocalJWKSet>>();
/**
 * The outcome of checking a given JWT against a given key set never changes, so recent outcomes are kept (bounded)
 * and the public verification page does not redo the ECDSA check on every visit.
 */
const outcomes = new WeakMap<object, Map<string, VerifyResult>>();
const MAX_OUTCOMES = 2_000;

/**
 * Checks a VC-JWT's signature against a JWKS (by default the keys this server publishes; the header's kid may be
 * the key's URL or its bare kid) and that its claims agree with the credential: iss = issuer.id, and jti, sub and
 * nbf, when present, equal id, credentialSubject.id and validFrom. Says nothing about revocation.
 */
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
    const header = decodeProtectedHeader(jwt);
    kid = header.kid ?? null;
    if (!kid) throw new Error("the JWT header names no key (kid)");
    if (header.typ !== undefined && header.typ !== JWT_TYP && header.typ !== LEGACY_TYP)
      throw new Error(`the JWT header's typ must be "${JWT_TYP}"`);
    let keySet = keySets.get(jwks);
    if (!keySet) keySets.set(jwks, (keySet = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0])));
    const lookUp = keySet;
    const { payload } = await jwtVerify<Credential>(jwt, (h, token) => lookUp({ ...h, kid: bareKid(h.kid!) }, token), {
      algorithms: [SIGNING_ALG],
    });
    const issuer = issuerIdOf(payload);
    if (!issuer || (payload.iss !== undefined && payload.iss !== issuer))
      throw new Error("iss does not match the issuer");
    if (payload.jti !== undefined && payload.jti !== payload.id) throw new Error("jti does not match the id");
    if (payload.sub !== undefined && payload.sub !== subjectIdOf(payload))
      throw new Error("sub does not match credentialSubject.id");
    if (payload.nbf !== undefined && payload.nbf !== seconds(payload.validFrom))
      throw new Error("nbf does not match validFrom");
    return { valid: true, payload, kid, error: null };
  } catch (error) {
    return { valid: false, payload: null, kid, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * True when a signed credential says what a certificate's stored data says (the names, the achievement, the event
 * and the date), so that the verification page never shows as signed anything the signature does not cover.
 */
export function signedFactsMatch(
  credential: Credential,
  data: CertificateData,
  publicUrl = config().publicUrl,
): boolean {
  const expected = buildOpenBadgeCredential(data, { statusListUrl: "", index: 0 }, publicUrl);
  const facts = (c: Credential) => {
    const subject = (Array.isArray(c.credentialSubject) ? {} : (c.credentialSubject ?? {})) as {
      identifier?: unknown;
      achievement?: { name?: unknown; description?: unknown; criteria?: unknown };
    };
    return JSON.stringify([
      Math.floor(Date.parse(c.validFrom) / 1000),
      subject.identifier,
      subject.achievement?.name,
      subject.achievement?.description,
      subject.achievement?.criteria,
      c.evidence,
    ]);
  };
  return facts(credential) === facts(expected);
}

/** Embedded proof outcomes, per published Ed25519 key set (a new set after a key change starts afresh). */
const proofOutcomes = new WeakMap<object, Map<string, ProofCheck>>();

/**
 * Both checks the verification page makes, on the signed data alone: the VC-JWT against the published ES256 keys
 * and, when the credential carries one, its embedded proof against the issuer's Ed25519 keys. `embedded` is null
 * for credentials issued before embedded proofs existed.
 */
export async function verifyCertificateCredential(jwt: string, publicUrl = config().publicUrl) {
  const jwtCheck = await verifyCredentialJwt(jwt);
  if (!jwtCheck.valid) return { jwt: jwtCheck, embedded: null, valid: false };
  const credential = credentialFromJwt(jwt);
  if (!hasEmbeddedProof(credential)) return { jwt: jwtCheck, embedded: null, valid: true };
  const { published } = await getEd25519Keys();
  let memo = proofOutcomes.get(published);
  if (!memo) proofOutcomes.set(published, (memo = new Map()));
  let embedded = memo.get(jwt);
  if (!embedded) {
    embedded = await verifyDataIntegrityProof(credential, publicUrl);
    if (memo.size >= MAX_OUTCOMES) memo.delete(memo.keys().next().value!);
    memo.set(jwt, embedded);
  }
  return { jwt: jwtCheck, embedded, valid: embedded.valid };
}

/**
 * Builds, proves and signs a certificate's credential: the embedded proof first (created when the credential is
 * valid from, unless told), then the VC-JWT over the credential with its proof.
 */
export async function issueCredential(
  data: CertificateData,
  status: StatusListEntryInput,
  publicUrl = config().publicUrl,
  options: CredentialOptions & { created?: string } = {},
) {
  const unsigned = buildOpenBadgeCredential(data, status, publicUrl, options);
  const credential = await addDataIntegrityProof(unsigned, {
    created: wholeSeconds(options.created ?? unsigned.validFrom),
    publicUrl,
  });
  return { credential, jwt: await signCredential(credential, publicUrl), verifyUrl: credential.id };
}

/** A status list credential (or any credential of ours) with an embedded proof, for JSON-LD readers. */
export async function proveCredential<T extends Credential>(credential: T, publicUrl = config().publicUrl) {
  return addDataIntegrityProof(credential, { created: wholeSeconds(credential.validFrom), publicUrl });
}
