/**
 * Kita City reference lists shared by forms, filters and the seed: the industries of the firm register and the
 * towns (町名) of Kita-ku with their postal codes. Client-safe (no node imports).
 */

type Lng = "ja" | "en";

export const INDUSTRIES = [
  { key: "printing", ja: "印刷・同関連業", en: "Printing and related" },
  { key: "metal_products", ja: "金属製品", en: "Fabricated metal products" },
  { key: "machinery", ja: "生産用・汎用機械", en: "Production and general-purpose machinery" },
  { key: "electronics", ja: "電子部品・電気機械", en: "Electronic parts and electrical machinery" },
  { key: "food", ja: "食料品", en: "Food" },
  { key: "chemicals", ja: "化学工業", en: "Chemicals" },
  { key: "plastics", ja: "プラスチック製品", en: "Plastic products" },
  { key: "textiles", ja: "繊維・衣服", en: "Textiles and apparel" },
  { key: "precision", ja: "精密機械・計測器", en: "Precision and measuring instruments" },
  { key: "furniture", ja: "家具・木製品", en: "Furniture and wood products" },
  { key: "paper", ja: "紙加工品", en: "Paper products" },
  { key: "other", ja: "その他の製造業", en: "Other manufacturing" },
] as const;

export type Industry = (typeof INDUSTRIES)[number];
export type IndustryKey = Industry["key"];
/** For z.enum(...) and the like. */
export const INDUSTRY_KEYS = INDUSTRIES.map((i) => i.key) as [IndustryKey, ...IndustryKey[]];

/**
 * Towns of Kita-ku (住居表示の町名) with their postal codes (Japan Post), roughly south to north.
 * `kana` is the reading, for search and sorting.
 */
export const KITA_TOWNS = [
  { key: "tabata", ja: "田端", kana: "たばた", en: "Tabata", postal: "114-0014" },
  { key: "tabata_shinmachi", ja: "田端新町", kana: "たばたしんまち", en: "Tabata-shinmachi", postal: "114-0012" },
  { key: "higashi_tabata", ja: "東田端", kana: "ひがしたばた", en: "Higashi-Tabata", postal: "114-0013" },
  { key: "nakazato", ja: "中里", kana: "なかざと", en: "Nakazato", postal: "114-0015" },
  { key: "kami_nakazato", ja: "上中里", kana: "かみなかざと", en: "Kami-Nakazato", postal: "114-0016" },
  { key: "showamachi", ja: "昭和町", kana: "しょうわまち", en: "Showamachi", postal: "114-0011" },
  { key: "nishigahara", ja: "西ケ原", kana: "にしがはら", en: "Nishigahara", postal: "114-0024" },
  { key: "takinogawa", ja: "滝野川", kana: "たきのがわ", en: "Takinogawa", postal: "114-0023" },
  { key: "sakaecho", ja: "栄町", kana: "さかえちょう", en: "Sakaecho", postal: "114-0005" },
  { key: "oji", ja: "王子", kana: "おうじ", en: "Oji", postal: "114-0002" },
  { key: "oji_honcho", ja: "王子本町", kana: "おうじほんちょう", en: "Oji-honcho", postal: "114-0022" },
  { key: "toshima", ja: "豊島", kana: "としま", en: "Toshima", postal: "114-0003" },
  { key: "horifune", ja: "堀船", kana: "ほりふね", en: "Horifune", postal: "114-0004" },
  { key: "kishimachi", ja: "岸町", kana: "きしまち", en: "Kishimachi", postal: "114-0021" },
  { key: "jujodai", ja: "十条台", kana: "じゅうじょうだい", en: "Jujodai", postal: "114-0031" },
  { key: "naka_jujo", ja: "中十条", kana: "なかじゅうじょう", en: "Naka-Jujo", postal: "114-0032" },
  { key: "jujo_nakahara", ja: "十条仲原", kana: "じゅうじょうなかはら", en: "Jujo-Nakahara", postal: "114-0033" },
  { key: "kami_jujo", ja: "上十条", kana: "かみじゅうじょう", en: "Kami-Jujo", postal: "114-0034" },
  { key: "higashi_jujo", ja: "東十条", kana: "ひがしじゅうじょう", en: "Higashi-Jujo", postal: "114-0001" },
  { key: "kamiya", ja: "神谷", kana: "かみや", en: "Kamiya", postal: "115-0043" },
  { key: "shimo", ja: "志茂", kana: "しも", en: "Shimo", postal: "115-0042" },
  { key: "iwabuchimachi", ja: "岩淵町", kana: "いわぶちまち", en: "Iwabuchimachi", postal: "115-0041" },
  { key: "akabane", ja: "赤羽", kana: "あかばね", en: "Akabane", postal: "115-0045" },
  { key: "akabane_minami", ja: "赤羽南", kana: "あかばねみなみ", en: "Akabane-Minami", postal: "115-0044" },
  { key: "akabane_nishi", ja: "赤羽西", kana: "あかばねにし", en: "Akabane-Nishi", postal: "115-0055" },
  { key: "akabanedai", ja: "赤羽台", kana: "あかばねだい", en: "Akabanedai", postal: "115-0053" },
  { key: "akabane_kita", ja: "赤羽北", kana: "あかばねきた", en: "Akabane-Kita", postal: "115-0052" },
  { key: "kirigaoka", ja: "桐ケ丘", kana: "きりがおか", en: "Kirigaoka", postal: "115-0054" },
  { key: "nishigaoka", ja: "西が丘", kana: "にしがおか", en: "Nishigaoka", postal: "115-0056" },
  { key: "ukima", ja: "浮間", kana: "うきま", en: "Ukima", postal: "115-0051" },
] as const;

export type KitaTown = (typeof KITA_TOWNS)[number];
export type TownKey = KitaTown["key"];
/** For z.enum(...) and the like. */
export const TOWN_KEYS = KITA_TOWNS.map((t) => t.key) as [TownKey, ...TownKey[]];

export function findIndustry(key: string): Industry | undefined {
  return INDUSTRIES.find((i) => i.key === key);
}

export function findTown(key: string): KitaTown | undefined {
  return KITA_TOWNS.find((t) => t.key === key);
}

/** The industry's name in the language; an unknown key is shown as it is. */
export function industryLabel(key: string, lng: Lng): string {
  return findIndustry(key)?.[lng] ?? key;
}

/** The town's name in the language; an unknown key is shown as it is. */
export function townLabel(key: string, lng: Lng): string {
  return findTown(key)?.[lng] ?? key;
}

/** The postal code of a town ("114-0002"), or undefined for an unknown key. */
export function townPostalCode(key: string): string | undefined {
  return findTown(key)?.postal;
}
