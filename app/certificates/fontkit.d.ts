// The part of fontkit 2's API that app/certificates uses (fontkit ships no types).
declare module "fontkit" {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
  }
  export interface Subset {
    includeGlyph(glyph: number | Glyph): number;
    encode(): Uint8Array;
    /** Set on CFF subsets only. */
    cff?: unknown;
  }
  export interface BBox {
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
    italicAngle: number;
    bbox: BBox;
    characterSet: number[];
    numGlyphs: number;
    post: { isFixedPitch: number };
    head: { macStyle: { italic: boolean } };
    "OS/2"?: { sFamilyClass: number };
    "CFF "?: unknown;
    CFF2?: unknown;
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
