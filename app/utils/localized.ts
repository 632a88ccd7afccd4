/**
 * Bilingual columns are stored as `<field>_ja` (required) and `<field>_en` (optional). `localized(row, "title", lng)`
 * picks the reader's language and falls back to Japanese when the English text is missing.
 */
type Bilingual<F extends string> = { [K in `${F}_ja`]: string } & { [K in `${F}_en`]?: string | null };

export function localized<F extends string>(row: Bilingual<F>, field: F, lng: string): string {
  const ja = (row as Record<string, string>)[`${field}_ja`];
  if (lng !== "en") return ja;
  return (row as Record<string, string | null | undefined>)[`${field}_en`] || ja;
}
