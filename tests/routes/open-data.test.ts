// The open-data files at /open-data: the headers (the events file in the national イベント一覧 layout), UTF-8 with a
// BOM and CRLF, Excel-safe cells (formulas neutralised, commas, quotes and line breaks quoted), the CC BY 4.0
// licence, and that each file shows no more than its public page: no hidden or unlisted firm, no agreement that is
// not in force, no contact.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { hideFirm } from "~/models/firm.server";
import { loader as csvLoader } from "~/routes/open-data.$dataset[.]csv";
import { loader as indexLoader } from "~/routes/open-data._index";
import { loader as partnersLoader } from "~/routes/partners";
import { AGREEMENT_COLUMNS, EVENT_COLUMNS, FIRM_COLUMNS } from "~/seo/open-data";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { seedDemoData } from "../../db/seed";
import { createTestFirm } from "../factories/firm";
import { callLoader } from "../setup/call";
import { createUser, payload, settle, statusOf } from "../setup/http";

const FORMULA = '=HYPERLINK("http://evil.example","x")';

let hidden: number;
let unlisted: number;
let awkward: number;
let eventId: number;

beforeAll(async () => {
  await seedDemoData(getDb());
  const staff = await createUser("staff");
  hidden = await createTestFirm({ name: "株式会社隠れ工業" });
  await hideFirm(hidden, "依頼", staff.id);
  unlisted = await createTestFirm({ name: "株式会社非掲載製作所", is_public: false });
  awkward = await createTestFirm({
    name: '株式会社"引用",カンマ',
    products: FORMULA,
    description: "一行目\n二行目",
    phone: "03-1234-5678",
    website: "https://example.jp/awkward",
  });
  const t = now();
  const university = await getDb().selectFrom("university").select("id").executeTakeFirstOrThrow();
  // Agreements the partner page does not show: expired, terminated, not yet effective.
  for (const [title, dates] of [
    ["期限切れの協定", { effective_from: "2001-04-01", expires_on: "2002-03-31", terminated_on: null }],
    ["解除した協定", { effective_from: "2001-04-01", expires_on: null, terminated_on: "2020-01-01" }],
    ["発効前の協定", { effective_from: "2099-04-01", expires_on: null, terminated_on: null }],
  ] as const)
    await getDb()
      .insertInto("agreement")
      .values({
        university_id: university.id,
        kind: "research",
        title_ja: title,
        title_en: title,
        signed_on: dates.effective_from,
        auto_renew: 0,
        notes: "内部メモ",
        created_at: t,
        updated_at: t,
        ...dates,
      })
      .execute();
  const event = await getDb()
    .insertInto("event")
    .values({
      title_ja: "=発表会",
      title_en: "-Presentation",
      starts_at: "2027-02-19T05:00:00.000Z",
      ends_at: "2027-02-19T08:00:00.000Z",
      venue_ja: '北とぴあ "つつじホール", 王子',
      venue_en: "Hokutopia",
      description_ja: "@説明\r\n二行目",
      description_en: null,
      created_by: staff.id,
      created_at: t,
      updated_at: t,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  eventId = event.id;
}, 60_000);

async function download(dataset: string) {
  const response = (await callLoader(csvLoader, `/open-data/${dataset}.csv`, { params: { dataset } })) as Response;
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8");
  const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
  return { response, bytes, text, rows };
}

describe("the open-data files", () => {
  it("are UTF-8 with a BOM and CRLF, offered as downloads under CC BY 4.0", async () => {
    for (const dataset of ["partnership-agreements", "events", "firms"]) {
      const { response, bytes, text } = await download(dataset);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="131172_${dataset.replace(/-/g, "_")}.csv"`,
      );
      expect(response.headers.get("Link")).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(text.split("\r\n").length).toBeGreaterThan(2);
      expect(text.replace(/"[^"]*"/g, "")).not.toMatch(/[^\r]\n/);
    }
  });

  it("answer 404 for any other name", async () => {
    for (const name of ["users", "firms.csv", "", "../firms", "FIRMS", "あ".repeat(2000)]) {
      const answer = await settle(callLoader(csvLoader, "/open-data/x.csv", { params: { dataset: name } }));
      expect(statusOf(answer), name).toBe(404);
    }
  });

  it("lists the events in the 32 columns of the national イベント一覧 format, Tokyo dates and times", async () => {
    const { rows } = await download("events");
    expect(rows[0]).toEqual([...EVENT_COLUMNS]);
    expect(rows[0]).toHaveLength(32);
    expect(rows[0].slice(0, 8)).toEqual([
      "都道府県コード又は市区町村コード",
      "NO",
      "都道府県名",
      "市区町村名",
      "イベント名",
      "イベント名_カナ",
      "イベント名_英語",
      "開始日",
    ]);
    const events = await getDb().selectFrom("event").select("id").execute();
    expect(rows).toHaveLength(events.length + 1);
    const row = Object.fromEntries(rows[0].map((c, i) => [c, rows.find((r) => r[1] === String(eventId))![i]]));
    expect(row).toMatchObject({
      都道府県コード又は市区町村コード: "131172",
      都道府県名: "東京都",
      市区町村名: "北区",
      イベント名: "'=発表会",
      イベント名_英語: "'-Presentation",
      開始日: "2027-02-19",
      終了日: "2027-02-19",
      開始時間: "14:00",
      終了時間: "17:00",
      説明: "'@説明\r\n二行目",
      主催者: "東京都北区",
      場所名称: '北とぴあ "つつじホール", 王子',
      URL: `${config().publicUrl}/events/${eventId}`,
    });
  });

  it("lists exactly the listed firms with their public fields, cells made safe for spreadsheets", async () => {
    const { rows } = await download("firms");
    expect(rows[0]).toEqual([...FIRM_COLUMNS]);
    const listed = await getDb()
      .selectFrom("firm")
      .select("corporate_number")
      .where("is_public", "=", 1)
      .where("hidden_at", "is", null)
      .execute();
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(listed.map((f) => f.corporate_number).sort());
    const names = rows.map((r) => r[1]);
    expect(names).not.toContain("株式会社隠れ工業");
    expect(names).not.toContain("株式会社非掲載製作所");
    const firm = await getDb().selectFrom("firm").selectAll().where("id", "=", awkward).executeTakeFirstOrThrow();
    const row = Object.fromEntries(rows[0].map((c, i) => [c, rows.find((r) => r[0] === firm.corporate_number)![i]]));
    expect(row).toMatchObject({
      名称: '株式会社"引用",カンマ',
      主な製品: `'${FORMULA}`,
      紹介: "一行目\n二行目",
      電話番号: "03-1234-5678",
      ウェブサイト: "https://example.jp/awkward",
      郵便番号: "114-0003",
      住所: "豊島1丁目1番1号",
      企業ページURL: `${config().publicUrl}/firms/${awkward}`,
    });
    expect(hidden).not.toBe(unlisted);
  });

  it("lists the agreements /partners lists, without contacts or notes", async () => {
    const { rows, text } = await download("partnership-agreements");
    expect(rows[0]).toEqual([...AGREEMENT_COLUMNS]);
    const partners = payload(await partnersLoader()).partners as Array<{ agreements: Array<{ title_ja: string }> }>;
    expect(rows.slice(1).map((r) => r[2])).toEqual(partners.flatMap((u) => u.agreements.map((a) => a.title_ja)));
    for (const absent of ["期限切れの協定", "解除した協定", "発効前の協定", "内部メモ"])
      expect(text).not.toContain(absent);
    const contacts = await getDb().selectFrom("agreement_contact").selectAll().execute();
    expect(contacts.length).toBeGreaterThan(0);
    for (const c of contacts)
      for (const value of [c.name, c.email, c.phone].filter((v): v is string => Boolean(v)))
        expect(text).not.toContain(value);
    expect(rows[1][11]).toMatch(/^(有効|期限間近)$/);
    expect(rows[1][5]).toContain("産業");
  });

  it("are listed on /open-data with their columns", async () => {
    const { datasets } = await indexLoader();
    expect(datasets.map((d) => d.id)).toEqual(["partnership-agreements", "events", "firms"]);
    expect(datasets[1].columns).toEqual([...EVENT_COLUMNS]);
  });
});
