// The firm register: the public directory and firm pages, the staff register, firm users' own profile, and the
// audit trail of every change, through the real loaders and actions.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { action as profileAction, loader as profileLoader } from "~/routes/firm.profile";
import { loader as firmPageLoader } from "~/routes/firms.$firmId";
import { loader as directoryLoader } from "~/routes/firms._index";
import { action as detailAction, loader as detailLoader } from "~/routes/staff.firms.$firmId._index";
import { action as editAction, loader as editLoader } from "~/routes/staff.firms.$firmId.edit";
import { loader as staffListLoader } from "~/routes/staff.firms._index";
import { loader as exportLoader } from "~/routes/staff.firms.export";
import { loader as importLoader } from "~/routes/staff.firms.import";
import { action as newAction, loader as newLoader } from "~/routes/staff.firms.new";
import { getDb } from "~/utils/db.server";
import { createTestFirm, firmInput, nextCorporateNumber } from "../factories/firm";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf } from "../setup/http";

const directory = (query = "", cookie?: string) =>
  settle(callLoader(directoryLoader, `/firms${query}`, { cookie })).then(payload);
const names = (result: { firms: Array<{ name: string }> }) => result.firms.map((f) => f.name);

/** The staff form as a browser posts it (checkboxes "on" when ticked, absent when not). */
function staffForm(overrides: Record<string, string> = {}) {
  const f = firmInput();
  return {
    intent: "save",
    corporate_number: f.corporate_number,
    name: "株式会社北区新規",
    name_kana: "きたくしんき",
    industry: "printing",
    postal_code: "１１４−０００２",
    town: "oji",
    address: "1丁目2番3号",
    phone: "03-3900-0000",
    website: "https://example.jp/kitaku-shinki",
    products: "チラシ、ポスター",
    description: "",
    is_public: "on",
    ...overrides,
  };
}

let staff: { id: number; cookie: string };
let akabane: number;

beforeAll(async () => {
  const s = await createUser("staff", { name: "北区 職員" });
  staff = { id: s.id, cookie: await signIn(s.id) };
  akabane = await createTestFirm({
    name: "株式会社赤羽精密",
    name_kana: "アカバネセイミツ",
    industry: "precision",
    town: "akabane",
    postal_code: "115-0045",
    products: "精密切削部品、医療機器部品",
    new_product: true,
  });
});

describe("who may open which page", () => {
  it("opens the directory and public firm pages to everyone", async () => {
    const professor = await createUser("professor");
    for (const cookie of [undefined, await signIn(professor.id), staff.cookie]) {
      expect(statusOf(await settle(callLoader(directoryLoader, "/firms", { cookie })))).toBe(200);
      const page = await settle(
        callLoader(firmPageLoader, `/firms/${akabane}`, { cookie, params: { firmId: String(akabane) } }),
      );
      expect(payload(page).firm.name).toBe("株式会社赤羽精密");
    }
  });

  type AnyLoader = (args: LoaderFunctionArgs) => Promise<unknown>;
  const staffPages: Array<[string, AnyLoader, Record<string, string>]> = [
    ["/staff/firms", staffListLoader as AnyLoader, {}],
    ["/staff/firms/new", newLoader as AnyLoader, {}],
    ["/staff/firms/import", importLoader as AnyLoader, {}],
    ["/staff/firms/export", exportLoader as AnyLoader, {}],
    ["/staff/firms/:id", detailLoader as AnyLoader, { firmId: "ID" }],
    ["/staff/firms/:id/edit", editLoader as AnyLoader, { firmId: "ID" }],
  ];

  it("lets staff open every staff page", async () => {
    for (const [path, loader, params] of staffPages) {
      const p = Object.fromEntries(Object.entries(params).map(([k]) => [k, String(akabane)]));
      const res = await settle(
        callLoader(loader, path.replace(":id", String(akabane)), { cookie: staff.cookie, params: p }),
      );
      expect(statusOf(res), path).toBe(200);
    }
  });

  it("refuses staff pages to professors, students and firm users (403) and sends visitors to sign in", async () => {
    const others = await Promise.all(
      (["professor", "student", "firm"] as const).map((role) =>
        createUser(role, role === "firm" ? { firm_id: akabane } : {}),
      ),
    );
    for (const [path, loader, params] of staffPages) {
      const p = Object.fromEntries(Object.entries(params).map(([k]) => [k, String(akabane)]));
      const url = path.replace(":id", String(akabane));
      for (const user of others) {
        expect(
          statusOf(await settle(callLoader(loader, url, { cookie: await signIn(user.id), params: p }))),
          `${path} as ${user.email}`,
        ).toBe(403);
      }
      const anonymous = (await settle(callLoader(loader, url, { params: p }))) as Response;
      expect(anonymous).toHaveRedirect(`/login?redirectTo=${encodeURIComponent(url)}`);
    }
    // Staff actions refuse them too.
    const professorCookie = await signIn(others[0].id);
    expect(
      statusOf(await settle(callAction(newAction, "/staff/firms/new", { form: staffForm(), cookie: professorCookie }))),
    ).toBe(403);
    const firmCookie = await signIn(others[2].id);
    const edit = await settle(
      callAction(editAction, `/staff/firms/${akabane}/edit`, {
        form: staffForm(),
        cookie: firmCookie,
        params: { firmId: String(akabane) },
      }),
    );
    expect(statusOf(edit)).toBe(403);
  });

  it("opens /firm/profile only to firm users, on their own firm", async () => {
    const firmUser = await createUser("firm", { firm_id: akabane });
    const own = await settle(callLoader(profileLoader, "/firm/profile", { cookie: await signIn(firmUser.id) }));
    expect(payload(own).firm.id).toBe(akabane);
    for (const role of ["staff", "professor", "student"] as const) {
      const user = await createUser(role);
      expect(
        statusOf(await settle(callLoader(profileLoader, "/firm/profile", { cookie: await signIn(user.id) }))),
      ).toBe(403);
    }
    const anonymous = (await settle(callLoader(profileLoader, "/firm/profile"))) as Response;
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Ffirm%2Fprofile");
  });
});

describe("directory search", () => {
  it("finds the same firm from half-width, full-width, hiragana, katakana and kanji", async () => {
    for (const q of ["ｱｶﾊﾞﾈ", "アカバネ", "あかばね", "赤羽", "ｾｲﾐﾂ", "せいみつ", "精密切削", "あかばね　せいみつ"]) {
      const result = await directory(`?q=${encodeURIComponent(q)}`);
      expect(names(result), q).toContain("株式会社赤羽精密");
    }
  });

  it("folds Latin case and width in products", async () => {
    await createTestFirm({ name: "株式会社王子ライティング", name_kana: "オウジライティング", products: "LED照明" });
    for (const q of ["led", "LED", "Led", "ＬＥＤ", "ｌｅｄ照明"]) {
      expect(names(await directory(`?q=${encodeURIComponent(q)}`)), q).toEqual(["株式会社王子ライティング"]);
    }
  });

  it("requires every word (AND) and treats % and _ as plain characters", async () => {
    expect(names(await directory(`?q=${encodeURIComponent("赤羽 医療機器")}`))).toEqual(["株式会社赤羽精密"]);
    expect(names(await directory(`?q=${encodeURIComponent("赤羽　和菓子")}`))).toEqual([]);
    expect((await directory("?q=%25")).total).toBe(0);
    expect((await directory("?q=_")).total).toBe(0);
  });

  it("filters by industry, town and new product, and keeps the filters when the values are bad", async () => {
    await createTestFirm({
      name: "有限会社浮間フィルタ",
      name_kana: "ウキマフィルタ",
      industry: "food",
      town: "ukima",
      products: "フィルタ試験",
      new_product: true,
    });
    await createTestFirm({
      name: "浮間フィルタ工業株式会社",
      name_kana: "ウキマフィルタコウギョウ",
      industry: "food",
      town: "ukima",
      products: "フィルタ試験",
      new_product: false,
    });
    await createTestFirm({
      name: "株式会社志茂フィルタ",
      name_kana: "シモフィルタ",
      industry: "printing",
      town: "shimo",
      products: "フィルタ試験",
    });
    const q = `?q=${encodeURIComponent("フィルタ試験")}`;
    expect((await directory(q)).total).toBe(3);
    expect(names(await directory(`${q}&industry=food`)).sort()).toEqual(
      ["有限会社浮間フィルタ", "浮間フィルタ工業株式会社"].sort(),
    );
    expect(names(await directory(`${q}&town=shimo`))).toEqual(["株式会社志茂フィルタ"]);
    expect(names(await directory(`${q}&industry=food&new_product=1`))).toEqual(["有限会社浮間フィルタ"]);
    // Unknown filter values are dropped, not errors: a shared link never breaks.
    const bad = await directory(`${q}&industry=nope&town=&page=abc`);
    expect(bad.total).toBe(3);
    expect(bad.params.industry).toBeUndefined();
  });

  it("pages 20 at a time in kana order, with the total", async () => {
    for (let i = 0; i < 45; i++) {
      await createTestFirm({
        name: `頁送り工業${String(i).padStart(2, "0")}`,
        name_kana: `ページオクリ${String.fromCharCode(0x30a2 + i)}`,
        products: "頁送り試験",
      });
    }
    const q = `?q=${encodeURIComponent("頁送り試験")}`;
    const first = await directory(q);
    expect(first).toMatchObject({ total: 45, page: 1, pageCount: 3 });
    expect(first.firms).toHaveLength(20);
    const third = await directory(`${q}&page=3`);
    expect(third.firms).toHaveLength(5);
    const all = [...names(first), ...names(await directory(`${q}&page=2`)), ...names(third)];
    expect(new Set(all).size).toBe(45);
    const kana = [...first.firms, ...third.firms].map((f: { name_kana: string }) => f.name_kana);
    expect(kana).toEqual([...kana].sort());
    expect((await directory(`${q}&page=9`)).firms).toEqual([]);
  });
});

describe("the directory's cache", () => {
  it("is never older than the register, whichever process wrote it", async () => {
    const id = await createTestFirm({ name: "株式会社キャッシュ", name_kana: "キャッシュ", products: "緩衝試験" });
    const q = `?q=${encodeURIComponent("緩衝試験")}`;
    expect(names(await directory(q))).toEqual(["株式会社キャッシュ"]);
    // Another process writes the firm and bumps the version, as the model does in every write transaction.
    await getDb().updateTable("firm").set({ name: "株式会社新キャッシュ" }).where("id", "=", id).execute();
    expect(names(await directory(q))).toEqual(["株式会社キャッシュ"]); // served from the cache until…
    await getDb()
      .updateTable("firm_register")
      .set((eb) => ({ version: eb("version", "+", 1) }))
      .execute();
    expect(names(await directory(q))).toEqual(["株式会社新キャッシュ"]);
  });
});

describe("hidden and unlisted firms", () => {
  it("keeps them out of the directory and answers their pages with 404, as for unknown or malformed ids", async () => {
    const unlisted = await createTestFirm({
      name: "株式会社非公開",
      name_kana: "ヒコウカイ",
      products: "秘匿試験",
      is_public: false,
    });
    const hidden = await createTestFirm({ name: "株式会社非表示", name_kana: "ヒヒョウジ", products: "秘匿試験" });
    const hide = await settle(
      callAction(detailAction, `/staff/firms/${hidden}`, {
        form: { intent: "hide", reason: "廃業のため" },
        cookie: staff.cookie,
        params: { firmId: String(hidden) },
      }),
    );
    expect((hide as Response).status).toBe(302);

    expect((await directory(`?q=${encodeURIComponent("秘匿試験")}`)).total).toBe(0);
    for (const firmId of [String(unlisted), String(hidden), "999999", "abc", "1.5", "0", "-1"]) {
      const res = await settle(callLoader(firmPageLoader, `/firms/${firmId}`, { params: { firmId } }));
      expect(statusOf(res), firmId).toBe(404);
    }
    // Staff still see both; the hidden one only when asked.
    const staffList = (query: string) =>
      settle(callLoader(staffListLoader, `/staff/firms${query}`, { cookie: staff.cookie })).then(payload);
    expect(names(await staffList(`?q=${encodeURIComponent("秘匿試験")}`))).toEqual(["株式会社非公開"]);
    expect(names(await staffList(`?q=${encodeURIComponent("秘匿試験")}&hidden=1`)).sort()).toEqual(
      ["株式会社非公開", "株式会社非表示"].sort(),
    );

    // Restoring brings it back.
    await settle(
      callAction(detailAction, `/staff/firms/${hidden}`, {
        form: { intent: "restore" },
        cookie: staff.cookie,
        params: { firmId: String(hidden) },
      }),
    );
    expect(names(await directory(`?q=${encodeURIComponent("秘匿試験")}`))).toEqual(["株式会社非表示"]);
    const history = payload(
      await callLoader(detailLoader, `/staff/firms/${hidden}`, {
        cookie: staff.cookie,
        params: { firmId: String(hidden) },
      }),
    ).history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(["restore", "hide", "create"]);
    expect(history[1].reason).toBe("廃業のため");
  });

  it("needs a reason to hide a firm", async () => {
    const id = await createTestFirm();
    const res = await settle(
      callAction(detailAction, `/staff/firms/${id}`, {
        form: { intent: "hide", reason: " " },
        cookie: staff.cookie,
        params: { firmId: String(id) },
      }),
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error.reason).toEqual(["validation.required"]);
    expect(
      (await getDb().selectFrom("firm").select("hidden_at").where("id", "=", id).executeTakeFirstOrThrow()).hidden_at,
    ).toBeNull();
  });
});

describe("staff create and edit", () => {
  const create = (form: Record<string, string>) =>
    settle(callAction(newAction, "/staff/firms/new", { form, cookie: staff.cookie }));

  it("registers a firm with normalised values and an audit entry, then redirects with a toast", async () => {
    const form = staffForm({ corporate_number: "" });
    const number = nextCorporateNumber();
    // Full-width digits with hyphens are what people paste.
    form.corporate_number = number
      .replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
      .replace(/^(.{4})/, "$1-");
    const res = (await create(form)) as Response;
    expect(res).toHaveRedirect();
    await expect(res).toSendToast();
    const firm = await getDb()
      .selectFrom("firm")
      .selectAll()
      .where("corporate_number", "=", number)
      .executeTakeFirstOrThrow();
    expect(res.headers.get("Location")).toBe(`/staff/firms/${firm.id}`);
    expect(firm).toMatchObject({
      name_kana: "キタクシンキ",
      postal_code: "114-0002",
      description: null,
      is_public: 1,
      new_product: 0,
    });
    expect(firm.search_text).toContain("きたくしんき");
    const audit = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("entity_type", "=", "firm")
      .where("entity_id", "=", String(firm.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "firm.create", actor_user_id: staff.id });
    expect(JSON.parse(audit[0].detail!).name).toEqual([null, "株式会社北区新規"]);
  });

  it("refuses a corporate number whose check digit is wrong", async () => {
    const res = await create(staffForm({ corporate_number: "1234567890123" }));
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error.corporate_number).toEqual(["firms.validation.corporateNumber"]);
    expect(
      await getDb().selectFrom("firm").select("id").where("corporate_number", "=", "1234567890123").executeTakeFirst(),
    ).toBeUndefined();
  });

  it("shows field errors for the other fields, as catalog keys", async () => {
    const res = await create(
      staffForm({
        name: "",
        name_kana: "Akabane",
        industry: "space",
        town: "shibuya",
        postal_code: "12345",
        phone: "phone",
        website: "example.jp",
      }),
    );
    expect(statusOf(res)).toBe(400);
    const error = payload(res).result.error;
    expect(error).toMatchObject({
      name: ["validation.required"],
      name_kana: ["firms.validation.kana"],
      industry: ["validation.chooseOne"],
      town: ["validation.chooseOne"],
      postal_code: ["firms.validation.postalCode"],
      phone: ["firms.validation.phone"],
      website: ["firms.validation.website"],
    });
  });

  it("refuses a duplicate corporate number with a field error, on create and on edit", async () => {
    const existing = await getDb()
      .selectFrom("firm")
      .select("corporate_number")
      .where("id", "=", akabane)
      .executeTakeFirstOrThrow();
    const dup = await create(staffForm({ corporate_number: existing.corporate_number }));
    expect(statusOf(dup)).toBe(400);
    expect(payload(dup).result.error.corporate_number).toEqual(["firms.validation.duplicate"]);

    const other = await createTestFirm();
    const edit = await settle(
      callAction(editAction, `/staff/firms/${other}/edit`, {
        form: staffForm({ corporate_number: existing.corporate_number }),
        cookie: staff.cookie,
        params: { firmId: String(other) },
      }),
    );
    expect(statusOf(edit)).toBe(400);
    expect(payload(edit).result.error.corporate_number).toEqual(["firms.validation.duplicate"]);
  });

  it("audits a staff edit field by field, keeps the search text in step, and shows it in the history", async () => {
    const id = await createTestFirm({ name: "株式会社旧名", name_kana: "キュウメイ", products: "旧製品" });
    const before = await getDb().selectFrom("firm").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect((await directory(`?q=${encodeURIComponent("旧名")}`)).total).toBe(1); // now cached
    const form = staffForm({
      corporate_number: before.corporate_number,
      name: "株式会社新名",
      name_kana: "シンメイ",
      industry: before.industry,
      postal_code: before.postal_code,
      town: before.town,
      address: before.address,
      phone: "",
      website: "",
      products: "新製品",
    });
    const res = (await settle(
      callAction(editAction, `/staff/firms/${id}/edit`, { form, cookie: staff.cookie, params: { firmId: String(id) } }),
    )) as Response;
    expect(res).toHaveRedirect(`/staff/firms/${id}`);

    const { history } = payload(
      await callLoader(detailLoader, `/staff/firms/${id}`, { cookie: staff.cookie, params: { firmId: String(id) } }),
    );
    expect(history[0]).toMatchObject({ action: "update", actor_name: "北区 職員", actor_role: "staff" });
    expect(history[0].changes).toEqual({
      name: ["株式会社旧名", "株式会社新名"],
      name_kana: ["キュウメイ", "シンメイ"],
      products: ["旧製品", "新製品"],
    });
    expect(names(await directory(`?q=${encodeURIComponent("しんめい")}`))).toEqual(["株式会社新名"]);
    expect((await directory(`?q=${encodeURIComponent("旧名")}`)).total).toBe(0);

    // Saving the same values again writes nothing and adds no history.
    await settle(
      callAction(editAction, `/staff/firms/${id}/edit`, { form, cookie: staff.cookie, params: { firmId: String(id) } }),
    );
    const again = payload(
      await callLoader(detailLoader, `/staff/firms/${id}`, { cookie: staff.cookie, params: { firmId: String(id) } }),
    );
    expect(again.history).toHaveLength(history.length);
  });

  it("answers unknown and malformed firm ids with 404", async () => {
    for (const firmId of ["424242", "x"]) {
      expect(
        statusOf(
          await settle(
            callLoader(detailLoader, `/staff/firms/${firmId}`, { cookie: staff.cookie, params: { firmId } }),
          ),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await settle(
            callAction(editAction, `/staff/firms/${firmId}/edit`, {
              form: staffForm(),
              cookie: staff.cookie,
              params: { firmId },
            }),
          ),
        ),
      ).toBe(404);
    }
  });
});

describe("firm users' own profile", () => {
  it("saves the descriptive fields, ignores the rest, and leaves other firms alone; staff see the diff", async () => {
    const own = await createTestFirm({
      name: "株式会社自社",
      name_kana: "ジシャ",
      products: "旧い製品",
      is_public: true,
    });
    const other = await createTestFirm({ name: "株式会社他社", name_kana: "タシャ", products: "他社製品" });
    const firmUser = await createUser("firm", { firm_id: own, name: "自社 担当" });
    const ownBefore = await getDb().selectFrom("firm").selectAll().where("id", "=", own).executeTakeFirstOrThrow();
    const otherBefore = await getDb().selectFrom("firm").selectAll().where("id", "=", other).executeTakeFirstOrThrow();

    const res = (await settle(
      callAction(profileAction, "/firm/profile", {
        form: {
          products: "新しい製品",
          description: "紹介文です。",
          website: "https://example.jp/jisha",
          phone: "03-1234-5678",
          new_product: "on",
          is_public: "on",
          // Not the firm's to change: ignored.
          name: "乗っ取り株式会社",
          corporate_number: otherBefore.corporate_number,
          firmId: String(other),
          id: String(other),
        },
        cookie: await signIn(firmUser.id),
        params: { firmId: String(other) },
      }),
    )) as Response;
    expect(res).toHaveRedirect("/firm/profile");
    await expect(res).toSendToast();

    const ownAfter = await getDb().selectFrom("firm").selectAll().where("id", "=", own).executeTakeFirstOrThrow();
    expect(ownAfter).toMatchObject({
      name: "株式会社自社",
      corporate_number: ownBefore.corporate_number,
      products: "新しい製品",
      new_product: 1,
      phone: "03-1234-5678",
    });
    expect(await getDb().selectFrom("firm").selectAll().where("id", "=", other).executeTakeFirstOrThrow()).toEqual(
      otherBefore,
    );

    const { history } = payload(
      await callLoader(detailLoader, `/staff/firms/${own}`, { cookie: staff.cookie, params: { firmId: String(own) } }),
    );
    expect(history[0]).toMatchObject({ action: "profile_update", actor_name: "自社 担当", actor_role: "firm" });
    expect(history[0].changes).toEqual({
      phone: [null, "03-1234-5678"],
      website: [null, "https://example.jp/jisha"],
      products: ["旧い製品", "新しい製品"],
      description: [null, "紹介文です。"],
      new_product: [0, 1],
    });
  });

  it("unticking 'listed' takes the firm out of the directory", async () => {
    const own = await createTestFirm({ name: "株式会社退出", name_kana: "タイシュツ", products: "退出試験" });
    const firmUser = await createUser("firm", { firm_id: own });
    await settle(
      callAction(profileAction, "/firm/profile", { form: { products: "退出試験" }, cookie: await signIn(firmUser.id) }),
    );
    expect((await directory(`?q=${encodeURIComponent("退出試験")}`)).total).toBe(0);
  });

  it("shows field errors for bad values and writes nothing", async () => {
    const own = await createTestFirm();
    const firmUser = await createUser("firm", { firm_id: own });
    const res = await settle(
      callAction(profileAction, "/firm/profile", {
        form: { website: "javascript:alert(1)", phone: "abc" },
        cookie: await signIn(firmUser.id),
      }),
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error).toMatchObject({
      website: ["firms.validation.website"],
      phone: ["firms.validation.phone"],
    });
    const audit = await getDb()
      .selectFrom("audit_entry")
      .select("id")
      .where("entity_id", "=", String(own))
      .where("action", "=", "firm.profile_update")
      .execute();
    expect(audit).toHaveLength(0);
  });

  it("answers 404 for a firm account without a firm", async () => {
    const orphan = await createUser("firm");
    expect(
      statusOf(await settle(callLoader(profileLoader, "/firm/profile", { cookie: await signIn(orphan.id) }))),
    ).toBe(404);
  });
});
