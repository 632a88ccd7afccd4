/**
 * Lets pdf-lib 1.17 embed fonts with fontkit 2.0.4 instead of @pdf-lib/fontkit (a fork of fontkit 1 whose
 * subsetting silently corrupts Japanese glyphs).
 *
 * pdf-lib calls `fontkit.create(bytes)` and then, on the font (core/embedders/CustomFont*Embedder.js, FontFlags.js):
 * layout(text, features).glyphs[i].{id, advanceWidth, codePoints}, createSubset(), unitsPerEm, postscriptName,
 * ascent, descent, capHeight, xHeight, italicAngle, bbox, post.isFixedPitch, head.macStyle.italic, ['OS/2'], cff,
 * characterSet and glyphForCodePoint (the last two for non-subset embedding only).
 * fontkit 2 has all of these except:
 * - subset.encodeStream(): fontkit 2 replaced the stream with a synchronous subset.encode(); pdf-lib listens for
 *   'data'/'end'/'error', so the adapter emits the encoded bytes as a one-chunk stream;
 * - font.cff: fontkit 2 exposes the table as font['CFF '] (CFF2 for variable CFF fonts).
 *
 * Speed: a font is parsed once per byte array (pdf-lib passes our Uint8Array through untouched, so identity is the
 * cache key) and the result of layout() is memoized per string, as the same labels appear on every certificate.
 * fontkit's TTFSubset also decodes the whole outline of every glyph on every subset, only to spot composite glyphs;
 * rememberOutlines() keeps each decoded outline on its glyph (fontkit already keeps the glyph objects), which saves
 * about a quarter of the time of a certificate PDF. It relies on fontkit internals, hence the exact version pin.
 */
import { EventEmitter } from "node:events";
import * as fontkit from "fontkit";
import type { PDFDocument } from "pdf-lib";

type PdfLibFontkit = Parameters<PDFDocument["registerFontkit"]>[0];

const MAX_MEMOIZED_LAYOUTS = 20_000;

class PdfLibFont {
  readonly unitsPerEm: number;
  readonly postscriptName: string;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly italicAngle: number;
  readonly bbox: fontkit.BBox;
  readonly post: fontkit.Font["post"];
  readonly head: fontkit.Font["head"];
  readonly "OS/2": fontkit.Font["OS/2"];
  readonly cff: boolean;
  private readonly layouts = new Map<string, fontkit.GlyphRun>();

  constructor(readonly font: fontkit.Font) {
    this.unitsPerEm = font.unitsPerEm;
    this.postscriptName = font.postscriptName;
    this.ascent = font.ascent;
    this.descent = font.descent;
    this.capHeight = font.capHeight;
    this.xHeight = font.xHeight;
    this.italicAngle = font.italicAngle;
    this.bbox = font.bbox;
    this.post = font.post;
    this.head = font.head;
    this["OS/2"] = font["OS/2"];
    this.cff = Boolean(font["CFF "] ?? font.CFF2);
  }

  get characterSet() {
    return this.font.characterSet;
  }

  glyphForCodePoint(codePoint: number) {
    return this.font.glyphForCodePoint(codePoint);
  }

  layout(text: string, features?: string[] | Record<string, boolean>) {
    if (features) return this.font.layout(text, features);
    let run = this.layouts.get(text);
    if (!run) {
      if (this.layouts.size >= MAX_MEMOIZED_LAYOUTS) this.layouts.clear();
      run = this.font.layout(text);
      this.layouts.set(text, run);
    }
    return run;
  }

  createSubset() {
    const subset = this.font.createSubset();
    return {
      cff: subset.cff,
      includeGlyph: (glyph: number | fontkit.Glyph) => subset.includeGlyph(glyph),
      encodeStream() {
        const stream = new EventEmitter();
        // Emit after pdf-lib has attached its listeners (it does so synchronously on the returned object).
        queueMicrotask(() => {
          let bytes: Uint8Array;
          try {
            bytes = subset.encode();
          } catch (error) {
            stream.emit("error", error);
            return;
          }
          stream.emit("data", bytes);
          stream.emit("end");
        });
        return stream;
      },
    };
  }
}

const parsed = new WeakMap<Uint8Array, PdfLibFont>();

/** Parses (once) a TTF/OTF font for pdf-lib; also gives direct access to the fontkit font. */
export function openFont(bytes: Uint8Array): PdfLibFont {
  let font = parsed.get(bytes);
  if (!font) {
    font = new PdfLibFont(rememberOutlines(fontkit.create(bytes)));
    parsed.set(bytes, font);
  }
  return font;
}

interface InternalGlyph extends fontkit.Glyph {
  _decode(): unknown;
}

function rememberOutlines(font: fontkit.Font): fontkit.Font {
  const internal = font as fontkit.Font & {
    getGlyph(id: number, codePoints?: number[]): InternalGlyph | null;
    fvar?: unknown;
  };
  // A variable font's outlines depend on the chosen instance: leave those alone.
  if (internal.fvar) return font;
  const remembered = new WeakSet<InternalGlyph>();
  const getGlyph = internal.getGlyph.bind(font);
  internal.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && !remembered.has(glyph)) {
      const decode = glyph._decode.bind(glyph);
      let outline: unknown;
      glyph._decode = () => (outline ??= decode());
      remembered.add(glyph);
    }
    return glyph;
  };
  return font;
}

/** Pass to pdfDoc.registerFontkit(). */
export const fontkitForPdfLib = { create: openFont } as unknown as PdfLibFontkit;
