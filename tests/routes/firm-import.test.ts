// CSV import and export of the firm register: encodings, broken files, per-row problems, the stored preview, the
// one-transaction apply, and the export → import round trip.
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loader as directoryLoader } from "~/routes/firms._index";
import { loader as exportLoader } from "~/routes/staff.firms.export";
import { action as importAction, loader as importLoader } from "~/routes/staff.firms.import";
import { makeCorporateNumber } from "~/utils/corporate-number";
import { dialectOf, getDb } from "~/utils/db.server";
import { createTestFirm } from "../factories/firm";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf } from "../setup/http";

const HEADER = "法人番号,企業名,フリガナ,業種,郵便番号,町名,住所,電話番号,ウェブサイト,製品,紹介文,新製品開発,公開";
/** A valid corporate number from a 12-digit base. */
const cn = (base: string) => makeCorporateNumber(base);
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures", name));

let cookie: string;
beforeAll(async () => {
  cookie = await signIn((await createUser("staff", { name: "取込 担当" })).id);
});

function upload(bytes: Uint8Array | string, fileName = "firms.csv") {
  const form = new FormData();
  form.append("file", new File([bytes as BlobPart], fileName, { type: "text/csv" }));
  return settle(callAction(importAction, "/staff/firms/import", { form, cookie }));
}

const confirm = (importId: number | string) =>
  settle(
    callAction(importAction, `/staff/firms/import?id=${importId}`, {
      form: { intent: "confirm", importId: String(importId) },
      cookie,
    }),
  );

const preview = (importId: number) =>
  callLoader(importLoader, `/staff/firms/import?id=${importId}`, { cookie }).then(payload);

/** The stored import id from the redirect after a valid upload. */
function importIdOf(res: unknown): number {
  expect(res).toBeInstanceOf(Response);
  const location = (res as Response).headers.get("Location")!;
  expect(location).toMatch(/^\/staff\/firms\/import\?id=\d+$/);
  return Number(location.split("=")[1]);
}

const count = async (table: "firm" | "firm_import" | "audit_entry") =>
  Number(
    (
      await getDb()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await Promise.all([count("firm"), count("firm_import"), count("audit_entry")]);
  const result = await run();
  expect(await Promise.all([count("firm"), count("firm_import"), count("audit_entry")])).toEqual(before);
  return result;
}

const problemsOf = (res: unknown) =>
  payload(res).problems as Array<{ row: number | null; column: string | null; message: string }>;

describe("importing a valid file", () => {
  it("reads Shift_JIS (CP932) as Excel saves it, previews, and applies on confirm", async () => {
    const res = await upload(fixture("firms-sjis.csv"), "企業一覧.csv");
    const id = importIdOf(res);
    // Nothing is written to the register before staff confirm.
    expect(
      await getDb().selectFrom("firm").select("id").where("corporate_number", "=", "8011501900001").executeTakeFirst(),
    ).toBeUndefined();

    const shown = await preview(id);
    expect(shown.pending).toMatchObject({
      fileName: "企業一覧.csv",
      appliedAt: null,
      counts: { create: 3, update: 0, unchanged: 0 },
    });

    const done = (await confirm(id)) as Response;
    expect(done).toHaveRedirect(`/staff/firms/import?id=${id}`);
    await expect(done).toSendToast();
    expect((await preview(id)).pending.outcome).toEqual({ created: 3, updated: 0, unchanged: 0 });

    const firms = await getDb()
      .selectFrom("firm")
      .selectAll()
      .where("corporate_number", "in", ["8011501900001", "7011501900002", "6011501900003"])
      .orderBy("corporate_number", "desc")
      .execute();
    expect(
      firms.map((f) => [f.name, f.name_kana, f.industry, f.town, f.postal_code, f.new_product, f.is_public]),
    ).toEqual([
      ["株式会社浮間ﾒｯｷ工業", "ウキマメッキコウギョウ", "metal_products", "ukima", "115-0051", 1, 1],
      ["㈲志茂印刷", "シモインサツ", "printing", "shimo", "115-0042", 0, 1],
      ["王子食品株式会社", "オウジショクヒン", "food", "oji", "114-0002", 0, 1],
    ]);
    expect(firms[0].description).toBe("①表面処理の専門企業です。");
    expect(firms[1]).toMatchObject({
      products: "商業印刷物, ポスター",
      phone: null,
      description: null,
      website: "https://example.jp/shimo-insatsu",
    });

    // Searchable straight away (search_text written by the import), and audited.
    const found = payload(await callLoader(directoryLoader, `/firms?q=${encodeURIComponent("めっき")}`));
    expect(found.firms.map((f: { name: string }) => f.name)).toContain("株式会社浮間ﾒｯｷ工業");
    const audit = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("entity_type", "=", "firm_import")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ file_name: "企業一覧.csv", created: 3, updated: 0 });
    const perFirm = await getDb()
      .selectFrom("audit_entry")
      .select("action")
      .where("entity_type", "=", "firm")
      .where("entity_id", "=", String(firms[0].id))
      .execute();
    expect(perFirm.map((a) => a.action)).toEqual(["firm.import_create"]);
  });

  it("reads UTF-8 with a BOM, updates firms it already has, and applies only once", async () => {
    const existing = await createTestFirm({
      corporate_number: "7011301900004",
      name: "株式会社滝野川テクノ（旧）",
      name_kana: "タキノガワテクノ",
      products: "旧製品",
    });
    const id = importIdOf(await upload(fixture("firms-utf8-bom.csv")));
    const shown = await preview(id);
    expect(shown.pending.counts).toEqual({ create: 1, update: 1, unchanged: 0 });
    const update = shown.pending.changes.find((c: { status: string }) => c.status === "update");
    expect(update.changed).toEqual(expect.arrayContaining(["name", "industry", "products"]));

    expect((await confirm(id)) as Response).toHaveProperty("status", 302);
    const techno = await getDb().selectFrom("firm").selectAll().where("id", "=", existing).executeTakeFirstOrThrow();
    expect(techno).toMatchObject({
      name: "株式会社滝野川テクノ",
      industry: "electronics",
      town: "takinogawa",
      description: '"光る"北区の技術',
      is_public: 1,
      new_product: 1,
    });
    const tabata = await getDb()
      .selectFrom("firm")
      .selectAll()
      .where("corporate_number", "=", "6011301900005")
      .executeTakeFirstOrThrow();
    expect(tabata).toMatchObject({ industry: "paper", town: "tabata_shinmachi", is_public: 0, new_product: 0 });

    // The history of the updated firm says it came from the import, field by field.
    const history = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("entity_type", "=", "firm")
      .where("entity_id", "=", String(existing))
      .orderBy("id", "desc")
      .execute();
    expect(history[0].action).toBe("firm.import_update");
    expect(JSON.parse(history[0].detail!).name).toEqual(["株式会社滝野川テクノ（旧）", "株式会社滝野川テクノ"]);

    // A second confirm (double click, another tab) changes nothing.
    const again = await expectNothingWritten(() => confirm(id));
    expect(statusOf(again)).toBe(409);
    expect(problemsOf(again)[0].message).toBe("firms.import.unavailable");
  });
});

describe("refusing broken files, writing nothing", () => {
  it("lists missing and unknown columns", async () => {
    const csv = "法人番号,企業名,フリガナ,業種,郵便番号,町名,住所,電話,ウェブサイト,製品,紹介文,新製品開発,備考\n";
    const res = await expectNothingWritten(() => upload(csv));
    expect(statusOf(res)).toBe(400);
    expect(problemsOf(res).map((p) => p.message)).toEqual([
      `firms.import.missingColumns?columns=${encodeURIComponent("電話番号、公開")}`,
      `firms.import.unknownColumns?columns=${encodeURIComponent("電話、備考")}`,
    ]);
  });

  it("says the encoding is broken when the bytes are neither UTF-8 nor Shift_JIS", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${HEADER}\n`),
      0xff,
      0xfe,
      0xfd,
      0x2c,
      0xff,
      0xfe,
      0xfd,
      0x0a,
    ]);
    const res = await expectNothingWritten(() => upload(bytes));
    expect(problemsOf(res)).toEqual([{ row: null, column: null, message: "firms.import.badEncoding" }]);
  });

  it("says an empty file is empty, and a header alone has no rows", async () => {
    expect(problemsOf(await expectNothingWritten(() => upload("")))[0].message).toBe("firms.import.empty");
    expect(problemsOf(await expectNothingWritten(() => upload("\uFEFF\r\n")))[0].message).toBe("firms.import.empty");
    expect(problemsOf(await expectNothingWritten(() => upload(`${HEADER}\r\n`)))[0].message).toBe(
      "firms.import.noRows",
    );
  });

  it("says where a malformed CSV breaks", async () => {
    const res = await expectNothingWritten(() => upload(`${HEADER}\n1,2,3\n`));
    expect(problemsOf(res)[0].message).toBe("firms.import.malformed?line=2");
  });

  it("refuses a file over 5 MB and a 50 MB one without reading them whole", async () => {
    for (const mb of [5.01, 50]) {
      const big = new Uint8Array(Math.ceil(mb * 1024 * 1024)).fill(0x61);
      const started = performance.now();
      const res = await expectNothingWritten(() => upload(big));
      expect(statusOf(res)).toBe(413);
      expect(problemsOf(res)[0].message).toBe("firms.import.tooLarge?mb=5");
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });

  it("asks for a file when none was chosen", async () => {
    const form = new FormData();
    form.append("other", "x");
    const res = await settle(callAction(importAction, "/staff/firms/import", { form, cookie }));
    expect(problemsOf(res)[0].message).toBe("firms.import.noFile");
  });

  it("reports every invalid row with its column and reason, and stores nothing to confirm", async () => {
    const rows = [
      `${cn("011501900101")},株式会社良品,リョウヒン,printing,114-0002,oji,1-1,,,紙,,0,1`, // row 2: valid
      "1234567890123,株式会社番号違い,バンゴウチガイ,printing,114-0002,oji,1-1,,,紙,,0,1", // row 3
      `${cn("011501900102")},,ナマエナシ,printing,114-0002,oji,1-1,,,紙,,0,1`, // row 4
      `${cn("011501900103")},株式会社宇宙,ウチュウ,宇宙産業,114-0002,oji,1-1,,,紙,,0,1`, // row 5
      `${cn("011501900104")},株式会社渋谷,シブヤ,printing,150-0002,渋谷,1-1,,,紙,,0,1`, // row 6
      `${cn("011501900101")},株式会社重複,チョウフク,printing,114-0002,oji,1-1,,,紙,,0,1`, // row 7: same number as row 2
      `${cn("011501900105")},株式会社郵便,ユウビン,printing,1234,oji,1-1,,,紙,,たぶん,1`, // row 8: two problems
    ];
    const res = await expectNothingWritten(() => upload([HEADER, ...rows].join("\r\n")));
    expect(statusOf(res)).toBe(400);
    expect(problemsOf(res)).toEqual([
      { row: 3, column: "法人番号", message: "firms.validation.corporateNumber" },
      { row: 4, column: "企業名", message: "validation.required" },
      { row: 5, column: "業種", message: "firms.import.unknownIndustry" },
      { row: 6, column: "町名", message: "firms.import.unknownTown" },
      { row: 7, column: "法人番号", message: "firms.import.duplicateInFile?row=2" },
      { row: 8, column: "郵便番号", message: "firms.validation.postalCode" },
      { row: 8, column: "新製品開発", message: "firms.import.badBoolean" },
    ]);
  });

  it("refuses an unknown or malformed import id", async () => {
    for (const id of ["999999", "abc"]) {
      const res = await expectNothingWritten(() => confirm(id));
      expect(problemsOf(res)[0].message).toBe("firms.import.unavailable");
    }
    expect(statusOf(await settle(callLoader(importLoader, "/staff/firms/import?id=999999", { cookie })))).toBe(404);
  });

  it("is for staff only", async () => {
    const professor = await signIn((await createUser("professor")).id);
    const form = new FormData();
    form.append("file", new File([fixture("firms-sjis.csv")], "x.csv"));
    expect(statusOf(await settle(callAction(importAction, "/staff/firms/import", { form, cookie: professor })))).toBe(
      403,
    );
    expect(statusOf(await settle(callLoader(exportLoader, "/staff/firms/export", { cookie: professor })))).toBe(403);
  });
});

describe("applying in one transaction", () => {
  it("writes nothing at all when a row fails part-way through", async () => {
    const existing = await createTestFirm({
      corporate_number: cn("011501900201"),
      name: "株式会社途中",
      name_kana: "トチュウ",
      products: "元の製品",
    });
    const before = await getDb().selectFrom("firm").selectAll().where("id", "=", existing).executeTakeFirstOrThrow();
    const rows = [
      `${cn("011501900201")},株式会社途中,トチュウ,printing,114-0002,oji,1-1,,,更新された製品,,0,1`, // an update, applied first
      `${cn("011501900202")},株式会社前半,ゼンハン,printing,114-0002,oji,1-1,,,紙,,0,1`, // a new firm
      `${cn("011501900203")},株式会社爆発,バクハツ,printing,114-0002,oji,1-1,,,紙,,0,1`, // fails when written
    ];
    const id = importIdOf(await upload([HEADER, ...rows].join("\n")));
    // The database refuses the third row at apply time (as a constraint or a full disk would).
    if (dialectOf() === "postgres") {
      await sql`CREATE FUNCTION fail_import() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'simulated failure'; END $$`.execute(getDb());
      await sql`CREATE TRIGGER fail_import BEFORE INSERT ON firm FOR EACH ROW WHEN (NEW.name = '株式会社爆発')
        EXECUTE FUNCTION fail_import()`.execute(getDb());
    } else {
      await sql`CREATE TRIGGER fail_import BEFORE INSERT ON firm WHEN NEW.name = '株式会社爆発' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`.execute(
        getDb(),
      );
    }
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await expectNothingWritten(() => confirm(id));
      expect(statusOf(res)).toBe(500);
      expect(problemsOf(res)[0].message).toBe("firms.import.failed");
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      if (dialectOf() === "postgres") {
        await sql`DROP TRIGGER fail_import ON firm`.execute(getDb());
        await sql`DROP FUNCTION fail_import`.execute(getDb());
      } else {
        await sql`DROP TRIGGER fail_import`.execute(getDb());
      }
    }
    expect(await getDb().selectFrom("firm").selectAll().where("id", "=", existing).executeTakeFirstOrThrow()).toEqual(
      before,
    );
    expect(
      await getDb()
        .selectFrom("firm")
        .select("id")
        .where("corporate_number", "=", cn("011501900202"))
        .executeTakeFirst(),
    ).toBeUndefined();
    // Still waiting to be applied: once the cause is gone, the same preview applies in full.
    expect((await preview(id)).pending.appliedAt).toBeNull();
    expect(((await confirm(id)) as Response).status).toBe(302);
    expect((await preview(id)).pending.outcome).toEqual({ created: 2, updated: 1, unchanged: 0 });
  });
});

describe("export", () => {
  it("writes UTF-8 with a BOM and CRLF, and imports back unchanged (0 created, 0 updated, N unchanged)", async () => {
    await createTestFirm({
      name: '株式会社"引用"工業',
      name_kana: "インヨウコウギョウ",
      description: "一行目、\n二行目, カンマ",
      phone: "03-1111-2222",
      website: "https://example.jp/q",
    });
    const res = (await callLoader(exportLoader, "/staff/firms/export", { cookie })) as Response;
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="firms-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe(HEADER);
    // Every record ends with CRLF; a bare LF appears only inside a quoted field (the two-line description).
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/"(?:[^"]|"")*"/g, "").match(/(?<!\r)\n/g)).toBeNull();
    expect(text).toContain('"一行目、\n二行目, カンマ"');

    const snapshot = () => getDb().selectFrom("firm").selectAll().orderBy("id").execute();
    const before = await snapshot();
    const id = importIdOf(await upload(bytes, "export.csv"));
    expect((await preview(id)).pending.counts).toEqual({ create: 0, update: 0, unchanged: before.length });
    expect(((await confirm(id)) as Response).status).toBe(302);
    expect((await preview(id)).pending.outcome).toEqual({ created: 0, updated: 0, unchanged: before.length });
    expect(await snapshot()).toEqual(before);
  });
});
