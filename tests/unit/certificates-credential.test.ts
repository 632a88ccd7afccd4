// The OpenBadgeCredential and its two securing mechanisms, checked the way outside tools check them
// (tests/factories/verifiers.ts: the 1EdTech validator's JWT check, @digitalbazaar/vc, jsonld safe mode, the OB 3.0
// JSON schema), with our public endpoints answering over (mocked) https.
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buildOpenBadgeCredential,
  credentialFromJwt,
  issueCredential,
  jwtClaims,
  signCredential,
  verifyCertificateCredential,
  verifyCredentialJwt,
  wholeSeconds,
} from "~/certificates/credential.server";
import { verifyDataIntegrityProof } from "~/certificates/data-integrity.server";
import { bareKid, issuerDid, jwkUrl } from "~/certificates/identifiers";
import {
  generateEd25519KeyJwk,
  generateSigningKeyJwk,
  getActiveSigningKey,
  getPublicJwks,
  resetSigningKeys,
  servedJwks,
} from "~/certificates/keys.server";
import { config } from "~/utils/env.server";
import { certificateData } from "../factories/certificates";
import { expandSafely, ob3SchemaErrors, verifyLikeOneEdTech, verifyWithDigitalBazaar } from "../factories/verifiers";
import { kitaIssuerHandlers } from "../mocks/kita-issuer";
import { server } from "../mocks/server";

const PUBLIC_URL = config().publicUrl; // http://localhost:3000 in tests
const STATUS = { statusListUrl: `${PUBLIC_URL}/credentials/status/1`, index: 4242 };
const SUBJECT = "urn:uuid:4f1c2a0e-7b2d-4c8e-9a31-0d6c5b7e2f10";
/** A certificate issued in the past (a JWT's nbf in the future does not verify yet, which is right). */
const issued = (overrides: Parameters<typeof certificateData>[0] = {}) =>
  certificateData({ subjectId: SUBJECT, issuedAt: "2026-02-20T06:30:00.000Z", ...overrides });

beforeEach(() => server.use(...kitaIssuerHandlers));

afterEach(() => {
  delete process.env.CERT_SIGNING_KEYS;
  delete process.env.CERT_ED25519_KEYS;
  resetSigningKeys();
});

function tamperPayload(jwt: string, change: (payload: Record<string, unknown>) => void) {
  const [header, , signature] = jwt.split(".");
  const payload = decodeJwt(jwt) as Record<string, unknown>;
  change(payload);
  return [header, Buffer.from(JSON.stringify(payload)).toString("base64url"), signature].join(".");
}

describe("identifiers", () => {
  it("derive the issuer's did:web from PUBLIC_URL, port and path included", () => {
    expect(issuerDid("https://collab.city.kita.example")).toBe("did:web:collab.city.kita.example");
    expect(issuerDid("http://localhost:3000")).toBe("did:web:localhost%3A3000");
    expect(issuerDid("https://city.example/collab/app")).toBe("did:web:city.example:collab:app");
  });

  it("read a bare kid out of a kid URL, and leave a bare kid alone", () => {
    expect(bareKid(jwkUrl("https://x.example", "abc-_1"))).toBe("abc-_1");
    expect(bareKid("abc-_1")).toBe("abc-_1");
    expect(bareKid("https://x.example/issuer/keys/%E0%A4%A")).toBe("https://x.example/issuer/keys/%E0%A4%A");
  });
});

describe("the OpenBadgeCredential", () => {
  it("has an embedded proof, a stable urn:uuid subject, an image and whole-second dates, and meets the OB 3.0 schema", async () => {
    const data = issued({ issuedAt: "2026-02-20T06:30:00.789Z" });
    const { credential } = await issueCredential(data, STATUS);
    expect(ob3SchemaErrors(credential)).toEqual([]);
    expect(credential).toMatchObject({
      id: `${PUBLIC_URL}/verify/${data.certificateId}`,
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: "did:web:localhost%3A3000", type: ["Profile"], url: `${PUBLIC_URL}/issuer` },
      validFrom: "2026-02-20T06:30:00Z",
      credentialSubject: {
        id: SUBJECT,
        type: ["AchievementSubject"],
        identifier: [
          { type: "IdentityObject", identityType: "name", hashed: false, identityHash: "山田 太郎" },
          { type: "IdentityObject", identityType: "name", hashed: false, identityHash: "Taro YAMADA" },
        ],
        achievement: {
          id: `${PUBLIC_URL}/achievements/interview-project/12`,
          image: { id: `${PUBLIC_URL}/achievements/badge.png`, type: "Image" },
          creator: { id: "did:web:localhost%3A3000" },
        },
      },
      credentialStatus: {
        id: `${PUBLIC_URL}/credentials/status/1#4242`,
        type: "BitstringStatusListEntry",
        statusListIndex: "4242",
      },
      // One proof, as a one-element array (the OB 3.0 schema wants an array).
      proof: [
        {
          type: "DataIntegrityProof",
          cryptosuite: "eddsa-rdfc-2022",
          proofPurpose: "assertionMethod",
          created: "2026-02-20T06:30:00Z",
          verificationMethod: expect.stringMatching(/^did:web:localhost%3A3000#z6Mk[1-9A-HJ-NP-Za-km-z]+$/),
        },
      ],
    });
    // The schema is not toothless: a credential without its subject's achievement fails.
    const broken = structuredClone(credential) as { credentialSubject: { achievement?: unknown } };
    delete broken.credentialSubject.achievement;
    expect(ob3SchemaErrors(broken)).not.toEqual([]);
  });

  it("expands with jsonld in safe mode (every term defined), and an undefined term is caught", async () => {
    const { credential } = await issueCredential(issued(), STATUS);
    const [expanded] = await expandSafely(credential);
    expect(JSON.stringify(expanded)).toContain("https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement");
    await expect(expandSafely({ ...credential, unknownTerm: 1 })).rejects.toThrow();
  });

  it("verifies with @digitalbazaar/vc, resolving the issuer's did:web over https, and a changed field fails", async () => {
    const { credential } = await issueCredential(issued(), STATUS);
    const result = await verifyWithDigitalBazaar(credential);
    expect(result.verified, JSON.stringify(result.error, ["name", "message", "errors", "stack"])).toBe(true);

    const renamed = structuredClone(credential) as any;
    renamed.credentialSubject.identifier[0].identityHash = "鈴木 花子";
    expect((await verifyWithDigitalBazaar(renamed)).verified).toBe(false);
    expect((await verifyDataIntegrityProof(renamed)).valid).toBe(false);
    const reissued = {
      ...structuredClone(credential),
      issuer: { ...(credential.issuer as object), id: "did:web:elsewhere.example" },
    };
    expect((await verifyWithDigitalBazaar(reissued)).verified).toBe(false);
  });
});

describe("the VC-JWT (OB 3.0 §8.2)", () => {
  it("passes the 1EdTech validator's check: kid is a URL under PUBLIC_URL answering one JWK; iss, jti, nbf and sub match", async () => {
    const { credential, jwt } = await issueCredential(issued(), STATUS);
    const { kid } = await getActiveSigningKey();
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "ES256", kid: `${PUBLIC_URL}/issuer/keys/${kid}`, typ: "JWT" });
    const check = await verifyLikeOneEdTech(jwt);
    expect(check.claims).toEqual({ iss: true, jti: true, nbf: true, sub: true, exp: true });
    expect(check.jwk).toMatchObject({ kty: "EC", crv: "P-256", kid: `${PUBLIC_URL}/issuer/keys/${kid}` });
    expect(check.jwk).not.toHaveProperty("d");
    // The payload is the credential WITH its embedded proof, plus exactly the §8.2.4.1 claims.
    expect(check.payload).toEqual({
      ...credential,
      iss: "did:web:localhost%3A3000",
      jti: credential.id,
      nbf: Date.parse(credential.validFrom) / 1000,
      sub: SUBJECT,
    });
    expect(check.payload).not.toHaveProperty("vc");
    expect(check.payload).not.toHaveProperty("iat");
    expect(credentialFromJwt(jwt)).toEqual(credential);
  });

  it("adds exp when the credential has a validUntil", async () => {
    const credential = { ...buildOpenBadgeCredential(issued(), STATUS), validUntil: "2030-03-31T14:59:59Z" };
    const jwt = await signCredential(credential);
    expect(decodeJwt(jwt).exp).toBe(Date.parse("2030-03-31T14:59:59Z") / 1000);
    expect(jwtClaims(credential)).toMatchObject({ exp: Date.parse("2030-03-31T14:59:59Z") / 1000 });
    expect((await verifyLikeOneEdTech(jwt)).claims.exp).toBe(true);
  });

  it("verifies with the served JWKS alone, as jose finds keys by kid", async () => {
    const { jwt } = await issueCredential(issued(), STATUS);
    const jwks = JSON.parse(JSON.stringify(await servedJwks()));
    await expect(jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ["ES256"] })).resolves.toBeTruthy();
    expect(await verifyCredentialJwt(jwt)).toMatchObject({ valid: true, error: null });
  });

  it("rejects a changed payload or signature, another key claiming our kid, and claims that contradict the credential", async () => {
    const { credential, jwt } = await issueCredential(issued(), STATUS);
    const [header, payload, signature] = jwt.split(".");
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    const { kid, privateKey } = await getActiveSigningKey();
    const impostor = await importJWK(await generateSigningKeyJwk(), "ES256");
    const signWith = (key: CryptoKey | Uint8Array | object, claims: object) =>
      new SignJWT({ ...credential, ...claims })
        .setProtectedHeader({ alg: "ES256", kid: jwkUrl(PUBLIC_URL, kid), typ: "JWT" })
        .sign(key as CryptoKey);
    const base = jwtClaims(credential);
    const cases: Record<string, [string, RegExp | null]> = {
      "one payload character": [[header, flip(payload, 40), signature].join("."), null],
      "another student's name": [
        tamperPayload(jwt, (p) => {
          (p.credentialSubject as { identifier: Array<{ identityHash: string }> }).identifier[0].identityHash = "鈴木";
        }),
        null,
      ],
      "one signature character": [[header, payload, flip(signature, 10)].join("."), null],
      "another key with our kid": [await signWith(impostor, base), null],
      "iss of another issuer": [await signWith(privateKey, { ...base, iss: "did:web:elsewhere.example" }), /iss/],
      "jti of another credential": [await signWith(privateKey, { ...base, jti: `${PUBLIC_URL}/verify/X` }), /jti/],
      "sub of another subject": [await signWith(privateKey, { ...base, sub: "urn:uuid:other" }), /sub/],
      "nbf not validFrom": [await signWith(privateKey, { ...base, nbf: base.nbf + 1 }), /nbf/],
    };
    for (const [what, [tampered, message]] of Object.entries(cases)) {
      const result = await verifyCredentialJwt(tampered);
      expect(result.valid, what).toBe(false);
      if (message) expect(result.error, what).toMatch(message);
    }
  });

  it("still verifies a credential issued before 2026-11-30 (typ vc+jwt, bare kid, iss and iat, no embedded proof)", async () => {
    const { kid, privateKey } = await getActiveSigningKey();
    const legacy = { ...buildOpenBadgeCredential(issued(), STATUS), issuer: { id: `${PUBLIC_URL}/issuer` } };
    const jwt = await new SignJWT({ ...legacy, iss: `${PUBLIC_URL}/issuer`, iat: 1772762400 })
      .setProtectedHeader({ alg: "ES256", kid, typ: "vc+jwt" })
      .sign(privateKey);
    expect(await verifyCredentialJwt(jwt)).toMatchObject({ valid: true, kid });
    const page = await verifyCertificateCredential(jwt);
    expect(page).toMatchObject({ valid: true, embedded: null });
    // A verifier with the JWKS alone still finds its key by the bare kid.
    await expect(jwtVerify(jwt, createLocalJWKSet(await servedJwks()))).resolves.toBeTruthy();
    expect(credentialFromJwt(jwt)).not.toHaveProperty("iat");
  });
});

describe("key rotation", () => {
  it("keeps both proofs of a retired key's credentials verifying while the keys stay published", async () => {
    const [oldEs, oldEd] = [await generateSigningKeyJwk(), await generateEd25519KeyJwk()];
    process.env.CERT_SIGNING_KEYS = JSON.stringify([oldEs]);
    process.env.CERT_ED25519_KEYS = JSON.stringify([oldEd]);
    resetSigningKeys();
    const before = await issueCredential(issued(), STATUS);

    const [newEs, newEd] = [await generateSigningKeyJwk(), await generateEd25519KeyJwk()];
    process.env.CERT_SIGNING_KEYS = JSON.stringify([newEs, oldEs]); // rotation: prepend the new keys
    process.env.CERT_ED25519_KEYS = JSON.stringify([newEd, oldEd]);
    resetSigningKeys();
    const after = await issueCredential(issued(), STATUS);

    expect(decodeProtectedHeader(after.jwt).kid).toBe(jwkUrl(PUBLIC_URL, newEs.kid!));
    expect(after.credential.proof[0].verificationMethod).not.toBe(before.credential.proof[0].verificationMethod);
    for (const { credential, jwt } of [before, after]) {
      expect((await verifyLikeOneEdTech(jwt)).claims.iss).toBe(true);
      expect((await verifyWithDigitalBazaar(credential)).verified).toBe(true);
      expect(await verifyCertificateCredential(jwt)).toMatchObject({ valid: true, embedded: { valid: true } });
    }

    // Dropping the old keys is what breaks what they signed.
    process.env.CERT_SIGNING_KEYS = JSON.stringify([newEs]);
    process.env.CERT_ED25519_KEYS = JSON.stringify([newEd]);
    resetSigningKeys();
    await expect(verifyLikeOneEdTech(before.jwt)).rejects.toThrow(/Unable to retrieve jwk/);
    expect((await verifyWithDigitalBazaar(before.credential)).verified).toBe(false);
    expect((await verifyCredentialJwt(before.jwt, await getPublicJwks())).valid).toBe(false);
  });

  it("writes validFrom, nbf and the proof's created in whole seconds", async () => {
    expect(wholeSeconds("2027-02-20T06:30:00.999Z")).toBe("2027-02-20T06:30:00Z");
    const { credential, jwt } = await issueCredential(issued({ issuedAt: "2026-02-20T06:30:00.999Z" }), STATUS);
    expect(credential.validFrom).toBe("2026-02-20T06:30:00Z");
    expect(credential.proof[0].created).toBe("2026-02-20T06:30:00Z");
    expect(decodeJwt(jwt).nbf).toBe(Date.parse("2026-02-20T06:30:00Z") / 1000);
  });
});
