/**
 * Firm register forms: the staff form (every field), the firm user's own profile (descriptive fields only), hiding,
 * the look-up in the national register, and the directory's search parameters. Form fields are named after the
 * firm table's columns, so a parsed form is the model's input as it is. CSV rows are checked with FirmSchema too.
 */
import { z } from "zod";
import { isValidCorporateNumber, normalizeCorporateNumber } from "~/utils/corporate-number";
import { INDUSTRY_KEYS, TOWN_KEYS } from "~/utils/kita";
import { msg, optionalText, requiredText } from "./messages";

/** Hyphens as people type them (full-width, dashes, the long-vowel mark) become "-". */
const unifyHyphens = (s: string) => s.normalize("NFKC").replace(/[‐‑‒–—―−ー]/gu, "-");

export const CorporateNumberSchema = requiredText(40)
  .transform(normalizeCorporateNumber)
  .refine(isValidCorporateNumber, msg("firms.validation.corporateNumber"));

/** The reading, stored in katakana whatever was typed (half-width, hiragana). */
const KanaSchema = requiredText(100)
  .transform((s) =>
    s.normalize("NFKC").replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)),
  )
  .refine((s) => /^[\p{Script=Katakana}ー・ \u3000]+$/u.test(s), msg("firms.validation.kana"));

const PostalCodeSchema = requiredText(10)
  .transform((s) => unifyHyphens(s).replace(/^〒/u, "").trim())
  .refine((s) => /^\d{3}-?\d{4}$/.test(s), msg("firms.validation.postalCode"))
  .transform((s) => `${s.replace("-", "").slice(0, 3)}-${s.replace("-", "").slice(3)}`);

const PhoneSchema = optionalText(20)
  .transform((s) => (s ? unifyHyphens(s).replace(/[\s()]/g, "") : null))
  .refine(
    (s) =>
      s === null || (/^\+?[0-9-]+$/.test(s) && s.replace(/\D/g, "").length >= 10 && s.replace(/\D/g, "").length <= 13),
    msg("firms.validation.phone"),
  );

const WebsiteSchema = optionalText(300)
  .transform((s) => s || null)
  .refine((s) => s === null || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(s), msg("firms.validation.website"));

const DescriptiveFields = {
  phone: PhoneSchema,
  website: WebsiteSchema,
  products: optionalText(1000).transform((s) => s ?? ""),
  description: optionalText(2000).transform((s) => s || null),
  new_product: z.boolean().default(false),
  is_public: z.boolean().default(false),
};

export const FirmSchema = z.object({
  corporate_number: CorporateNumberSchema,
  name: requiredText(100),
  name_kana: KanaSchema,
  industry: z.enum(INDUSTRY_KEYS, { error: msg("validation.chooseOne") }),
  postal_code: PostalCodeSchema,
  town: z.enum(TOWN_KEYS, { error: msg("validation.chooseOne") }),
  address: requiredText(200),
  ...DescriptiveFields,
});

/** A firm as the model takes it (the parsed staff form or a CSV row). */
export type FirmFields = z.output<typeof FirmSchema>;
export const FIRM_FIELDS = Object.keys(FirmSchema.shape) as Array<keyof FirmFields>;

/** What a firm user may change on its own profile; anything else in the form is ignored. */
export const FirmProfileSchema = z.object(DescriptiveFields);
export type FirmProfileFields = z.output<typeof FirmProfileSchema>;

export const LookupSchema = z.object({ corporate_number: CorporateNumberSchema });

export const HideFirmSchema = z.object({ reason: requiredText(500) });

/** Firms per page of the directory and the staff register (shared by the query and the page links). */
export const FIRMS_PER_PAGE = 20;

/**
 * The directory's query string. Bad values are dropped rather than refused: a search link never breaks. An absent
 * page is 1 by `default`, not by `catch`: a caught failure builds a Zod issue first (~5 µs on every directory view).
 */
export const FirmSearchParamsSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  industry: z.enum(INDUSTRY_KEYS).optional().catch(undefined),
  town: z.enum(TOWN_KEYS).optional().catch(undefined),
  new_product: z.literal("1").optional().catch(undefined),
  hidden: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export function parseFirmSearchParams(url: URL) {
  return FirmSearchParamsSchema.parse(Object.fromEntries(url.searchParams));
}
