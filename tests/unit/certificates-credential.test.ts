import fs from "node:fs";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import {
  buildOpenBadgeCredential,
  issueCredential,
  signCredential,
  verifyCredentialJwt,
} from "~/certificates/credential.server";
import {
  generateSigningKeyJwk,
  getActiveSigningKey,
  getPublicJwks,
  resetSigningKeys,
} from "~/certificates/keys.server";
import { certificateData } from "../factories/certificates";

const OB3 = path.resolve(import.meta.dirname, "../fixtures/ob3");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(OB3, file), "utf8"));
const PUBLIC_URL = "https://collab.city.kita.example";
const STATUS = { statusListUrl: `${PUBLIC_URL}/credentials/status/1`, index: 4242 };

// Terms of the VC 2.0 context (https://www.w3.org/ns/credentials/v2), top level and type-scoped, that a credential
// or its VC-JWT payload may use. The OB 3.0 context's terms are read from the vendored file itself.
const VC_V2_TERMS = [
  "id type name description digestMultibase digestSRI mediaType",
  "confidenceMethod credentialSchema credentialStatus credentialSubject evidence issuer proof refreshService",
  "relatedResource renderMethod termsOfUse validFrom validUntil",
  "encodedList statusMessage statusPurpose statusReference statusSize ttl statusListCredential statusListIndex",
  "iss sub iat nbf exp aud cnf jku kid x5u",
].flatMap((line) => line.split(" "));

function contextTerms(context: Record<string, unknown>, into = new Set<string>()) {
  for (const [term, definition] of Object.entries(context)) {
    if (!term.startsWith("@")) into.add(term);
    const scoped = (definition as { "@context"?: unknown } | null)?.["@context"];
    if (scoped && typeof scoped === "object") contextTerms(scoped as Record<string, unknown>, into);
  }
  return into;
}

/** Property names of a JSON-LD document that neither context defines (none, for a well-formed credential). */
function undefinedTerms(document: unknown) {
  const known = contextTerms(readJson("context-3.0.3.json")["@context"]);
  VC_V2_TERMS.forEach((term) => known.add(term));
  return [...propertyNames(document)].filter((name) => !known.has(name));
}

function propertyNames(value: unknown, into = new Set<string>()) {
  if (Array.isArray(value)) value.forEach((v) => propertyNames(v, into));
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "@context") continue;
      into.add(key);
      propertyNames(v, into);
    }
  }
  return into;
}

function tamperPayload(jwt: string, change: (payload: Record<string, unknown>) => void) {
  const [header, , signature] = jwt.split(".");
  const payload = decodeJwt(jwt) as Record<string, unknown>;
  change(payload);
  return [header, Buffer.from(JSON.stringify(payload)).toString("base64url"), signature].join(".");
}

afterEach(() => {
  delete process.env.CERT_SIGNING_KEYS;
  resetSigningKeys();
});

describe("the OpenBadgeCredential", () => {
  const data = certificateData();
  const credential = buildOpenBadgeCredential(data, STATUS, PUBLIC_URL);

  it("validates against the Open Badges 3.0 JSON schema", () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(readJson("ob_v3p0_achievementcredential_schema.json"));
    expect(validate(credential), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema is not toothless: a credential without its subject's achievement fails.
    const broken = structuredClone(credential) as unknown as { credentialSubject: { achievement?: unknown } };
    delete broken.credentialSubject.achievement;
    expect(validate(broken)).toBe(false);
  });

  it("uses only terms defined by the VC 2.0 and OB 3.0 contexts", () => {
    expect(undefinedTerms(credential)).toEqual([]);
    expect(undefinedTerms({ ...credential, unknownTerm: 1 })).toEqual(["unknownTerm"]);
    expect(credential["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
  });

  it("says who, what, by whom, and where its status is", () => {
    expect(credential).toMatchObject({
      id: `${PUBLIC_URL}/verify/${data.certificateId}`,
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: {
        id: `${PUBLIC_URL}/issuer`,
        type: ["Profile"],
        name: "東京都北区 産業振興課 (Industry Promotion Section, Kita City, Tokyo)",
      },
      validFrom: "2027-02-20T06:30:00.000Z",
      credentialSubject: {
        type: ["AchievementSubject"],
        identifier: [
          { type: "IdentityObject", identityType: "name", hashed: false, identityHash: "山田 太郎" },
          { type: "IdentityObject", identityType: "name", hashed: false, identityHash: "Taro YAMADA" },
        ],
        achievement: { id: `${PUBLIC_URL}/achievements/interview-project/12`, type: ["Achievement"] },
      },
      credentialStatus: {
        id: `${PUBLIC_URL}/credentials/status/1#4242`,
        type: "BitstringStatusListEntry",
        statusPurpose: "revocation",
        statusListIndex: "4242",
        statusListCredential: `${PUBLIC_URL}/credentials/status/1`,
      },
    });
    const text = JSON.stringify(credential);
    for (const expected of [
      "北区発・新製品の販路を探る",
      "東洋大学",
      "Marketing Seminar",
      "株式会社赤羽精密",
      "北区産学連携発表会",
      "2027年2月20日",
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe("the VC-JWT", () => {
  it("verifies with nothing but the published JWKS, as an outside verifier would", async () => {
    const { credential, jwt } = await issueCredential(certificateData(), STATUS, PUBLIC_URL);
    const jwks = JSON.parse(JSON.stringify(await getPublicJwks())); // as fetched from /.well-known/jwks.json

    const header = decodeProtectedHeader(jwt);
    expect(header).toEqual({ alg: "ES256", kid: expect.any(String), typ: "vc+jwt" });
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(header.kid);

    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ["ES256"], typ: "vc+jwt" });
    // VC-JOSE-COSE: the payload is the credential itself (no "vc" claim), plus iss and iat.
    expect(payload).toEqual({ ...credential, iss: `${PUBLIC_URL}/issuer`, iat: expect.any(Number) });
    expect(payload).not.toHaveProperty("vc");
    expect(undefinedTerms(payload)).toEqual([]); // the payload stays valid JSON-LD

    const result = await verifyCredentialJwt(jwt, jwks);
    expect(result).toMatchObject({ valid: true, kid: header.kid, error: null });
  });

  it("rejects a JWT whose payload or signature was changed", async () => {
    const { jwt } = await issueCredential(certificateData(), STATUS, PUBLIC_URL);
    const jwks = await getPublicJwks();
    const [header, payload, signature] = jwt.split(".");
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);

    const cases = {
      "one payload character": [header, flip(payload, 40), signature].join("."),
      "another student's name": tamperPayload(jwt, (p) => {
        (p.credentialSubject as { identifier: Array<{ identityHash: string }> }).identifier[0].identityHash =
          "鈴木 花子";
      }),
      "one signature character": [header, payload, flip(signature, 10)].join("."),
    };
    for (const [what, tampered] of Object.entries(cases)) {
      const result = await verifyCredentialJwt(tampered, jwks);
      expect(result.valid, what).toBe(false);
      expect(result.error, what).toBeTruthy();
    }
  });

  it("rejects a JWT signed by another key that claims a published kid", async () => {
    const { credential } = await issueCredential(certificateData(), STATUS, PUBLIC_URL);
    const jwks = await getPublicJwks();
    const impostor = await generateSigningKeyJwk();
    const forged = await new SignJWT({ ...credential, iss: `${PUBLIC_URL}/issuer` })
      .setProtectedHeader({ alg: "ES256", kid: jwks.keys[0].kid, typ: "vc+jwt" })
      .sign(await importJWK(impostor, "ES256"));
    expect(await verifyCredentialJwt(forged, jwks)).toMatchObject({ valid: false, kid: jwks.keys[0].kid });
  });

  it("keeps verifying credentials of a retired key while that key stays published", async () => {
    const oldKey = await generateSigningKeyJwk();
    process.env.CERT_SIGNING_KEYS = JSON.stringify([oldKey]);
    resetSigningKeys();
    const { jwt: oldJwt } = await issueCredential(certificateData(), STATUS, PUBLIC_URL);

    const newKey = await generateSigningKeyJwk();
    process.env.CERT_SIGNING_KEYS = JSON.stringify([newKey, oldKey]); // rotation: prepend the new key
    resetSigningKeys();
    const { jwt: newJwt } = await issueCredential(certificateData(), STATUS, PUBLIC_URL);
    const jwks = await getPublicJwks();

    expect(decodeProtectedHeader(newJwt).kid).toBe(newKey.kid);
    expect(jwks.keys.map((k) => k.kid)).toEqual([newKey.kid, oldKey.kid]);
    expect(await verifyCredentialJwt(oldJwt, jwks)).toMatchObject({ valid: true, kid: oldKey.kid });
    expect(await verifyCredentialJwt(newJwt, jwks)).toMatchObject({ valid: true, kid: newKey.kid });

    // Dropping the old key from the published set is what breaks old credentials.
    expect((await verifyCredentialJwt(oldJwt, { keys: [jwks.keys[0]] })).valid).toBe(false);
  });

  it("rejects a JWT whose iss contradicts the credential's issuer", async () => {
    const credential = buildOpenBadgeCredential(certificateData(), STATUS, PUBLIC_URL);
    const { kid, privateKey } = await getActiveSigningKey();
    const lying = await new SignJWT({ ...credential, iss: "https://elsewhere.example/issuer" })
      .setProtectedHeader({ alg: "ES256", kid, typ: "vc+jwt" })
      .sign(privateKey);
    expect(await verifyCredentialJwt(lying)).toMatchObject({ valid: false, error: "iss does not match the issuer" });
    expect((await verifyCredentialJwt(await signCredential(credential))).valid).toBe(true);
  });
});
