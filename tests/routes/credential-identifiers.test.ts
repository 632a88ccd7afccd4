// The certificate's resolvable identifiers and files, through the real loaders: the verification page (HTML, or 303
// to the credential JSON for JSON-LD clients), the JSON with its embedded proof (checked by @digitalbazaar/vc and the
// OB 3.0 schema, revocation read from the JSON-LD status list), the baked PNG, the achievement page and JSON, the
// badge image, and what the page says when the stored row and the signed data disagree.
import { SignJWT } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { buildOpenBadgeCredential, credentialFromJwt } from "~/certificates/credential.server";
import { getActiveSigningKey } from "~/certificates/keys.server";
import { revokeCertificate } from "~/models/certificate.server";
import { loader as badgeLoader } from "~/routes/achievements.badge[.]png";
import { loader as achievementLoader } from "~/routes/achievements.interview-project.$projectId";
import { loader as achievementJsonLoader } from "~/routes/achievements.interview-project.$projectId_.achievement[.]json";
import { loader as statusLoader } from "~/routes/credentials.status.$listId";
import { loader as verifyLoader } from "~/routes/verify.$certificateId";
import { loader as bakedLoader } from "~/routes/verify.$certificateId_.badge[.]png";
import { loader as jsonLoader } from "~/routes/verify.$certificateId_.credential[.]json";
import { getDb } from "~/utils/db.server";
import { issueTestCertificate } from "../factories/issued-certificates";
import { createProjectFixture } from "../factories/projects";
import { expandSafely, ob3SchemaErrors, readITxt, verifyWithDigitalBazaar } from "../factories/verifiers";
import { kitaIssuerHandlers } from "../mocks/kita-issuer";
import { server } from "../mocks/server";
import { callLoader } from "../setup/call";
import { BASE, get, payload, settle, statusOf } from "../setup/http";

const context = {};
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

beforeEach(() => server.use(...kitaIssuerHandlers));

const verifyPage = (id: string, accept = "text/html") =>
  settle(
    callLoader(verifyLoader, `/verify/${id}`, { headers: { Accept: accept }, params: { certificateId: id }, context }),
  );
const credentialJson = (id: string, accept = "*/*") =>
  settle(
    callLoader(jsonLoader, `/verify/${id}/credential.json`, {
      headers: { Accept: accept },
      params: { certificateId: id },
      context,
    }),
  ) as Promise<Response>;

describe("the credential id, /verify/:id", () => {
  it("is the verification page for people, with both signatures checked, and 303 to the JSON for JSON-LD clients", async () => {
    const { certificate } = await issueTestCertificate();
    const page = payload(await verifyPage(certificate.id));
    expect(page.signature).toMatchObject({ valid: true, mismatch: false, embedded: { valid: true } });
    expect(page.signature.kid).toMatch(/^http:\/\/localhost:3000\/issuer\/keys\//);
    expect(page.signature.embedded.method).toMatch(/^did:web:localhost%3A3000#z6Mk/);
    expect(page.hasJson).toBe(true);

    for (const accept of ["application/vc+ld+json", "application/ld+json", "application/json"]) {
      const res = (await verifyPage(certificate.id, accept)) as Response;
      expect(res.status, accept).toBe(303);
      expect(res.headers.get("Location")).toBe(`/verify/${certificate.id}/credential.json`);
      const json = await credentialJson(certificate.id, accept);
      expect(json.headers.get("Content-Type")).toBe(`${accept}; charset=utf-8`);
      expect((await json.json()).id).toBe(`${BASE}/verify/${certificate.id}`);
    }
    // A browser's Accept still gets the page.
    expect(statusOf(await verifyPage(certificate.id, "text/html,application/xhtml+xml,*/*;q=0.8"))).toBe(200);
  });

  it("answers the credential JSON with its embedded proof: OB 3.0 schema, @digitalbazaar/vc, status list", async () => {
    const { certificate } = await issueTestCertificate();
    const res = await credentialJson(certificate.id);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const credential = await res.json();
    expect(credential).toEqual(credentialFromJwt(certificate.credential_jwt));
    expect(credential.credentialSubject.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(JSON.stringify(credential.credentialSubject.id)).not.toContain("証明");
    expect(ob3SchemaErrors(credential)).toEqual([]);
    const before = await verifyWithDigitalBazaar(credential);
    expect(before.verified).toBe(true);

    await revokeCertificate(certificate.id, "テスト", { id: 1 });
    const after = await verifyWithDigitalBazaar(credential);
    expect(after.verified).toBe(false);
    expect((after as { statusResult?: { verified: boolean } }).statusResult?.verified).toBe(false);
  });

  it("says 'signature valid' only from the signed data: a changed stored JWT or stored facts are caught", async () => {
    const { certificate } = await issueTestCertificate({ name: "本物 一郎" });

    // The stored JWT's payload changed (another name), the signature kept: invalid.
    const [h, , s] = certificate.credential_jwt.split(".");
    const forged = credentialFromJwt(certificate.credential_jwt) as any;
    forged.credentialSubject.identifier[0].identityHash = "偽物 次郎";
    const forgedJwt = `${h}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${s}`;
    await getDb()
      .updateTable("certificate")
      .set({ credential_jwt: forgedJwt })
      .where("id", "=", certificate.id)
      .execute();
    expect(payload(await verifyPage(certificate.id)).signature).toMatchObject({ valid: false, mismatch: false });

    // The stored JWT intact but the stored facts (what the page shows) changed: not shown as signed.
    const data = JSON.parse(certificate.data!);
    data.student.name = "偽物 次郎";
    await getDb()
      .updateTable("certificate")
      .set({ credential_jwt: certificate.credential_jwt, data: JSON.stringify(data) })
      .where("id", "=", certificate.id)
      .execute();
    expect(payload(await verifyPage(certificate.id)).signature).toMatchObject({ valid: false, mismatch: true });
  });

  it("keeps verifying a certificate issued before 2026-11-30, which has no embedded proof and no JSON file", async () => {
    const { certificate } = await issueTestCertificate();
    const data = JSON.parse(certificate.data!);
    delete data.subjectId;
    const { kid, privateKey } = await getActiveSigningKey();
    const legacy = {
      ...buildOpenBadgeCredential(data, {
        statusListUrl: `${BASE}/credentials/status/1`,
        index: certificate.status_index,
      }),
      issuer: { id: `${BASE}/issuer`, type: ["Profile"], name: "東京都北区 産業振興課", url: BASE },
      validFrom: new Date(data.issuedAt).toISOString(),
    };
    const jwt = await new SignJWT({ ...legacy, iss: `${BASE}/issuer`, iat: 1772762400 })
      .setProtectedHeader({ alg: "ES256", kid, typ: "vc+jwt" })
      .sign(privateKey);
    await getDb()
      .updateTable("certificate")
      .set({ credential_jwt: jwt, data: JSON.stringify(data) })
      .where("id", "=", certificate.id)
      .execute();
    const page = payload(await verifyPage(certificate.id));
    expect(page.signature).toMatchObject({ valid: true, embedded: null });
    expect(page.hasJson).toBe(false);
    expect((await credentialJson(certificate.id)).status).toBe(404);
    const baked = await callLoader(bakedLoader, "/x", { params: { certificateId: certificate.id }, context });
    expect(readITxt(new Uint8Array(await baked.arrayBuffer()), "openbadgecredential")).toBe(jwt);
  });

  it("answers 404 for unknown or malformed ids on every file", async () => {
    for (const id of ["0".repeat(32), "not-an-id", "%00", "x".repeat(4000)]) {
      expect(statusOf(await verifyPage(id, "application/ld+json"))).toBe(404);
      expect((await credentialJson(id)).status).toBe(404);
      expect(statusOf(await settle(callLoader(bakedLoader, "/x", { params: { certificateId: id }, context })))).toBe(
        404,
      );
    }
  });
});

describe("the baked badge", () => {
  it("is a PNG with the credential JSON (and its proof) in one openbadgecredential iTXt chunk", async () => {
    const { certificate } = await issueTestCertificate();
    const res = await callLoader(bakedLoader, "/x", { params: { certificateId: certificate.id }, context });
    expect(res.headers.get("Content-Type")).toBe("image/png");
    const png = new Uint8Array(await res.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(Buffer.from(png).subarray(-8, -4).toString("latin1")).toBe("IEND"); // still ends with IEND
    const baked = JSON.parse(readITxt(png, "openbadgecredential")!);
    expect(baked).toEqual(credentialFromJwt(certificate.credential_jwt));
    expect((await verifyWithDigitalBazaar(baked)).verified).toBe(true);
  });
});

describe("the achievement and its image", () => {
  it("is a page for people and the Achievement JSON (ja and en, criteria, image) for JSON-LD clients", async () => {
    const { projectId, certificate } = await issueTestCertificate();
    const id = String(projectId);
    const page = payload(
      await callLoader(achievementLoader, `/achievements/interview-project/${id}`, {
        params: { projectId: id },
        context,
      }),
    );
    expect(page.achievement.title).toEqual({
      ja: "北区のものづくり企業を取材する",
      en: "Interviewing Kita City manufacturers",
    });
    const redirect = (await settle(
      callLoader(achievementLoader, `/achievements/interview-project/${id}`, {
        headers: { Accept: "application/ld+json" },
        params: { projectId: id },
        context,
      }),
    )) as Response;
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("Location")).toBe(`/achievements/interview-project/${id}/achievement.json`);

    const json = await (
      await callLoader(achievementJsonLoader, redirect.headers.get("Location")!, { params: { projectId: id }, context })
    ).json();
    expect(json).toMatchObject({
      id: `${BASE}/achievements/interview-project/${id}`,
      type: ["Achievement"],
      achievementType: "Fieldwork",
      image: { id: `${BASE}/achievements/badge.png`, type: "Image" },
    });
    expect(json.name).toContain("北区のものづくり企業を取材する");
    expect(json.name).toContain("Interviewing Kita City manufacturers");
    expect(json.description).toMatch(/の学生が.* \/ An industry–academia project/);
    expect(json.criteria.narrative).toContain("This is to certify");
    await expect(expandSafely(json)).resolves.toHaveLength(1); // every term defined
    // The same achievement the credential names.
    const { credentialSubject } = credentialFromJwt(certificate.credential_jwt) as any;
    expect(credentialSubject.achievement).toMatchObject({ id: json.id, name: json.name, image: json.image });
  });

  it("is a 404 for projects that have issued no certificate, and for ids that are not ids", async () => {
    const p = await createProjectFixture();
    for (const projectId of [String(p.projectId), "abc", "0", "1e3"]) {
      const args = { request: get("/x"), params: { projectId }, context };
      expect(statusOf(await settle(achievementLoader(args)))).toBe(404);
      expect(statusOf(await settle(achievementJsonLoader(args)))).toBe(404);
    }
  });

  it("serves the badge image as a cached PNG (ETag, 304)", async () => {
    const res = await callLoader(badgeLoader, "/achievements/badge.png", { context });
    const png = new Uint8Array(await res.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.length).toBeGreaterThan(2_000);
    expect(Buffer.from(png).readUInt32BE(16)).toBe(256); // IHDR width
    const etag = res.headers.get("ETag")!;
    const again = await callLoader(badgeLoader, "/achievements/badge.png", {
      headers: { "If-None-Match": etag },
      context,
    });
    expect(again.status).toBe(304);
  });
});

describe("the status lists", () => {
  it("are a VC-JWT by default and JSON-LD with a proof on request; list 2 derives its bits from revoked certificates", async () => {
    const load = (listId: string, accept = "*/*", query = "") =>
      settle(
        callLoader(statusLoader, `/credentials/status/${listId}${query}`, {
          headers: { Accept: accept },
          params: { listId },
          context,
        }),
      ) as Promise<Response>;
    expect((await load("1")).headers.get("Content-Type")).toBe("application/vc+jwt");
    const json = await load("2", "application/ld+json");
    expect(json.headers.get("Content-Type")).toBe("application/ld+json");
    const list = await json.json();
    expect(list).toMatchObject({ id: `${BASE}/credentials/status/2`, issuer: "did:web:localhost%3A3000" });
    expect(list.proof[0]).toMatchObject({ cryptosuite: "eddsa-rdfc-2022" });
    expect((await load("1", "*/*", "?format=json")).headers.get("Content-Type")).toBe("application/json");
    for (const listId of ["3", "0", "1.json", "x"]) expect((await load(listId)).status).toBe(404);
  });
});
