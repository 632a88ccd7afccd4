/**
 * The open-data files: each one written from the same model query as the public page it mirrors, so a file never
 * shows what the page hides — the agreements in force as /partners lists them (no contacts, owners or notes), every
 * event as its public page shows it (in the column layout of the national 自治体標準オープンデータセット
 * 「イベント一覧」, see README), and the listed firms' public fields (never a hidden or unlisted firm). Headers are
 * Japanese, as in the national datasets; cells go through the app's one CSV writer (BOM, CRLF, Excel-safe).
 */
import { listPartners } from "~/models/agreement.server";
import { listPublicEventDetails } from "~/models/event.server";
import { listPublicFirms } from "~/models/firm.server";
import { toCsv, type CsvCell } from "~/utils/csv";
import { config } from "~/utils/env.server";
import { tokyoDate } from "~/utils/format";
import { industryLabel, townLabel } from "~/utils/kita";
import { AGREEMENT_COLUMNS, EVENT_COLUMNS, FIRM_COLUMNS, KITA_CITY_CODE, type Dataset } from "./open-data";
import { fixedT } from "./text";

/** Tokyo's calendar date and time of day of an instant: ["2027-02-19", "14:00"]. */
function tokyoDateTime(iso: string): [string, string] {
  const local = new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString();
  return [local.slice(0, 10), local.slice(11, 16)];
}

async function agreementRows(): Promise<CsvCell[][]> {
  const t = fixedT("ja");
  const universities = await listPartners(tokyoDate());
  return universities.flatMap((u) =>
    u.agreements.map((a) => [
      u.name_ja,
      u.name_en,
      a.title_ja,
      a.title_en,
      t(`agreements.kinds.${a.kind}`),
      a.areas.map((area) => t(`agreements.areas.${area}`)).join("・"),
      a.signed_on,
      a.effective_from,
      a.term_end ?? "",
      a.auto_renew ? "有" : "無",
      a.auto_renew && a.renewal_term_months ? a.renewal_term_months : "",
      t(`agreements.status.${a.status}`),
    ]),
  );
}

async function eventRows(publicUrl: string): Promise<CsvCell[][]> {
  const t = fixedT("ja");
  const organiser = t("app.city");
  return (await listPublicEventDetails()).map((e) => {
    const [startDate, startTime] = tokyoDateTime(e.starts_at);
    const [endDate, endTime] = tokyoDateTime(e.ends_at);
    const row: Record<(typeof EVENT_COLUMNS)[number], CsvCell> = {
      都道府県コード又は市区町村コード: KITA_CITY_CODE,
      NO: e.id,
      都道府県名: "東京都",
      市区町村名: "北区",
      イベント名: e.title_ja,
      イベント名_カナ: "",
      イベント名_英語: e.title_en,
      開始日: startDate,
      終了日: endDate,
      開始時間: startTime,
      終了時間: endTime,
      開始日時特記事項: "",
      説明: e.description_ja ?? "",
      "料金(基本)": "",
      "料金(詳細)": "",
      連絡先名称: `${organiser} ${t("app.section")}`,
      連絡先電話番号: "",
      連絡先内線番号: "",
      主催者: organiser,
      // The venue is one free text (name and address as staff write it).
      場所名称: e.venue_ja,
      住所: "",
      方書: "",
      緯度: "",
      経度: "",
      アクセス方法: "",
      駐車場情報: "",
      定員: "",
      参加申込終了日: "",
      参加申込終了時間: "",
      参加申込方法: "",
      URL: `${publicUrl}/events/${e.id}`,
      備考: "",
    };
    return EVENT_COLUMNS.map((column) => row[column]);
  });
}

async function firmRows(publicUrl: string): Promise<CsvCell[][]> {
  return (await listPublicFirms()).map((f) => [
    f.corporate_number,
    f.name,
    f.name_kana,
    industryLabel(f.industry, "ja"),
    f.postal_code,
    "東京都",
    "北区",
    townLabel(f.town, "ja"),
    `${townLabel(f.town, "ja")}${f.address}`,
    f.phone ?? "",
    f.website ?? "",
    f.products,
    f.description ?? "",
    f.new_product ? "有" : "無",
    `${publicUrl}/firms/${f.id}`,
    tokyoDate(new Date(f.updated_at)),
  ]);
}

/** The dataset as CSV text (BOM, CRLF, Excel-safe cells). */
export async function datasetCsv(dataset: Dataset): Promise<string> {
  const { publicUrl } = config();
  switch (dataset) {
    case "partnership-agreements":
      return toCsv([[...AGREEMENT_COLUMNS], ...(await agreementRows())]);
    case "events":
      return toCsv([[...EVENT_COLUMNS], ...(await eventRows(publicUrl))]);
    case "firms":
      return toCsv([[...FIRM_COLUMNS], ...(await firmRows(publicUrl))]);
  }
}
