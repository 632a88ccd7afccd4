/**
 * Deterministic demo data for a demo database (never production): the three partner universities and their
 * comprehensive agreements, 260 Kita-ku manufacturing firms, and one or more accounts per role, all with the
 * password "kita-demo-2026". Everything comes from a fixed-seed PRNG and fixed timestamps, so two fresh databases
 * get the same rows (only the password hash differs: its salt is random).
 */
import type { Kysely } from "kysely";
import type { Database, NewFirm, NewUser } from "./schema";
import { AGREEMENT_AREAS } from "./schema";
import { hashPassword } from "../app/utils/password.server";
import { INDUSTRIES, KITA_TOWNS, type IndustryKey, type KitaTown, type TownKey } from "../app/utils/kita";
import { makeCorporateNumber } from "../app/utils/corporate-number";
import { firmSearchText } from "../app/utils/firm-search";

export const DEMO_PASSWORD = "kita-demo-2026";
const SEEDED_AT = "2026-04-01T00:00:00.000Z";
const PRNG_SEED = 0x4b495441; // "KITA"
const FIRM_COUNT = 260;

// ---------------------------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for demo data, and identical on every platform. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof mulberry32>;

const int = (rand: Random, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const pad = (n: number, width: number) => String(n).padStart(width, "0");

function pickWeighted<T>(rand: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

function pickDistinct<T>(rand: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary for firm names: [kanji, katakana reading, romaji for the demo website slug]

type Word = readonly [ja: string, kana: string, romaji: string];
/** An industry word, with the products it implies when it is narrower than its industry (製麺 makes noodles). */
type NameWord = readonly [ja: string, kana: string, romaji: string, products?: readonly string[]];

/** Place names (local and auspicious) and founders' surnames that open a firm's name. */
const NAME_PREFIXES: readonly Word[] = [
  ["王子", "オウジ", "oji"],
  ["赤羽", "アカバネ", "akabane"],
  ["十条", "ジュウジョウ", "jujo"],
  ["滝野川", "タキノガワ", "takinogawa"],
  ["田端", "タバタ", "tabata"],
  ["浮間", "ウキマ", "ukima"],
  ["志茂", "シモ", "shimo"],
  ["神谷", "カミヤ", "kamiya"],
  ["豊島", "トシマ", "toshima"],
  ["堀船", "ホリフネ", "horifune"],
  ["岩淵", "イワブチ", "iwabuchi"],
  ["飛鳥山", "アスカヤマ", "asukayama"],
  ["荒川", "アラカワ", "arakawa"],
  ["隅田", "スミダ", "sumida"],
  ["城北", "ジョウホク", "johoku"],
  ["西ケ原", "ニシガハラ", "nishigahara"],
  ["中里", "ナカザト", "nakazato"],
  ["稲付", "イナツケ", "inatsuke"],
  ["北都", "ホクト", "hokuto"],
  ["東京", "トウキョウ", "tokyo"],
  ["大和", "ヤマト", "yamato"],
  ["旭", "アサヒ", "asahi"],
  ["昭和", "ショウワ", "showa"],
  ["富士", "フジ", "fuji"],
  ["日東", "ニットウ", "nitto"],
  ["三和", "サンワ", "sanwa"],
  ["共栄", "キョウエイ", "kyoei"],
  ["丸三", "マルサン", "marusan"],
  ["山一", "ヤマイチ", "yamaichi"],
  ["協和", "キョウワ", "kyowa"],
  ["田中", "タナカ", "tanaka"],
  ["鈴木", "スズキ", "suzuki"],
  ["佐藤", "サトウ", "sato"],
  ["高橋", "タカハシ", "takahashi"],
  ["渡辺", "ワタナベ", "watanabe"],
  ["伊藤", "イトウ", "ito"],
  ["小林", "コバヤシ", "kobayashi"],
  ["加藤", "カトウ", "kato"],
  ["山本", "ヤマモト", "yamamoto"],
  ["中村", "ナカムラ", "nakamura"],
  ["吉田", "ヨシダ", "yoshida"],
  ["松本", "マツモト", "matsumoto"],
  ["井上", "イノウエ", "inoue"],
  ["木村", "キムラ", "kimura"],
  ["斎藤", "サイトウ", "saito"],
  ["清水", "シミズ", "shimizu"],
  ["山崎", "ヤマザキ", "yamazaki"],
  ["森", "モリ", "mori"],
  ["池田", "イケダ", "ikeda"],
  ["橋本", "ハシモト", "hashimoto"],
  ["石川", "イシカワ", "ishikawa"],
  ["前田", "マエダ", "maeda"],
  ["岡田", "オカダ", "okada"],
  ["長谷川", "ハセガワ", "hasegawa"],
  ["村上", "ムラカミ", "murakami"],
  ["近藤", "コンドウ", "kondo"],
  ["坂本", "サカモト", "sakamoto"],
  ["遠藤", "エンドウ", "endo"],
  ["青木", "アオキ", "aoki"],
  ["藤井", "フジイ", "fujii"],
  ["西村", "ニシムラ", "nishimura"],
  ["福田", "フクダ", "fukuda"],
  ["太田", "オオタ", "ota"],
  ["三浦", "ミウラ", "miura"],
  ["岡本", "オカモト", "okamoto"],
  ["原田", "ハラダ", "harada"],
  ["小野", "オノ", "ono"],
  ["金子", "カネコ", "kaneko"],
  ["宮本", "ミヤモト", "miyamoto"],
  ["内田", "ウチダ", "uchida"],
];

interface IndustryPlan {
  weight: number; // share of the register; printing and metal products dominate in Kita-ku
  words: readonly NameWord[]; // what follows the prefix in a firm's name
  products: readonly string[];
  work: string; // 〇〇の「製造」 in the description
}

const INDUSTRY_PLANS: Record<IndustryKey, IndustryPlan> = {
  printing: {
    weight: 24,
    words: [
      ["印刷", "インサツ", "insatsu"],
      ["印刷工業", "インサツコウギョウ", "insatsu-kogyo"],
      ["美術印刷", "ビジュツインサツ", "bijutsu-insatsu", ["美術印刷", "ポスター", "カタログ・パンフレット", "画集"]],
      ["製版", "セイハン", "seihan", ["刷版", "デザイン・製版", "商業印刷物"]],
      ["製本", "セイホン", "seihon", ["製本加工", "上製本", "手帳"]],
      ["印刷所", "インサツジョ", "insatsujo"],
      ["グラフィック", "グラフィック", "graphic"],
    ],
    products: ["商業印刷物", "書籍・雑誌", "カタログ・パンフレット", "パッケージ印刷", "シール・ラベル", "名刺・封筒", "ポスター", "特殊印刷", "製本加工"],
    work: "印刷・加工",
  },
  metal_products: {
    weight: 20,
    words: [
      ["金属工業", "キンゾクコウギョウ", "kinzoku-kogyo"],
      ["製作所", "セイサクショ", "seisakusho"],
      ["金属", "キンゾク", "kinzoku"],
      ["鍍金工業", "メッキコウギョウ", "mekki-kogyo", ["めっき加工", "電解研磨", "装飾めっき"]],
      ["板金", "バンキン", "bankin", ["板金加工品", "制御盤筐体", "ステンレス製品"]],
      ["プレス工業", "プレスコウギョウ", "press-kogyo", ["プレス部品", "金型", "深絞り加工品"]],
      ["精工", "セイコウ", "seiko"],
      ["熱処理", "ネツショリ", "netsushori", ["熱処理加工", "表面硬化処理", "焼入れ"]],
    ],
    products: ["精密ねじ", "板金加工品", "プレス部品", "めっき加工", "金型", "溶接構造物", "ステンレス製品", "医療機器部品", "ばね"],
    work: "製造・加工",
  },
  machinery: {
    weight: 12,
    words: [
      ["機械", "キカイ", "kikai"],
      ["機械製作所", "キカイセイサクショ", "kikai-seisakusho"],
      ["精機", "セイキ", "seiki"],
      ["工機", "コウキ", "koki"],
      ["鉄工所", "テッコウジョ", "tekkojo"],
      ["機工", "キコウ", "kiko"],
    ],
    products: ["産業用ロボット部品", "自動化装置", "省力化機械", "包装機械", "搬送装置", "試作部品", "治具", "印刷機械部品"],
    work: "設計・製造",
  },
  electronics: {
    weight: 10,
    words: [
      ["電機", "デンキ", "denki"],
      ["電子", "デンシ", "denshi"],
      ["電子工業", "デンシコウギョウ", "denshi-kogyo"],
      ["電業", "デンギョウ", "dengyo"],
      ["電装", "デンソウ", "denso"],
    ],
    products: ["プリント基板", "制御盤", "センサー", "電源装置", "LED照明", "ワイヤーハーネス", "電子部品実装"],
    work: "設計・製造",
  },
  food: {
    weight: 8,
    words: [
      ["食品", "ショクヒン", "shokuhin"],
      ["製菓", "セイカ", "seika", ["和菓子", "洋菓子", "せんべい"]],
      ["製麺", "セイメン", "seimen", ["生麺", "ゆで麺", "ぎょうざの皮"]],
      ["食品工業", "ショクヒンコウギョウ", "shokuhin-kogyo"],
      ["醸造", "ジョウゾウ", "jozo", ["味噌", "醤油", "甘酒"]],
    ],
    products: ["和菓子", "佃煮", "生麺", "パン", "豆腐", "味噌", "洋菓子", "惣菜"],
    work: "製造",
  },
  chemicals: {
    weight: 5,
    words: [
      ["化学", "カガク", "kagaku"],
      ["化学工業", "カガクコウギョウ", "kagaku-kogyo"],
      ["化成", "カセイ", "kasei"],
      ["薬品", "ヤクヒン", "yakuhin", ["試薬", "工業用洗浄剤", "めっき用薬品"]],
    ],
    products: ["塗料", "接着剤", "化粧品原料", "工業用洗浄剤", "試薬", "印刷インキ"],
    work: "製造",
  },
  plastics: {
    weight: 6,
    words: [
      ["樹脂", "ジュシ", "jushi"],
      ["樹脂工業", "ジュシコウギョウ", "jushi-kogyo"],
      ["プラスチック", "プラスチック", "plastic"],
      ["合成樹脂", "ゴウセイジュシ", "gosei-jushi"],
      ["成形", "セイケイ", "seikei"],
    ],
    products: ["射出成形品", "真空成形品", "樹脂容器", "アクリル加工品", "樹脂部品", "フィルム加工品"],
    work: "成形・加工",
  },
  textiles: {
    weight: 5,
    words: [
      ["繊維", "センイ", "seni"],
      ["縫製", "ホウセイ", "hosei", ["婦人服", "作業服", "学生服"]],
      ["被服", "ヒフク", "hifuku"],
      ["染工", "センコウ", "senko", ["染色加工", "捺染", "手ぬぐい"]],
      ["ニット", "ニット", "knit", ["ニット製品", "セーター", "帽子"]],
    ],
    products: ["婦人服", "作業服", "ニット製品", "刺しゅう加工", "帽子", "学生服"],
    work: "製造",
  },
  precision: {
    weight: 5,
    words: [
      ["精密", "セイミツ", "seimitsu"],
      ["精密工業", "セイミツコウギョウ", "seimitsu-kogyo"],
      ["計器", "ケイキ", "keiki", ["計測機器", "圧力計", "流量計"]],
      ["光学", "コウガク", "kogaku", ["光学部品", "レンズ", "光学測定器"]],
      ["計測", "ケイソク", "keisoku", ["計測機器", "精密測定具", "試験装置"]],
    ],
    products: ["計測機器", "光学部品", "医療機器部品", "時計部品", "精密測定具", "精密切削部品"],
    work: "製造",
  },
  furniture: {
    weight: 3,
    words: [
      ["木工", "モッコウ", "mokko"],
      ["家具", "カグ", "kagu", ["オーダー家具", "店舗什器", "事務用家具"]],
      ["木工所", "モッコウショ", "mokkosho"],
      ["建具", "タテグ", "tategu", ["建具", "木製サッシ", "障子・ふすま"]],
    ],
    products: ["オーダー家具", "建具", "木製玩具", "店舗什器", "木製雑貨"],
    work: "製作",
  },
  paper: {
    weight: 3,
    words: [
      ["紙工", "シコウ", "shiko"],
      ["紙器", "シキ", "shiki", ["紙器", "化粧箱", "紙製トレー"]],
      ["紙業", "シギョウ", "shigyo"],
      ["段ボール", "ダンボール", "danboru", ["段ボール箱", "緩衝材", "通い箱"]],
    ],
    products: ["紙器", "段ボール箱", "紙袋", "封筒", "和紙製品", "紙管"],
    work: "製造・加工",
  },
  other: {
    weight: 3,
    words: [
      ["工業", "コウギョウ", "kogyo"],
      ["工芸", "コウゲイ", "kogei"],
      ["産業", "サンギョウ", "sangyo"],
      ["技研", "ギケン", "giken"],
    ],
    products: ["文具", "皮革製品", "看板", "模型", "工芸品", "ブラシ"],
    work: "製造",
  },
};

/** Where firms are: the riverside and railway-side industrial towns carry more weight. Max 丁目 (0: none). */
const TOWN_PLANS: Record<TownKey, { weight: number; chome: number }> = {
  tabata: { weight: 1, chome: 6 },
  tabata_shinmachi: { weight: 3, chome: 3 },
  higashi_tabata: { weight: 2, chome: 2 },
  nakazato: { weight: 1, chome: 3 },
  kami_nakazato: { weight: 1, chome: 3 },
  showamachi: { weight: 3, chome: 3 },
  nishigahara: { weight: 1, chome: 4 },
  takinogawa: { weight: 2, chome: 7 },
  sakaecho: { weight: 2, chome: 0 },
  oji: { weight: 3, chome: 6 },
  oji_honcho: { weight: 1, chome: 3 },
  toshima: { weight: 4, chome: 8 },
  horifune: { weight: 4, chome: 4 },
  kishimachi: { weight: 1, chome: 2 },
  jujodai: { weight: 1, chome: 2 },
  naka_jujo: { weight: 2, chome: 4 },
  jujo_nakahara: { weight: 2, chome: 4 },
  kami_jujo: { weight: 2, chome: 5 },
  higashi_jujo: { weight: 2, chome: 6 },
  kamiya: { weight: 4, chome: 3 },
  shimo: { weight: 4, chome: 5 },
  iwabuchimachi: { weight: 2, chome: 0 },
  akabane: { weight: 2, chome: 3 },
  akabane_minami: { weight: 2, chome: 2 },
  akabane_nishi: { weight: 2, chome: 6 },
  akabanedai: { weight: 1, chome: 4 },
  akabane_kita: { weight: 3, chome: 3 },
  kirigaoka: { weight: 1, chome: 2 },
  nishigaoka: { weight: 1, chome: 3 },
  ukima: { weight: 5, chome: 5 },
};

/**
 * 12-digit bases in the shape of a 会社法人等番号: registry-office code (4), kind (2: 01 株式会社, 02 有限会社),
 * serial (6). The office codes are illustrative, not a claim about any real registration.
 */
const REGISTRY_CODES: readonly (readonly [string, number])[] = [
  ["0115", 8],
  ["0113", 1],
  ["0111", 1],
];

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

function generateFirms(rand: Random): NewFirm[] {
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

// ---------------------------------------------------------------------------------------------------------------
// Universities, agreements, people

const UNIVERSITIES = [
  { slug: "tokyo-kasei", name_ja: "東京家政大学", name_en: "Tokyo Kasei University" },
  { slug: "toyo", name_ja: "東洋大学", name_en: "Toyo University" },
  { slug: "teikyo", name_ja: "帝京大学", name_en: "Teikyo University" },
] as const;
type UniversitySlug = (typeof UNIVERSITIES)[number]["slug"];

/** Signing dates are plausible demo values, not the historical record. */
const AGREEMENTS: readonly { university: UniversitySlug; signed_on: string; expires_on: string | null; auto_renew: number }[] = [
  { university: "tokyo-kasei", signed_on: "2010-10-20", expires_on: null, auto_renew: 0 },
  { university: "toyo", signed_on: "2011-07-13", expires_on: null, auto_renew: 0 },
  { university: "teikyo", signed_on: "2012-03-27", expires_on: "2027-03-31", auto_renew: 1 },
];

interface Person {
  email: string;
  role: NewUser["role"];
  name: string;
  kana: string;
  latin: string;
  university?: UniversitySlug;
  firmIndex?: number; // 0-based index into the generated firms
}

const PEOPLE: readonly Person[] = [
  { email: "staff@city.kita.example", role: "staff", name: "北区 太郎", kana: "キタク タロウ", latin: "Taro Kitaku" },
  { email: "staff2@city.kita.example", role: "staff", name: "滝野川 次郎", kana: "タキノガワ ジロウ", latin: "Jiro Takinogawa" },
  { email: "professor@toyo.example", role: "professor", name: "東洋 恵子", kana: "トウヨウ ケイコ", latin: "Keiko Toyo", university: "toyo" },
  { email: "professor@teikyo.example", role: "professor", name: "高橋 誠", kana: "タカハシ マコト", latin: "Makoto Takahashi", university: "teikyo" },
  { email: "professor@tokyo-kasei.example", role: "professor", name: "鈴木 由美", kana: "スズキ ユミ", latin: "Yumi Suzuki", university: "tokyo-kasei" },
  { email: "student@toyo.example", role: "student", name: "山田 花子", kana: "ヤマダ ハナコ", latin: "Hanako Yamada", university: "toyo" },
  { email: "s01@toyo.example", role: "student", name: "伊藤 翔太", kana: "イトウ ショウタ", latin: "Shota Ito", university: "toyo" },
  { email: "s02@toyo.example", role: "student", name: "小林 美咲", kana: "コバヤシ ミサキ", latin: "Misaki Kobayashi", university: "toyo" },
  { email: "s03@toyo.example", role: "student", name: "加藤 大輝", kana: "カトウ ダイキ", latin: "Daiki Kato", university: "toyo" },
  { email: "s04@toyo.example", role: "student", name: "吉田 結衣", kana: "ヨシダ ユイ", latin: "Yui Yoshida", university: "toyo" },
  { email: "s05@toyo.example", role: "student", name: "渡辺 蓮", kana: "ワタナベ レン", latin: "Ren Watanabe", university: "toyo" },
  { email: "s06@toyo.example", role: "student", name: "中村 陽菜", kana: "ナカムラ ヒナ", latin: "Hina Nakamura", university: "toyo" },
  { email: "s07@teikyo.example", role: "student", name: "松本 拓海", kana: "マツモト タクミ", latin: "Takumi Matsumoto", university: "teikyo" },
  { email: "s08@teikyo.example", role: "student", name: "井上 さくら", kana: "イノウエ サクラ", latin: "Sakura Inoue", university: "teikyo" },
  { email: "s09@teikyo.example", role: "student", name: "木村 悠斗", kana: "キムラ ユウト", latin: "Yuto Kimura", university: "teikyo" },
  { email: "s10@tokyo-kasei.example", role: "student", name: "林 優奈", kana: "ハヤシ ユウナ", latin: "Yuna Hayashi", university: "tokyo-kasei" },
  { email: "s11@tokyo-kasei.example", role: "student", name: "清水 彩花", kana: "シミズ アヤカ", latin: "Ayaka Shimizu", university: "tokyo-kasei" },
  { email: "s12@tokyo-kasei.example", role: "student", name: "森 七海", kana: "モリ ナナミ", latin: "Nanami Mori", university: "tokyo-kasei" },
  { email: "firm@monozukuri.example", role: "firm", name: "田中 健一", kana: "タナカ ケンイチ", latin: "Kenichi Tanaka", firmIndex: 0 },
  { email: "firm2@monozukuri.example", role: "firm", name: "斎藤 修", kana: "サイトウ オサム", latin: "Osamu Saito", firmIndex: 1 },
  { email: "firm3@monozukuri.example", role: "firm", name: "岡田 裕子", kana: "オカダ ユウコ", latin: "Yuko Okada", firmIndex: 2 },
  { email: "firm4@monozukuri.example", role: "firm", name: "石井 浩", kana: "イシイ ヒロシ", latin: "Hiroshi Ishii", firmIndex: 3 },
];

// ---------------------------------------------------------------------------------------------------------------

/** True when the database holds no users and no universities (a fresh demo database). */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const user = await db.selectFrom("user").select("id").limit(1).executeTakeFirst();
  if (user) return false;
  const university = await db.selectFrom("university").select("id").limit(1).executeTakeFirst();
  return !university;
}

/** Inserts the demo data in one transaction. Call only on an empty database (see isDatabaseEmpty). */
export async function seedDemoData(db: Kysely<Database>): Promise<void> {
  const rand = mulberry32(PRNG_SEED);
  const firms = generateFirms(rand);
  // Hashing is deliberately slow: once, outside the transaction, shared by every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("university")
      .values(UNIVERSITIES.map((u) => ({ ...u, created_at: SEEDED_AT })))
      .execute();
    const universityRows = await trx.selectFrom("university").select(["id", "slug"]).execute();
    const universityId = (slug: UniversitySlug) => {
      const row = universityRows.find((u) => u.slug === slug);
      if (!row) throw new Error(`seed: university ${slug} missing`);
      return row.id;
    };

    for (const a of AGREEMENTS) {
      const university = UNIVERSITIES.find((u) => u.slug === a.university)!;
      const { id } = await trx
        .insertInto("agreement")
        .values({
          university_id: universityId(a.university),
          kind: "comprehensive",
          title_ja: `北区と${university.name_ja}との包括連携に関する協定`,
          title_en: `Comprehensive partnership agreement between Kita City and ${university.name_en}`,
          signed_on: a.signed_on,
          effective_from: a.signed_on,
          expires_on: a.expires_on,
          auto_renew: a.auto_renew,
          notes: null,
          created_at: SEEDED_AT,
          updated_at: SEEDED_AT,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("agreement_area")
        .values(AGREEMENT_AREAS.map((area) => ({ agreement_id: id, area })))
        .execute();
    }

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
    const firmId = (index: number) => {
      const row = firmRows.find((f) => f.corporate_number === firms[index].corporate_number);
      if (!row) throw new Error(`seed: firm #${index} missing`);
      return row.id;
    };

    await trx
      .insertInto("user")
      .values(
        PEOPLE.map(
          (p): NewUser => ({
            email: p.email.toLowerCase(),
            password_hash: passwordHash,
            role: p.role,
            name: p.name,
            name_kana: p.kana,
            name_latin: p.latin,
            locale: null,
            university_id: p.university ? universityId(p.university) : null,
            firm_id: p.firmIndex === undefined ? null : firmId(p.firmIndex),
            created_at: SEEDED_AT,
            updated_at: SEEDED_AT,
            disabled_at: null,
          }),
        ),
      )
      .execute();
  });
}
