// Certificates through the real loaders and actions: eligibility, batch and one-by-one issuing (never twice),
// certifying by hand with a reason, the student's email, the published keys (jose verifies with them alone),
// revocation in the status list and on the public page, the PDF's text, access rules and 404s.
import { createLocalJWKSet, jwtVerify } from "jose";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeStatusList, isRevoked } from "~/certificates/status-list";
import { issueForEvent, listEventCandidates } from "~/models/certificate.server";
import { loader as jwksLoader } from "~/routes/[.]well-known.jwks[.]json";
import { loader as statusLoader } from "~/routes/credentials.status.$listId";
import { action as detailAction, loader as detailLoader } from "~/routes/staff.certificates.$certificateId";
import { action as staffAction, loader as staffLoader } from "~/routes/staff.events.$eventId.certificates";
import { loader as studentLoader } from "~/routes/student.certificates";
import { loader as verifyLoader } from "~/routes/verify.$certificateId";
import { loader as pdfLoader } from "~/routes/verify.$certificateId_.certificate[.]pdf";
import { loader as jwtLoader } from "~/routes/verify.$certificateId_.credential[.]jwt";
import { getDb } from "~/utils/db.server";
import { createCertificateEvent } from "../factories/certificate-event";
import { callAction, callLoader } from "../setup/call";
import { payload, settle, signIn, statusOf, userWithCookie } from "../setup/http";

const ctx = {};
const ep = (id: number) => ({ eventId: String(id) });
const loadStaff = (cookie: string | undefined, id: number) =>
  settle(callLoader(staffLoader, `/staff/events/${id}/certificates`, { cookie, params: ep(id), context: ctx }));
const postStaff = (cookie: string | undefined, id: number, form: Record<string, string>) =>
  settle(callAction(staffAction, `/staff/events/${id}/certificates`, { form, cookie, params: ep(id), context: ctx }));
const loadDetail = (cookie: string | undefined, id: string) =>
  settle(
    callLoader(detailLoader, `/staff/certificates/${id}`, { cookie, params: { certificateId: id }, context: ctx }),
  );
const postRevoke = (cookie: string | undefined, id: string, form: Record<string, string>) =>
  settle(
    callAction(detailAction, `/staff/certificates/${id}`, {
      form,
      cookie,
      params: { certificateId: id },
      context: ctx,
    }),
  );
const loadVerify = (id: string) =>
  settle(callLoader(verifyLoader, `/verify/${id}`, { params: { certificateId: id }, context: ctx }));
const loadStudent = (cookie?: string) =>
  settle(callLoader(studentLoader, "/student/certificates", { cookie, context: ctx }));
const fetchStatusList = async () =>
  (
    await (
      await callLoader(statusLoader, "/credentials/status/1?format=json", { params: { listId: "1" }, context: ctx })
    ).json()
  ).credentialSubject.encodedList as string;

let staff: { id: number; cookie: string };

beforeAll(async () => {
  staff = await userWithCookie("staff");
});

/** See createCertificateEvent: both teams presented, every student present, every interview done unless told. */
const eventFixture = (options: { absent?: number; interviewNotDone?: boolean } = {}) =>
  createCertificateEvent(staff, options);

const certificatesOf = (projectId: number) =>
  getDb().selectFrom("certificate").selectAll().where("project_id", "=", projectId).orderBy("id").execute();

describe("issuing", () => {
  it("issues the whole event in one action, and a second run (or two at once) issues nothing twice", async () => {
    const f = await eventFixture();
    const page = payload(await loadStaff(staff.cookie, f.eventId));
    expect(page.candidates).toHaveLength(4);
    expect(page.candidates.every((c: { reasons: string[] }) => c.reasons.length === 0)).toBe(true);

    const first = (await postStaff(staff.cookie, f.eventId, {
      intent: "issueAll",
    })) as Response;
    expect(first).toHaveRedirect();
    expect(await certificatesOf(f.projectId)).toHaveLength(4);
    expect(await issueForEvent(f.eventId, staff)).toEqual({
      issued: 0,
      skipped: 0,
    });
    expect(await certificatesOf(f.projectId)).toHaveLength(4);

    const g = await eventFixture();
    const [a, b] = await Promise.all([issueForEvent(g.eventId, staff), issueForEvent(g.eventId, staff)]);
    expect(a.issued + b.issued).toBe(4);
    const rows = await certificatesOf(g.projectId);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.student_id)).size).toBe(4);
    expect(new Set(rows.map((r) => r.status_index)).size).toBe(4);
    for (const r of rows) expect(r.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{32}$/);
  });

  it("leaves out students who were absent or whose interview was not done, and says why", async () => {
    const f = await eventFixture({ absent: 0, interviewNotDone: true });
    const page = payload(await loadStaff(staff.cookie, f.eventId));
    const reasonsOf = (id: number) => page.candidates.find((c: { studentId: number }) => c.studentId === id).reasons;
    expect(reasonsOf(f.students[0].id)).toContain("absent");
    for (const id of f.teamOf(f.hostIds[1])) expect(reasonsOf(id)).toContain("interviewNotDone");
    const { issued } = await issueForEvent(f.eventId, staff);
    const holders = (await certificatesOf(f.projectId)).map((r) => r.student_id);
    expect(holders).toHaveLength(issued);
    expect(holders).not.toContain(f.students[0].id);
    for (const id of f.teamOf(f.hostIds[1])) expect(holders).not.toContain(id);
    expect(issued).toBeGreaterThan(0);

    // One by one: an ineligible student is refused.
    const res = (await postStaff(staff.cookie, f.eventId, {
      intent: "issueOne",
      candidate: `${f.students[0].id}:${f.projectId}`,
    })) as Response;
    expect(res).toHaveRedirect();
    expect((await certificatesOf(f.projectId)).map((r) => r.student_id)).not.toContain(f.students[0].id);
  });

  it("issues one by one, and certifies by hand only with a reason, which is recorded", async () => {
    const f = await eventFixture({ absent: 1 });
    const one = f.students[0];
    expect(
      statusOf(
        await postStaff(staff.cookie, f.eventId, {
          intent: "issueOne",
          candidate: `${one.id}:${f.projectId}`,
        }),
      ),
    ).toBe(302);
    expect((await certificatesOf(f.projectId)).map((r) => r.student_id)).toEqual([one.id]);

    const absent = f.students[1];
    const noReason = await postStaff(staff.cookie, f.eventId, {
      intent: "byHand",
      candidate: `${absent.id}:${f.projectId}`,
      reason: "  ",
    });
    expect(statusOf(noReason)).toBe(400);
    expect(payload(noReason).result.error.reason).toEqual(["validation.required"]);
    expect(await certificatesOf(f.projectId)).toHaveLength(1);

    const res = await postStaff(staff.cookie, f.eventId, {
      intent: "byHand",
      candidate: `${absent.id}:${f.projectId}`,
      reason: "体調不良で欠席、発表資料の作成に貢献",
    });
    expect(res).toHaveRedirect();
    const cert = (await certificatesOf(f.projectId)).find((r) => r.student_id === absent.id)!;
    expect(cert.manual_reason).toBe("体調不良で欠席、発表資料の作成に貢献");
    const audit = await getDb()
      .selectFrom("audit_entry")
      .selectAll()
      .where("entity_type", "=", "certificate")
      .where("entity_id", "=", cert.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["certificate.certifyByHand"]);
  });

  it("queues an email to the student in their language", async () => {
    const f = await eventFixture();
    await getDb().updateTable("user").set({ locale: "en" }).where("id", "=", f.students[0].id).execute();
    await issueForEvent(f.eventId, staff);
    const mails = await getDb()
      .selectFrom("outbox_message")
      .selectAll()
      .where("kind", "=", "certificate.issued")
      .where(
        "to_address",
        "in",
        f.students.map((s) => s.email),
      )
      .execute();
    expect(mails).toHaveLength(4);
    const cert = (await certificatesOf(f.projectId)).find((r) => r.student_id === f.students[0].id)!;
    const en = mails.find((m) => m.to_address === f.students[0].email)!;
    expect(en.subject).toBe("Your certificate of participation has been issued");
    expect(en.body_text).toContain(`/verify/${cert.id}`);
    expect(mails.find((m) => m.to_address === f.students[1].email)!.subject).toBe("参加証明書が発行されました");
  });
});

describe("the signed credential", () => {
  it("verifies with jose using only the published JWKS, and a tampered JWT fails", async () => {
    const f = await eventFixture();
    await issueForEvent(f.eventId, staff);
    const [cert] = await certificatesOf(f.projectId);
    const res = (await callLoader(jwtLoader, `/verify/${cert.id}/credential.jwt`, {
      params: { certificateId: cert.id },
      context: ctx,
    })) as Response;
    expect(res.headers.get("Content-Type")).toBe("application/vc+jwt");
    const jwt = await res.text();

    const jwksResponse = (await jwksLoader()) as Response;
    expect(jwksResponse.headers.get("Cache-Control")).toBe("public, max-age=300");
    const jwks = await jwksResponse.json();
    expect(jwks.keys[0]).not.toHaveProperty("d");
    const { payload: vc, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ["ES256"] });
    expect(protectedHeader.kid).toBe(jwks.keys[0].kid);
    expect(protectedHeader.kid).toMatch(/^http:\/\/localhost:3000\/issuer\/keys\//);
    expect(vc.type).toContain("OpenBadgeCredential");
    expect(vc.id).toBe(`http://localhost:3000/verify/${cert.id}`);
    expect((vc.credentialStatus as { statusListCredential: string }).statusListCredential).toBe(
      "http://localhost:3000/credentials/status/1",
    );

    const [h, p, s] = jwt.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...vc,
        credentialSubject: { identifier: [{ identityHash: "別人" }] },
      }),
    ).toString("base64url");
    await expect(jwtVerify(`${h}.${forged}.${s}`, createLocalJWKSet(jwks))).rejects.toThrow();
    expect(p).not.toBe(forged);

    // The status list itself is a VC-JWT signed with the same published key.
    const statusRes = await callLoader(statusLoader, "/credentials/status/1", {
      params: { listId: "1" },
      context: ctx,
    });
    expect(statusRes.headers.get("Content-Type")).toBe("application/vc+jwt");
    const { payload: list } = await jwtVerify(await statusRes.text(), createLocalJWKSet(jwks));
    expect(list.type).toContain("BitstringStatusListCredential");
  });
});

describe("revocation", () => {
  it("requires a reason, flips the status list bit and shows on the public page with the date", async () => {
    const f = await eventFixture();
    await issueForEvent(f.eventId, staff);
    const [cert, other] = await certificatesOf(f.projectId);
    expect(isRevoked(await fetchStatusList(), cert.status_index)).toBe(false);
    expect(payload(await loadVerify(cert.id))).toMatchObject({
      revokedAt: null,
      signature: { valid: true },
    });

    const noReason = await postRevoke(staff.cookie, cert.id, { reason: "" });
    expect(statusOf(noReason)).toBe(400);
    expect((await certificatesOf(f.projectId)).find((r) => r.id === cert.id)!.revoked_at).toBeNull();

    expect(statusOf(await postRevoke(staff.cookie, cert.id, { reason: "出席記録の誤り" }))).toBe(302);
    const bits = decodeStatusList(await fetchStatusList());
    expect(isRevoked(bits, cert.status_index)).toBe(true);
    expect(isRevoked(bits, other.status_index)).toBe(false);

    const page = payload(await loadVerify(cert.id));
    const row = (await certificatesOf(f.projectId)).find((r) => r.id === cert.id)!;
    expect(page.revokedAt).toBe(row.revoked_at);
    expect(page.signature.valid).toBe(true);
    expect(JSON.stringify(page)).not.toContain("出席記録の誤り"); // the reason is for staff only
    expect(payload(await loadDetail(staff.cookie, cert.id)).revokedReason).toBe("出席記録の誤り");
  });
});

describe("re-issuing (issue 12)", () => {
  it("issues a corrected certificate after a revocation: new id and status index, both signatures, linked both ways", async () => {
    const f = await eventFixture();
    await issueForEvent(f.eventId, staff);
    const [cert] = await certificatesOf(f.projectId);
    const reissue = (id: string, form: Record<string, string>) =>
      postRevoke(staff.cookie, id, { intent: "reissue", ...form });
    // Not before it is revoked.
    const early = await reissue(cert.id, { name: "北区 花子" });
    expect(statusOf(early)).toBe(409);
    expect(payload(early).result.error[""]).toEqual(["certificates.errors.reissueNotRevoked"]);
    expect(statusOf(await postRevoke(staff.cookie, cert.id, { reason: "氏名の誤記" }))).toBe(302);
    expect(statusOf(await reissue(cert.id, { name: "" }))).toBe(400);

    const issuedMails = () =>
      getDb().selectFrom("outbox_message").selectAll().where("kind", "=", "certificate.issued").orderBy("id").execute();
    const mailsBefore = (await issuedMails()).length;
    const done = (await reissue(cert.id, { name: "北区 花子", nameLatin: "Hanako Kita" })) as Response;
    expect(done).toHaveRedirect();
    const rows = await certificatesOf(f.projectId);
    const fresh = rows.find((r) => r.supersedes === cert.id)!;
    expect(done.headers.get("Location")).toBe(`/staff/certificates/${fresh.id}`);
    expect(fresh.id).not.toBe(cert.id);
    expect(fresh.status_index).not.toBe(cert.status_index);
    expect(fresh.revoked_at).toBeNull();
    expect(fresh.student_id).toBe(cert.student_id);
    // The new one is valid (VC-JWT and embedded proof) and says the corrected name; the old one stays revoked.
    const page = payload(await loadVerify(fresh.id));
    expect(page).toMatchObject({ revokedAt: null, replacedBy: null, signature: { valid: true } });
    expect(page.signature.embedded).toMatchObject({ valid: true });
    expect(page.data.student).toEqual({ name: "北区 花子", nameLatin: "Hanako Kita" });
    const bits = decodeStatusList(await fetchStatusList());
    expect(isRevoked(bits, cert.status_index)).toBe(true);
    expect(isRevoked(bits, fresh.status_index)).toBe(false);
    const old = payload(await loadVerify(cert.id));
    expect(old.revokedAt).not.toBeNull();
    expect(old.replacedBy).toBe(fresh.id);
    expect(payload(await loadDetail(staff.cookie, fresh.id)).supersedes).toBe(cert.id);
    // The student is mailed, and the re-issue is audited.
    const mails = await issuedMails();
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)!.body_text).toContain(fresh.id);
    const audit = await getDb()
      .selectFrom("audit_entry")
      .select("detail")
      .where("action", "=", "certificate.reissue")
      .where("entity_id", "=", fresh.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ supersedes: cert.id });
    // Only once, and never a second valid certificate for the same student and project.
    const again = await reissue(cert.id, { name: "北区 花子" });
    expect(statusOf(again)).toBe(409);
    expect(payload(again).result.error[""]).toEqual(["certificates.errors.alreadyReissued"]);
    await expect(
      getDb()
        .insertInto("certificate")
        .values({ ...fresh, id: "DUPLICATE", status_index: 1, supersedes: null })
        .execute(),
    ).rejects.toThrow(
      /UNIQUE constraint failed|duplicate key value violates unique constraint "certificate_one_valid"/,
    );
    expect((await certificatesOf(f.projectId)).filter((r) => r.student_id === cert.student_id)).toHaveLength(2);
    // The event's candidate list shows the valid certificate.
    const candidates = await listEventCandidates(f.eventId);
    expect(candidates.find((c) => c.studentId === cert.student_id)!.certificateId).toBe(fresh.id);
  });

  it("lets two re-issues at once produce one certificate", async () => {
    const f = await eventFixture();
    await issueForEvent(f.eventId, staff);
    const [cert] = await certificatesOf(f.projectId);
    await postRevoke(staff.cookie, cert.id, { reason: "鍵の漏えい" });
    const results = await Promise.all(
      [1, 2, 3].map(() => postRevoke(staff.cookie, cert.id, { intent: "reissue", name: "北区 花子" })),
    );
    expect(results.map(statusOf).filter((s) => s === 302)).toHaveLength(1);
    expect(results.map(statusOf).every((s) => s === 302 || s === 409)).toBe(true);
    expect((await certificatesOf(f.projectId)).filter((r) => r.supersedes === cert.id)).toHaveLength(1);
  });
});

describe("the PDF", () => {
  it("is a PDF whose extracted text has the student's name and the certificate id", async () => {
    const f = await eventFixture();
    await issueForEvent(f.eventId, staff);
    const [cert] = await certificatesOf(f.projectId);
    const res = (await callLoader(pdfLoader, `/verify/${cert.id}/certificate.pdf`, {
      params: { certificateId: cert.id },
      context: ctx,
    })) as Response;
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toBe(`inline; filename="certificate-${cert.id}.pdf"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const pdf = await getDocument({ data: bytes, isEvalSupported: false }).promise;
    const content = await (await pdf.getPage(1)).getTextContent();
    const text = content.items.map((i) => ("str" in i ? i.str : "")).join("\n");
    await pdf.destroy();
    const student = f.students.find((s) => s.id === cert.student_id)!;
    const name = (
      await getDb().selectFrom("user").select("name").where("id", "=", student.id).executeTakeFirstOrThrow()
    ).name;
    expect(text.replace(/\s+/g, "")).toContain(name.replace(/\s+/g, ""));
    expect(text).toContain(cert.id);
  });
});

describe("access and 404s", () => {
  it("lets only staff issue and revoke", async () => {
    const f = await eventFixture();
    await issueForEvent(f.eventId, staff);
    const [cert] = await certificatesOf(f.projectId);
    for (const role of ["student", "professor", "firm"] as const) {
      const who = await userWithCookie(role);
      expect(statusOf(await loadStaff(who.cookie, f.eventId))).toBe(403);
      expect(statusOf(await postStaff(who.cookie, f.eventId, { intent: "issueAll" }))).toBe(403);
      expect(statusOf(await loadDetail(who.cookie, cert.id))).toBe(403);
      expect(statusOf(await postRevoke(who.cookie, cert.id, { reason: "x" }))).toBe(403);
    }
    expect(statusOf(await postStaff(undefined, f.eventId, { intent: "issueAll" }))).toBe(302);
    expect(statusOf(await postRevoke(undefined, cert.id, { reason: "x" }))).toBe(302);
    expect((await certificatesOf(f.projectId)).every((r) => r.revoked_at === null)).toBe(true);
    expect(statusOf(await loadStaff(staff.cookie, 999_999))).toBe(404);
  });

  it("shows students only their own certificates", async () => {
    const f = await eventFixture();
    await issueForEvent(f.eventId, staff);
    const own = payload(await loadStudent(await signIn(f.students[0].id)));
    expect(own.certificates).toHaveLength(1);
    const mine = (await certificatesOf(f.projectId)).find((r) => r.student_id === f.students[0].id)!;
    expect(own.certificates[0].id).toBe(mine.id);
    const stranger = await userWithCookie("student");
    expect(payload(await loadStudent(stranger.cookie)).certificates).toEqual([]);
    expect(statusOf(await loadStudent(staff.cookie))).toBe(403);
  });

  it("answers 404 for an unknown or malformed id, and accepts an id typed in lower case", async () => {
    expect(statusOf(await loadVerify("0".repeat(32)))).toBe(404);
    expect(statusOf(await loadVerify("not-a-certificate"))).toBe(404);
    expect(
      statusOf(
        await settle(
          callLoader(pdfLoader, "/verify/x/certificate.pdf", { params: { certificateId: "x" }, context: ctx }),
        ),
      ),
    ).toBe(404);
    const f = await eventFixture();
    await issueForEvent(f.eventId, staff);
    const [cert] = await certificatesOf(f.projectId);
    expect(payload(await loadVerify(cert.id.toLowerCase())).data.certificateId).toBe(cert.id);
  });
});
