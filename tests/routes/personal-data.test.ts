// A person's own data (issue 14): the JSON and CSV downloads hold what the platform keeps about them and nothing
// secret; name corrections and requests from /account; the staff's decision (mailed, audited, once); erasing a
// student in one transaction with the annual report unchanged and a revoked certificate's verify page nameless;
// the retention purge with a clock.
import { beforeAll, describe, expect, it } from "vitest";
import { decidePrivacyRequest, eraseStudent } from "~/models/privacy-request.server";
import { annualReport } from "~/models/report.server";
import { purgeExpiredPersonalData } from "~/models/retention.server";
import { runScheduledPurge } from "~/operations/jobs.server";
import * as account from "~/routes/account";
import * as dataCsv from "~/routes/account_.data[.]csv";
import * as dataJson from "~/routes/account_.data[.]json";
import * as verify from "~/routes/verify.$certificateId";
import * as credentialJson from "~/routes/verify.$certificateId_.credential[.]json";
import { getDb } from "~/utils/db.server";
import { createWorld, type World } from "../factories/world";
import { get, payload, post, settle, signIn, statusOf } from "../setup/http";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});

const ctx = { context: {}, params: {} };

async function downloadJson(userId: number) {
  const response = (await dataJson.loader({
    ...ctx,
    request: get("/account/data.json", { cookie: await signIn(userId) }),
  })) as Response;
  return { response, body: JSON.parse(await response.text()) };
}

describe("own data download", () => {
  it("answers a JSON attachment with profile, sign-ups, consents, pairing, bookings, attendance, certificates, mail", async () => {
    const student = w.users.student;
    await getDb()
      .insertInto("outbox_message")
      .values({
        to_address: student.email,
        subject: "リンク",
        body_text: "こちら: [[secret:link]]",
        secrets_sealed: "sealed-value-never-exported",
        kind: "test",
        status: "pending",
        attempts: 0,
        next_attempt_at: new Date().toISOString(),
        created_at: new Date().toISOString(),
      })
      .execute();
    // The published fixture writes the run directly; the student's own ranking is added here.
    await getDb()
      .insertInto("signup_preference")
      .values([
        { signup_id: Number(w.params.signupId), host_id: w.a.hostIds[0], rank: 1 },
        { signup_id: Number(w.params.signupId), host_id: w.a.hostIds[1], rank: 2 },
      ])
      .execute();
    const { response, body } = await downloadJson(student.id);
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="kita-collab-my-data-\d{4}-\d\d-\d\d\.json"$/,
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(body.profile).toMatchObject({
      id: student.id,
      email: student.email,
      name: "秘密 学生花子",
      role: "student",
    });
    expect(body.signups).toHaveLength(1);
    expect(body.signups[0].ranking.map((r: { rank: number }) => r.rank)).toEqual([1, 2]);
    expect(body.consents[0].version).toBeTruthy();
    expect(body.consents[0].consented_at).toBeTruthy();
    expect(body.pairings).toHaveLength(1);
    expect(body.pairings[0].firm).toBeTruthy();
    expect(body.bookings).toHaveLength(1);
    expect(body.attendance).toHaveLength(1);
    expect(body.certificates[0]).toMatchObject({ id: w.params.certificateId });
    expect(body.certificates[0].verify_url).toMatch(new RegExp(`/verify/${w.params.certificateId}$`));
    expect(body.audit.length).toBeGreaterThan(0);
    expect(body.mail.some((m: { body: string }) => m.body.includes("[[secret:link]]"))).toBe(true);
    const text = JSON.stringify(body);
    expect(text).not.toContain("sealed-value-never-exported");
    expect(text).not.toContain("password_hash");
    expect(text).not.toContain("$argon2");
    // Another person's data is not in it.
    expect(text).not.toContain("秘密 企業担当");
  });

  it("answers a CSV of sign-ups and bookings with a BOM, in the user's language, formula-safe", async () => {
    const student = w.users.student;
    await getDb()
      .updateTable("signup")
      .set({ motivation: '=HYPERLINK("x")' })
      .where("student_id", "=", student.id)
      .execute();
    const response = (await dataCsv.loader({
      ...ctx,
      request: get("/account/data.csv", { cookie: await signIn(student.id) }),
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".*\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("参加申込み");
    expect(text).toContain("取材予約");
    expect(text).toContain(`'=HYPERLINK(""x"")`);
  });

  it("sends an anonymous visitor to sign in", async () => {
    const answer = await settle(dataJson.loader({ ...ctx, request: get("/account/data.json") }));
    expect(statusOf(answer)).toBe(302);
  });
});

describe("corrections and requests from /account", () => {
  it("corrects the user's own name fields, audited without the values", async () => {
    const user = w.users.otherStudent;
    const cookie = await signIn(user.id);
    const answer = await settle(
      account.action({
        ...ctx,
        request: post(
          "/account",
          { intent: "profile", name: "北 花子", nameKana: "きた はなこ", nameLatin: "Hanako KITA" },
          { cookie },
        ),
      }),
    );
    expect(statusOf(answer)).toBe(302);
    const row = await getDb()
      .selectFrom("user")
      .select(["name", "name_kana", "name_latin"])
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "北 花子", name_kana: "きた はなこ", name_latin: "Hanako KITA" });
    const audit = await getDb()
      .selectFrom("audit_entry")
      .select("detail")
      .where("action", "=", "user.profileCorrected")
      .where("entity_id", "=", String(user.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toEqual({ fields: ["name", "name_kana", "name_latin"] });
  });

  it("refuses an empty name, kana in Latin letters and a 10,000-character name with 400", async () => {
    const cookie = await signIn(w.users.otherStudent.id);
    for (const fields of <Array<Record<string, string>>>[
      { name: "" },
      { name: "北", nameKana: "kita" },
      { name: "x".repeat(10_000) },
    ]) {
      const answer = await settle(
        account.action({ ...ctx, request: post("/account", { intent: "profile", ...fields }, { cookie }) }),
      );
      expect(statusOf(answer)).toBe(400);
    }
  });

  it("files a request once per kind, refuses a bad kind, and shows the request on /account", async () => {
    const user = w.users.otherStudent;
    const cookie = await signIn(user.id);
    const send = (fields: Record<string, string>) =>
      settle(account.action({ ...ctx, request: post("/account", { intent: "request", ...fields }, { cookie }) }));
    expect(statusOf(await send({ kind: "erase-everything", details: "x" }))).toBe(400);
    expect(statusOf(await send({ kind: "correction", details: "" }))).toBe(400);
    expect(statusOf(await send({ kind: "correction", details: "大学名が違います" }))).toBe(302);
    expect(statusOf(await send({ kind: "correction", details: "もう一度" }))).toBe(409);
    const page = payload(await account.loader({ ...ctx, request: get("/account", { cookie }) }));
    expect(page.requests).toHaveLength(1);
    expect(page.requests[0]).toMatchObject({ kind: "correction", status: "open", details: "大学名が違います" });
  });
});

describe("staff decisions", () => {
  it("refuses only with a reason, mails the outcome, audits it, and decides once", async () => {
    const user = w.users.otherStudent;
    const request = await getDb()
      .selectFrom("privacy_request")
      .select("id")
      .where("user_id", "=", user.id)
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    const staffId = w.users.staff.id;
    const base = { requestId: request.id, actorId: staffId, revokeCertificates: null };
    expect(await decidePrivacyRequest({ ...base, outcome: "refused", reason: null })).toMatchObject({ ok: false });
    const both = await Promise.all([
      decidePrivacyRequest({ ...base, outcome: "refused", reason: "大学の記録と一致しています" }),
      decidePrivacyRequest({ ...base, outcome: "done", reason: null }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const row = await getDb()
      .selectFrom("privacy_request")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    const mails = await getDb()
      .selectFrom("outbox_message")
      .select(["subject", "body_text"])
      .where("to_address", "=", user.email)
      .where("kind", "like", "privacyRequest.%")
      .execute();
    expect(mails).toHaveLength(1);
    if (row.status === "refused") expect(mails[0].body_text).toContain("大学の記録と一致しています");
    const audits = await getDb()
      .selectFrom("audit_entry")
      .select("action")
      .where("entity_type", "=", "privacy_request")
      .where("entity_id", "=", String(request.id))
      .execute();
    expect(audits.map((a) => a.action)).toContain(`privacyRequest.${row.status}`);
  });
});

describe("erasing a student", () => {
  it("asks about certificates, then removes the personal data in one go; the annual report stays the same", async () => {
    const student = w.users.student;
    const fiscalYear = (
      await getDb()
        .selectFrom("project")
        .select("fiscal_year")
        .where("id", "=", w.a.projectId)
        .executeTakeFirstOrThrow()
    ).fiscal_year;
    const before = await annualReport(fiscalYear);
    const db = getDb();
    const { id: requestId } = await db
      .insertInto("privacy_request")
      .values({
        user_id: student.id,
        kind: "deletion",
        details: "卒業したので削除してください",
        created_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const base = { requestId, actorId: w.users.staff.id, outcome: "done" as const, reason: null };
    expect(await decidePrivacyRequest({ ...base, revokeCertificates: null })).toMatchObject({
      ok: false,
      reason: "personalData.erase.chooseRevoke",
    });
    expect(await decidePrivacyRequest({ ...base, revokeCertificates: false })).toMatchObject({ ok: true });

    const user = await db.selectFrom("user").selectAll().where("id", "=", student.id).executeTakeFirstOrThrow();
    expect(user.deleted_at).not.toBeNull();
    expect(user.name).toBe("");
    expect(user.name_kana).toBeNull();
    expect(user.email).not.toBe(student.email);
    expect(user.password_hash).toBeNull();
    const signups = await db
      .selectFrom("signup")
      .select(["id", "motivation"])
      .where("student_id", "=", student.id)
      .execute();
    expect(signups.every((s) => s.motivation === "")).toBe(true);
    const ids = signups.map((s) => s.id);
    expect(await db.selectFrom("signup_preference").select("rank").where("signup_id", "in", ids).execute()).toEqual([]);
    expect(await db.selectFrom("host_ranking").select("rank").where("signup_id", "in", ids).execute()).toEqual([]);
    expect(
      await db.selectFrom("interview_participant").select("slot_id").where("student_id", "=", student.id).execute(),
    ).toEqual([]);
    expect(await db.selectFrom("attendance").select("event_id").where("student_id", "=", student.id).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom("session").select("id").where("user_id", "=", student.id).execute()).toEqual([]);
    expect(await db.selectFrom("calendar_token").select("user_id").where("user_id", "=", student.id).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom("password_reset").select("id").where("user_id", "=", student.id).execute()).toEqual([]);
    const mail = await db
      .selectFrom("outbox_message")
      .select(["to_address", "kind"])
      .where("to_address", "=", student.email)
      .execute();
    // Only the outcome mail of the decision is left, to the address they used.
    expect(mail.map((m) => m.kind)).toEqual(["privacyRequest.done"]);
    const details = await db
      .selectFrom("audit_entry")
      .select("detail")
      .where((eb) =>
        eb.or([
          eb("actor_user_id", "=", student.id),
          eb.and([eb("entity_type", "=", "user"), eb("entity_id", "=", String(student.id))]),
        ]),
      )
      .where("action", "!=", "user.erase")
      .execute();
    expect(details.every((d) => d.detail === null)).toBe(true);
    const allAudit = JSON.stringify(await db.selectFrom("audit_entry").select("detail").execute());
    expect(allAudit).not.toContain(student.email);
    expect(allAudit).not.toContain("秘密 学生花子");

    // The certificate was kept valid, as staff chose; the report counts exactly as before.
    const cert = await db
      .selectFrom("certificate")
      .select(["revoked_at"])
      .where("id", "=", w.params.certificateId)
      .executeTakeFirstOrThrow();
    expect(cert.revoked_at).toBeNull();
    expect(await annualReport(fiscalYear)).toEqual(before);
    // A second erasure finds it done.
    expect(
      await eraseStudent({ userId: student.id, actorId: w.users.staff.id, revokeCertificates: true }),
    ).toMatchObject({ ok: false, reason: "personalData.erase.already" });
  });

  it("revokes the certificates when asked, and the verify page then shows no name and serves no credential", async () => {
    const teammate = w.a.teams[0].members[1];
    const db = getDb();
    const { id: certificateId } = await db
      .selectFrom("certificate")
      .select("id")
      .where("student_id", "=", teammate.id)
      .executeTakeFirstOrThrow();
    const { name } = await db.selectFrom("user").select("name").where("id", "=", teammate.id).executeTakeFirstOrThrow();
    const erased = await eraseStudent({ userId: teammate.id, actorId: w.users.staff.id, revokeCertificates: true });
    expect(erased).toMatchObject({ ok: true, counts: { revokedCertificates: 1 } });
    const page = payload(
      await verify.loader({ ...ctx, params: { certificateId }, request: get(`/verify/${certificateId}`) }),
    );
    expect(page.erased).not.toBeNull();
    expect(page).toMatchObject({ id: certificateId, hasJson: false, signature: { valid: false } });
    expect(page.revokedAt).toBeTruthy();
    expect(JSON.stringify(page)).not.toContain(name);
    const row = await db
      .selectFrom("certificate")
      .select(["data", "credential_jwt"])
      .where("id", "=", certificateId)
      .executeTakeFirstOrThrow();
    expect(row.credential_jwt).toBe("");
    expect(row.data).not.toContain(name);
    const json = await settle(
      credentialJson.loader({
        ...ctx,
        params: { certificateId },
        request: get(`/verify/${certificateId}/credential.json`),
      }),
    );
    expect(statusOf(json)).toBe(404);
  });

  it("refuses to erase a professor or an unknown account", async () => {
    expect(
      await eraseStudent({ userId: w.users.professor.id, actorId: w.users.staff.id, revokeCertificates: false }),
    ).toMatchObject({ ok: false, reason: "personalData.erase.studentsOnly" });
    expect(
      await eraseStudent({ userId: 99_999_999, actorId: w.users.staff.id, revokeCertificates: false }),
    ).toMatchObject({ ok: false, reason: "personalData.erase.notFound" });
  });
});

describe("retention purge", () => {
  it("keeps a live project's data, removes a finished project's past the retention day, and old mail bodies", async () => {
    const db = getDb();
    const projectId = w.b.projectId;
    const signupIds = (await db.selectFrom("signup").select("id").where("project_id", "=", projectId).execute()).map(
      (s) => s.id,
    );
    await db
      .updateTable("signup")
      .set({ motivation: "企業の新製品に興味があります" })
      .where("id", "in", signupIds)
      .execute();
    await db
      .insertInto("signup_preference")
      .values(signupIds.map((id) => ({ signup_id: id, host_id: w.b.hostIds[0], rank: 1 })))
      .execute();
    const prefsBefore = await db
      .selectFrom("signup_preference")
      .select("rank")
      .where("signup_id", "in", signupIds)
      .execute();
    expect(prefsBefore.length).toBeGreaterThan(0);

    // Live (paired): nothing of it goes, however late.
    const far = new Date("2040-01-01T00:00:00Z");
    await purgeExpiredPersonalData(far);
    expect(
      (await db.selectFrom("signup").select("motivation").where("id", "in", signupIds).execute()).every(
        (s) => s.motivation !== "",
      ),
    ).toBe(true);

    // Completed on 2027-02-20 (FY2026): kept until 2028-03-31 (Tokyo), gone on 2028-04-01.
    await db.updateTable("project").set({ state: "completed" }).where("id", "=", projectId).execute();
    await db
      .insertInto("project_event")
      .values({
        project_id: projectId,
        actor_id: null,
        action: "complete",
        from_state: "presented",
        to_state: "completed",
        comment: null,
        created_at: "2027-02-20T03:00:00.000Z",
      })
      .execute();
    const lastDay = await purgeExpiredPersonalData(new Date("2028-03-31T14:59:00Z"));
    expect(lastDay).toMatchObject({ projects: 0, motivations: 0, rankings: 0 });
    const report = await purgeExpiredPersonalData(new Date("2028-03-31T15:00:00Z"));
    expect(report).toMatchObject({ projects: 1, motivations: signupIds.length });
    expect(report.rankings).toBeGreaterThanOrEqual(prefsBefore.length);
    expect(
      await db.selectFrom("signup_preference").select("rank").where("signup_id", "in", signupIds).execute(),
    ).toEqual([]);
    expect((await db.selectFrom("signup").select("id").where("id", "in", signupIds).execute()).length).toBe(
      signupIds.length,
    );
    const audit = await db
      .selectFrom("audit_entry")
      .select("detail")
      .where("action", "=", "privacy.purge")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ motivations: signupIds.length });
    // Idempotent.
    expect(await purgeExpiredPersonalData(new Date("2028-04-02T00:00:00Z"))).toMatchObject({
      motivations: 0,
      rankings: 0,
    });
  });

  it("blanks sent mail bodies older than 90 days and never touches pending mail", async () => {
    const db = getDb();
    const at = new Date("2030-06-01T00:00:00Z");
    const day = 86_400_000;
    const insert = (status: "sent" | "pending", ageDays: number, body: string) =>
      db
        .insertInto("outbox_message")
        .values({
          to_address: "old@example.jp",
          subject: "件名",
          body_text: body,
          secrets_sealed: null,
          kind: "retention-test",
          status,
          attempts: 0,
          next_attempt_at: new Date(at.getTime() - ageDays * day).toISOString(),
          created_at: new Date(at.getTime() - ageDays * day).toISOString(),
          sent_at: status === "sent" ? new Date(at.getTime() - ageDays * day).toISOString() : null,
        })
        .execute();
    await insert("sent", 91, "old sent body");
    await insert("sent", 89, "recent sent body");
    await insert("pending", 200, "pending body");
    await purgeExpiredPersonalData(at);
    const rows = await db
      .selectFrom("outbox_message")
      .select(["status", "body_text"])
      .where("kind", "=", "retention-test")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.body_text)).toEqual(["", "recent sent body", "pending body"]);
  });

  it("runs once a day from the background job, however many processes check", async () => {
    const at = new Date("2031-01-05T01:00:00Z");
    const runs = await Promise.all([runScheduledPurge(at), runScheduledPurge(at), runScheduledPurge(at)]);
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
  });
});
