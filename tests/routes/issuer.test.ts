// The issuer's resolvable identifiers: the profile page (HTML, or 303 to the Profile JSON for JSON-LD clients), the
// Profile JSON, the did:web DID document at both paths, and each JWT key's URL answering exactly one JWK.
import { describe, expect, it } from "vitest";
import { getActiveSigningKey, getEd25519Keys } from "~/certificates/keys.server";
import { loader as didLoader } from "~/routes/[.]well-known.did[.]json";
import { loader as rootDidLoader } from "~/routes/did[.]json";
import { loader } from "~/routes/issuer";
import { loader as keyLoader } from "~/routes/issuer_.keys.$kid";
import { loader as profileLoader } from "~/routes/issuer_.profile[.]json";
import { config } from "~/utils/env.server";
import { expandSafely } from "../factories/verifiers";
import { callLoader } from "../setup/call";
import { settle } from "../setup/http";

const context = {};
const DID = "did:web:localhost%3A3000";

describe("GET /issuer", () => {
  it("is a page for people, and sends JSON-LD clients to the Profile JSON with 303", async () => {
    const page = await callLoader(loader, "/issuer", { headers: { Accept: "text/html" }, context });
    expect(page).toMatchObject({ did: DID });
    expect((page as { jwtKeys: string[] }).jwtKeys[0]).toMatch(/^http:\/\/localhost:3000\/issuer\/keys\//);
    for (const accept of ["application/ld+json", "application/json"]) {
      const res = (await settle(callLoader(loader, "/issuer", { headers: { Accept: accept }, context }))) as Response;
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe("/issuer/profile.json");
    }
  });

  it("publishes the issuer Profile that credentials name, with the DID as its id", async () => {
    const res = await callLoader(profileLoader, "/issuer/profile.json", {
      headers: { Accept: "application/ld+json" },
      context,
    });
    expect(res.headers.get("Content-Type")).toBe("application/ld+json; charset=utf-8");
    const profile = await res.json();
    expect(profile).toMatchObject({ id: DID, type: ["Profile"], url: `${config().publicUrl}/issuer` });
    expect(profile.name).toContain("北区");
    expect(profile.image.id).toBe(`${config().publicUrl}/achievements/badge.png`);
    await expect(expandSafely(profile)).resolves.toHaveLength(1); // every term defined
  });
});

describe("the DID document", () => {
  it("lists the Ed25519 key as a Multikey and the P-256 key as a JsonWebKey, both assertion methods, at both paths", async () => {
    const { kid } = await getActiveSigningKey();
    const { active } = await getEd25519Keys();
    const doc = await (await didLoader()).json();
    expect(doc["@context"][0]).toBe("https://www.w3.org/ns/did/v1");
    expect(doc.id).toBe(DID);
    expect(doc.verificationMethod).toEqual([
      {
        id: `${DID}#${active.publicKeyMultibase}`,
        type: "Multikey",
        controller: DID,
        publicKeyMultibase: active.publicKeyMultibase,
      },
      {
        id: `${DID}#${kid}`,
        type: "JsonWebKey",
        controller: DID,
        publicKeyJwk: { kty: "EC", crv: "P-256", x: expect.any(String), y: expect.any(String) },
      },
    ]);
    expect(doc.assertionMethod).toEqual(doc.verificationMethod.map((m: { id: string }) => m.id));
    expect(JSON.stringify(doc)).not.toMatch(/"d"/);
    expect(await (await rootDidLoader()).json()).toEqual(doc);
  });
});

describe("GET /issuer/keys/:kid", () => {
  it("answers exactly one public JWK named by its URL, and 404 JSON for an unknown key", async () => {
    const { kid } = await getActiveSigningKey();
    const res = await callLoader(keyLoader, `/issuer/keys/${kid}`, { params: { kid }, context });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/json");
    const jwk = await res.json();
    expect(jwk).toEqual({
      kty: "EC",
      crv: "P-256",
      x: expect.any(String),
      y: expect.any(String),
      use: "sig",
      alg: "ES256",
      kid: `${config().publicUrl}/issuer/keys/${kid}`,
    });
    for (const unknown of ["nope", "../jwks.json", "%00", "x".repeat(5000)]) {
      const missing = await callLoader(keyLoader, "/issuer/keys/x", { params: { kid: unknown }, context });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: "unknown key" });
    }
  });
});
