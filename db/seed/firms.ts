/**
 * The firm register's demo data: 260 Kita-ku manufacturing firms drawn from the fixed-seed PRNG, with valid 13-digit
 * corporate numbers. The first firm (株式会社赤羽精密) is hand-written; the first four belong to the demo firm users.
 */
import type { Transaction } from "kysely";
import { makeCorporateNumber } from "../../app/utils/corporate-number";
import { firmSearchText } from "../../app/utils/firm-search";
import { INDUSTRIES, KITA_TOWNS, type KitaTown, type TownKey } from "../../app/utils/kita";
import type { Database, NewFirm } from "../schema";
import { SEEDED_AT } from "./common";
import { INDUSTRY_PLANS, NAME_PREFIXES, REGISTRY_CODES, TOWN_PLANS } from "./firm-vocabulary";
import { int, pad, pick, pickDistinct, pickWeighted, type Random } from "./random";

const FIRM_COUNT = 260;

function makeAddress(rand: Random, town: TownKey): string {
  const chome = TOWN_PLANS[town].chome;
  const rest = `${int(rand, 1, 40)}番${int(rand, 1, 25)}号`;
  return chome ? `${int(rand, 1, chome)}丁目${rest}` : rest;
}

function makePhone(rand: Random): string {
  return `03-39${pad(int(rand, 0, 19), 2)}-${pad(int(rand, 0, 9999), 4)}`;
}

function describeFirm(year: number, town: KitaTown, product: string, work: string, newProduct: boolean): string {
  return newProduct
    ? `${year}年の創業以来${town.ja}で${product}の${work}を手がけ、近年は培った技術を生かした自社製品の開発にも取り組んでいます。`
    : `${year}年の創業以来${town.ja}で${product}を中心に${work}を手がけています。`;
}

export function generateFirms(rand: Random): NewFirm[] {
  const industries = INDUSTRIES.map((i) => [i.key, INDUSTRY_PLANS[i.key].weight] as const);
  const towns = KITA_TOWNS.map((t) => [t, TOWN_PLANS[t.key].weight] as const);
  const usedStems = new Set<string>(["赤羽精密"]);
  const usedSlugs = new Set<string>(["akabane-seimitsu"]);
  const usedNumbers = new Set<string>();

  const corporateNumber = (kind: "01" | "02") => {
    for (;;) {
      const base = `${pickWeighted(rand, REGISTRY_CODES)}${kind}${pad(int(rand, 1, 99999), 6)}`;
      const number = makeCorporateNumber(base);
      if (!usedNumbers.has(number)) {
        usedNumbers.add(number);
        return number;
      }
    }
  };

  const akabane = KITA_TOWNS.find((t) => t.key === "akabane")!;
  const firms: NewFirm[] = [
    // The demo firm user's own firm: hand-written so that the demo journey reads well.
    {
      corporate_number: corporateNumber("01"),
      name: "株式会社赤羽精密",
      name_kana: "アカバネセイミツ",
      industry: "precision",
      postal_code: akabane.postal,
      town: akabane.key,
      address: "3丁目7番12号",
      phone: "03-3901-4127",
      website: "https://example.jp/akabane-seimitsu",
      products: "精密切削部品、医療機器部品、光学部品",
      description:
        "1968年の創業以来赤羽で精密切削部品の製造を手がけ、近年は医療機器メーカーと共同で新しい手術器具部品を開発しました。",
      new_product: 1,
      is_public: 1,
      hidden_at: null,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    },
  ];

  while (firms.length < FIRM_COUNT) {
    const industry = pickWeighted(rand, industries);
    const plan = INDUSTRY_PLANS[industry];
    const prefix = pick(rand, NAME_PREFIXES);
    const word = pick(rand, plan.words);
    const stem = prefix[0] + word[0];
    const slug = `${prefix[2]}-${word[2]}`;
    if (usedStems.has(stem) || usedSlugs.has(slug)) continue;
    usedStems.add(stem);
    usedSlugs.add(slug);

    const form = rand();
    const name = form < 0.55 ? `株式会社${stem}` : form < 0.85 ? `${stem}株式会社` : `有限会社${stem}`;
    const town = pickWeighted(rand, towns);
    const products = pickDistinct(rand, word[3] ?? plan.products, int(rand, 1, 3));
    const newProduct = rand() < 0.3;
    const founded = 1946 + Math.floor(rand() ** 1.5 * 60); // older firms are more common
    const index = firms.length; // 0-based; the first four belong to demo firm users and stay public

    firms.push({
      corporate_number: corporateNumber(form < 0.85 ? "01" : "02"),
      name,
      name_kana: prefix[1] + word[1],
      industry,
      postal_code: town.postal,
      town: town.key,
      address: makeAddress(rand, town.key),
      phone: rand() < 0.95 ? makePhone(rand) : null,
      website: rand() < 0.4 ? `https://example.jp/${slug}` : null,
      products: products.join("、"),
      description: describeFirm(founded, town, products[0], plan.work, newProduct),
      new_product: newProduct ? 1 : 0,
      is_public: index < 4 || rand() < 0.9 ? 1 : 0,
      hidden_at: null,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    });
  }
  return firms;
}

/**
 * Inserts the generated firms with their search text and answers the id of a firm by its index; only the first
 * four (the demo firm users' firms) are looked up.
 */
export async function seedFirms(trx: Transaction<Database>, firms: readonly NewFirm[]) {
  // Chunks keep every statement well under the bound-parameter limits of SQLite and PostgreSQL.
  for (let i = 0; i < firms.length; i += 50) {
    await trx
      .insertInto("firm")
      .values(firms.slice(i, i + 50).map((f) => ({ ...f, search_text: firmSearchText(f) })))
      .execute();
  }
  const firmRows = await trx
    .selectFrom("firm")
    .select(["id", "corporate_number"])
    .where(
      "corporate_number",
      "in",
      firms.slice(0, 4).map((f) => f.corporate_number),
    )
    .execute();
  return (index: number) => {
    const row = firmRows.find((f) => f.corporate_number === firms[index].corporate_number);
    if (!row) throw new Error(`seed: firm #${index} missing`);
    return row.id;
  };
}
