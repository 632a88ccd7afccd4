/**
 * Search text for the firm register. Japanese is typed in many forms: half- and full-width (ｱｶﾊﾞﾈ / アカバネ / ＡＢＣ),
 * hiragana or katakana (あかばね / アカバネ), upper or lower case. The stored `firm.search_text` and every query term
 * go through the same folding, so a plain LIKE finds them all. Client-safe and pure: the seed uses it too (the
 * firm-register migration keeps its own frozen copy).
 */

/** NFKC, Latin lower case, katakana folded to hiragana, whitespace removed. */
export function normalizeForSearch(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      // ァ–ヶ and the iteration marks ヽヾ sit exactly 0x60 above their hiragana; ー and ・ have none and stay.
      .replace(/[\u30a1-\u30f6\u30fd\u30fe]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
      // The small ヶ/ヵ of place names (西ヶ原) are read, and written, as ケ/カ.
      .replace(/ゖ/gu, "け")
      .replace(/ゕ/gu, "か")
      .replace(/\s+/gu, "")
  );
}

export interface SearchableFirm {
  name: string;
  name_kana: string;
  products: string;
}

/** The value of `firm.search_text`: name, reading and products, each folded. */
export function firmSearchText(firm: SearchableFirm): string {
  return [firm.name, firm.name_kana, firm.products].map(normalizeForSearch).join("\n");
}

export const MAX_SEARCH_TERMS = 8;

/** The words of a query (full-width spaces separate words too), folded; every one must match. */
export function searchTerms(query: string | null | undefined): string[] {
  if (!query) return [];
  return query.normalize("NFKC").split(/\s+/u).map(normalizeForSearch).filter(Boolean).slice(0, MAX_SEARCH_TERMS);
}

/** A LIKE pattern that matches the term anywhere, with LIKE's wildcards escaped (use with ESCAPE '\'). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
