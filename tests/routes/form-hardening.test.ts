// The requests the security review saw take the server down or answer 500, through the real actions: each is now a
// cheap 400 with a translated message (or works), nothing of the attack is echoed, and nothing is written.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { action as rankingAction } from "~/routes/firm.projects.$projectId.ranking";
import { action as loginAction } from "~/routes/login";
import { action as agreementAction } from "~/routes/staff.agreements.$agreementId._index";
import { loader as downloadLoader } from "~/routes/staff.agreements.$agreementId.documents.$documentId";
import { action as importAction } from "~/routes/staff.firms.import";
import { action as usersAction } from "~/routes/staff.users";
import { action as signupAction } from "~/routes/student.projects.$projectId.signup";
import { getDb } from "~/utils/db.server";
import { createAgreement, createProjectFixture, createUniversity } from "../factories/projects";
import { callAction, callLoader } from "../setup/call";
import { BASE, payload, settle, statusOf, userWithCookie } from "../setup/http";

const REFUSED = { "": ["validation.formRefused"] };

function urlencoded(path: string, body: string, cookie?: string) {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(BASE + path, { method: "POST", body, headers });
}

async function timed(run: () => Promise<unknown>): Promise<[unknown, number]> {
  const started = performance.now();
  const result = await settle(run());
  return [result, performance.now() - started];
}

const count = async (table: "signup" | "host_ranking" | "invitation" | "agreement_document" | "outbox_message") =>
  Number(
    (
      await getDb()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("list indexes", () => {
  it("POST /login with junk[99999999] answers a small 400 at once, echoing nothing", async () => {
    for (const index of ["99999999", "10000000", "500"]) {
      const body = `email=x&password=x&junk%5B${index}%5D=1`;
      const [res, ms] = await timed(() => callAction(loginAction, urlencoded("/login", body)));
      expect(statusOf(res)).toBe(400);
      expect(payload(res).result.error).toEqual(REFUSED);
      expect(JSON.stringify(payload(res))).not.toContain("junk");
      expect(JSON.stringify(payload(res)).length).toBeLessThan(400);
      expect(ms).toBeLessThan(250);
    }
  });

  it("a sign-up with ranking[20000], a plain ranking or a sparse ranking is a 400 form error, nothing written", async () => {
    const p = await createProjectFixture();
    const student = await userWithCookie("student");
    const path = `/student/projects/${p.projectId}/signup`;
    const base = `intent=signup&code=${p.joinCode}&motivation=m&consent=on`;
    const before = await count("signup");
    for (const ranking of [
      "ranking[20000].host=1",
      `ranking=${p.hostIds[0]}`,
      `ranking[0].host=${p.hostIds[0]}&ranking[0].position=1&ranking[7].host=${p.hostIds[1]}&ranking[7].position=2`,
      `ranking[0]=${p.hostIds[0]}`,
    ]) {
      const [res, ms] = await timed(() =>
        callAction(signupAction, urlencoded(path, `${base}&${ranking}`, student.cookie), {
          params: { projectId: String(p.projectId) },
        }),
      );
      expect(statusOf(res), ranking).toBe(400);
      expect(payload(res).result.error).toEqual(REFUSED);
      // Only the schema's own fields could ever come back; a refused form brings back none.
      expect(payload(res).result.initialValue).toEqual({});
      expect(ms).toBeLessThan(250);
    }
    expect(await count("signup")).toBe(before);
  });

  it("a firm ranking with a sparse index is a 400 form error, nothing written", async () => {
    const p = await createProjectFixture({ hosts: 1 });
    const { firm_id } = await getDb()
      .selectFrom("project_host")
      .select("firm_id")
      .where("id", "=", p.hostIds[0])
      .executeTakeFirstOrThrow();
    const firmUser = await userWithCookie("firm", { firm_id });
    const res = await settle(
      callAction(
        rankingAction,
        urlencoded(
          `/firm/projects/${p.projectId}/ranking`,
          "intent=save&ranking[0].signup=1&ranking[0].position=1&ranking[3].signup=2&ranking[3].position=2",
          firmUser.cookie,
        ),
        { params: { projectId: String(p.projectId) } },
      ),
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).result.error).toEqual(REFUSED);
    expect(await count("host_ranking")).toBe(0);
  });
});

describe("staff invitations", () => {
  it("an unknown university or firm is a field error, not a foreign-key failure", async () => {
    const staff = await userWithCookie("staff");
    const before = [await count("invitation"), await count("outbox_message")];
    for (const [form, field] of [
      [{ name: "教授", email: "p@x.example", role: "professor", universityId: "999999" }, "universityId"],
      [{ name: "企業", email: "f@x.example", role: "firm", firmId: "999999" }, "firmId"],
    ] as const) {
      const res = await settle(callAction(usersAction, "/staff/users", { form, cookie: staff.cookie }));
      expect(statusOf(res)).toBe(400);
      expect(payload(res).result.error).toEqual({ [field]: ["validation.chooseOne"] });
    }
    expect([await count("invitation"), await count("outbox_message")]).toEqual(before);
    const { id } = await createUniversity();
    const ok = await settle(
      callAction(usersAction, "/staff/users", {
        form: { name: "教授", email: "p@x.example", role: "professor", universityId: String(id) },
        cookie: staff.cookie,
      }),
    );
    expect(ok).toHaveRedirect();
  });
});

describe("uploads", () => {
  async function pdf() {
    const doc = await PDFDocument.create();
    doc.addPage().drawText("Signed");
    return new Uint8Array(await doc.save());
  }

  it("PDF names with =, ;, quotes and Japanese are stored and downloaded intact", async () => {
    const staff = await userWithCookie("staff");
    const { id: universityId } = await createUniversity();
    const agreementId = await createAgreement(universityId);
    const bytes = await pdf();
    const longEmoji = `${"😀".repeat(150)}a.pdf`;
    const names = ["a=b.pdf", "協定書;改定版.pdf", '"quoted" name.pdf', "it's 50% done (v2).pdf", longEmoji];
    for (const name of names) {
      const form = new FormData();
      form.append("intent", "document");
      form.append("kind", "signed");
      form.append("title", name);
      form.append("file", new File([bytes], name, { type: "application/pdf" }));
      const res = await settle(
        callAction(agreementAction, `/staff/agreements/${agreementId}`, {
          form,
          cookie: staff.cookie,
          params: { agreementId: String(agreementId) },
        }),
      );
      expect(statusOf(res), name).toBe(302);
    }
    const rows = await getDb()
      .selectFrom("agreement_document")
      .select(["id", "original_filename as filename"])
      .where("agreement_id", "=", agreementId)
      .orderBy("id")
      .execute();
    // A name is kept to its last 200 characters, never half an emoji.
    expect(rows.map((r) => r.filename)).toEqual([...names.slice(0, -1), Array.from(longEmoji).slice(-200).join("")]);
    for (const row of rows) {
      const res = (await settle(
        callLoader(downloadLoader, `/staff/agreements/${agreementId}/documents/${row.id}`, {
          cookie: staff.cookie,
          params: { agreementId: String(agreementId), documentId: String(row.id) },
        }),
      )) as Response;
      expect(res.status).toBe(200);
      const header = res.headers.get("Content-Disposition")!;
      const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1];
      expect(decodeURIComponent(encoded)).toBe(row.filename);
    }
  });

  it("broken multipart (no boundary, wrong boundary, truncated) answers 400 with a translated message", async () => {
    const staff = await userWithCookie("staff");
    const { id: universityId } = await createUniversity();
    const agreementId = await createAgreement(universityId);
    const partText = '--B\r\nContent-Disposition: form-data; name="intent"\r\n\r\ndocument\r\n';
    const bodies: Array<[string, string]> = [
      ["multipart/form-data", `${partText}--B--\r\n`],
      ["multipart/form-data; boundary=C", `${partText}--B--\r\n`],
      ["multipart/form-data; boundary=B", `${partText}--B\r\nContent-Disposition: form-data; name="title"\r\n\r\ntr`],
      [
        "multipart/form-data; boundary=B",
        '--B\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
      ],
    ];
    const before = await count("agreement_document");
    for (const [type, body] of bodies) {
      const request = new Request(`${BASE}/staff/agreements/${agreementId}`, {
        method: "POST",
        body,
        headers: { "Content-Type": type, Cookie: staff.cookie },
      });
      const res = await settle(callAction(agreementAction, request, { params: { agreementId: String(agreementId) } }));
      // The intent could not be read, so no form can show the message: the error page says it (translated, 400).
      expect(statusOf(res), `${type} ${body.slice(-12)}`).toBe(400);
    }
    const importRequest = new Request(`${BASE}/staff/firms/import`, {
      method: "POST",
      body: `${partText}`,
      headers: { "Content-Type": "multipart/form-data; boundary=B", Cookie: staff.cookie },
    });
    const res = await settle(callAction(importAction, importRequest));
    expect(statusOf(res)).toBe(400);
    expect(payload(res).problems[0].message).toBe("validation.formRefused");
    expect(await count("agreement_document")).toBe(before);
  });
});
