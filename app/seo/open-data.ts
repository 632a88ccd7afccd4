/** The open-data files and their columns (client-safe; the rows come from open-data.server.ts). */

/** 全国地方公共団体コード of 東京都北区 (13117 with its check digit). */
export const KITA_CITY_CODE = "131172";

export const DATASETS = ["partnership-agreements", "events", "firms"] as const;
export type Dataset = (typeof DATASETS)[number];

export function isDataset(value: unknown): value is Dataset {
  return DATASETS.includes(value as Dataset);
}

/** The file name offered for download: the city's code first, as the national datasets name theirs. */
export const downloadName = (dataset: Dataset) => `${KITA_CITY_CODE}_${dataset.replace(/-/g, "_")}.csv`;

/** The イベント一覧 columns, in the order of the national format. */
export const EVENT_COLUMNS = [
  "都道府県コード又は市区町村コード",
  "NO",
  "都道府県名",
  "市区町村名",
  "イベント名",
  "イベント名_カナ",
  "イベント名_英語",
  "開始日",
  "終了日",
  "開始時間",
  "終了時間",
  "開始日時特記事項",
  "説明",
  "料金(基本)",
  "料金(詳細)",
  "連絡先名称",
  "連絡先電話番号",
  "連絡先内線番号",
  "主催者",
  "場所名称",
  "住所",
  "方書",
  "緯度",
  "経度",
  "アクセス方法",
  "駐車場情報",
  "定員",
  "参加申込終了日",
  "参加申込終了時間",
  "参加申込方法",
  "URL",
  "備考",
] as const;

export const AGREEMENT_COLUMNS = [
  "大学名",
  "大学名_英語",
  "協定名",
  "協定名_英語",
  "協定の種類",
  "連携分野",
  "締結日",
  "発効日",
  "現在の期間の満了日",
  "自動更新",
  "更新期間(月)",
  "状態",
] as const;

export const FIRM_COLUMNS = [
  "法人番号",
  "名称",
  "名称_カナ",
  "業種",
  "郵便番号",
  "都道府県名",
  "市区町村名",
  "町名",
  "住所",
  "電話番号",
  "ウェブサイト",
  "主な製品",
  "紹介",
  "新製品の開発",
  "企業ページURL",
  "最終更新日",
] as const;
