// Certificates in the browser, on the demo seed. The seed has already issued the FY2025 seminar's certificates, so
// beforeAll takes the demo student's certificate and attendance back out of the database ("not yet at the door").
// Staff mark her present at the door, issue the event's certificates, the student downloads her PDF and opens the
// verification page, and a visitor opens it in English; the seeded revoked certificate says so. She adds the
// certificate to a wallet, with JavaScript on and off: the QR code and link on her page, the page the link opens,
// and a wallet (a did:key made here) running the VC-API exchange against the server. axe on every page.
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { documentLoader } from "../factories/verifiers";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";
import { openDemoDb, userByEmail, type DemoDb } from "./demo-db";

const STUDENT = "山田 花子"; // student@toyo.example

let browser: Browser;
let db: DemoDb;
let eventId: number;
let certificateId: string;

beforeAll(async () => {
  browser = await launch();
  db = openDemoDb();
  eventId = (db.prepare("select id from event where title_ja = '北区産学連携研究発表会 2026'").get() as { id: number })
    .id;
  const student = userByEmail(db, "student@toyo.example");
  db.prepare("delete from certificate where student_id = ?").run(student.id);
  db.prepare("delete from attendance where event_id = ? and student_id = ?").run(eventId, student.id);
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

describe("certificates", () => {
  it("staff mark a student present and issue the event's certificates", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "staff@city.kita.example");
    await page.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();

    await page.goto(`/staff/events/${eventId}/attendance`);
    const present = page.getByRole("button", {
      name: new RegExp(`^出席\\s?（${STUDENT}）$`),
    });
    await expect(present.getAttribute("aria-pressed")).resolves.toBe("false");
    await expectAccessible(page);
    await present.click();
    await page.waitForFunction(
      (name) => [...document.querySelectorAll("button[aria-pressed=true]")].some((b) => b.textContent?.includes(name)),
      STUDENT,
    );
    // The pressed state shows at once (optimistic); the arrival time comes from the server once it is saved. Leaving
    // the page before that raced the save and left the student absent on the certificates page.
    await page
      .locator(`li:has-text("${STUDENT}")`)
      .getByText(/^出席（\d\d:\d\d）$/)
      .waitFor();

    await page.goto(`/staff/events/${eventId}/certificates`);
    await page.getByRole("heading", { level: 1, name: /^参加証明書：/ }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(STUDENT) }).first();
    await expect(row.getByRole("cell", { name: "発行できます" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByRole("button", { name: "対象者全員に発行する（1名）" }).click();
    await page.getByText("1件の証明書を発行しました。").waitFor();
    await expect(page.getByText("新たに発行できる学生はいません。").isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    const cert = db
      .prepare(
        "select certificate.id from certificate join user on user.id = certificate.student_id where user.email = 'student@toyo.example'",
      )
      .get() as { id: string };
    certificateId = cert.id;
    expect(certificateId).toMatch(/^[0-9A-Z]{32}$/);
    await page.context().close();
  });

  it("the student downloads the PDF and opens the verification page", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "student@toyo.example");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/student/certificates");
    await page.getByRole("heading", { level: 1, name: "参加証明書" }).waitFor();
    await expectAccessible(page);

    const pdfLink = page.getByRole("link", { name: "証明書PDFをダウンロード" }).first();
    const href = (await pdfLink.getAttribute("href"))!;
    expect(href).toBe(`/verify/${certificateId}/certificate.pdf`);
    const pdf = await page.request.get(href);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expect(
      page.getByRole("link", { name: "LinkedInのプロフィールに追加" }).first().getAttribute("href"),
    ).resolves.toContain("linkedin.com/profile/add");

    await page.getByRole("link", { name: "検証ページ" }).first().click();
    await page.getByRole("heading", { level: 1, name: "参加証明書の検証" }).waitFor();
    expect(page.url()).toContain(`/verify/${certificateId}`);
    await expect(page.getByTestId("signature").textContent()).resolves.toContain("署名は有効です");
    await expect(page.getByText(STUDENT).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it("a visitor verifies it in English; the revoked demo certificate says since when; an unknown id is a 404 page", async () => {
    const page = await (await newContext(browser, { locale: "en-GB" })).newPage();
    await page.goto(`/verify/${certificateId}`);
    await page.getByRole("heading", { level: 1, name: "Certificate verification" }).waitFor();
    await expect(page.getByTestId("signature").textContent()).resolves.toContain("The signature is valid");
    await expect(page.getByText("Valid", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("Hanako Yamada", { exact: false }).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    const revoked = db
      .prepare(
        "select certificate.id from certificate join user on user.id = certificate.student_id where user.email = 's03@toyo.example'",
      )
      .get() as { id: string };
    await page.goto(`/verify/${revoked.id}`);
    await page.getByText("This certificate has been revoked.").waitFor();
    await expect(page.getByText(/^Revoked on /).isVisible()).resolves.toBe(true);
    // Its signature still checks out, so the page says what that does and does not mean.
    await expect(page.getByTestId("signature").textContent()).resolves.toContain("The signature is valid");
    await expect(
      page.getByText("It was revoked afterwards, so it no longer attests participation.", { exact: false }).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page);

    const missing = await page.goto(`/verify/${"0".repeat(32)}`);
    expect(missing?.status()).toBe(404);
    await expectAccessible(page);
    await page.context().close();
  });

  it("the student adds the certificate to a wallet with JavaScript: QR code, link, and the wallet's exchange", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, "student@toyo.example");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/student/certificates");
    await page.getByRole("button", { name: "ウォレットに追加する（QRコードを表示）" }).first().click();
    await page.getByText("QRコードを表示しました。").waitFor();
    const interactionUrl = await showsWalletQr(page);
    await expectAccessible(page);

    // A wallet scans the QR code: it runs the exchange with its own did:key.
    const holder = await runWalletExchange(interactionUrl);
    await page.reload();
    await expect(page.getByText(holder).first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole("img", { name: "ウォレットに証明書を追加するためのQRコード" }).count()).resolves.toBe(
      0,
    );
    await expectAccessible(page);
    await page.context().close();
  });

  it("works without JavaScript too: the button is a form, the QR code inline SVG, the link opens a page", async () => {
    const page = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
    await signInThroughForm(page, "student@toyo.example");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/student/certificates");
    await page.getByRole("button", { name: "ウォレットに追加する（QRコードを表示）" }).first().click();
    await page.waitForURL(/\/student\/certificates/);
    const interactionUrl = await showsWalletQr(page);
    await expectAccessible(page);

    // In a browser the interaction URL is a page: what to do, the QR code again, the wallet's app link.
    await page.goto(interactionUrl.replace(/^http:\/\/localhost:\d+/, ""));
    await page.getByRole("heading", { level: 1, name: "証明書をウォレットに追加" }).waitFor();
    expect(page.url()).toMatch(/\/wallet\/add\//);
    await expect(
      page.getByRole("link", { name: "Learner Credential Wallet で開く" }).getAttribute("href"),
    ).resolves.toMatch(/^https:\/\/lcw\.app\/request\.html\?request=/);
    await expectAccessible(page);

    // Once a wallet has used it, the page says so.
    await runWalletExchange(interactionUrl);
    await page.reload();
    await page.getByText("このウォレット追加のリンクはすでに使われています。").waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});

/** The QR code and link of the live exchange on the student's page; returns the interaction URL. */
async function showsWalletQr(page: Page) {
  const qr = page.getByRole("img", { name: "ウォレットに証明書を追加するためのQRコード" }).first();
  await expect(qr.isVisible()).resolves.toBe(true);
  await expect(qr.evaluate((svg) => svg.tagName.toLowerCase())).resolves.toBe("svg");
  const link = page.getByRole("link", { name: "このリンクをウォレットで開く" }).first();
  const interactionUrl = (await link.getAttribute("href"))!;
  expect(interactionUrl).toMatch(/\/wallet\/interactions\/[\w.-]+\?iuv=1$/);
  await expect(
    page
      .getByText(/まで、1回だけ使えます。/)
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  return interactionUrl;
}

/** A wallet with a fresh did:key runs the VC-API exchange against the server; returns its DID. */
async function runWalletExchange(interactionUrl: string) {
  const url = interactionUrl.replace(/^http:\/\/localhost:\d+/, inject("baseURL"));
  const { protocols } = await (await fetch(url, { headers: { Accept: "application/json" } })).json();
  const exchangeUrl = protocols.vcapi.replace(/^http:\/\/localhost:\d+/, inject("baseURL"));
  const post = (body: unknown) =>
    fetch(exchangeUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const { verifiablePresentationRequest: request } = await (await post({})).json();
  const generated = await Ed25519Multikey.generate();
  const did = `did:key:${generated.publicKeyMultibase}`;
  const key = await Ed25519Multikey.from({
    ...(await generated.export({ publicKey: true, secretKey: true, includeContext: true })),
    id: `${did}#${generated.publicKeyMultibase}`,
    controller: did,
  });
  const vp = await vc.signPresentation({
    presentation: vc.createPresentation({ holder: did }),
    suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022 }),
    challenge: request.challenge,
    domain: request.domain,
    documentLoader,
  });
  const answer = await post({ verifiablePresentation: vp });
  expect(answer.status).toBe(200);
  const [credential] = (await answer.json()).verifiablePresentation.verifiableCredential;
  expect(credential.credentialSubject.id).toBe(did);
  return did;
}
