/**
 * The certificate as a bilingual A4 PDF (Japanese first, English below each line), with a vector QR code of the
 * verification URL and the signed credential attached (credential.jwt, plus credential.json for people).
 *
 * Japanese text uses Noto Sans JP (SIL OFL), embedded as a subset (6-letter tag + name, as PDF readers expect).
 * The same input gives byte-identical output (dates come from the data, no random font suffix), so a PDF can be
 * regenerated on each download instead of stored.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import { deflateSync } from "node:zlib";
import {
  AFRelationship,
  concatTransformationMatrix,
  fill,
  PDFArray,
  PDFContentStream,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  PDFRef,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  type RGB,
  setFillingRgbColor,
} from "pdf-lib";
import QRCode from "qrcode";
import { formatDate } from "~/utils/format";
import { VC_JWT_MEDIA_TYPE } from "./credential.server";
import {
  type Bilingual,
  type CertificateData,
  CERTIFICATE_TITLE,
  inEnglish,
  ISSUER,
  ISSUER_NAME,
  PROGRAMME,
  STATEMENT,
} from "./data";
import { fontkitForPdfLib } from "./fontkit-adapter.server";

export interface CertificatePdfInput extends CertificateData {
  verifyUrl: string;
  /** The signed VC-JWT, attached as credential.jwt. */
  credentialJwt: string;
  /** The credential (the JWT's payload), attached as credential.json for people to read. */
  credential: object;
}

/** A4 in PostScript points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
};

let fontBytes: { regular: Uint8Array; bold: Uint8Array } | undefined;

// Read once; fontkit parses each byte array once too (see fontkit-adapter.server.ts).
function fonts() {
  fontBytes ??= {
    regular: new Uint8Array(fs.readFileSync(require.resolve(FONT_FILES.regular))),
    bold: new Uint8Array(fs.readFileSync(require.resolve(FONT_FILES.bold))),
  };
  return fontBytes;
}

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.36, 0.38, 0.42);
const ACCENT = rgb(0.05, 0.27, 0.5);

const MARGIN = 64;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
/** The verification block (QR code and URL) sits at the bottom of the page. */
const BOTTOM = 62;
const QR_SIZE = 92;

/** PDF subset fonts are named "ABCDEF+Name": six capitals, here derived from the certificate so output is stable. */
function subsetTag(seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join("");
}

export async function renderCertificatePdf(data: CertificatePdfInput): Promise<Uint8Array> {
  const issued = new Date(data.issuedAt);
  const doc = await PDFDocument.create({ updateMetadata: false });
  // pdf-lib compresses fonts, CMaps and attachments with pako (pure JS): node's native zlib makes the same
  // FlateDecode streams several times faster. Set on this document's context only, not on pdf-lib's prototype.
  doc.context.flateStream = (contents, dict = {}) => {
    const bytes = typeof contents === "string" ? Buffer.from(contents, "latin1") : contents;
    return doc.context.stream(deflateSync(bytes), { ...dict, Filter: "FlateDecode" });
  };
  doc.registerFontkit(fontkitForPdfLib);
  const font = fonts();
  const tag = subsetTag(data.certificateId);
  const regular = await doc.embedFont(font.regular, { subset: true, customName: `${tag}+NotoSansJP-Regular` });
  const bold = await doc.embedFont(font.bold, { subset: true, customName: `${subsetTag(tag)}+NotoSansJP-Bold` });

  const title = `${CERTIFICATE_TITLE.ja} / ${CERTIFICATE_TITLE.en} — ${data.student.name} (${data.student.nameLatin})`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(ISSUER_NAME);
  doc.setSubject(`${PROGRAMME.ja} / ${PROGRAMME.en}`);
  doc.setKeywords([data.certificateId, "Open Badges 3.0", "Verifiable Credential"]);
  doc.setCreator(`${ISSUER.en} — certificate service`);
  doc.setProducer("pdf-lib");
  doc.setLanguage("ja");
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);

  const page = doc.addPage([A4.width, A4.height]);
  const pen = new Pen(page, regular, bold);

  // Frame.
  page.drawRectangle({
    x: 28,
    y: 28,
    width: A4.width - 56,
    height: A4.height - 56,
    borderColor: ACCENT,
    borderWidth: 1.5,
  });
  page.drawRectangle({
    x: 34,
    y: 34,
    width: A4.width - 68,
    height: A4.height - 68,
    borderColor: ACCENT,
    borderWidth: 0.5,
  });

  // Issuer, title, student.
  let y = A4.height - 84;
  pen.line(ISSUER.ja, { y, size: 13, bold: true, align: "center", color: ACCENT });
  pen.line(ISSUER.en, { y: (y -= 16), size: 9.5, align: "center", color: MUTED });
  pen.line(CERTIFICATE_TITLE.ja, { y: (y -= 62), size: 34, bold: true, align: "center" });
  pen.line(CERTIFICATE_TITLE.en, { y: (y -= 28), size: 16, align: "center", color: MUTED });
  pen.line(data.student.name, { y: (y -= 66), size: 26, bold: true, align: "center" });
  page.drawLine({
    start: { x: MARGIN + 90, y: y - 9 },
    end: { x: A4.width - MARGIN - 90, y: y - 9 },
    thickness: 0.6,
    color: MUTED,
  });
  pen.line(data.student.nameLatin, { y: (y -= 30), size: 13, align: "center" });

  // Statement.
  y = pen.paragraph(STATEMENT.ja, { y: y - 40, size: 11, lineHeight: 18 });
  y = pen.paragraph(STATEMENT.en, { y: y - 2, size: 9.5, lineHeight: 13.5, color: MUTED });

  // Details.
  const rows: Array<[Bilingual, Bilingual]> = [
    [{ ja: "プロジェクト", en: "Project" }, data.project.title],
    [
      { ja: "ゼミ・大学", en: "Seminar, university" },
      {
        ja: `${data.university.ja} ${data.seminar.ja}`,
        en: `${inEnglish(data.seminar)}, ${inEnglish(data.university)}`,
      },
    ],
    [
      { ja: "取材企業", en: "Firms interviewed" },
      { ja: data.firms.map((f) => f.ja).join("、"), en: data.firms.map(inEnglish).join(", ") },
    ],
    [
      { ja: "発表会", en: "Presented at" },
      {
        ja: `${data.event.name.ja}（${formatDate(data.event.date, "ja")}）`,
        en: `${inEnglish(data.event.name)} (${formatDate(data.event.date, "en")})`,
      },
    ],
    [{ ja: "発行者", en: "Issued by" }, ISSUER],
    [
      { ja: "発行日", en: "Date of issue" },
      { ja: formatDate(issued, "ja"), en: formatDate(issued, "en") },
    ],
    [{ ja: "証明書ID", en: "Certificate ID" }, { ja: data.certificateId }],
  ];
  // Long content (many firms, long titles) gets smaller type rather than running into the verification block.
  const detailsTop = y - 26;
  const detailsBottom = BOTTOM + QR_SIZE + 24;
  let scale = 1;
  while (scale > 0.6 && pen.dryRun(() => details(pen, rows, detailsTop, scale)) < detailsBottom) scale -= 0.04;
  details(pen, rows, detailsTop, scale);

  // Verification: QR code on the right, the URL and a note on the left.
  const qrX = A4.width - MARGIN - QR_SIZE;
  drawQrCode(page, data.verifyUrl, qrX, BOTTOM, QR_SIZE);
  const noteWidth = qrX - MARGIN - 16;
  let noteY = BOTTOM + QR_SIZE - 10;
  pen.line("真正性の確認 / Verification", { x: MARGIN, y: noteY, size: 9.5, bold: true, color: ACCENT });
  noteY = pen.paragraph("この証明書の有効性（失効していないこと）は、次のURLまたはQRコードで確認できます。", {
    x: MARGIN,
    y: noteY - 16,
    width: noteWidth,
    size: 8.5,
    lineHeight: 12,
    align: "left",
  });
  noteY = pen.paragraph("Check that this certificate is genuine and not revoked at this address or with the QR code:", {
    x: MARGIN,
    y: noteY,
    width: noteWidth,
    size: 7.5,
    lineHeight: 10,
    color: MUTED,
    align: "left",
  });
  pen.line(data.verifyUrl, { x: MARGIN, y: noteY - 4, size: pen.fitSize(data.verifyUrl, noteWidth, 9), color: ACCENT });
  pen.paragraph(
    "署名付きのデジタル証明書（Open Badges 3.0：VC-JWT と JSON-LD）をこのPDFに添付しています。 The signed digital credential (Open Badges 3.0: VC-JWT and JSON-LD) is attached to this PDF.",
    { x: MARGIN, y: BOTTOM + 8, width: noteWidth, size: 6.5, lineHeight: 9, color: MUTED, align: "left" },
  );

  compressPageContents(doc, page);
  await doc.attach(new TextEncoder().encode(data.credentialJwt), "credential.jwt", {
    mimeType: VC_JWT_MEDIA_TYPE,
    description: "署名付きデジタル証明書 / Signed credential (Open Badges 3.0, VC-JWT)",
    creationDate: issued,
    modificationDate: issued,
    afRelationship: AFRelationship.Source,
  });
  // The JSON-LD credential carries its embedded proof (certificates since 2026-11-30): a wallet or JSON-LD verifier
  // takes it as it is; for older certificates it is the JWT's payload, for reading.
  const proved = Boolean((data.credential as { proof?: unknown }).proof);
  await doc.attach(new TextEncoder().encode(`${JSON.stringify(data.credential, null, 2)}\n`), "credential.json", {
    mimeType: "application/vc",
    description: proved
      ? "署名付き資格情報（JSON-LD、埋め込み証明）/ Signed credential (JSON-LD with embedded proof)"
      : "証明書データ（署名なし・閲覧用）/ The credential, unsigned, for reading",
    creationDate: issued,
    modificationDate: issued,
    afRelationship: AFRelationship.Supplement,
  });
  // Classic xref table: object streams would cost one more (pako) compression for a few hundred bytes saved.
  // No yielding to the event loop every 50 objects: each yield is a setTimeout, >= 1 ms, for a ~40-object file.
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/** The label/value table, label on the left, value on the right, each Japanese above English; returns the end y. */
function details(pen: Pen, rows: Array<[Bilingual, Bilingual]>, top: number, scale: number) {
  let y = top;
  const x = MARGIN + 128;
  const width = CONTENT_WIDTH - 136;
  for (const [label, value] of rows) {
    const at = (size: number, lineHeight: number) => ({
      size: size * scale,
      lineHeight: lineHeight * scale,
      align: "left" as const,
    });
    const labelEnd = pen.paragraph(label.ja, { x: MARGIN + 8, y, width: 110, bold: true, ...at(9.5, 13) });
    pen.paragraph(label.en ?? "", { x: MARGIN + 8, y: labelEnd, width: 110, color: MUTED, ...at(7.5, 10) });
    let valueEnd = pen.paragraph(value.ja, { x, y, width, ...at(11, 15) });
    const en = value.en?.trim();
    if (en && en !== value.ja) valueEnd = pen.paragraph(en, { x, y: valueEnd, width, color: MUTED, ...at(9, 12) });
    y = Math.min(valueEnd, labelEnd - 10 * scale) - 9 * scale;
  }
  return y;
}

/** Re-encodes the page's drawing operators with zlib (pdf-lib compresses content streams with pako, a JS deflate). */
function compressPageContents(doc: PDFDocument, page: PDFPage) {
  const contents = page.node.Contents();
  for (const ref of contents instanceof PDFArray ? contents.asArray() : []) {
    const stream = doc.context.lookup(ref);
    if (ref instanceof PDFRef && stream instanceof PDFContentStream) {
      doc.context.assign(ref, doc.context.flateStream(stream.getUnencodedContents()));
    }
  }
}

/** The QR code as filled rectangles (one per horizontal run of dark modules): vector, crisp, and cheap. */
function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  // Draw in module units (one unit = one module, origin at the top-left) so coordinates are short integers.
  const ops = [
    pushGraphicsState(),
    concatTransformationMatrix(size / n, 0, 0, -size / n, x, y + size),
    setFillingRgbColor(0, 0, 0),
  ];
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && modules.get(row, col);
      if (dark && start < 0) start = col;
      else if (!dark && start >= 0) {
        ops.push(rectangle(start, row, col - start, 1));
        start = -1;
      }
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

interface TextOptions {
  x?: number;
  y: number;
  size: number;
  bold?: boolean;
  color?: RGB;
  align?: "left" | "center";
}

// Tokens for line breaking: a run of non-CJK, non-space characters (a Latin word), a run of spaces, or one character.
const TOKENS = /[^\s\u3000-\u9fff\uff00-\uffef]+|\s+|./gu;
// Characters that must not start a line (kinsoku shori); they hang at the end of the previous one instead.
const NO_LINE_START = /^[、。，．,.)）」』】〕・ー:：;；!！?？ぁぃぅぇぉっゃゅょァィゥェォッャュョ]/u;

/** Draws text on one page with the two weights; y is the baseline, lines go downwards. */
class Pen {
  constructor(
    private page: PDFPage,
    private regular: PDFFont,
    private bold: PDFFont,
  ) {}

  private drawing = true;
  private current: PDFFont | undefined;

  /** Runs a layout without drawing anything (to measure it); returns what the layout returns. */
  dryRun<T>(layout: () => T): T {
    this.drawing = false;
    try {
      return layout();
    } finally {
      this.drawing = true;
    }
  }

  private font(bold?: boolean) {
    return bold ? this.bold : this.regular;
  }

  width(text: string, size: number, bold?: boolean) {
    return this.font(bold).widthOfTextAtSize(text, size);
  }

  /** The largest size up to `max` at which `text` fits on one line of `width`. */
  fitSize(text: string, width: number, max: number) {
    return Math.min(max, (max * width) / this.width(text, max));
  }

  line(text: string, { x = MARGIN, y, size, bold, color = INK, align = "left" }: TextOptions) {
    if (!this.drawing) return;
    const left = align === "center" ? (A4.width - this.width(text, size, bold)) / 2 : x;
    // Switch fonts only when needed: drawText({ font }) adds two font entries to the page's resources per call.
    const font = this.font(bold);
    if (this.current !== font) this.page.setFont((this.current = font));
    // Two decimals are plenty for a position (1/100 pt) and keep the content stream short.
    this.page.drawText(text, { x: Math.round(left * 100) / 100, y: Math.round(y * 100) / 100, size, color });
  }

  /** Wraps and draws text; returns the baseline of the line that would come next. */
  paragraph(text: string, options: TextOptions & { width?: number; lineHeight: number }) {
    const { width = CONTENT_WIDTH, lineHeight, align = "center" } = options;
    let y = options.y;
    for (const line of this.wrap(text, width, options.size, options.bold)) {
      this.line(line, { ...options, y, align });
      y -= lineHeight;
    }
    return y;
  }

  /**
   * Greedy line breaking: between words of Latin text, between any two CJK characters, never before closing
   * punctuation (kinsoku: it hangs at the end of the line instead). A line's width is the sum of its tokens' widths,
   * which is what pdf-lib draws (it applies no kerning), and each token's width is memoized by the font adapter.
   */
  private wrap(text: string, width: number, size: number, bold?: boolean): string[] {
    const lines: string[] = [];
    let line = "";
    let lineWidth = 0;
    const add = (token: string, tokenWidth: number) => {
      line += token;
      lineWidth += tokenWidth;
    };
    const breakLine = () => {
      if (line.trim()) lines.push(line.trimEnd());
      line = "";
      lineWidth = 0;
    };
    for (const token of text.match(TOKENS) ?? []) {
      const tokenWidth = this.width(token, size, bold);
      if (/^\s+$/.test(token)) {
        if (line) add(token, tokenWidth);
        continue;
      }
      if (line && lineWidth + tokenWidth > width && !NO_LINE_START.test(token)) breakLine();
      if (tokenWidth <= width) add(token, tokenWidth);
      else {
        // A word longer than a whole line (a URL): break it anywhere.
        for (const char of token) {
          const charWidth = this.width(char, size, bold);
          if (line && lineWidth + charWidth > width) breakLine();
          add(char, charWidth);
        }
      }
    }
    breakLine();
    return lines;
  }
}
