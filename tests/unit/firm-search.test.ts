// Search folding (width, kana, case), gBizINFO's address split, and the demo seed's search text.
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest, openSqlite } from "~/utils/db.server";
import { containsPattern, firmSearchText, normalizeForSearch, searchTerms } from "~/utils/firm-search";
import { splitKitaAddress } from "~/utils/gbizinfo.server";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed";

describe("normalizeForSearch", () => {
  it("folds half-width, full-width, hiragana and katakana to one form", () => {
    const forms = ["ｱｶﾊﾞﾈ", "アカバネ", "あかばね"].map(normalizeForSearch);
    expect(new Set(forms)).toEqual(new Set(["あかばね"]));
  });

  it("folds Latin case and width, and drops spaces", () => {
    expect(normalizeForSearch("ＬＥＤ 照明")).toBe("led照明");
    expect(normalizeForSearch("Led")).toBe("led");
  });

  it("reads the small ヶ of place names as ケ", () => {
    expect(normalizeForSearch("西ヶ原")).toBe(normalizeForSearch("西ケ原"));
  });
});

describe("searchTerms and patterns", () => {
  it("splits on half- and full-width spaces and drops empty words", () => {
    expect(searchTerms("  赤羽　精密  ｾｲﾐﾂ ")).toEqual(["赤羽", "精密", "せいみつ"]);
    expect(searchTerms("")).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it("escapes LIKE wildcards", () => {
    expect(containsPattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });

  it("keeps name, reading and products in the stored text", () => {
    expect(firmSearchText({ name: "株式会社赤羽精密", name_kana: "アカバネセイミツ", products: "精密切削部品" })).toBe(
      "株式会社赤羽精密\nあかばねせいみつ\n精密切削部品",
    );
  });
});

describe("splitKitaAddress", () => {
  it("finds the longest town name after 北区", () => {
    expect(splitKitaAddress("東京都北区赤羽西１丁目２番３号")).toEqual({
      town: "akabane_nishi",
      address: "1丁目2番3号",
    });
    expect(splitKitaAddress("東京都北区王子本町1-15-22")).toEqual({ town: "oji_honcho", address: "1-15-22" });
    expect(splitKitaAddress("東京都北区西ヶ原4丁目1番")).toEqual({ town: "nishigahara", address: "4丁目1番" });
  });

  it("leaves the town empty outside Kita-ku", () => {
    expect(splitKitaAddress("東京都板橋区赤塚1丁目")).toEqual({ town: null, address: "東京都板橋区赤塚1丁目" });
  });
});

describe("the demo seed", () => {
  it("fills every firm's search text with the same folding", async () => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(":memory:") }) });
    try {
      await migrateToLatest(db);
      await seedDemoData(db);
      const firms = await db.selectFrom("firm").select(["name", "name_kana", "products", "search_text"]).execute();
      expect(firms).toHaveLength(260);
      for (const f of firms) expect(f.search_text).toBe(firmSearchText(f));
      expect(firms[0].search_text).toContain("あかばねせいみつ");
    } finally {
      await db.destroy();
    }
  });
});
