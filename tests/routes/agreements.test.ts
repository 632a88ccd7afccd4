// Partnership agreements through the real loaders and actions: access per role, the form and its errors, version
// history, termination, activities, PDF documents (stored on disk by checksum) and the public /partners page.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { enqueueMail } from "~/models/outbox.server";
import { loader as partnersLoader } from "~/routes/partners";
import { loader as staffHomeLoader } from "~/routes/staff._index";
import { action as detailAction, loader as detailLoader } from "~/routes/staff.agreements.$agreementId._index";
import { loader as downloadLoader } from "~/routes/staff.agreements.$agreementId.documents.$documentId";
import { action as editAction, loader as editLoader } from "~/routes/staff.agreements.$agreementId.edit";
import { loader as listLoader } from "~/routes/staff.agreements._index";
import { action as newAction, loader as newLoader } from "~/routes/staff.agreements.new";
import { MAX_DOCUMENT_BYTES } from "~/schemas/agreements";
import { getDb, usesPostgres } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { tokyoDate } from "~/utils/format";
import type { Role } from "../../db/schema";
import { createProjectFixture } from "../factories/projects";
import { callAction, callLoader } from "../setup/call";
import { payload, settle, statusOf, userWithCookie } from "../setup/http";

let universityId: number;
let staff: Awaited<ReturnType<typeof userWithCookie>>;
let staff2: Awaited<ReturnType<typeof userWithCookie>>;

beforeAll(async () => {
  const row = await getDb()
    .insertInto("university")
    .values({ slug: "toyo", name_ja: "東洋大学", name_en: "Toyo University", created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  universityId = row.id;
  staff = await userWithCookie("staff", { name: "北区 太郎" });
  staff2 = await userWithCookie("staff", { name: "滝野川 次郎" });
});

const ctx = {};
const callNew = (cookie: string | undefined, form: Record<string, string | string[]>) =>
  settle(callAction(newAction, "/staff/agreements/new", { form, cookie, context: ctx }));
const callEdit = (cookie: string | undefined, id: number, form: Record<string, string | string[]>) =>
  settle(
    callAction(editAction, `/staff/agreements/${id}/edit`, {
      form,
      cookie,
      params: { agreementId: String(id) },
      context: ctx,
    }),
  );
const callDetail = (cookie: string | undefined, id: number, form: Record<string, string | string[]> | FormData) =>
  settle(
    callAction(detailAction, `/staff/agreements/${id}`, {
      form,
      cookie,
      params: { agreementId: String(id) },
      context: ctx,
    }),
  );
const loadDetail = (cookie: string | undefined, id: number) =>
  settle(
    callLoader(detailLoader, `/staff/agreements/${id}`, { cookie, params: { agreementId: String(id) }, context: ctx }),
  );
const download = (cookie: string | undefined, id: number, documentId: number) =>
  settle(
    callLoader(downloadLoader, `/staff/agreements/${id}/documents/${documentId}`, {
      cookie,
      params: { agreementId: String(id), documentId: String(documentId) },
      context: ctx,
    }),
  );

function validForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    university_id: String(universityId),
    kind: "research",
    title_ja: "北区と東洋大学との共同研究に関する協定",
    title_en: "Joint research agreement between Kita City and Toyo University",
    signed_on: "2026-04-01",
    effective_from: "2026-04-01",
    expires_on: "2028-03-31",
    notice_days: "90",
    areas: ["industry", "education"],
    "contacts[0].name": "赤羽 一郎",
    "contacts[0].department": "社会連携推進課",
    "contacts[0].email": "renkei@toyo.example",
    "contacts[0].phone": "03-5555-0201",
    "contacts[1].name": "",
    "contacts[1].department": "",
    "contacts[1].email": "",
    "contacts[1].phone": "",
    owner_user_id: String(staff.id),
    notes: "",
    ...over,
  };
}

async function createAgreement(over: Record<string, string | string[]> = {}) {
  const res = (await callNew(staff.cookie, validForm(over))) as Response;
  expect(res).toHaveRedirect();
  return Number(res.headers.get("Location")!.split("/").pop());
}

async function pdfBytes(text = "Signed agreement") {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
}

function documentForm(bytes: Uint8Array, filename = "協定書.pdf", title = "締結済み協定書") {
  const form = new FormData();
  form.append("intent", "document");
  form.append("kind", "signed");
  form.append("title", title);
  form.append("file", new File([new Uint8Array(bytes)], filename, { type: "application/pdf" }));
  return form;
}

const documentsDir = () => path.join(config().dataDir, "documents");
const storedFiles = () => (fs.existsSync(documentsDir()) ? fs.readdirSync(documentsDir()).sort() : []);
/** A document's stored content, wherever this database keeps it (agreement-document.server.ts). */
const stored = {
  file: (sha256: string) => path.join(documentsDir(), `${sha256}.pdf`),
  async read(sha256: string): Promise<Buffer | null> {
    if (!usesPostgres()) return fs.existsSync(this.file(sha256)) ? fs.readFileSync(this.file(sha256)) : null;
    const row = await getDb()
      .selectFrom("stored_document")
      .select("bytes")
      .where("sha256", "=", sha256)
      .executeTakeFirst();
    return row ? Buffer.from(row.bytes) : null;
  },
  async write(sha256: string, bytes: Buffer) {
    if (!usesPostgres()) return fs.writeFileSync(this.file(sha256), bytes);
    await getDb().updateTable("stored_document").set({ bytes }).where("sha256", "=", sha256).execute();
  },
  async remove(sha256: string) {
    if (!usesPostgres()) return fs.rmSync(this.file(sha256));
    await getDb().deleteFrom("stored_document").where("sha256", "=", sha256).execute();
  },
};
const documentRows = (agreementId: number) =>
  getDb().selectFrom("agreement_document").selectAll().where("agreement_id", "=", agreementId).execute();

describe("access", () => {
  it("lets staff in everywhere and refuses other roles (403) and anonymous visitors (to /login)", async () => {
    const id = await createAgreement();
    await callDetail(staff.cookie, id, documentForm(await pdfBytes()));
    const [doc] = await documentRows(id);
    const p = { agreementId: String(id) };
    const calls: Record<string, (cookie?: string) => Promise<unknown>> = {
      list: (cookie) => settle(callLoader(listLoader, "/staff/agreements", { cookie, context: ctx })),
      newPage: (cookie) => settle(callLoader(newLoader, "/staff/agreements/new", { cookie, context: ctx })),
      detail: (cookie) => loadDetail(cookie, id),
      editPage: (cookie) =>
        settle(callLoader(editLoader, `/staff/agreements/${id}/edit`, { cookie, params: p, context: ctx })),
      download: (cookie) => download(cookie, id, doc.id),
      create: (cookie) => callNew(cookie, validForm()),
      edit: (cookie) => callEdit(cookie, id, validForm({ notes: "x" })),
      activity: (cookie) => callDetail(cookie, id, { intent: "activity", occurred_on: "2026-05-01", title: "x" }),
      terminate: (cookie) =>
        callDetail(cookie, id, { intent: "terminate", terminated_on: "2026-05-01", termination_reason: "x" }),
      upload: async (cookie) => callDetail(cookie, id, documentForm(await pdfBytes())),
    };
    const others: Role[] = ["professor", "student", "firm"];
    const cookies = await Promise.all(others.map(async (role) => (await userWithCookie(role)).cookie));
    const before = await getDb().selectFrom("agreement").select("id").execute();

    for (const [name, call] of Object.entries(calls)) {
      for (const cookie of cookies) expect(statusOf(await call(cookie)), `${name} as another role`).toBe(403);
      const anonymous = (await call(undefined)) as Response;
      expect(anonymous.status, `${name} anonymously`).toBe(302);
      expect(anonymous.headers.get("Location"), name).toMatch(/^\/login\?redirectTo=%2Fstaff%2Fagreements/);
    }
    // Nothing was written by the refused actions.
    expect(await getDb().selectFrom("agreement").select("id").execute()).toEqual(before);
    expect(
      await getDb().selectFrom("agreement").select("terminated_on").where("id", "=", id).executeTakeFirst(),
    ).toEqual({
      terminated_on: null,
    });

    for (const name of ["list", "newPage", "detail", "editPage", "download"]) {
      expect(statusOf(await calls[name](staff.cookie)), name).toBe(200);
    }
  });

  it("answers an unknown or malformed agreement id with 404", async () => {
    expect(statusOf(await loadDetail(staff.cookie, 999_999))).toBe(404);
    const bad = await settle(
      callLoader(detailLoader, "/staff/agreements/abc", {
        cookie: staff.cookie,
        params: { agreementId: "abc" },
        context: ctx,
      }),
    );
    expect(statusOf(bad)).toBe(404);
    expect(
      statusOf(await callDetail(staff.cookie, 999_999, { intent: "activity", occurred_on: "2026-05-01", title: "x" })),
    ).toBe(404);
  });
});

describe("create", () => {
  it("shows field errors and writes nothing for an empty or invalid form", async () => {
    const count = async () => (await getDb().selectFrom("agreement").select("id").execute()).length;
    const before = await count();
    const empty = await callNew(staff.cookie, { notice_days: "" });
    expect(statusOf(empty)).toBe(400);
    const errors = payload(empty).result.error;
    expect(errors.university_id).toEqual(["validation.chooseOne"]);
    expect(errors.kind).toEqual(["validation.chooseOne"]);
    expect(errors.title_ja).toEqual(["validation.required"]);
    expect(errors.signed_on).toEqual(["validation.required"]);
    expect(errors.areas).toEqual(["agreements.errors.areasRequired"]);
    expect(errors.notice_days[0]).toMatch(/^agreements\.errors\.wholeNumber\?/);

    const badValues = await callNew(
      staff.cookie,
      validForm({
        signed_on: "2026-02-30",
        expires_on: "31/03/2028",
        "contacts[1].email": "not-an-email",
        areas: ["nonsense"],
      }),
    );
    const bad = payload(badValues).result.error;
    expect(bad.signed_on).toEqual(["agreements.errors.date"]);
    expect(bad.expires_on).toEqual(["agreements.errors.date"]);
    expect(bad["contacts[1].email"]).toEqual(["validation.email"]);
    expect(bad["contacts[1].name"]).toEqual(["validation.required"]); // a row with anything in it needs a name
    expect(bad["areas[0]"]).toEqual(["validation.chooseOne"]);
    expect(await count()).toBe(before);
  });

  it("checks the dates against each other and requires a renewal term for automatic renewal", async () => {
    const res = await callNew(
      staff.cookie,
      validForm({ signed_on: "2026-04-10", effective_from: "2026-04-01", expires_on: "2026-03-31", auto_renew: "on" }),
    );
    const errors = payload(res).result.error;
    expect(errors.effective_from).toEqual(["agreements.errors.effectiveBeforeSigned"]);
    expect(errors.expires_on).toEqual(["agreements.errors.expiresBeforeEffective"]);
    expect(errors.renewal_term_months).toEqual(["agreements.errors.renewalTermRequired"]);

    const noExpiry = await callNew(
      staff.cookie,
      validForm({ expires_on: "", auto_renew: "on", renewal_term_months: "12" }),
    );
    expect(payload(noExpiry).result.error.expires_on).toEqual(["agreements.errors.autoRenewNeedsExpiry"]);
  });

  it("refuses an owner who is not staff and a university that does not exist", async () => {
    const professor = await userWithCookie("professor");
    const res = await callNew(staff.cookie, validForm({ owner_user_id: String(professor.id), university_id: "9999" }));
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error.owner_user_id).toEqual(["validation.chooseOne"]);
    expect(payload(res).result.error.university_id).toEqual(["validation.chooseOne"]);
  });

  it("creates the agreement with its areas and contacts (blank rows ignored), version 1 and an audit entry", async () => {
    const id = await createAgreement({ expires_on: "", notes: "  締結式は区役所で実施  " });
    const db = getDb();
    const row = await db.selectFrom("agreement").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: "research",
      expires_on: null,
      auto_renew: 0,
      renewal_term_months: null,
      notice_days: 90,
      owner_user_id: staff.id,
      notes: "締結式は区役所で実施",
    });
    const areas = await db.selectFrom("agreement_area").select("area").where("agreement_id", "=", id).execute();
    expect(areas.map((a) => a.area).sort()).toEqual(["education", "industry"]);
    const contacts = await db.selectFrom("agreement_contact").selectAll().where("agreement_id", "=", id).execute();
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ name: "赤羽 一郎", email: "renkei@toyo.example", position: 0 });

    const versions = await db.selectFrom("agreement_version").selectAll().where("agreement_id", "=", id).execute();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, action: "create", actor_user_id: staff.id });
    const changes = JSON.parse(versions[0].changes);
    expect(changes.find((c: any) => c.field === "title_ja")).toEqual({
      field: "title_ja",
      from: null,
      to: "北区と東洋大学との共同研究に関する協定",
    });
    expect(changes.map((c: any) => c.field)).not.toContain("expires_on"); // empty at creation

    const audit = await db
      .selectFrom("audit_entry")
      .selectAll()
      .where("action", "=", "agreement.create")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_user_id).toBe(staff.id);
  });
});

describe("edit and version history", () => {
  it("records who changed which fields, from what to what, in a new version", async () => {
    const id = await createAgreement();
    const edit = await callEdit(
      staff2.cookie,
      id,
      validForm({
        title_en: "Research agreement (revised)",
        notice_days: "60",
        areas: ["industry", "health"],
        "contacts[0].phone": "",
      }),
    );
    expect(edit).toHaveRedirect(`/staff/agreements/${id}`);

    const detail = payload(await loadDetail(staff.cookie, id));
    expect(detail.versions.map((v: any) => v.version)).toEqual([2, 1]);
    const latest = detail.versions[0];
    expect(latest.action).toBe("update");
    expect(latest.actor_name).toBe("滝野川 次郎");
    expect(latest.changes).toEqual([
      {
        field: "title_en",
        from: "Joint research agreement between Kita City and Toyo University",
        to: "Research agreement (revised)",
      },
      { field: "notice_days", from: 90, to: 60 },
      { field: "areas", from: ["education", "industry"], to: ["industry", "health"] },
      {
        field: "contacts",
        from: [
          { name: "赤羽 一郎", department: "社会連携推進課", email: "renkei@toyo.example", phone: "03-5555-0201" },
        ],
        to: [{ name: "赤羽 一郎", department: "社会連携推進課", email: "renkei@toyo.example", phone: null }],
      },
    ]);
    const audit = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("action", "=", "agreement.update")
      .where("entity_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(staff2.id);
    expect(JSON.parse(audit.detail!)).toEqual({ fields: ["title_en", "notice_days", "areas", "contacts"] });

    // The edit form shows the saved values.
    const form = payload(
      await settle(
        callLoader(editLoader, `/staff/agreements/${id}/edit`, {
          cookie: staff.cookie,
          params: { agreementId: String(id) },
          context: ctx,
        }),
      ),
    );
    expect(form.snapshot).toMatchObject({
      title_en: "Research agreement (revised)",
      notice_days: 60,
      areas: ["industry", "health"],
    });
  });

  it("writes no version when nothing changed", async () => {
    const id = await createAgreement();
    const res = (await callEdit(staff.cookie, id, validForm())) as Response;
    expect(res).toHaveRedirect();
    const versions = await getDb()
      .selectFrom("agreement_version")
      .select("version")
      .where("agreement_id", "=", id)
      .execute();
    expect(versions).toEqual([{ version: 1 }]);
  });

  it("shows field errors on the edit form and leaves the agreement as it was", async () => {
    const id = await createAgreement();
    const res = await callEdit(staff.cookie, id, validForm({ title_ja: "", areas: [] }));
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error.title_ja).toEqual(["validation.required"]);
    const row = await getDb().selectFrom("agreement").select("title_ja").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.title_ja).toBe("北区と東洋大学との共同研究に関する協定");
  });
});

describe("terminate", () => {
  it("needs a date on or after the effective date and a reason; then the status is terminated, once", async () => {
    const id = await createAgreement();
    const missing = await callDetail(staff.cookie, id, {
      intent: "terminate",
      terminated_on: "",
      termination_reason: "",
    });
    expect(statusOf(missing)).toBe(400);
    expect(payload(missing).intent).toBe("terminate");
    expect(payload(missing).result.error).toMatchObject({
      terminated_on: ["validation.required"],
      termination_reason: ["validation.required"],
    });
    const early = await callDetail(staff.cookie, id, {
      intent: "terminate",
      terminated_on: "2026-03-01",
      termination_reason: "合意解除",
    });
    expect(payload(early).result.error.terminated_on).toEqual(["agreements.errors.terminateBeforeEffective"]);

    const today = tokyoDate();
    const done = (await callDetail(staff.cookie, id, {
      intent: "terminate",
      terminated_on: today,
      termination_reason: "双方の合意により解除",
    })) as Response;
    expect(done).toHaveRedirect();
    const detail = payload(await loadDetail(staff.cookie, id));
    expect(detail.term.status).toBe("terminated");
    expect(detail.agreement).toMatchObject({ terminated_on: today, termination_reason: "双方の合意により解除" });
    expect(detail.versions[0]).toMatchObject({ version: 2, action: "terminate" });
    expect(detail.versions[0].changes.map((c: any) => c.field)).toEqual(["terminated_on", "termination_reason"]);
    const audit = await getDb()
      .selectFrom("audit_entry")
      .select("id")
      .where("action", "=", "agreement.terminate")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toHaveLength(1);

    const again = await callDetail(staff.cookie, id, {
      intent: "terminate",
      terminated_on: today,
      termination_reason: "再度",
    });
    expect(payload(again).result.error[""]).toEqual(["agreements.errors.alreadyTerminated"]);
  });
});

describe("activities", () => {
  it("adds a hand-written entry, newest first, and refuses an invalid one", async () => {
    const id = await createAgreement();
    const bad = await callDetail(staff.cookie, id, { intent: "activity", occurred_on: "2026-13-01", title: "" });
    expect(statusOf(bad)).toBe(400);
    expect(payload(bad).result.error).toMatchObject({
      occurred_on: ["agreements.errors.date"],
      title: ["validation.required"],
    });

    for (const [occurred_on, title] of [
      ["2025-10-18", "マーケティングゼミによる企業取材"],
      ["2026-02-14", "北とぴあでの成果発表"],
    ]) {
      expect(
        statusOf(
          await callDetail(staff.cookie, id, { intent: "activity", occurred_on, title, description: "区内企業6社" }),
        ),
      ).toBe(302);
    }
    const detail = payload(await loadDetail(staff.cookie, id));
    expect(detail.activities.map((a: any) => [a.occurred_on, a.title, a.kind])).toEqual([
      ["2026-02-14", "北とぴあでの成果発表", "manual"],
      ["2025-10-18", "マーケティングゼミによる企業取材", "manual"],
    ]);
  });
});

describe("documents", () => {
  it("stores a real PDF by its checksum and lets only staff download it, checked against the checksum", async () => {
    const id = await createAgreement();
    const bytes = await pdfBytes("Kita City x Toyo");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const res = (await callDetail(staff.cookie, id, documentForm(bytes))) as Response;
    expect(res).toHaveRedirect();

    const [row] = await documentRows(id);
    expect(row).toMatchObject({
      kind: "signed",
      title: "締結済み協定書",
      original_filename: "協定書.pdf",
      sha256,
      size_bytes: bytes.length,
      uploaded_by: staff.id,
    });
    expect((await stored.read(sha256))?.equals(bytes)).toBe(true);
    // Where it is kept: beside the SQLite file; in the database every app server reaches on PostgreSQL.
    const rows = await getDb().selectFrom("stored_document").select("sha256").execute();
    if (usesPostgres()) {
      expect(rows).toContainEqual({ sha256 });
      expect(storedFiles()).toEqual([]);
    } else {
      expect(rows).toEqual([]);
      expect(storedFiles()).toContain(`${sha256}.pdf`);
    }
    const audit = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("action", "=", "agreement.document")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(payload(await loadDetail(staff.cookie, id)).documents.map((d: any) => d.title)).toEqual(["締結済み協定書"]);

    const ok = (await download(staff.cookie, id, row.id)) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    expect(ok.headers.get("Content-Disposition")).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent("協定書.pdf")}`,
    );
    expect(Buffer.from(await ok.arrayBuffer()).equals(bytes)).toBe(true);

    expect(statusOf(await download((await userWithCookie("professor")).cookie, id, row.id))).toBe(403);
    expect(statusOf(await download((await userWithCookie("firm")).cookie, id, row.id))).toBe(403);
    const anonymous = (await download(undefined, id, row.id)) as Response;
    expect(anonymous).toHaveRedirect();
    expect(anonymous.headers.get("Location")).toContain("/login");
    // A document is served only under its own agreement.
    expect(statusOf(await download(staff.cookie, id + 1000, row.id))).toBe(404);

    // Content altered where it is kept is never served; content gone is a 404.
    await stored.write(sha256, Buffer.concat([bytes, Buffer.from("tampered")]));
    expect(statusOf(await download(staff.cookie, id, row.id))).toBe(500);
    await stored.remove(sha256);
    expect(statusOf(await download(staff.cookie, id, row.id))).toBe(404);
  });

  it("refuses a text file renamed .pdf, a broken PDF, a missing file and an oversized file, writing nothing", async () => {
    const id = await createAgreement();
    const filesBefore = storedFiles();
    const storedRows = () => getDb().selectFrom("stored_document").select("sha256").orderBy("sha256").execute();
    const rowsBefore = await storedRows();
    const attempts: Array<[string, Uint8Array | null, string]> = [
      ["renamed text", Buffer.from("これはPDFではありません。\n"), "agreements.errors.notPdf"],
      [
        "broken",
        Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from("1 0 obj << /Type /Catalog >> endobj\n")]),
        "agreements.errors.brokenPdf",
      ],
      ["truncated", (await pdfBytes()).subarray(0, 300), "agreements.errors.brokenPdf"],
      ["no file", null, "agreements.errors.fileRequired"],
    ];
    for (const [name, bytes, message] of attempts) {
      const form = bytes ? documentForm(bytes, "fake.pdf") : documentForm(Buffer.alloc(0), "");
      const res = await callDetail(staff.cookie, id, form);
      expect(statusOf(res), name).toBe(400);
      expect(payload(res).intent).toBe("document");
      expect(payload(res).result.error.file, name).toEqual([message]);
    }

    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20);
    big.write("%PDF-1.7\n");
    const tooLarge = await callDetail(staff.cookie, id, documentForm(big, "huge.pdf", "大きすぎる協定書"));
    expect(statusOf(tooLarge)).toBe(400);
    expect(payload(tooLarge).result.error.file).toEqual(["agreements.errors.fileTooLarge?mb=10"]);
    // The fields read before the file are kept for the form.
    expect(payload(tooLarge).result.initialValue).toMatchObject({ title: "大きすぎる協定書", kind: "signed" });

    expect(await documentRows(id)).toEqual([]);
    expect(storedFiles()).toEqual(filesBefore);
    expect(await storedRows()).toEqual(rowsBefore);
    const audit = await getDb()
      .selectFrom("audit_entry")
      .select("id")
      .where("action", "=", "agreement.document")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toEqual([]);
  });
});

describe("staff home", () => {
  it("lists agreements whose notice deadline is near, with the bucket", async () => {
    const today = tokyoDate();
    const inDays = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    // Expiry in 100 days with 90 days' notice: the deadline is in 10 days.
    const id = await createAgreement({
      title_ja: "期限の近い協定",
      signed_on: inDays(-400),
      effective_from: inDays(-400),
      expires_on: inDays(100),
    });
    // A message waiting to be sent, and one already sent: only the first is counted.
    await enqueueMail(getDb(), { to: "waiting@example.com", subject: "s", body: "b", kind: "test" });
    await enqueueMail(getDb(), { to: "sent@example.com", subject: "s", body: "b", kind: "test" });
    await getDb()
      .updateTable("outbox_message")
      .set({ status: "sent" })
      .where("to_address", "=", "sent@example.com")
      .execute();
    const home = payload(await settle(callLoader(staffHomeLoader, "/staff", { cookie: staff.cookie, context: ctx })));
    const item = home.attention.find((a: any) => a.id === id);
    expect(item).toMatchObject({ bucket: "d30", noticeDeadline: inDays(10), status: "active" });
    // The figures above it: each counted in the database.
    const count = async (table: "university" | "firm") =>
      Number(
        (
          await getDb()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(home.universities).toBeGreaterThan(0);
    expect(home.universities).toBe(await count("university"));
    expect(home.firms).toBe(await count("firm"));
    // Accounts by role, every role present even at zero, and the mail not sent yet (one statement answers them all).
    const byRole = await getDb()
      .selectFrom("user")
      .select(["role", (eb) => eb.fn.countAll().as("n")])
      .groupBy("role")
      .execute();
    expect(home.users).toEqual({
      staff: 0,
      professor: 0,
      student: 0,
      firm: 0,
      ...Object.fromEntries(byRole.map((r) => [r.role, Number(r.n)])),
    });
    expect(home.users.staff).toBeGreaterThan(0);
    const unsent = await getDb()
      .selectFrom("outbox_message")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("status", "in", ["pending", "sending"])
      .executeTakeFirstOrThrow();
    expect(home.unsent).toBeGreaterThan(0);
    expect(home.unsent).toBe(Number(unsent.n));
  });
});

describe("/partners", () => {
  it("shows each university's agreements in force with their areas and signing date, and no contact data", async () => {
    const kasei = await getDb()
      .insertInto("university")
      .values({
        slug: "tokyo-kasei",
        name_ja: "東京家政大学",
        name_en: "Tokyo Kasei University",
        created_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const inForce = await createAgreement({
      kind: "comprehensive",
      title_ja: "包括連携協定（公開）",
      signed_on: "2011-07-13",
      effective_from: "2011-07-13",
      expires_on: "",
    });
    const ended = await createAgreement({
      university_id: String(kasei.id),
      title_ja: "解除した協定",
      "contacts[0].email": "secret@kasei.example",
    });
    await callDetail(staff.cookie, ended, {
      intent: "terminate",
      terminated_on: "2026-04-01",
      termination_reason: "終了",
    });

    const res = await partnersLoader();
    const { partners } = payload(res);
    const toyo = partners.find((u: any) => u.name_ja === "東洋大学");
    const listed = toyo.agreements.find((a: any) => a.id === inForce);
    expect(listed).toEqual({
      id: inForce,
      kind: "comprehensive",
      title_ja: "包括連携協定（公開）",
      title_en: "Joint research agreement between Kita City and Toyo University",
      signed_on: "2011-07-13",
      // The term and status are public too: the open-data file of agreements is written from this list.
      effective_from: "2011-07-13",
      expires_on: null,
      term_end: null,
      auto_renew: 0,
      renewal_term_months: null,
      status: "active",
      updated_at: expect.any(String),
      areas: ["education", "industry"],
    });
    // The terminated agreement (and with it the university that has nothing else) is not listed.
    expect(partners.find((u: any) => u.id === kasei.id)).toBeUndefined();
    const text = JSON.stringify(partners);
    for (const personal of ["赤羽 一郎", "renkei@toyo.example", "03-5555-0201", "secret@kasei.example", "北区 太郎"]) {
      expect(text).not.toContain(personal);
    }
  });
});

describe("projects under an agreement (issue 12)", () => {
  it("the agreement page lists the projects run under it, with their state", async () => {
    const staff = await userWithCookie("staff");
    const p = await createProjectFixture({ state: "interviewing" });
    const other = await createProjectFixture();
    const page = payload(await loadDetail(staff.cookie, p.agreementId));
    expect(page.projects).toEqual([
      expect.objectContaining({ id: p.projectId, state: "interviewing", fiscal_year: 2026 }),
    ]);
    expect(page.projects.map((x: { id: number }) => x.id)).not.toContain(other.projectId);
  });
});
