import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFStream, PDFString } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { issueCredential } from "~/certificates/credential.server";
import type { CertificateData } from "~/certificates/data";
import { A4, renderCertificatePdf } from "~/certificates/pdf.server";
import { certificateData } from "../factories/certificates";

const PUBLIC_URL = "https://collab.city.kita.example";
const STATUS = { statusListUrl: `${PUBLIC_URL}/credentials/status/1`, index: 77 };

async function render(data: CertificateData) {
  const { credential, jwt, verifyUrl } = await issueCredential(data, STATUS, PUBLIC_URL);
  const input = { ...data, verifyUrl, credential, credentialJwt: jwt };
  return { input, bytes: await renderCertificatePdf(input) };
}

/** What a reader (or a search engine, or copy-paste) gets out of the PDF, through pdf.js. */
async function readPdf(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  const items = content.items.flatMap((item) =>
    "str" in item && item.str ? [{ str: item.str, y: item.transform[5] as number }] : [],
  );
  const lines = items.map((item) => item.str);
  const attachments = (await pdf.getAttachments()) as Record<string, { filename: string; content: Uint8Array }>;
  await pdf.destroy();
  return { items, lines, text: lines.join("\n"), attachments };
}

const squash = (s: string) => s.replace(/\s+/g, "");

describe("certificate PDF", () => {
  let input: Awaited<ReturnType<typeof render>>["input"];
  let bytes: Uint8Array;
  let read: Awaited<ReturnType<typeof readPdf>>;

  beforeAll(async () => {
    ({ input, bytes } = await render(certificateData()));
    read = await readPdf(bytes);
  });

  it("states everything in both languages, as extractable text", () => {
    for (const line of [
      "東京都北区 産業振興課",
      "Industry Promotion Section, Kita City, Tokyo",
      "参加証明書",
      "Certificate of Participation",
      "山田 太郎",
      "Taro YAMADA",
      "北区発・新製品の販路を探る",
      "Finding markets for new products made in Kita City",
      "東洋大学 マーケティングゼミ",
      "Marketing Seminar, Toyo University",
      "株式会社赤羽精密、王子製函株式会社",
      "Akabane Precision Co., Ltd., Oji Box Manufacturing Co., Ltd.",
      "北区産学連携発表会（2027年2月20日）",
      "Kita City Industry–Academia Presentation Day (20 February 2027)",
      "2027年2月20日",
      "20 February 2027",
      input.certificateId,
      `${PUBLIC_URL}/verify/${input.certificateId}`,
    ]) {
      expect(read.lines).toContain(line);
    }
  });

  it("carries the signed credential as an attachment", () => {
    const jwt = read.attachments["credential.jwt"];
    expect(new TextDecoder().decode(jwt.content)).toBe(input.credentialJwt);
    expect(JSON.parse(new TextDecoder().decode(read.attachments["credential.json"].content))).toEqual(input.credential);
  });

  it("is A4, in Japanese, with its metadata and the attachment listed as the document's source", async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(A4.width, 2);
    expect(height).toBeCloseTo(A4.height, 2);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toContain("山田 太郎");
    expect(doc.getAuthor()).toBe("東京都北区 産業振興課 (Industry Promotion Section, Kita City, Tokyo)");
    expect(doc.getCreationDate()?.toISOString()).toBe("2027-02-20T06:30:00.000Z");
    expect(doc.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("ja");

    const fileSpecs = doc.catalog
      .lookup(PDFName.of("AF"), PDFArray)
      .asArray()
      .map((ref) => doc.context.lookup(ref, PDFDict));
    const jwtSpec = fileSpecs.find(
      (spec) => spec.lookup(PDFName.of("UF"), PDFString, PDFHexString).decodeText() === "credential.jwt",
    );
    expect(jwtSpec?.get(PDFName.of("AFRelationship"))).toBe(PDFName.of("Source"));
    const file = jwtSpec!.lookup(PDFName.of("EF"), PDFDict).lookup(PDFName.of("F"), PDFStream);
    expect(file.dict.get(PDFName.of("Subtype"))).toBe(PDFName.of("application/vc+jwt"));
  });

  it("embeds Noto Sans JP as subsets, tagged ABCDEF+", async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (o): o is PDFDict =>
          o instanceof PDFDict &&
          o.get(PDFName.of("Type")) === PDFName.of("Font") &&
          o.has(PDFName.of("FontDescriptor")),
      );
    const names = fonts.map((font) => font.get(PDFName.of("BaseFont"))!.toString());
    expect(names.every((name) => /^\/[A-Z]{6}\+NotoSansJP-/.test(name))).toBe(true);
    expect(names.map((name) => name.slice(8)).sort()).toEqual(["NotoSansJP-Bold", "NotoSansJP-Regular"]);
    for (const font of fonts) {
      const fontFile = font.lookup(PDFName.of("FontDescriptor"), PDFDict).lookup(PDFName.of("FontFile2"), PDFStream);
      // The whole font is 5.4 MB; a subset of the glyphs on one certificate is a few tens of KB.
      expect(fontFile.getContentsSize()).toBeLessThan(100_000);
    }
    expect(bytes.length).toBeLessThan(150_000);
  });

  it("gives the same bytes for the same certificate, so it can be regenerated on each download", async () => {
    expect(Buffer.from(await renderCertificatePdf(input)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("wraps long content inside the page, keeping every word", async () => {
    const firms = Array.from({ length: 6 }, (_, i) => ({
      ja: `株式会社北区ものづくり総合研究開発センター第${i + 1}工場`,
      en: `Kita Monozukuri General Research and Development Centre, Plant No. ${i + 1}, Co., Ltd.`,
    }));
    const project = {
      id: 7,
      title: {
        ja: "赤羽・王子・田端の町工場が開発した新製品を、学生の視点で取材し、販路と売り場を調べて提案する長い名前のプロジェクト",
        en: "Interviewing the small factories of Akabane, Oji and Tabata about their new products, and proposing where and how to sell them",
      },
    };
    const long = await render(certificateData({ firms, project }));
    const { text, items } = await readPdf(long.bytes);
    for (const words of [project.title.ja, project.title.en, ...firms.flatMap((f) => [f.ja, f.en])]) {
      expect(squash(text)).toContain(squash(words));
    }
    expect(text).toContain(long.input.verifyUrl);
    // The details table (its last row is the certificate id) ends above the verification block.
    const y = (str: string) => items.find((item) => item.str === str)!.y;
    expect(y(long.input.certificateId)).toBeGreaterThan(y("真正性の確認 / Verification") + 12);
    const doc = await PDFDocument.load(long.bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
  });
});
