/**
 * Deterministic demo data for a demo database (never production): the three partner universities and their
 * comprehensive agreements, 260 Kita-ku manufacturing firms, and one or more accounts per role, all with the
 * password "kita-demo-2026". Everything comes from a fixed-seed PRNG and fixed timestamps, so two fresh databases
 * get the same rows (only the password hash differs: its salt is random).
 */
import type { Insertable, Kysely, Transaction } from "kysely";
import { diffSnapshots, type AgreementContactValue } from "../app/agreements/versions";
import { match } from "../app/matching/engine.js";
import { assignedHosts, issueWithin, revokeWithin } from "../app/models/certificate.server";
import { buildInstance } from "../app/models/pairing.server";
import { makeCorporateNumber } from "../app/utils/corporate-number";
import { firmSearchText } from "../app/utils/firm-search";
import { INDUSTRIES, KITA_TOWNS, type IndustryKey, type KitaTown, type TownKey } from "../app/utils/kita";
import { hashPassword } from "../app/utils/password.server";
import type { Database, HostStatus, NewFirm, NewUser, ProjectState, ProjectTable } from "./schema";
import { AGREEMENT_AREAS } from "./schema";

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
    products: [
      "商業印刷物",
      "書籍・雑誌",
      "カタログ・パンフレット",
      "パッケージ印刷",
      "シール・ラベル",
      "名刺・封筒",
      "ポスター",
      "特殊印刷",
      "製本加工",
    ],
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
    products: [
      "精密ねじ",
      "板金加工品",
      "プレス部品",
      "めっき加工",
      "金型",
      "溶接構造物",
      "ステンレス製品",
      "医療機器部品",
      "ばね",
    ],
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
    products: [
      "産業用ロボット部品",
      "自動化装置",
      "省力化機械",
      "包装機械",
      "搬送装置",
      "試作部品",
      "治具",
      "印刷機械部品",
    ],
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
const AGREEMENTS: readonly {
  university: UniversitySlug;
  signed_on: string;
  expires_on: string | null;
  auto_renew: number;
}[] = [
  { university: "tokyo-kasei", signed_on: "2010-10-20", expires_on: null, auto_renew: 0 },
  { university: "toyo", signed_on: "2011-07-13", expires_on: null, auto_renew: 0 },
  { university: "teikyo", signed_on: "2012-03-27", expires_on: "2027-03-31", auto_renew: 1 },
];

// ---------------------------------------------------------------------------------------------------------------
// Agreement details (agreements feature): contacts, the staff member in charge, the first version, collaborations,
// and one non-comprehensive agreement. The Teikyo internship agreement ends on 2027-01-31 with a 90-day notice
// period, so its notice window opened on 2026-11-02: on the demo date (2026-11-25) it shows as expiring. Fixed
// dates keep the seed deterministic; on later dates it will show as expired.

const AGREEMENT_OWNER = "staff@city.kita.example";

const AGREEMENT_CONTACTS: Record<UniversitySlug, AgreementContactValue[]> = {
  "tokyo-kasei": [
    { name: "十条 さくら", department: "地域連携センター", email: "renkei@tokyo-kasei.example", phone: "03-5555-0101" },
  ],
  toyo: [
    { name: "赤羽 一郎", department: "社会連携推進課", email: "renkei@toyo.example", phone: "03-5555-0201" },
    { name: "東洋 恵子", department: "経営学部 マーケティング学科", email: "professor@toyo.example", phone: null },
  ],
  teikyo: [{ name: "板橋 健", department: "産学連携推進室", email: "sangaku@teikyo.example", phone: "03-5555-0301" }],
};

const INTERNSHIP_AGREEMENT = {
  university: "teikyo" as UniversitySlug,
  kind: "internship",
  title_ja: "北区と帝京大学とのインターンシップの実施に関する協定",
  title_en: "Agreement between Kita City and Teikyo University on internships",
  signed_on: "2024-01-15",
  effective_from: "2024-02-01",
  expires_on: "2027-01-31",
  areas: ["education", "industry"] as const,
};

const AGREEMENT_ACTIVITIES: readonly {
  university: UniversitySlug;
  occurred_on: string;
  title: string;
  description: string;
}[] = [
  {
    university: "toyo",
    occurred_on: "2025-10-18",
    title: "2025年度 マーケティングゼミによる区内企業の取材",
    description:
      "東洋大学経営学部マーケティングゼミの学生が、新製品を開発した区内のものづくり企業を取材し、その製品の販売先を調査した。",
  },
  {
    university: "toyo",
    occurred_on: "2026-02-14",
    title: "北とぴあでの研究成果発表",
    description: "取材と調査の成果を、北とぴあで開かれた区の産業イベントで発表した。",
  },
];

async function seedAgreementDetails(trx: Transaction<Database>, universityId: (slug: UniversitySlug) => number) {
  const { id: ownerId } = await trx
    .selectFrom("user")
    .select("id")
    .where("email", "=", AGREEMENT_OWNER)
    .executeTakeFirstOrThrow();
  const { university, areas: internshipAreas, ...internship } = INTERNSHIP_AGREEMENT;
  const { id: internshipId } = await trx
    .insertInto("agreement")
    .values({
      ...internship,
      university_id: universityId(university),
      auto_renew: 0,
      notes: null,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("agreement_area")
    .values(internshipAreas.map((area) => ({ agreement_id: internshipId, area })))
    .execute();

  const slugOf = new Map(UNIVERSITIES.map((u) => [universityId(u.slug), u.slug]));
  const agreements = await trx.selectFrom("agreement").selectAll().orderBy("id").execute();
  for (const a of agreements) {
    const contacts = AGREEMENT_CONTACTS[slugOf.get(a.university_id)!];
    const renewal_term_months = a.auto_renew ? 12 : null;
    await trx
      .updateTable("agreement")
      .set({ owner_user_id: ownerId, notice_days: 90, renewal_term_months })
      .where("id", "=", a.id)
      .execute();
    await trx
      .insertInto("agreement_contact")
      .values(contacts.map((c, position) => ({ agreement_id: a.id, position, ...c })))
      .execute();
    const held = await trx.selectFrom("agreement_area").select("area").where("agreement_id", "=", a.id).execute();
    const changes = diffSnapshots(null, {
      university_id: a.university_id,
      kind: a.kind,
      title_ja: a.title_ja,
      title_en: a.title_en,
      signed_on: a.signed_on,
      effective_from: a.effective_from,
      expires_on: a.expires_on,
      auto_renew: a.auto_renew === 1,
      renewal_term_months,
      notice_days: 90,
      areas: AGREEMENT_AREAS.filter((area) => held.some((r) => r.area === area)),
      contacts,
      owner_user_id: ownerId,
      notes: a.notes,
      terminated_on: null,
      termination_reason: null,
    });
    await trx
      .insertInto("agreement_version")
      .values({
        agreement_id: a.id,
        version: 1,
        action: "create",
        changes: JSON.stringify(changes),
        actor_user_id: ownerId,
        created_at: SEEDED_AT,
      })
      .execute();
  }

  const comprehensive = (slug: UniversitySlug) =>
    agreements.find((a) => a.kind === "comprehensive" && a.university_id === universityId(slug))!.id;
  await trx
    .insertInto("agreement_activity")
    .values(
      AGREEMENT_ACTIVITIES.map(({ university, ...activity }) => ({
        ...activity,
        agreement_id: comprehensive(university),
        kind: "manual",
        created_by: ownerId,
        created_at: SEEDED_AT,
      })),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Projects (projects feature): the story the demo tells.
// 1. FY2025: the Toyo marketing seminar's interviews, completed (the collaboration that started the programme).
// 2. FY2026: the same seminar's new project, open for sign-up from 2026-11-01 to the end of 2027-03-31 (Tokyo), so
//    it is open whenever the demo runs in this fiscal year; join code MKTG-2627. Four firms host, one request is
//    unanswered, one declined; four students have signed up, so student@toyo.example can still sign up.
// 3. A Teikyo project waiting for review.  4. A Tokyo Kasei draft.
// Direct inserts with fixed timestamps keep the seed fast and deterministic.

/** CONSENT_VERSION of app/models/project.server.ts (the seed imports no server modules; the seed test checks). */
const DEMO_CONSENT_VERSION = "2026-11";

type DemoEvent = readonly [
  action: string,
  from: ProjectState,
  to: ProjectState,
  actor: string,
  at: string,
  comment?: string,
];
type DemoHost = readonly [firmIndex: number, status: HostStatus, invitedAt: string, respondedAt: string | null];
type DemoSignup = readonly [student: string, at: string, motivation: string, ranking: readonly number[]]; // firm indexes

interface DemoProject {
  professor: string;
  university: UniversitySlug;
  project: Omit<
    Insertable<ProjectTable>,
    "professor_id" | "university_id" | "agreement_id" | "created_at" | "updated_at"
  >;
  createdAt: string;
  events: readonly DemoEvent[];
  hosts: readonly DemoHost[];
  hostCapacity: number;
  signups: readonly DemoSignup[];
}

const TOYO_PROF = "professor@toyo.example";
const STAFF = "staff@city.kita.example";

const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    professor: TOYO_PROF,
    university: "toyo",
    createdAt: "2025-04-15T01:00:00.000Z",
    project: {
      title_ja: "北区の新製品はどこで売られているか：ものづくり企業の取材（2025年度）",
      title_en: "Where are Kita City's new products sold? Interviewing manufacturers (FY2025)",
      summary_ja:
        "新製品を開発した北区のものづくり企業を訪ね、製品の特徴と開発の経緯を取材します。取材後、その製品を誰がどこで販売しているかを調べ、区のイベントで発表します。",
      summary_en:
        "Students visit Kita City manufacturers that have developed a new product, interview them about it, research who sells it and where, and present their findings at a city event.",
      seminar_name: "マーケティングゼミ",
      theme: "新製品の販路調査",
      firm_industries: JSON.stringify(["precision", "machinery", "metal_products"]),
      new_product_focus: 1,
      fiscal_year: 2025,
      student_capacity: 8,
      team_size: 2,
      signup_opens_at: "2025-05-31T15:00:00.000Z",
      signup_closes_at: "2025-06-30T15:00:00.000Z",
      interview_from: "2025-09-16",
      interview_until: "2025-10-31",
      presentation_on: "2026-02-14",
      state: "completed",
      join_code: "MKTG-2526",
    },
    events: [
      ["submit", "draft", "submitted", TOYO_PROF, "2025-04-20T01:00:00.000Z"],
      [
        "approve",
        "submitted",
        "approved",
        STAFF,
        "2025-04-25T02:00:00.000Z",
        "区内企業の新製品を学生が取材する、協定の趣旨に沿った企画です。受け入れ企業には区から依頼します。",
      ],
      ["open", "approved", "open", TOYO_PROF, "2025-06-01T00:00:00.000Z"],
      ["close", "open", "closed", TOYO_PROF, "2025-07-01T00:00:00.000Z"],
      ["publish_pairing", "closed", "paired", STAFF, "2025-07-10T01:00:00.000Z"],
      ["start_interviews", "paired", "interviewing", TOYO_PROF, "2025-09-16T00:00:00.000Z"],
      ["mark_presented", "interviewing", "presented", STAFF, "2026-02-14T08:00:00.000Z"],
      ["complete", "presented", "completed", STAFF, "2026-03-06T01:00:00.000Z"],
    ],
    hostCapacity: 2,
    hosts: [
      [0, "accepted", "2025-05-01T01:00:00.000Z", "2025-05-08T02:00:00.000Z"],
      [1, "accepted", "2025-05-01T01:00:00.000Z", "2025-05-09T05:00:00.000Z"],
      [2, "accepted", "2025-05-01T01:00:00.000Z", "2025-05-12T00:30:00.000Z"],
    ],
    signups: [
      [
        "student@toyo.example",
        "2025-06-02T03:00:00.000Z",
        "新製品が生まれる現場を見て、販路の作り方を学びたいです。",
        [0, 2, 1],
      ],
      [
        "s01@toyo.example",
        "2025-06-03T05:00:00.000Z",
        "精密加工の技術がどのように新しい製品につながるのかを知りたいです。",
        [0, 1, 2],
      ],
      [
        "s02@toyo.example",
        "2025-06-05T09:30:00.000Z",
        "地元の企業がどのようにお客様を見つけているのかに関心があります。",
        [1, 0, 2],
      ],
      [
        "s03@toyo.example",
        "2025-06-10T11:00:00.000Z",
        "卒業研究のテーマである中小企業の販路開拓について、現場の話を聞きたいです。",
        [2, 0, 1],
      ],
    ],
  },
  {
    professor: TOYO_PROF,
    university: "toyo",
    createdAt: "2026-09-01T01:00:00.000Z",
    project: {
      title_ja: "北区ものづくり企業の新製品、その届け先を探る（2026年度）",
      title_en: "Who buys Kita City's new products? Interviewing local manufacturers (FY2026)",
      summary_ja:
        "昨年度に続き、新製品を開発した区内企業を3人1組で訪ね、開発の経緯と販路を取材します。取材結果をもとに販路の提案をまとめ、区のイベントで発表します。",
      summary_en:
        "Following last year's project, teams of three visit Kita City firms that have developed a new product, learn how it was developed and sold, and present proposals for new sales channels at a city event.",
      seminar_name: "マーケティングゼミ",
      theme: "新製品の販路と顧客の調査",
      firm_industries: JSON.stringify(["precision", "machinery", "metal_products", "printing"]),
      new_product_focus: 1,
      fiscal_year: 2026,
      student_capacity: 12,
      team_size: 3,
      signup_opens_at: "2026-10-31T15:00:00.000Z",
      signup_closes_at: "2027-03-31T15:00:00.000Z",
      interview_from: "2027-01-12",
      interview_until: "2027-02-26",
      presentation_on: "2027-03-13",
      state: "open",
      join_code: "MKTG-2627",
    },
    events: [
      ["submit", "draft", "submitted", TOYO_PROF, "2026-09-10T01:00:00.000Z"],
      [
        "approve",
        "submitted",
        "approved",
        STAFF,
        "2026-09-17T02:00:00.000Z",
        "昨年度の成果を踏まえた継続企画として承認します。",
      ],
      ["open", "approved", "open", TOYO_PROF, "2026-11-01T00:00:00.000Z"],
    ],
    hostCapacity: 3,
    hosts: [
      [0, "accepted", "2026-09-20T01:00:00.000Z", "2026-09-24T02:00:00.000Z"],
      [1, "accepted", "2026-09-20T01:00:00.000Z", "2026-09-25T06:00:00.000Z"],
      [2, "accepted", "2026-09-20T01:00:00.000Z", "2026-09-28T01:30:00.000Z"],
      [3, "accepted", "2026-09-20T01:00:00.000Z", "2026-09-30T04:00:00.000Z"],
      [4, "invited", "2026-10-05T01:00:00.000Z", null],
      [5, "declined", "2026-10-05T01:00:00.000Z", "2026-10-08T03:00:00.000Z"],
    ],
    signups: [
      [
        "s01@toyo.example",
        "2026-11-02T03:15:00.000Z",
        "昨年度の発表を聞き、自分も企業を取材したいと思いました。",
        [0, 1, 3, 2],
      ],
      [
        "s02@toyo.example",
        "2026-11-04T08:40:00.000Z",
        "新製品を誰に届けるかを、企業の方と一緒に考えたいです。",
        [1, 0, 2, 3],
      ],
      [
        "s04@toyo.example",
        "2026-11-10T10:05:00.000Z",
        "印刷やものづくりの現場を見て、マーケティングの授業で学んだことを試したいです。",
        [3, 0, 1, 2],
      ],
      [
        "s05@toyo.example",
        "2026-11-18T12:20:00.000Z",
        "地元北区の企業の魅力を、学生の視点で発信したいです。",
        [0, 3, 2, 1],
      ],
    ],
  },
  {
    professor: "professor@teikyo.example",
    university: "teikyo",
    createdAt: "2026-11-12T02:00:00.000Z",
    project: {
      title_ja: "赤羽・十条の食品メーカーに学ぶ地域ブランドづくり",
      title_en: "Building a local brand: learning from food makers in Akabane and Jujo",
      summary_ja:
        "区内の食品メーカーを訪ね、地域に根ざした商品づくりと売り方を取材し、北区の地域ブランドの提案にまとめます。",
      summary_en: null,
      seminar_name: "地域経済ゼミ",
      theme: "地域ブランドと商品開発",
      firm_industries: JSON.stringify(["food"]),
      new_product_focus: 0,
      fiscal_year: 2026,
      student_capacity: 9,
      team_size: 3,
      signup_opens_at: "2026-11-30T15:00:00.000Z",
      signup_closes_at: "2027-01-15T15:00:00.000Z",
      interview_from: "2027-02-01",
      interview_until: "2027-02-19",
      presentation_on: "2027-03-13",
      state: "submitted",
      join_code: "TKYD-2627",
    },
    events: [["submit", "draft", "submitted", "professor@teikyo.example", "2026-11-20T02:00:00.000Z"]],
    hostCapacity: 0,
    hosts: [],
    signups: [],
  },
  {
    professor: "professor@tokyo-kasei.example",
    university: "tokyo-kasei",
    createdAt: "2026-11-18T05:00:00.000Z",
    project: {
      title_ja: "北区の繊維・衣服メーカーを訪ねる：ものづくりと暮らし",
      title_en: null,
      summary_ja: "区内で衣服や繊維製品をつくる企業を訪ね、技術と担い手について取材します。",
      summary_en: null,
      seminar_name: "生活デザインゼミ",
      theme: "衣服づくりの技術と担い手",
      firm_industries: JSON.stringify(["textiles"]),
      new_product_focus: 0,
      fiscal_year: 2026,
      student_capacity: 6,
      team_size: 2,
      signup_opens_at: "2027-01-07T15:00:00.000Z",
      signup_closes_at: "2027-01-31T15:00:00.000Z",
      interview_from: "2027-02-08",
      interview_until: "2027-02-26",
      presentation_on: "2027-03-13",
      state: "draft",
      join_code: "KSEY-2627",
    },
    events: [],
    hostCapacity: 0,
    hosts: [],
    signups: [],
  },
];

async function seedProjects(trx: Transaction<Database>, firmCorporateNumbers: readonly string[]) {
  const users = await trx.selectFrom("user").select(["id", "email", "firm_id"]).execute();
  const userId = (email: string) => users.find((u) => u.email === email)?.id ?? fail(`user ${email}`);
  const firmRows = await trx
    .selectFrom("firm")
    .select(["id", "corporate_number"])
    .where("corporate_number", "in", firmCorporateNumbers)
    .execute();
  const firmId = (index: number) =>
    firmRows.find((f) => f.corporate_number === firmCorporateNumbers[index])?.id ?? fail(`firm #${index}`);
  const agreements = await trx
    .selectFrom("agreement")
    .select(["id", "university_id"])
    .where("kind", "=", "comprehensive")
    .execute();
  const universities = await trx.selectFrom("university").select(["id", "slug"]).execute();

  for (const demo of DEMO_PROJECTS) {
    const universityId =
      universities.find((u) => u.slug === demo.university)?.id ?? fail(`university ${demo.university}`);
    const updatedAt = demo.events.at(-1)?.[4] ?? demo.createdAt;
    const { id: projectId } = await trx
      .insertInto("project")
      .values({
        ...demo.project,
        professor_id: userId(demo.professor),
        university_id: universityId,
        agreement_id:
          agreements.find((a) => a.university_id === universityId)?.id ?? fail(`agreement of ${demo.university}`),
        created_at: demo.createdAt,
        updated_at: updatedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (demo.events.length) {
      await trx
        .insertInto("project_event")
        .values(
          demo.events.map(([action, from, to, actor, at, comment]) => ({
            project_id: projectId,
            actor_id: userId(actor),
            action,
            from_state: from,
            to_state: to,
            comment: comment ?? null,
            created_at: at,
          })),
        )
        .execute();
    }
    const hostIds = new Map<number, number>();
    for (const [index, status, invitedAt, respondedAt] of demo.hosts) {
      const firm = firmId(index);
      const { id } = await trx
        .insertInto("project_host")
        .values({
          project_id: projectId,
          firm_id: firm,
          status,
          capacity: status === "accepted" ? demo.hostCapacity : null,
          invited_by: userId(STAFF),
          invited_at: invitedAt,
          responded_at: respondedAt,
          responded_by: respondedAt ? (users.find((u) => u.firm_id === firm)?.id ?? null) : null,
          created_at: invitedAt,
          updated_at: respondedAt ?? invitedAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      hostIds.set(index, id);
    }
    for (const [student, at, motivation, ranking] of demo.signups) {
      const { id: signupId } = await trx
        .insertInto("signup")
        .values({
          project_id: projectId,
          student_id: userId(student),
          motivation,
          consented_at: at,
          consent_version: DEMO_CONSENT_VERSION,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("signup_preference")
        .values(
          ranking.map((index, i) => ({
            signup_id: signupId,
            host_id: hostIds.get(index) ?? fail(`host #${index}`),
            rank: i + 1,
          })),
        )
        .execute();
    }
  }
}

function fail(what: string): never {
  throw new Error(`seed: ${what} missing`);
}

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
  {
    email: "staff2@city.kita.example",
    role: "staff",
    name: "滝野川 次郎",
    kana: "タキノガワ ジロウ",
    latin: "Jiro Takinogawa",
  },
  {
    email: "professor@toyo.example",
    role: "professor",
    name: "東洋 恵子",
    kana: "トウヨウ ケイコ",
    latin: "Keiko Toyo",
    university: "toyo",
  },
  {
    email: "professor@teikyo.example",
    role: "professor",
    name: "高橋 誠",
    kana: "タカハシ マコト",
    latin: "Makoto Takahashi",
    university: "teikyo",
  },
  {
    email: "professor@tokyo-kasei.example",
    role: "professor",
    name: "鈴木 由美",
    kana: "スズキ ユミ",
    latin: "Yumi Suzuki",
    university: "tokyo-kasei",
  },
  {
    email: "student@toyo.example",
    role: "student",
    name: "山田 花子",
    kana: "ヤマダ ハナコ",
    latin: "Hanako Yamada",
    university: "toyo",
  },
  {
    email: "s01@toyo.example",
    role: "student",
    name: "伊藤 翔太",
    kana: "イトウ ショウタ",
    latin: "Shota Ito",
    university: "toyo",
  },
  {
    email: "s02@toyo.example",
    role: "student",
    name: "小林 美咲",
    kana: "コバヤシ ミサキ",
    latin: "Misaki Kobayashi",
    university: "toyo",
  },
  {
    email: "s03@toyo.example",
    role: "student",
    name: "加藤 大輝",
    kana: "カトウ ダイキ",
    latin: "Daiki Kato",
    university: "toyo",
  },
  {
    email: "s04@toyo.example",
    role: "student",
    name: "吉田 結衣",
    kana: "ヨシダ ユイ",
    latin: "Yui Yoshida",
    university: "toyo",
  },
  {
    email: "s05@toyo.example",
    role: "student",
    name: "渡辺 蓮",
    kana: "ワタナベ レン",
    latin: "Ren Watanabe",
    university: "toyo",
  },
  {
    email: "s06@toyo.example",
    role: "student",
    name: "中村 陽菜",
    kana: "ナカムラ ヒナ",
    latin: "Hina Nakamura",
    university: "toyo",
  },
  {
    email: "s07@teikyo.example",
    role: "student",
    name: "松本 拓海",
    kana: "マツモト タクミ",
    latin: "Takumi Matsumoto",
    university: "teikyo",
  },
  {
    email: "s08@teikyo.example",
    role: "student",
    name: "井上 さくら",
    kana: "イノウエ サクラ",
    latin: "Sakura Inoue",
    university: "teikyo",
  },
  {
    email: "s09@teikyo.example",
    role: "student",
    name: "木村 悠斗",
    kana: "キムラ ユウト",
    latin: "Yuto Kimura",
    university: "teikyo",
  },
  {
    email: "s10@tokyo-kasei.example",
    role: "student",
    name: "林 優奈",
    kana: "ハヤシ ユウナ",
    latin: "Yuna Hayashi",
    university: "tokyo-kasei",
  },
  {
    email: "s11@tokyo-kasei.example",
    role: "student",
    name: "清水 彩花",
    kana: "シミズ アヤカ",
    latin: "Ayaka Shimizu",
    university: "tokyo-kasei",
  },
  {
    email: "s12@tokyo-kasei.example",
    role: "student",
    name: "森 七海",
    kana: "モリ ナナミ",
    latin: "Nanami Mori",
    university: "tokyo-kasei",
  },
  {
    email: "firm@monozukuri.example",
    role: "firm",
    name: "田中 健一",
    kana: "タナカ ケンイチ",
    latin: "Kenichi Tanaka",
    firmIndex: 0,
  },
  {
    email: "firm2@monozukuri.example",
    role: "firm",
    name: "斎藤 修",
    kana: "サイトウ オサム",
    latin: "Osamu Saito",
    firmIndex: 1,
  },
  {
    email: "firm3@monozukuri.example",
    role: "firm",
    name: "岡田 裕子",
    kana: "オカダ ユウコ",
    latin: "Yuko Okada",
    firmIndex: 2,
  },
  {
    email: "firm4@monozukuri.example",
    role: "firm",
    name: "石井 浩",
    kana: "イシイ ヒロシ",
    latin: "Hiroshi Ishii",
    firmIndex: 3,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Events (events feature). The FY2025 project (MKTG-2526) ends with the city's presentation day at Hokutopia on
// 2026-02-14: one slot per team (the students the published pairing gave each host), titles confirmed by the
// professor, every presentation given and every student present. The FY2026 presentation day (2027-03-13) has no
// programme yet. Teams need the project's published pairing run: if no earlier block seeded one, it is built here
// the way the app builds runs (buildInstance + match) from a fixed seed, so `npm run match` reproduces it.

const FY2025_PAIRING_SEED = "5eed2025000000000000000000000001";
const HOKUTOPIA = {
  venue_ja: "北とぴあ（東京都北区王子1-11-1）",
  venue_en: "Hokutopia (1-11-1 Oji, Kita City, Tokyo)",
};

const DEMO_EVENTS = [
  {
    title_ja: "北区産学連携研究発表会 2026",
    title_en: "Kita City Industry–Academia Presentation Day 2026",
    starts_at: "2026-02-14T05:00:00.000Z", // 14:00 JST
    ends_at: "2026-02-14T08:00:00.000Z", // 17:00 JST
    ...HOKUTOPIA,
    description_ja:
      "区内のものづくり企業を取材した大学ゼミの学生が、新製品の特徴と販路について調べた成果を発表します。どなたでもご来場いただけます（入場無料・申込不要）。",
    description_en:
      "University seminar students who interviewed Kita City manufacturers present what they found out about the firms' new products and where they are sold. Everyone is welcome (free, no registration).",
    created_at: "2025-12-10T01:00:00.000Z",
  },
  {
    title_ja: "北区産学連携研究発表会 2027",
    title_en: "Kita City Industry–Academia Presentation Day 2027",
    starts_at: "2027-03-13T05:00:00.000Z",
    ends_at: "2027-03-13T08:00:00.000Z",
    ...HOKUTOPIA,
    description_ja: "2026年度の取材企画に参加した学生が研究成果を発表します。プログラムは決まり次第お知らせします。",
    description_en:
      "Students of the FY2026 interview projects present their research. The programme will be announced.",
    created_at: "2026-11-20T01:00:00.000Z",
  },
] as const;

/** The FY2025 teams' research titles, in the order of the project's hosts (firm #0, #1, #2). */
const FY2025_TITLES: readonly (readonly [ja: string, en: string])[] = [
  [
    "精密切削から医療機器部品へ：町工場の新製品はどこで売られているか",
    "From precision machining to medical parts: where a small factory's new product is sold",
  ],
  [
    "展示会からネット通販へ：区内企業の新製品が買い手に届くまで",
    "From trade fairs to online shops: how a Kita City firm's new product reaches its buyers",
  ],
  [
    "地域の技術を暮らしの商品に：新製品と小売店の関係を探る",
    "Local know-how in everyday goods: a new product and the shops that sell it",
  ],
];

async function seedEvents(trx: Transaction<Database>) {
  const staffId = (await trx.selectFrom("user").select("id").where("email", "=", STAFF).executeTakeFirstOrThrow()).id;
  const professorId = (
    await trx.selectFrom("user").select("id").where("email", "=", TOYO_PROF).executeTakeFirstOrThrow()
  ).id;
  const projectId = (
    await trx.selectFrom("project").select("id").where("join_code", "=", "MKTG-2526").executeTakeFirstOrThrow()
  ).id;
  const hosts = await trx
    .selectFrom("project_host")
    .select(["id", "capacity"])
    .where("project_id", "=", projectId)
    .where("status", "=", "accepted")
    .orderBy("id")
    .execute();

  let run = await trx
    .selectFrom("pairing_run")
    .select(["id", "result"])
    .where("project_id", "=", projectId)
    .where("published_at", "is not", null)
    .executeTakeFirst();
  if (!run) {
    const signups = await trx
      .selectFrom("signup")
      .select("id")
      .where("project_id", "=", projectId)
      .orderBy("id")
      .execute();
    const prefs = await trx
      .selectFrom("signup_preference")
      .select(["signup_id", "host_id"])
      .where(
        "signup_id",
        "in",
        signups.map((s) => s.id),
      )
      .orderBy("signup_id")
      .orderBy("rank")
      .execute();
    const instance = buildInstance(
      {
        signups: signups.map((s) => ({
          id: s.id,
          ranking: prefs.filter((p) => p.signup_id === s.id).map((p) => p.host_id),
        })),
        hosts: hosts.map((h) => ({ id: h.id, capacity: h.capacity ?? 0, ranking: [] })),
      },
      FY2025_PAIRING_SEED,
    );
    run = await trx
      .insertInto("pairing_run")
      .values({
        project_id: projectId,
        seed: FY2025_PAIRING_SEED,
        instance: JSON.stringify(instance),
        result: JSON.stringify(match(instance).assignments),
        created_by: staffId,
        created_at: "2025-07-09T01:00:00.000Z",
        published_at: "2025-07-10T01:00:00.000Z", // the project's publish_pairing event
        published_by: staffId,
      })
      .returning(["id", "result"])
      .executeTakeFirstOrThrow();
  }
  const assignments: Record<string, string | null> = JSON.parse(run.result);
  for (const o of await trx
    .selectFrom("pairing_override")
    .select(["signup_id", "host_id"])
    .where("run_id", "=", run.id)
    .orderBy("id")
    .execute()) {
    assignments[String(o.signup_id)] = o.host_id === null ? null : String(o.host_id);
  }
  const signupStudents = await trx
    .selectFrom("signup")
    .select(["id", "student_id"])
    .where("project_id", "=", projectId)
    .orderBy("id")
    .execute();
  const teamOf = (hostId: number) =>
    signupStudents.filter((s) => assignments[String(s.id)] === String(hostId)).map((s) => s.student_id);

  const eventIds: number[] = [];
  for (const e of DEMO_EVENTS) {
    const { id } = await trx
      .insertInto("event")
      .values({ ...e, created_by: staffId, updated_at: e.created_at })
      .returning("id")
      .executeTakeFirstOrThrow();
    eventIds.push(id);
  }

  // Slots every 30 minutes from 14:10 JST; each given 20 minutes after it starts.
  const at = (minutes: number) => new Date(Date.parse(DEMO_EVENTS[0].starts_at) + minutes * 60_000).toISOString();
  const teams = hosts
    .map((h, i) => ({ hostId: h.id, title: FY2025_TITLES[i], students: teamOf(h.id) }))
    .filter((t) => t.students.length && t.title);
  await trx
    .insertInto("presentation")
    .values(
      teams.map((team, i) => ({
        event_id: eventIds[0],
        project_id: projectId,
        host_id: team.hostId,
        position: i + 1,
        starts_at: at(10 + 30 * i),
        title_ja: team.title[0],
        title_en: team.title[1],
        confirmed_at: "2026-02-06T03:00:00.000Z",
        confirmed_by: professorId,
        given_at: at(30 + 30 * i),
        given_by: staffId,
        created_at: "2026-01-20T02:00:00.000Z",
      })),
    )
    .execute();
  await trx
    .insertInto("attendance")
    .values(
      teams
        .flatMap((t) => t.students)
        .map((studentId, i) => ({
          event_id: eventIds[0],
          student_id: studentId,
          present_at: at(-20 + i),
          marked_by: staffId,
        })),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Certificates (certificates feature). The FY2025 teams' interviews were done (one slot per host, outcome "done"),
// so every student present at the 2026-02-14 presentation day gets a certificate, issued by staff on 2026-03-06
// through the app's own issuing code (signed with the development key, which is created in DATA_DIR if missing);
// s03@toyo.example's is then revoked. Certificate ids, status list indexes and signatures are random by design (an
// id must not be guessable), and the audit entries and queued emails carry the real time; everything else is fixed.

async function seedCertificates(trx: Transaction<Database>) {
  const staff = await trx.selectFrom("user").select("id").where("email", "=", STAFF).executeTakeFirstOrThrow();
  const projectId = (
    await trx.selectFrom("project").select("id").where("join_code", "=", "MKTG-2526").executeTakeFirstOrThrow()
  ).id;
  const event = await trx
    .selectFrom("event")
    .select("id")
    .where("title_ja", "=", DEMO_EVENTS[0].title_ja)
    .executeTakeFirstOrThrow();
  const present = await trx
    .selectFrom("attendance")
    .select("student_id")
    .where("event_id", "=", event.id)
    .orderBy("student_id")
    .execute();
  const requests = present.map((p) => ({ studentId: p.student_id, projectId, eventId: event.id }));
  const hostOf = await assignedHosts(trx, requests);

  // One interview per team in October 2025, held and marked done.
  const teams = new Map<number, number[]>();
  for (const r of requests) {
    const host = hostOf.get(`${r.studentId}:${projectId}`);
    if (host) teams.set(host, [...(teams.get(host) ?? []), r.studentId]);
  }
  let day = 6;
  for (const [hostId, members] of teams) {
    if (await trx.selectFrom("interview_slot").select("id").where("host_id", "=", hostId).executeTakeFirst()) continue;
    const starts = `2025-10-${String(day).padStart(2, "0")}T05:00:00.000Z`; // 14:00 JST
    day += 2;
    const { id } = await trx
      .insertInto("interview_slot")
      .values({
        host_id: hostId,
        starts_at: starts,
        ends_at: starts.replace("T05", "T06"),
        place: "本社 会議室",
        online_url: null,
        created_by: staff.id,
        created_at: "2025-09-16T01:00:00.000Z",
        updated_at: "2025-09-16T01:00:00.000Z",
        cancelled_at: null,
        cancelled_by: null,
        cancel_reason: null,
        booked_at: "2025-09-20T03:00:00.000Z",
        booked_by: members[0],
        outcome: "done",
        outcome_by: staff.id,
        outcome_at: starts.replace("T05", "T07"),
        reminder_sent_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("interview_participant")
      .values(members.map((studentId) => ({ slot_id: id, student_id: studentId })))
      .execute();
  }

  await issueWithin(trx, requests, staff, "2026-03-06T02:00:00.000Z");
  const s03 = await trx
    .selectFrom("user")
    .select("id")
    .where("email", "=", "s03@toyo.example")
    .executeTakeFirstOrThrow();
  const revoked = await trx
    .selectFrom("certificate")
    .select("id")
    .where("student_id", "=", s03.id)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  if (revoked) {
    await revokeWithin(
      trx,
      revoked.id,
      "発表会の出席記録の誤りが判明したため（別日程の学生と取り違え）",
      staff,
      "2026-03-10T01:00:00.000Z",
    );
  }
}

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
        PEOPLE.map((p): NewUser => ({
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
        })),
      )
      .execute();

    // Agreement details need the staff accounts above (the owner and the first version's author).
    await seedAgreementDetails(trx, universityId);

    // Projects need the accounts, firms and agreements above.
    await seedProjects(
      trx,
      firms.slice(0, 6).map((f) => f.corporate_number),
    );

    // Events need the projects above (and the FY2025 pairing, which seedEvents adds if no earlier block did).
    await seedEvents(trx);

    // Certificates need the FY2025 event's attendance above.
    await seedCertificates(trx);
  });
}
