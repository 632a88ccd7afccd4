// Staff's side of personal data (issue 14): the request queue (decide through the page, with its 400s and 409s),
// erasing a student from the account list (the certificate question and the typed confirmation), and the
// 個人情報ファイル簿 register generated from the schema and the data, which must account for every table that refers
// to a person.
import { beforeAll, describe, expect, it } from "vitest";
import { schemaColumns } from "~/models/privacy-register.server";
import { NOT_PERSONAL, PERSONAL_TABLES, refersToPerson } from "~/privacy/register";
import * as registerPage from "~/routes/staff.privacy-register";
import * as registerCsv from "~/routes/staff.privacy-register.$fiscalYear[.]csv";
import * as queue from "~/routes/staff.privacy-requests";
import * as erase from "~/routes/staff.users_.$userId.erase";
import { getDb } from "~/utils/db.server";
import { createWorld, type World } from "../factories/world";
import { get, payload, post, settle, signIn, statusOf } from "../setup/http";

let w: World;
let staffCookie: string;
beforeAll(async () => {
  w = await createWorld();
  staffCookie = await signIn(w.users.staff.id);
});

const ctx = { context: {}, params: {} };

describe("/staff/privacy-requests", () => {
  it("lists open requests oldest first, and decides one through the form once", async () => {
    const page = payload(
      await queue.loader({ ...ctx, request: get("/staff/privacy-requests", { cookie: staffCookie }) }),
    );
    expect(page.status).toBe("open");
    expect(page.requests.map((r: { id: number }) => String(r.id))).toContain(w.params.privacyRequestId);
    const decide = (fields: Record<string, string>) =>
      settle(queue.action({ ...ctx, request: post("/staff/privacy-requests", fields, { cookie: staffCookie }) }));
    const id = w.params.privacyRequestId;
    expect(statusOf(await decide({ id, outcome: "refused" }))).toBe(400);
    expect(statusOf(await decide({ id, outcome: "maybe" }))).toBe(400);
    expect(statusOf(await decide({ id: "99999999", outcome: "done" }))).toBe(404);
    expect(statusOf(await decide({ id, outcome: "refused", reason: "記録と一致" }))).toBe(302);
    expect(statusOf(await decide({ id, outcome: "done" }))).toBe(409);
    const refused = payload(
      await queue.loader({ ...ctx, request: get("/staff/privacy-requests?status=refused", { cookie: staffCookie }) }),
    );
    expect(refused.requests[0]).toMatchObject({ status: "refused", decision_reason: "記録と一致" });
  });
});

describe("/staff/users/:userId/erase", () => {
  it("needs the certificate answer and the typed confirmation, then erases; a professor is refused", async () => {
    const target = w.a.teams[1].members[0];
    const path = `/staff/users/${target.id}/erase`;
    const params = { userId: String(target.id) };
    const send = (fields: Record<string, string>) =>
      settle(erase.action({ ...ctx, params, request: post(path, fields, { cookie: staffCookie }) }));
    expect(statusOf(await send({ confirm: "erase" }))).toBe(400);
    expect(statusOf(await send({ revokeCertificates: "yes", confirm: "delete" }))).toBe(400);
    const before = await getDb()
      .selectFrom("user")
      .select("deleted_at")
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(before.deleted_at).toBeNull();
    expect(statusOf(await send({ revokeCertificates: "no", confirm: "erase" }))).toBe(302);
    const after = await getDb()
      .selectFrom("user")
      .select(["deleted_at", "name"])
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(after.deleted_at).not.toBeNull();
    expect(statusOf(await send({ revokeCertificates: "no", confirm: "erase" }))).toBe(409);

    const professor = w.users.professor;
    const refused = await settle(
      erase.action({
        ...ctx,
        params: { userId: String(professor.id) },
        request: post(
          `/staff/users/${professor.id}/erase`,
          { revokeCertificates: "no", confirm: "erase" },
          { cookie: staffCookie },
        ),
      }),
    );
    expect(statusOf(refused)).toBe(409);
    for (const userId of ["abc", "0", "99999999999999999999"]) {
      const answer = await settle(
        erase.loader({
          ...ctx,
          params: { userId },
          request: get(`/staff/users/${userId}/erase`, { cookie: staffCookie }),
        }),
      );
      expect(statusOf(answer)).toBe(404);
    }
  });
});

describe("the 個人情報ファイル簿 register", () => {
  it("accounts for every table that refers to a person", async () => {
    const columns = await schemaColumns();
    const listed = new Set<string>([...PERSONAL_TABLES, ...NOT_PERSONAL]);
    const unaccounted = [...columns.entries()]
      .filter(([table, cols]) => !table.startsWith("kysely_") && cols.some(refersToPerson))
      .map(([table]) => table)
      .filter((table) => !listed.has(table));
    expect(unaccounted).toEqual([]);
    for (const table of PERSONAL_TABLES) expect(columns.has(table), table).toBe(true);
  });

  it("shows the year's entry with the schema's columns and the number of persons, and downloads it as CSV", async () => {
    const fy = (
      await getDb()
        .selectFrom("project")
        .select("fiscal_year")
        .where("id", "=", w.a.projectId)
        .executeTakeFirstOrThrow()
    ).fiscal_year;
    const page = payload(
      await registerPage.loader({ ...ctx, request: get(`/staff/privacy-register?fy=${fy}`, { cookie: staffCookie }) }),
    );
    expect(page.entry.fiscalYear).toBe(fy);
    const user = page.entry.tables.find((x: { table: string }) => x.table === "user");
    expect(user.columns).toEqual(expect.arrayContaining(["email", "name", "name_kana", "deleted_at"]));
    expect(user.columns).not.toContain("password_hash");
    const students = await getDb()
      .selectFrom("signup")
      .innerJoin("project", "project.id", "signup.project_id")
      .innerJoin("user", "user.id", "signup.student_id")
      .select("signup.student_id")
      .distinct()
      .where("project.fiscal_year", "=", fy)
      .where("user.deleted_at", "is", null)
      .execute();
    expect(page.entry.persons.student).toBe(students.length);
    expect(page.entry.persons.student).toBeGreaterThan(0);
    expect(page.entry.persons.total).toBe(
      page.entry.persons.student + page.entry.persons.professor + page.entry.persons.firm + page.entry.persons.staff,
    );

    const response = (await registerCsv.loader({
      ...ctx,
      params: { fiscalYear: String(fy) },
      request: get(`/staff/privacy-register/${fy}.csv`, { cookie: staffCookie, headers: { "Accept-Language": "en" } }),
    })) as Response;
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="personal-information-file-register-${fy}.csv"`,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("Name of the file");
    expect(text).toContain(`${page.entry.persons.student} students`);
    const bad = await settle(
      registerCsv.loader({
        ...ctx,
        params: { fiscalYear: "20x6" },
        request: get("/staff/privacy-register/20x6.csv", { cookie: staffCookie }),
      }),
    );
    expect(statusOf(bad)).toBe(404);
  });
});
