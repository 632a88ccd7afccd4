// A small world in which every route has something to show and someone it belongs to: two universities with a
// professor each, a published pairing per project (students, firms with their users), an open project with a
// pending hosting request, a draft, a booked interview slot, an event with a programme, attendance and a
// certificate (and a teammate's with a live wallet exchange), an agreement with a stored PDF, an open invitation, a calendar feed,
// and a spare student with an open privacy request.
// The authorization matrix and the malformed-input test both run against it.
import { PDFDocument } from "pdf-lib";
import { exchangeToken } from "~/certificates/exchange-token.server";
import { getPublicJwks } from "~/certificates/keys.server";
import { addDocument } from "~/models/agreement-document.server";
import { setAttendance } from "~/models/attendance.server";
import { resetCalendarToken } from "~/models/calendar.server";
import { certifyByHand } from "~/models/certificate.server";
import { addPresentation, createEvent } from "~/models/event.server";
import { bookSlot } from "~/models/interview.server";
import { createInvitation } from "~/models/invitation.server";
import { inviteHost } from "~/models/project-host.server";
import { startWalletExchange } from "~/models/wallet.server";
import { getDb } from "~/utils/db.server";
import { hostPageToken } from "~/utils/host-page-link.server";
import { hashPassword } from "~/utils/password.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { signIn, userWithCookie } from "../setup/http";
import { createPublishedProject, insertSlot } from "./interviews";
import { createFirm, createProjectFixture } from "./projects";

export const ACTORS = [
  "anonymous",
  "student",
  "otherStudent",
  "professor",
  "otherProfessor",
  "firm",
  "otherFirm",
  "staff",
] as const;
export type Actor = (typeof ACTORS)[number];

const DAY = 86_400_000;

export async function createWorld() {
  const db = getDb();
  const staff = await userWithCookie("staff", { name: "職員 管理太郎", email: "kanri.staff@city.example" });
  const a = await createPublishedProject({ teams: 2, perTeam: 2 });
  const b = await createPublishedProject({ teams: 1, perTeam: 1 });
  const student = a.teams[0].members[0];
  const firm = a.teams[0].firmUser;

  // Names that must never appear in a refusal.
  await db.updateTable("user").set({ name: "秘密 学生花子" }).where("id", "=", student.id).execute();
  await db.updateTable("user").set({ name: "秘密 企業担当" }).where("id", "=", firm.id).execute();
  await db.updateTable("user").set({ name: "秘密 教授一郎" }).where("id", "=", a.professor.id).execute();

  // A booked interview of the first team (tomorrow), bookable by the team.
  const slotId = await insertSlot(a.hostIds[0], firm.id, new Date(Date.now() + DAY));
  const booked = await bookSlot({ id: student.id, role: "student" }, slotId);
  if (!booked.ok) throw new Error(`world: booking failed (${booked.reason})`);

  // An event with the first team on its programme, the student present and certified by hand.
  const starts = new Date(Date.now() + 30 * DAY);
  starts.setUTCHours(5, 0, 0, 0);
  const eventId = await createEvent(staff, {
    titleJa: "北区産学連携研究発表会",
    titleEn: "Presentation Day",
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 3 * 3_600_000).toISOString(),
    venueJa: "北とぴあ",
    venueEn: "Hokutopia",
    descriptionJa: null,
    descriptionEn: null,
  });
  const added = await addPresentation(staff, eventId, {
    projectId: a.projectId,
    hostId: a.hostIds[0],
    startsAt: null,
    titleJa: "販路の調査",
    titleEn: null,
  });
  if (!added.ok) throw new Error(`world: presentation refused (${added.reason})`);
  const { id: presentationId } = await db
    .selectFrom("presentation")
    .select("id")
    .where("event_id", "=", eventId)
    .executeTakeFirstOrThrow();
  await setAttendance(staff, eventId, student.id, true);
  const certified = await certifyByHand(student.id, a.projectId, eventId, "手作業で確認", staff);
  if (!certified.ok) throw new Error(`world: certificate refused (${certified.reason})`);

  // The first project's agreement with a stored PDF.
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Agreement");
  const outcome = await addDocument(
    a.agreementId,
    { kind: "signed", title: "締結済み協定書", filename: "協定書.pdf", bytes: new Uint8Array(await pdf.save()) },
    staff.id,
  );
  if (!outcome.ok) throw new Error(`world: document refused (${outcome.reason})`);
  const { id: documentId } = await db
    .selectFrom("agreement_document")
    .select("id")
    .where("agreement_id", "=", a.agreementId)
    .executeTakeFirstOrThrow();

  // The professor's draft (not public: its title is a secret) and an open project with a pending hosting request.
  const draft = await createProjectFixture({ state: "draft", hosts: 0 });
  await db
    .updateTable("project")
    .set({
      professor_id: a.professor.id,
      university_id: a.universityId,
      agreement_id: a.agreementId,
      title_ja: "非公開の下書き企画",
    })
    .where("id", "=", draft.projectId)
    .execute();
  const open = await createProjectFixture({ state: "open", hosts: 0 });
  const pending = await createFirm("依頼先工業");
  const invited = await inviteHost(staff, open.projectId, {
    firmId: pending.id,
    contactEmail: "secret.contact@firm.example",
  });
  if (!invited.ok) throw new Error(`world: host invitation refused (${invited.reason})`);

  const invitation = await createInvitation(
    {
      email: "invited.person@example.jp",
      name: "招待 次郎",
      role: "professor",
      universityId: a.universityId,
      firmId: null,
      invitedBy: staff.id,
    },
    ({ link }) => ({ subject: "招待", body: `招待: ${link}` }),
  );
  if (!invitation.ok) throw new Error("world: invitation refused");
  const calendarToken = await resetCalendarToken(student.id);
  // An open password-reset link of the student and a pending student registration: their tokens are the links'
  // only credentials (only the hashes are stored, as the models store them).
  const resetToken = newToken();
  const registrationToken = newToken();
  const t = new Date().toISOString();
  const inAnHour = new Date(Date.now() + 60 * 60 * 1000).toISOString();
  await db
    .insertInto("password_reset")
    .values({
      email: student.email,
      ip: "127.0.0.1",
      user_id: student.id,
      token_hash: hashToken(resetToken),
      created_at: t,
      expires_at: inAnHour,
    })
    .execute();
  await db
    .insertInto("registration")
    .values({
      email: "pending.student@univ.example",
      ip: "127.0.0.1",
      token_hash: hashToken(registrationToken),
      password_hash: await hashPassword("a pending student's passphrase"),
      name: "登録 待子",
      name_kana: "とうろく まちこ",
      name_latin: "Machiko Toroku",
      university_id: a.universityId,
      created_at: t,
      expires_at: inAnHour,
    })
    .execute();
  const { id: signupId } = await db
    .selectFrom("signup")
    .select("id")
    .where("student_id", "=", student.id)
    .where("project_id", "=", a.projectId)
    .executeTakeFirstOrThrow();
  const { id: certificateId } = await db
    .selectFrom("certificate")
    .select("id")
    .where("student_id", "=", student.id)
    .executeTakeFirstOrThrow();

  // A teammate's certificate on its way into a wallet: a live exchange, whose token is the URLs' only credential.
  // Not the student's certificate, which the malformed-input test revokes (and a revoked exchange only says 410).
  const teammate = a.teams[0].members[1];
  await setAttendance(staff, eventId, teammate.id, true);
  const teammateCertified = await certifyByHand(teammate.id, a.projectId, eventId, "手作業で確認", staff);
  if (!teammateCertified.ok) throw new Error(`world: certificate refused (${teammateCertified.reason})`);
  const walletCertificate = await db
    .selectFrom("certificate")
    .select("id")
    .where("student_id", "=", teammate.id)
    .executeTakeFirstOrThrow();
  const exchange = await startWalletExchange(teammate.id, walletCertificate.id);
  if (!exchange.ok) throw new Error(`world: wallet exchange refused (${exchange.reason})`);
  const { challenge } = await db
    .selectFrom("wallet_exchange")
    .select("challenge")
    .where("id", "=", exchange.exchangeId)
    .executeTakeFirstOrThrow();
  const walletToken = exchangeToken(exchange.exchangeId);
  const [signingKey] = (await getPublicJwks()).keys;

  // A student of nobody's project with an open correction request: what the privacy queue and the erasure page
  // act on, so that a form that goes through changes no one the other rows need.
  const spare = await userWithCookie("student", { university_id: a.universityId });
  const { id: privacyRequestId } = await db
    .insertInto("privacy_request")
    .values({ user_id: spare.id, kind: "correction", details: "ふりがなの訂正", created_at: t })
    .returning("id")
    .executeTakeFirstOrThrow();

  const users = {
    student,
    otherStudent: b.teams[0].members[0],
    professor: { ...a.professor, cookie: a.professorCookie },
    otherProfessor: { ...b.professor, cookie: b.professorCookie },
    firm,
    otherFirm: b.teams[0].firmUser,
    staff,
  };

  const userRows = await db
    .selectFrom("user")
    .select(["name", "email"])
    .where(
      "id",
      "in",
      Object.values(users).map((u) => u.id),
    )
    .execute();
  return {
    a,
    b,
    users,
    /** The world's wallet exchange, for a holder's DID Authentication (its challenge, in the database only). */
    wallet: { exchangeId: exchange.exchangeId, challenge },
    /** A fresh session cookie for an actor (a sign-out in one call must not sign out the next). */
    async cookieFor(actor: Actor): Promise<string | undefined> {
      return actor === "anonymous" ? undefined : signIn(users[actor].id);
    },
    params: {
      projectId: String(a.projectId),
      draftProjectId: String(draft.projectId),
      openProjectId: String(open.projectId),
      hostId: String(a.hostIds[0]),
      pendingHostId: String(invited.hostId),
      runId: String(a.runId),
      eventId: String(eventId),
      presentationId: String(presentationId),
      certificateId,
      agreementId: String(a.agreementId),
      documentId: String(documentId),
      firmId: String(a.teams[0].firmId),
      slotId: String(slotId),
      fiscalYear: "2026",
      calendarToken: `${calendarToken}`,
      invitationToken: invitation.token,
      resetToken,
      registrationToken,
      hostLinkToken: invited.token,
      hostPageToken: hostPageToken(a.hostIds[0]),
      joinCode: a.joinCode,
      studentId: String(student.id),
      spareStudentId: String(spare.id),
      privacyRequestId: String(privacyRequestId),
      signupId: String(signupId),
      secondHostId: String(a.hostIds[1]),
      universityId: String(a.universityId),
      spareAgreementId: String(b.agreementId),
      unknownPath: "no/such/page",
      walletToken,
      // Status list 1: the certificates' revocation bits (2 is the wallet copies').
      listId: "1",
      kid: signingKey.kid,
      openDataset: "firms",
      previewPath: "firms.png",
      sitemapPart: "1",
    },
    /** What no refusal (403, 404, a redirect to sign in) may ever contain. */
    secrets: [
      ...userRows.flatMap((u) => [u.name, u.email]),
      "非公開の下書き企画",
      "secret.contact@firm.example",
      a.joinCode,
      certificateId,
      walletToken,
    ],
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
