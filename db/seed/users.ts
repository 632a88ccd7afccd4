/**
 * The demo accounts, one or more per role (README "Demo accounts"), all with the demo password. Staff belong to no
 * university or firm; professors and students to a university; firm users to one of the first four firms.
 */
import type { Transaction } from "kysely";
import type { Database, NewUser } from "../schema";
import { SEEDED_AT } from "./common";
import type { UniversitySlug } from "./universities";

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

/** Inserts every demo account with the one password hash (hashing is slow, so the caller hashes once). */
export async function seedUsers(
  trx: Transaction<Database>,
  passwordHash: string,
  universityId: (slug: UniversitySlug) => number,
  firmId: (index: number) => number,
) {
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
}
