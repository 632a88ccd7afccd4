/**
 * Bilingual columns are stored as `<field>_ja` (required) and `<field>_en` (optional). `localized(row, "title", lng)`
 * picks the reader's language and falls back to Japanese when the English text is missing. A row from an outer
 * join may lack both (`null`): the answer is then `null` too, so callers keep their own "—".
 */
type Bilingual<F extends string> = { [K in `${F}_ja`]: string | null | undefined } & {
  [K in `${F}_en`]?: string | null;
};

export function localized<F extends string, R extends Bilingual<F>>(
  row: R,
  field: F,
  lng: string,
): R[`${F}_ja`] | string {
  const ja = row[`${field}_ja`];
  if (lng !== "en") return ja;
  return (row as Record<string, string | null | undefined>)[`${field}_en`] || ja;
}

/** A project's, an event's or a research theme's title in the reader's language (Japanese when there is no English). */
export function localTitle<R extends { title_ja: string | null | undefined; title_en?: string | null }>(
  row: R,
  lng: string,
): R["title_ja"] | string {
  return localized(row, "title", lng);
}
