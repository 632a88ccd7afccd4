/**
 * A translator for code that runs outside React (Remix meta functions, preview images, CSV files): the bundled
 * catalogs in a private i18next instance, initialised synchronously. Client-safe.
 */
import { createInstance, type TFunction } from "i18next";
import { i18nConfig, type Lng } from "~/i18n";
import { memoiseTranslations } from "~/utils/i18n-memo";

const i18n = createInstance();
// Synchronous: the resources are bundled, so t() works as soon as this module is loaded.
void i18n.init({ ...i18nConfig, lng: "ja", initImmediate: false });
memoiseTranslations(i18n);

export function fixedT(lng: Lng): TFunction {
  return i18n.getFixedT(lng);
}

// One segmenter for every call: creating it is the costly part (a CPU profile of page views showed `clip` at ~1% of
// all samples when it made one per description).
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** `text` cut to at most `max` characters (whole graphemes, whitespace folded), with "…" when cut. */
export function clip(text: string, max: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  // A grapheme is at least one UTF-16 unit, so a string this short cannot be over the limit.
  if (folded.length <= max) return folded;
  // Segmented lazily and only as far as the limit: a long description is not split into graphemes whole (a CPU
  // profile of the event page showed that at 2% of the request).
  let count = 0;
  let end = 0;
  for (const { index } of graphemes.segment(folded)) {
    // The max-th grapheme starts where the last one that fits beside "…" ends.
    if (++count === max) end = index;
    else if (count > max) return `${folded.slice(0, end).trimEnd()}…`;
  }
  return folded;
}
