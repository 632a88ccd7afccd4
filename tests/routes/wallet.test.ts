// "Add to wallet" end to end, as the Learner Credential Wallet runs the VC-API exchange: the student starts it on the
// certificates page; a wallet with a did:key generated here fetches the interaction URL, asks for the presentation
// request, answers with its DID Authentication (eddsa-rdfc-2022, or the Ed25519Signature2020 that LCW sends), and
// receives the certificate issued to its DID, which outside verifiers accept. Then everything that must fail: replays,
// expiry, revocation, wrong challenge or domain, forged or huge requests, concurrent answers.
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import { Ed25519VerificationKey2020 } from "@digitalbazaar/ed25519-verification-key-2020";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { beforeEach, describe, expect, it } from "vitest";
import { credentialFromJwt } from "~/certificates/credential.server";
import { exchangeToken } from "~/certificates/exchange-token.server";
import { revokeCertificate } from "~/models/certificate.server";
import { getWalletCredential } from "~/models/wallet.server";
import { action as studentAction, loader as studentLoader } from "~/routes/student.certificates";
import { loader as verifyLoader } from "~/routes/verify.$certificateId";
import { loader as addPageLoader } from "~/routes/wallet.add.$token";
import { action as exchangeAction, loader as exchangeLoader } from "~/routes/wallet.exchanges.$token";
import { getDb } from "~/utils/db.server";
import { issueTestCertificate } from "../factories/issued-certificates";
import { documentLoader, ob3SchemaErrors, verifyLikeOneEdTech, verifyWithDigitalBazaar } from "../factories/verifiers";
import { kitaIssuerHandlers } from "../mocks/kita-issuer";
import { server } from "../mocks/server";
import { callAction, callLoader } from "../setup/call";
import { BASE, payload, settle, signIn, statusOf, userWithCookie } from "../setup/http";

const context = {};

beforeEach(() => server.use(...kitaIssuerHandlers));

// ─── the wallet ──────────────────────────────────────────────────────────────

interface Holder {
  did: string;
  suite: () => object;
  version: number;
}

/** A wallet's DID: a did:key, signing with eddsa-rdfc-2022 (VC 2.0) or, like LCW, Ed25519Signature2020 (VC 1.1). */
async function newHolder(kind: "eddsa" | "lcw" = "eddsa"): Promise<Holder> {
  if (kind === "lcw") {
    const key = await Ed25519VerificationKey2020.generate();
    const did = `did:key:${key.fingerprint()}`;
    key.id = `${did}#${key.fingerprint()}`;
    key.controller = did;
    return { did, suite: () => new Ed25519Signature2020({ key }), version: 1.0 };
  }
  const generated = await Ed25519Multikey.generate();
  const did = `did:key:${generated.publicKeyMultibase}`;
  const key = await Ed25519Multikey.from({
    ...(await generated.export({ publicKey: true, secretKey: true, includeContext: true })),
    id: `${did}#${generated.publicKeyMultibase}`,
    controller: did,
  });
  return {
    did,
    suite: () => new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022 }),
    version: 2.0,
  };
}

async function didAuth(holder: Holder, request: { challenge: string; domain: string }, claimedHolder = holder.did) {
  const presentation = vc.createPresentation({ holder: claimedHolder, version: holder.version });
  return vc.signPresentation({ presentation, suite: holder.suite(), ...request, documentLoader });
}

const postJson = (url: string, body: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

// ─── the student's side ──────────────────────────────────────────────────────

async function startExchange(cookie: string, certificateId: string) {
  return settle(
    callAction(studentAction, "/student/certificates", { form: { intent: "wallet", certificateId }, cookie, context }),
  );
}

async function walletPanel(cookie: string, certificateId: string) {
  const page = payload(await callLoader(studentLoader, "/student/certificates", { cookie, context }));
  return page.certificates.find((c: { id: string }) => c.id === certificateId).wallet;
}

/** A certificate with a live exchange started by its student; returns the interaction URL and more. */
async function certificateWithExchange() {
  const issued = await issueTestCertificate();
  const cookie = await signIn(issued.student.id);
  const started = (await startExchange(cookie, issued.certificate.id)) as Response;
  expect(started).toHaveRedirect(`/student/certificates#wallet-${issued.certificate.id}`);
  const panel = await walletPanel(cookie, issued.certificate.id);
  return { ...issued, cookie, panel, interactionUrl: panel.exchange.interactionUrl as string };
}

/** Steps 1–2 of the exchange: the interaction URL's protocols, then the presentation request. */
async function openExchange(interactionUrl: string) {
  const protocols = await fetch(interactionUrl, { headers: { Accept: "application/json" } });
  expect(protocols.status).toBe(200);
  const { protocols: p } = await protocols.json();
  const vpr = await postJson(p.vcapi, {});
  expect(vpr.status).toBe(200);
  return { exchangeUrl: p.vcapi as string, request: (await vpr.json()).verifiablePresentationRequest };
}

describe("adding a certificate to a wallet", () => {
  it("runs the whole exchange and issues the certificate to the holder's DID, which outside verifiers accept", async () => {
    const { certificate, panel, interactionUrl, cookie } = await certificateWithExchange();
    expect(interactionUrl).toMatch(/^http:\/\/localhost:3000\/wallet\/interactions\/[\w-]+\.[\w-]+\?iuv=1$/);
    expect(panel.exchange.qr.d).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
    expect(Date.parse(panel.exchange.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(Date.parse(panel.exchange.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(panel.exchange.lcwLink).toMatch(/^https:\/\/lcw\.app\/request\.html\?request=/);
    expect(JSON.parse(decodeURIComponent(panel.exchange.lcwLink.split("request=")[1]))).toMatchObject({
      protocols: { vcapi: expect.stringMatching(/\/wallet\/exchanges\//) },
    });

    const { exchangeUrl, request } = await openExchange(interactionUrl);
    expect(exchangeUrl).toMatch(/^http:\/\/localhost:3000\/wallet\/exchanges\//);
    expect(request).toEqual({
      query: [
        {
          type: "DIDAuthentication",
          acceptedMethods: [{ method: "key" }],
          acceptedCryptosuites: [{ cryptosuite: "eddsa-rdfc-2022" }, { cryptosuite: "Ed25519Signature2020" }],
        },
      ],
      challenge: expect.stringMatching(/^[0-9a-f-]{36}$/),
      domain: "http://localhost:3000",
    });

    const holder = await newHolder();
    const answer = await postJson(exchangeUrl, { verifiablePresentation: await didAuth(holder, request) });
    expect(answer.status).toBe(200);
    const { verifiablePresentation } = await answer.json();
    expect(verifiablePresentation.type).toEqual(["VerifiablePresentation"]);
    const [copy] = verifiablePresentation.verifiableCredential;

    // Issued to the holder's DID, with the certificate's achievement and evidence, its own status entry.
    const original = credentialFromJwt(certificate.credential_jwt) as any;
    expect(copy.credentialSubject.id).toBe(holder.did);
    expect(copy.credentialSubject.achievement).toEqual(original.credentialSubject.achievement);
    expect(copy.credentialSubject.identifier).toEqual(original.credentialSubject.identifier);
    expect(copy.evidence).toEqual(original.evidence);
    expect(copy.id).toMatch(/^http:\/\/localhost:3000\/verify\/[0-9A-Z]{32}$/);
    expect(copy.id).not.toBe(original.id);
    expect(copy.credentialStatus.statusListCredential).toBe(`${BASE}/credentials/status/2`);
    expect(copy.proof).toHaveLength(1);
    expect(ob3SchemaErrors(copy)).toEqual([]);
    expect((await verifyWithDigitalBazaar(copy)).verified).toBe(true);

    // Both proofs: the stored VC-JWT carries the same credential and passes the 1EdTech validator's check.
    const copyId = copy.id.split("/").pop();
    const stored = (await getWalletCredential(copyId))!;
    expect(stored.holder_did).toBe(holder.did);
    expect(stored.credential).toEqual(copy);
    expect((await verifyLikeOneEdTech(stored.credential_jwt)).claims).toEqual({
      iss: true,
      jti: true,
      nbf: true,
      sub: true,
      exp: true,
    });

    // Its id is resolvable: the verification page says whose copy it is.
    const page = payload(
      await callLoader(verifyLoader, `/verify/${copyId}`, { params: { certificateId: copyId }, context }),
    );
    expect(page).toMatchObject({ holderDid: holder.did, signature: { valid: true, embedded: { valid: true } } });

    // The student's page lists the copy, and the spent exchange is no longer offered.
    const panelAfter = await walletPanel(cookie, certificate.id);
    expect(panelAfter.exchange).toBeNull();
    expect(panelAfter.copies).toEqual([{ id: copyId, holderDid: holder.did, issuedAt: expect.any(String) }]);
    const audit = await getDb()
      .selectFrom("audit_entry")
      .select(["action", "detail"])
      .where("entity_id", "=", certificate.id)
      .where("action", "=", "certificate.walletClaim")
      .execute();
    expect(audit).toHaveLength(1);

    // Revoking the certificate revokes the copy (its bit in list 2).
    await revokeCertificate(certificate.id, "取消のテスト", { id: 1 });
    const revoked = await verifyWithDigitalBazaar(copy);
    expect(revoked.verified).toBe(false);
    expect((revoked as { statusResult?: { verified: boolean } }).statusResult?.verified).toBe(false);
  });

  it("accepts the Ed25519Signature2020 presentation the Learner Credential Wallet sends (VC 1.1 context)", async () => {
    const { interactionUrl } = await certificateWithExchange();
    const { exchangeUrl, request } = await openExchange(interactionUrl);
    const holder = await newHolder("lcw");
    const vp = await didAuth(holder, request);
    expect(vp["@context"]).toContain("https://www.w3.org/2018/credentials/v1");
    expect((vp.proof as { type: string }).type).toBe("Ed25519Signature2020");
    const answer = await postJson(exchangeUrl, { verifiablePresentation: vp });
    expect(answer.status).toBe(200);
    const [copy] = (await answer.json()).verifiablePresentation.verifiableCredential;
    expect(copy.credentialSubject.id).toBe(holder.did);
  });

  it("sends a browser from the interaction URL to a page that explains what to do", async () => {
    const { interactionUrl } = await certificateWithExchange();
    const res = await fetch(interactionUrl, {
      headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    const token = new URL(interactionUrl).pathname.split("/").pop()!;
    expect(res.headers.get("Location")).toBe(`/wallet/add/${token}`);
    const page = payload(await callLoader(addPageLoader, `/wallet/add/${token}`, { params: { token }, context }));
    expect(page).toMatchObject({
      problem: null,
      interactionUrl,
      projectTitle: { ja: "北区のものづくり企業を取材する" },
    });
    expect(JSON.stringify(page)).not.toContain("証明 花子"); // anyone holding the link sees the page: no name
    // Without an Accept header (a wallet's plain fetch) the interaction URL answers JSON.
    expect((await (await fetch(interactionUrl)).json()).protocols.vcapi).toContain("/wallet/exchanges/");
  });
});

describe("what an exchange refuses", () => {
  it("is single use: a replayed presentation and a new request after completion answer 410 with a JSON error", async () => {
    const { interactionUrl, certificate } = await certificateWithExchange();
    const { exchangeUrl, request } = await openExchange(interactionUrl);
    const vp = await didAuth(await newHolder(), request);
    expect((await postJson(exchangeUrl, { verifiablePresentation: vp })).status).toBe(200);
    for (const body of [{ verifiablePresentation: vp }, {}]) {
      const again = await postJson(exchangeUrl, body);
      expect(again.status).toBe(410);
      expect(await again.json()).toEqual({ error: "used", message: expect.any(String) });
    }
    const protocols = await fetch(interactionUrl, { headers: { Accept: "application/json" } });
    expect(protocols.status).toBe(410);
    const copies = await getDb()
      .selectFrom("wallet_credential")
      .select("id")
      .where("certificate_id", "=", certificate.id)
      .execute();
    expect(copies).toHaveLength(1);
  });

  it("issues once when two presentations arrive at the same time", async () => {
    const { interactionUrl, certificate } = await certificateWithExchange();
    const { exchangeUrl, request } = await openExchange(interactionUrl);
    const [a, b] = [await newHolder(), await newHolder()];
    const answers = await Promise.all([
      postJson(exchangeUrl, { verifiablePresentation: await didAuth(a, request) }),
      postJson(exchangeUrl, { verifiablePresentation: await didAuth(b, request) }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410]);
    const copies = await getDb()
      .selectFrom("wallet_credential")
      .select("id")
      .where("certificate_id", "=", certificate.id)
      .execute();
    expect(copies).toHaveLength(1);
  });

  it("refuses a presentation with the wrong challenge or domain, another holder, changed content, credentials, or no proof", async () => {
    const { interactionUrl, certificate } = await certificateWithExchange();
    const { exchangeUrl, request } = await openExchange(interactionUrl);
    const holder = await newHolder();
    const other = await newHolder();
    const good = await didAuth(holder, request);
    const cases: Record<string, unknown> = {
      "wrong challenge": await didAuth(holder, { ...request, challenge: "00000000-0000-0000-0000-000000000000" }),
      "wrong domain": await didAuth(holder, { ...request, domain: "https://evil.example" }),
      "holder claims another DID": await didAuth(holder, request, other.did),
      "changed after signing": { ...good, holder: other.did },
      "with a credential inside": { ...good, verifiableCredential: [{ id: "urn:x" }] },
      "not signed": vc.createPresentation({ holder: holder.did }),
      "not an object": "a string",
      "an unknown context": { ...good, "@context": ["https://evil.example/context"] },
    };
    for (const [what, vp] of Object.entries(cases)) {
      const res = await postJson(exchangeUrl, { verifiablePresentation: vp });
      expect(res.status, what).toBe(400);
      expect((await res.json()).error, what).toBe("invalidPresentation");
    }
    // None of them spent the exchange: the right answer still works.
    expect((await postJson(exchangeUrl, { verifiablePresentation: good })).status).toBe(200);
    const copies = await getDb()
      .selectFrom("wallet_credential")
      .select("holder_did")
      .where("certificate_id", "=", certificate.id)
      .execute();
    expect(copies).toEqual([{ holder_did: holder.did }]);
  });

  it("expires after 15 minutes", async () => {
    const { interactionUrl, certificate } = await certificateWithExchange();
    const { exchangeUrl, request } = await openExchange(interactionUrl);
    const vp = await didAuth(await newHolder(), request);
    await getDb()
      .updateTable("wallet_exchange")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("certificate_id", "=", certificate.id)
      .execute();
    for (const body of [{}, { verifiablePresentation: vp }]) {
      const res = await postJson(exchangeUrl, body);
      expect(res.status).toBe(410);
      expect((await res.json()).error).toBe("expired");
    }
    expect((await fetch(interactionUrl)).status).toBe(410);
  });

  it("refuses a revoked certificate, whether revoked before the exchange starts or during it", async () => {
    const { interactionUrl, certificate, cookie } = await certificateWithExchange();
    const { exchangeUrl, request } = await openExchange(interactionUrl);
    await revokeCertificate(certificate.id, "取消のテスト", { id: 1 });
    const res = await postJson(exchangeUrl, { verifiablePresentation: await didAuth(await newHolder(), request) });
    expect(res.status).toBe(410);
    expect((await res.json()).error).toBe("revoked");
    expect((await walletPanel(cookie, certificate.id)).exchange).toBeNull();

    const started = (await startExchange(cookie, certificate.id)) as Response;
    expect(started).toHaveRedirect("/student/certificates");
    const exchanges = await getDb()
      .selectFrom("wallet_exchange")
      .select("id")
      .where("certificate_id", "=", certificate.id)
      .execute();
    expect(exchanges).toHaveLength(1);
  });

  it("lets a student start exchanges for their own certificates only", async () => {
    const { certificate } = await issueTestCertificate();
    const stranger = await userWithCookie("student");
    expect(statusOf(await startExchange(stranger.cookie, certificate.id))).toBe(302);
    for (const id of ["not-an-id", "0".repeat(32), ""])
      expect(statusOf(await startExchange(stranger.cookie, id))).toBe(302);
    const staff = await userWithCookie("staff");
    expect(statusOf(await startExchange(staff.cookie, certificate.id))).toBe(403);
    const exchanges = await getDb()
      .selectFrom("wallet_exchange")
      .select("id")
      .where("certificate_id", "=", certificate.id)
      .execute();
    expect(exchanges).toEqual([]);
  });

  it("answers forged tokens, bad bodies and other methods with 4xx JSON, never a 500", async () => {
    const { interactionUrl } = await certificateWithExchange();
    const { exchangeUrl } = await openExchange(interactionUrl);
    const token = exchangeUrl.split("/").pop()!;
    const [id] = token.split(".");
    const call = (tokenValue: string, init: RequestInit) =>
      callAction(exchangeAction, new Request(`${BASE}/wallet/exchanges/${tokenValue}`, init), {
        params: { token: tokenValue },
        context,
      }) as Promise<Response>;
    const json = (body: string) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body });

    const forged = [`${id}.${"A".repeat(24)}`, exchangeToken("A".repeat(22)), "x", "", `${token}.x`, "%00".repeat(40)];
    for (const t of forged) {
      const res = await call(t, json("{}"));
      expect(res.status, t).toBe(404);
      expect((await res.json()).error).toBe("notFound");
    }
    const bodies: Array<[string, number, string]> = [
      ["not json", 400, "malformedJson"],
      ["[1,2]", 400, "notAnObject"],
      ["null", 400, "notAnObject"],
      [JSON.stringify({ verifiablePresentation: "x".repeat(70_000) }), 413, "tooLarge"],
    ];
    for (const [body, status, error] of bodies) {
      const res = await call(token, json(body));
      expect(res.status, body.slice(0, 20)).toBe(status);
      expect((await res.json()).error).toBe(error);
    }
    // A body larger than it says is cut off too.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const streamed = await call(token, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);

    expect((await call(token, { method: "PUT", body: "{}" })).status).toBe(405);
    // Remix routes OPTIONS to the loader, as the server does.
    const options = await callLoader(
      exchangeLoader,
      new Request(`${BASE}/wallet/exchanges/${token}`, { method: "OPTIONS" }),
      { params: { token }, context },
    );
    expect(options.status).toBe(204);
    expect(options.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const getRes = await callLoader(exchangeLoader, `/wallet/exchanges/${token}`, { params: { token }, context });
    expect(getRes.status).toBe(405);
    // An empty body starts the exchange like {} does.
    expect((await call(token, { method: "POST" })).status).toBe(200);
  });

  it("shows the interaction page for a spent, expired or unknown link without a 500", async () => {
    const { interactionUrl, certificate } = await certificateWithExchange();
    const token = new URL(interactionUrl).pathname.split("/").pop()!;
    await getDb()
      .updateTable("wallet_exchange")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("certificate_id", "=", certificate.id)
      .execute();
    const page = payload(await callLoader(addPageLoader, "/x", { params: { token }, context }));
    expect(page).toMatchObject({ problem: "expired", interactionUrl: null, qr: null });
    for (const bad of ["nope", `${token}x`]) {
      expect(statusOf(await settle(callLoader(addPageLoader, "/x", { params: { token: bad }, context })))).toBe(404);
    }
  });
});
