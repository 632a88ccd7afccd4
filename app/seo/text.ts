/**
 * A translator for code that runs outside React (Remix meta functions, preview images, CSV files): the bundled
 * catalogs in a private i18next instance, initialised synchronously. Client-safe.
 */
import { createInstance, type TFunction } from "i18next";
import { i18nConfig, type Lng } from "~/i18n";

const i18n = createInstance();
// Synchronous: the resources are bundled, so t() works as soon as this module is loaded.
void i18n.init({ ...i18nConfig, lng: "ja", initImmediate: false });

export function fixedT(lng: Lng): TFunction {
  return i18n.getFixedT(lng);
}

/** `text` cut to at most `max` characters (whole graphemes, whitespace folded), with "…" when cut. */
export function clip(text: string, max: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(folded)].map(
    (s) => s.segment,
  );
  if (graphemes.length <= max) return folded;
  return `${graphemes
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}
