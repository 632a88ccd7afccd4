// Firms for tests: valid fields with a fresh corporate number each time, written through the model.
import { insertFirm } from "~/models/firm.server";
import type { FirmFields } from "~/schemas/firm";
import { makeCorporateNumber } from "~/utils/corporate-number";
import { getDb } from "~/utils/db.server";

let serial = 0;

/** A valid corporate number no other test firm has (registry code 9999: never a fixture's or the seed's). */
export function nextCorporateNumber(): string {
  serial++;
  return makeCorporateNumber(`999901${String(serial).padStart(6, "0")}`);
}

export function firmInput(overrides: Partial<FirmFields> = {}): FirmFields {
  return {
    corporate_number: nextCorporateNumber(),
    name: `株式会社テスト${serial}`,
    name_kana: "テスト",
    industry: "metal_products",
    postal_code: "114-0003",
    town: "toshima",
    address: "1丁目1番1号",
    phone: null,
    website: null,
    products: "試験部品",
    description: null,
    new_product: false,
    is_public: true,
    ...overrides,
  };
}

/** Inserts a firm (audited as the system) and returns its id. */
export async function createTestFirm(overrides: Partial<FirmFields> = {}): Promise<number> {
  const input = firmInput(overrides);
  const id = await getDb()
    .transaction()
    .execute((trx) => insertFirm(trx, input, null, "create"));
  if (id === null) throw new Error(`test firm ${input.corporate_number} exists already`);
  return id;
}
