// Bad input against every action, generated from the route files and the table of each action's forms below:
// each field in turn is sent empty, 10,000 characters long, with a NUL byte, under a huge list index, as a file
// instead of text (or text instead of a file), nested under another name, and as the date 2026-02-30; each form is
// also sent with a junk list index, as broken multipart, and as JSON. No answer may be a 500 (or a thrown error that
// is not a Response), and an answer that refuses (4xx) must leave every table as it was.
//
// An action that reads JSON (the wallet exchange) has a JSON row instead: each member, down to the third level, in
// turn left out or replaced by an empty, 10,000-character or NUL-carrying string, null, a number, a boolean, an
// empty array or object, 20,000 nested arrays, 5,000 nested objects or a __proto__ object; the whole body sent
// malformed, truncated, as a bare array, null, string or number, with a duplicate key, as invalid UTF-8, 20,000
// arrays deep, just over the size cap and at 5 MB, as a form, and as the broken multipart above. A signed body (the
// wallet's DID Authentication) must be refused in every altered form, accepted as it is, and refused when replayed.
//
// Not compared: `session` (each call signs in afresh, and a request refreshes its session's last use) and
// `login_attempt` (a refused sign-in is counted on purpose: that is the rate limit).
import { createHash } from "node:crypto";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import type { Statement } from "better-sqlite3";
import { sql, type RawBuilder } from "kysely";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { dialectOf, getDb, getSqlite } from "~/utils/db.server";
import { documentLoader } from "../factories/verifiers";
import { createWorld, type Actor, type World } from "../factories/world";
import { BASE, statusOf } from "../setup/http";
import { listAppRoutes, type AppRoute } from "../setup/routes";

type Value = string | string[] | File;
type Fields = Record<string, Value>;

interface FormRow {
  /** What the form does (its intent, or the form's name). */
  name: string;
  actor: Actor;
  fields: (w: World) => Fields;
  params?: Record<string, keyof World["params"]>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An action that reads a JSON body rather than a form. */
interface JsonRow {
  name: string;
  actor: Actor;
  json: (w: World) => { [key: string]: Json };
  params?: Record<string, keyof World["params"]>;
  /**
   * The body's member that is signed: every alteration of it or within it must be refused (leaving it out altogether
   * is another message, as `{}` is), and the body as it is is accepted once, then refused.
   */
  signed?: string;
}

type Row = FormRow | JsonRow;

/** The wallet's DID Authentication for the world's exchange (a did:key holder made in beforeAll). */
let presentation: { [key: string]: Json };

async function didAuthentication(challenge: string): Promise<{ [key: string]: Json }> {
  const generated = await Ed25519Multikey.generate();
  const did = `did:key:${generated.publicKeyMultibase}`;
  const key = await Ed25519Multikey.from({
    ...(await generated.export({ publicKey: true, secretKey: true, includeContext: true })),
    id: `${did}#${generated.publicKeyMultibase}`,
    controller: did,
  });
  const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022 });
  return (await vc.signPresentation({
    presentation: vc.createPresentation({ holder: did, version: 2.0 }),
    suite,
    challenge,
    domain: new URL(BASE).origin,
    documentLoader,
  })) as { [key: string]: Json };
}

let pdfBytes: Uint8Array;
const pdfFile = () => new File([pdfBytes as BlobPart], "協定書;改定版.pdf", { type: "application/pdf" });
const csvFile = () =>
  new File(["法人番号,企業名\r\n1234567890123,株式会社テスト\r\n"], "firms.csv", { type: "text/csv" });

const project = (w: World): Fields => ({
  titleJa: "北区の新製品を調べる",
  titleEn: "New products",
  summaryJa: "概要",
  summaryEn: "Summary",
  seminarName: "ゼミ",
  agreementId: w.params.agreementId,
  theme: "販路",
  firmIndustries: ["machinery", "printing"],
  newProductFocus: "on",
  fiscalYear: "2026",
  studentCapacity: "10",
  teamSize: "2",
  signupOpensAt: "2026-12-01T09:00",
  signupClosesAt: "2026-12-20T17:00",
  interviewFrom: "2027-01-10",
  interviewUntil: "2027-01-31",
  presentationOn: "2027-02-20",
});

const agreement = (w: World): Fields => ({
  university_id: w.params.universityId,
  kind: "comprehensive",
  title_ja: "包括連携協定",
  title_en: "Comprehensive agreement",
  signed_on: "2026-04-01",
  effective_from: "2026-04-01",
  expires_on: "2031-03-31",
  auto_renew: "on",
  renewal_term_months: "12",
  notice_days: "90",
  areas: ["education", "industry"],
  "contacts[0].name": "連絡 太郎",
  "contacts[0].department": "産学連携課",
  "contacts[0].email": "contact@univ.example",
  "contacts[0].phone": "03-1234-5678",
  notes: "備考",
});

const firmFields = (): Fields => ({
  corporate_number: "2010001008824",
  name: "株式会社テスト精工",
  name_kana: "テストセイコウ",
  industry: "machinery",
  postal_code: "114-0002",
  town: "oji",
  address: "1-1-1",
  phone: "03-1234-5678",
  website: "https://example.jp",
  products: "部品",
  description: "紹介",
  new_product: "on",
  is_public: "on",
});

const eventFields = (): Fields => ({
  titleJa: "発表会",
  titleEn: "Presentation Day",
  startsAt: "2027-02-19T14:00",
  endsAt: "2027-02-19T17:00",
  venueJa: "北とぴあ",
  venueEn: "Hokutopia",
  descriptionJa: "説明",
  descriptionEn: "About",
});

const ranking = (w: World, key: "host" | "signup"): Fields =>
  key === "host"
    ? {
        "ranking[0].host": w.params.hostId,
        "ranking[0].position": "1",
        "ranking[1].host": w.params.secondHostId,
        "ranking[1].position": "2",
      }
    : { "ranking[0].signup": w.params.signupId, "ranking[0].position": "1" };

/** Each action's forms: the fields as the page posts them, by whom. A route with an action needs a row here. */
const FORMS: Record<string, Row[]> = {
  "account.tsx": [
    { name: "locale", actor: "student", fields: () => ({ locale: "en" }) },
    {
      name: "password",
      actor: "student",
      fields: () => ({ intent: "password", current: "not the password", password: "a long enough password" }),
    },
    { name: "signOutOthers", actor: "student", fields: () => ({ intent: "signOutOthers" }) },
    {
      name: "profile",
      actor: "student",
      fields: () => ({ intent: "profile", name: "北 花子", nameKana: "きた はなこ", nameLatin: "Hanako KITA" }),
    },
    {
      name: "request",
      actor: "student",
      fields: () => ({ intent: "request", kind: "correction", details: "大学名が違います" }),
    },
  ],
  "account_.calendar.tsx": [
    { name: "reset", actor: "student", fields: () => ({ intent: "reset" }) },
    { name: "delete", actor: "student", fields: () => ({ intent: "delete" }) },
  ],
  "firm.interviews.$hostId.tsx": [
    {
      name: "add",
      actor: "firm",
      fields: () => ({
        intent: "add",
        startsAt: "2030-01-10T10:00",
        endsAt: "2030-01-10T11:00",
        place: "本社",
        onlineUrl: "https://meet.example/x",
      }),
    },
    { name: "cutoff", actor: "firm", fields: () => ({ intent: "cutoff", hours: "48" }) },
    { name: "cancel", actor: "firm", fields: (w) => ({ intent: "cancel", slotId: w.params.slotId, reason: "都合" }) },
    { name: "done", actor: "firm", fields: (w) => ({ intent: "done", slotId: w.params.slotId }) },
  ],
  "firm.invitations.$hostId.tsx": [
    { name: "answer", actor: "firm", fields: () => ({ intent: "accept", capacity: "2", note: "よろしく" }) },
  ],
  "firm.profile.tsx": [
    {
      name: "profile",
      actor: "firm",
      fields: () => ({
        phone: "03-1234-5678",
        website: "https://example.jp",
        products: "部品",
        description: "紹介",
        new_product: "on",
        is_public: "on",
      }),
    },
  ],
  "firm.projects.$projectId.ranking.tsx": [
    { name: "save", actor: "firm", fields: (w) => ({ intent: "save", ...ranking(w, "signup") }) },
  ],
  "host.$token.tsx": [
    {
      name: "add",
      actor: "anonymous",
      fields: () => ({
        intent: "add",
        startsAt: "2030-01-10T10:00",
        endsAt: "2030-01-10T11:00",
        place: "本社",
      }),
      params: { token: "hostPageToken" },
    },
    {
      name: "done",
      actor: "anonymous",
      fields: (w) => ({ intent: "done", slotId: w.params.slotId }),
      params: { token: "hostPageToken" },
    },
    {
      name: "account",
      actor: "anonymous",
      fields: () => ({ intent: "account", name: "担当 花子" }),
      params: { token: "hostPageToken" },
    },
  ],
  "host-response.$token.tsx": [
    {
      name: "answer",
      actor: "anonymous",
      fields: () => ({ intent: "accept", capacity: "2", note: "承知しました" }),
      params: { token: "hostLinkToken" },
    },
  ],
  "invitations.$token.tsx": [
    {
      name: "password",
      actor: "anonymous",
      fields: () => ({ password: "a long enough password" }),
      params: { token: "invitationToken" },
    },
  ],
  "forgot-password.tsx": [{ name: "forgot", actor: "anonymous", fields: () => ({ email: "someone@univ.example" }) }],
  "locale.tsx": [{ name: "locale", actor: "anonymous", fields: () => ({ locale: "en", redirectTo: "/firms" }) }],
  "login.tsx": [
    {
      name: "login",
      actor: "anonymous",
      fields: () => ({ email: "nobody@example.jp", password: "wrong password", redirectTo: "/" }),
    },
  ],
  "logout.tsx": [{ name: "logout", actor: "student", fields: () => ({}) }],
  "professor.events.tsx": [
    {
      name: "confirm",
      actor: "professor",
      fields: (w) => ({ presentationId: w.params.presentationId, titleJa: "販路の調査", titleEn: "Markets" }),
    },
  ],
  "professor.projects.$projectId._index.tsx": [
    { name: "transition", actor: "professor", fields: () => ({ intent: "submit", comment: "お願いします" }) },
  ],
  "professor.projects.$projectId.edit.tsx": [
    { name: "edit", actor: "professor", fields: project, params: { projectId: "draftProjectId" } },
  ],
  "professor.projects.$projectId.hosts.tsx": [
    {
      name: "suggest",
      actor: "professor",
      fields: (w) => ({ intent: "suggest", firmId: w.params.firmId, contactEmail: "c@firm.example" }),
    },
  ],
  "professor.projects.$projectId.interviews.tsx": [
    { name: "done", actor: "professor", fields: (w) => ({ intent: "done", slotId: w.params.slotId }) },
  ],
  "professor.projects.$projectId.pairing.tsx": [
    {
      name: "place",
      actor: "professor",
      fields: (w) => ({ intent: "override", signupId: w.params.signupId, target: w.params.hostId, reason: "調整" }),
    },
  ],
  "professor.projects.new.tsx": [{ name: "new", actor: "professor", fields: project }],
  "register_.confirm.$token.tsx": [
    { name: "confirm", actor: "anonymous", fields: () => ({}), params: { token: "registrationToken" } },
  ],
  "reset-password.$token.tsx": [
    {
      name: "reset",
      actor: "anonymous",
      fields: () => ({ password: "a long enough password" }),
      params: { token: "resetToken" },
    },
  ],
  "register.tsx": [
    {
      name: "register",
      actor: "anonymous",
      fields: (w) => ({
        name: "新入 生徒",
        nameKana: "しんにゅう せいと",
        nameLatin: "Seito Shinnyu",
        universityId: w.params.universityId,
        email: "new.student@univ.example",
        password: "a long enough password",
      }),
    },
  ],
  "staff.agreements.$agreementId._index.tsx": [
    {
      name: "document",
      actor: "staff",
      fields: () => ({ intent: "document", kind: "signed", title: "協定書", file: pdfFile() }),
      params: { agreementId: "spareAgreementId" },
    },
    {
      name: "activity",
      actor: "staff",
      fields: () => ({ intent: "activity", occurred_on: "2026-05-01", title: "講演会", description: "説明" }),
      params: { agreementId: "spareAgreementId" },
    },
    {
      name: "terminate",
      actor: "staff",
      fields: () => ({ intent: "terminate", terminated_on: "2030-05-01", termination_reason: "合意" }),
      params: { agreementId: "spareAgreementId" },
    },
  ],
  "staff.agreements.$agreementId.edit.tsx": [
    { name: "edit", actor: "staff", fields: agreement, params: { agreementId: "spareAgreementId" } },
  ],
  "staff.agreements.new.tsx": [{ name: "new", actor: "staff", fields: agreement }],
  "staff.certificates.$certificateId.tsx": [
    { name: "revoke", actor: "staff", fields: () => ({ reason: "誤り" }) },
    {
      name: "reissue",
      actor: "staff",
      fields: () => ({ intent: "reissue", name: "北区 花子", nameLatin: "Hanako Kita" }),
    },
  ],
  "staff.events.$eventId._index.tsx": [
    {
      name: "add",
      actor: "staff",
      fields: (w) => ({
        team: `${w.params.projectId}:${w.params.secondHostId}`,
        startTime: "15:00",
        titleJa: "調査",
        titleEn: "Research",
      }),
    },
    {
      name: "update",
      actor: "staff",
      fields: (w) => ({
        intent: "update",
        presentationId: w.params.presentationId,
        startTime: "14:30",
        titleJa: "販路",
        titleEn: "Markets",
      }),
    },
    {
      name: "move",
      actor: "staff",
      fields: (w) => ({ intent: "move", presentationId: w.params.presentationId, direction: "down" }),
    },
    { name: "remove", actor: "staff", fields: (w) => ({ intent: "remove", presentationId: w.params.presentationId }) },
  ],
  "staff.events.$eventId.attendance.tsx": [
    {
      name: "present",
      actor: "staff",
      fields: (w) => ({ studentId: w.params.studentId, present: "yes", q: "学生", via: "fetcher" }),
    },
    {
      name: "given",
      actor: "staff",
      fields: (w) => ({ intent: "given", presentationId: w.params.presentationId, given: "yes" }),
    },
  ],
  "staff.events.$eventId.certificates.tsx": [
    { name: "issueAll", actor: "staff", fields: () => ({ intent: "issueAll" }) },
    {
      name: "issueOne",
      actor: "staff",
      fields: (w) => ({ intent: "issueOne", candidate: `${w.params.studentId}:${w.params.projectId}` }),
    },
    {
      name: "byHand",
      actor: "staff",
      fields: (w) => ({ intent: "byHand", candidate: `${w.params.studentId}:${w.params.projectId}`, reason: "確認" }),
    },
  ],
  "staff.events.$eventId.edit.tsx": [{ name: "edit", actor: "staff", fields: eventFields }],
  "staff.events.new.tsx": [{ name: "new", actor: "staff", fields: eventFields }],
  "staff.firms.$firmId._index.tsx": [
    { name: "hide", actor: "staff", fields: () => ({ reason: "廃業" }) },
    { name: "restore", actor: "staff", fields: () => ({ intent: "restore" }) },
  ],
  "staff.firms.$firmId.edit.tsx": [{ name: "edit", actor: "staff", fields: firmFields }],
  "staff.firms.import.tsx": [
    { name: "upload", actor: "staff", fields: () => ({ file: csvFile() }) },
    { name: "confirm", actor: "staff", fields: () => ({ intent: "confirm", importId: "1" }) },
  ],
  "staff.firms.new.tsx": [
    { name: "new", actor: "staff", fields: firmFields },
    { name: "lookup", actor: "staff", fields: () => ({ ...firmFields(), intent: "lookup" }) },
  ],
  "staff.projects.$projectId._index.tsx": [
    { name: "transition", actor: "staff", fields: () => ({ intent: "approve", comment: "承認" }) },
    { name: "regenerateCode", actor: "staff", fields: () => ({ intent: "regenerateCode" }) },
  ],
  "staff.projects.$projectId.interviews.tsx": [
    { name: "done", actor: "staff", fields: (w) => ({ intent: "done", slotId: w.params.slotId }) },
  ],
  "staff.projects.$projectId.interviews_.$hostId.tsx": [
    {
      name: "add",
      actor: "staff",
      fields: () => ({ intent: "add", startsAt: "2030-01-10T10:00", endsAt: "2030-01-10T11:00", place: "区役所" }),
    },
    { name: "done", actor: "staff", fields: (w) => ({ intent: "done", slotId: w.params.slotId }) },
  ],
  "staff.interviews.tsx": [
    { name: "done", actor: "staff", fields: (w) => ({ intent: "done", slotId: w.params.slotId }) },
  ],
  "staff.projects.$projectId.hosts.tsx": [
    {
      name: "invite",
      actor: "staff",
      fields: (w) => ({ intent: "invite", firmId: w.params.firmId, contactEmail: "c@firm.example" }),
    },
    { name: "withdraw", actor: "staff", fields: (w) => ({ intent: "withdraw", hostId: w.params.hostId }) },
  ],
  "staff.projects.$projectId.pairing.$runId._index.tsx": [
    {
      name: "override",
      actor: "staff",
      fields: (w) => ({ intent: "override", signupId: w.params.signupId, target: "unplaced", reason: "配慮" }),
    },
    { name: "publish", actor: "staff", fields: () => ({ intent: "publish" }) },
  ],
  "staff.projects.$projectId.pairing._index.tsx": [
    { name: "create", actor: "staff", fields: () => ({ intent: "create" }) },
    { name: "close", actor: "staff", fields: () => ({ intent: "close" }) },
  ],
  "staff.mailbox.tsx": [{ name: "retry", actor: "staff", fields: () => ({ id: "1" }) }],
  "staff.universities._index.tsx": [
    { name: "add", actor: "staff", fields: () => ({ nameJa: "新設大学", nameEn: "New University" }) },
  ],
  "staff.universities.$universityId.tsx": [
    { name: "edit", actor: "staff", fields: () => ({ nameJa: "改称大学", nameEn: "Renamed University" }) },
  ],
  "staff.privacy-requests.tsx": [
    {
      name: "decide",
      actor: "staff",
      fields: (w) => ({ id: w.params.privacyRequestId, outcome: "refused", reason: "記録と一致しています" }),
    },
  ],
  "staff.users_.$userId.erase.tsx": [
    {
      name: "erase",
      actor: "staff",
      params: { userId: "spareStudentId" },
      fields: () => ({ revokeCertificates: "no", confirm: "erase" }),
    },
  ],
  "staff.users.tsx": [
    { name: "enable", actor: "staff", fields: (w) => ({ intent: "enable", id: w.params.studentId }) },
    { name: "resend", actor: "staff", fields: () => ({ intent: "resend", id: "1" }) },
    {
      name: "invite",
      actor: "staff",
      fields: (w) => ({
        name: "招待 花子",
        email: "hanako@univ.example",
        role: "professor",
        universityId: w.params.universityId,
        firmId: w.params.firmId,
      }),
    },
  ],
  "student.certificates.tsx": [
    { name: "wallet", actor: "student", fields: (w) => ({ intent: "wallet", certificateId: w.params.certificateId }) },
  ],
  "student.interviews.tsx": [
    { name: "book", actor: "student", fields: (w) => ({ intent: "book", slotId: w.params.slotId }) },
  ],
  "student.join.tsx": [{ name: "join", actor: "otherStudent", fields: (w) => ({ code: w.params.joinCode }) }],
  "student.projects.$projectId.signup.tsx": [
    {
      name: "signup",
      actor: "otherStudent",
      fields: (w) => ({
        intent: "signup",
        code: w.params.joinCode,
        ...ranking(w, "host"),
        motivation: "学びたい",
        consent: "on",
      }),
    },
    {
      name: "update",
      actor: "student",
      fields: (w) => ({ intent: "update", ...ranking(w, "host"), motivation: "学びたい" }),
    },
    { name: "withdraw", actor: "student", fields: () => ({ intent: "withdraw" }) },
  ],
  // The wallet is signed in nowhere: the token in the URL is its credential.
  "wallet.exchanges.$token.ts": [
    { name: "request", actor: "anonymous", json: () => ({}), params: { token: "walletToken" } },
    {
      name: "present",
      actor: "anonymous",
      json: () => ({ verifiablePresentation: presentation }),
      params: { token: "walletToken" },
      signed: "verifiablePresentation",
    },
  ],
};

const TEXT_10K = "あ".repeat(10_000);
const HUGE_INDEX = 99_999_999;

/** The field `name` replaced, one way at a time. */
function fieldVariants(name: string, value: Value): Array<[string, Fields]> {
  const isFile = value instanceof File;
  const huge = /\[\d+\]/.test(name) ? name.replace(/\[\d+\]/, `[${HUGE_INDEX}]`) : `${name}[${HUGE_INDEX}]`;
  const first = Array.isArray(value) ? value[0] : value;
  return [
    ["empty", { [name]: "" }],
    ["10,000 characters", { [name]: TEXT_10K }],
    ["NUL byte", { [name]: isFile ? "\u0000" : `${first}\u0000x` }],
    ["huge list index", { [huge]: first }],
    ["wrong type", { [name]: isFile ? "not a file" : new File(["x"], "x.txt", { type: "text/plain" }) }],
    ["nested", { [`${name}.x`]: isFile ? "x" : String(first) }],
    ["date 2026-02-30", { [name]: "2026-02-30" }],
    ...(typeof first === "string" && /^\d+$/.test(first) ? [["unknown id", { [name]: "987654321" }]] : []),
  ].map(([label, replacement]) => [label as string, replacement as Fields]);
}

/** Stands for a member's hostile value in the serialized body (raw JSON text, so nesting needs no recursion). */
const HOLE = "\u0000hostile\u0000";
const nested = (open: string, inner: string, close: string, n: number) => open.repeat(n) + inner + close.repeat(n);
const HOSTILE_JSON: Array<[string, string]> = [
  ["empty string", '""'],
  ["10,000 characters", JSON.stringify(TEXT_10K)],
  ["NUL byte", '"x\u0000x"'],
  ["null", "null"],
  ["number", "-1e999"],
  ["boolean", "true"],
  ["empty array", "[]"],
  ["empty object", "{}"],
  ["20,000 nested arrays", nested("[", "", "]", 20_000)],
  ["5,000 nested objects", nested('{"a":', "{}", "}", 5_000)],
  ["__proto__", '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'],
];

type Path = Array<string | number>;

/** The paths of a body's members, down to the third level. */
function memberPaths(value: Json, path: Path = []): Path[] {
  if (path.length >= 3 || value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, member]) => {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    return [at, ...memberPaths(member, at)];
  });
}

/** A copy of `root` with the member at `path` replaced by `value`, or left out. */
function withMember(root: Json, path: Path, value: Json | undefined): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value !== undefined) node[last] = value;
  else if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
  return copy;
}

/** The body with each member in turn left out or replaced by each hostile value, serialized, with the path. */
function jsonVariants(body: Json): Array<[string, string, Path, "left out" | "replaced"]> {
  return memberPaths(body).flatMap((path): Array<[string, string, Path, "left out" | "replaced"]> => {
    const label = path.join(".");
    return [
      [`${label}: left out`, JSON.stringify(withMember(body, path, undefined)), path, "left out"],
      ...HOSTILE_JSON.map(([name, raw]): [string, string, Path, "replaced"] => [
        `${label}: ${name}`,
        JSON.stringify(withMember(body, path, HOLE)).replace(JSON.stringify(HOLE), raw),
        path,
        "replaced",
      ]),
    ];
  });
}

/** The cases of a JSON row: member variants (refused, within the signed member), then the whole body made hostile. */
function jsonCases(body: { [key: string]: Json }, signed: string | undefined): Array<[string, Body, Expect?]> {
  const text = JSON.stringify(body);
  const json = (raw: string | Uint8Array): Body => ({ kind: "raw", type: "application/json", body: raw });
  const firstKey = Object.keys(body)[0];
  return [
    ...jsonVariants(body).map(([label, raw, path, how]): [string, Body, Expect?] => [
      label,
      json(raw),
      path[0] === signed && (path.length > 1 || how === "replaced") ? "refused" : undefined,
    ]),
    // Not JSON, or over the size cap: no JSON endpoint may take these.
    ["malformed", json("{"), "refused"],
    ["truncated", json(text.slice(0, -1) || "{"), "refused"],
    ["trailing comma", json(text.replace(/}$/, ",}")), "refused"],
    ...["[]", "null", '"x"', "42", "true"].map((raw): [string, Body] => [`body ${raw}`, json(raw)]),
    ...(firstKey
      ? [
          [
            `duplicate ${firstKey}, the last one null`,
            json(text.replace(/}$/, `,${JSON.stringify(firstKey)}:null}`)),
            firstKey === signed ? "refused" : undefined,
          ] as [string, Body, Expect?],
        ]
      : []),
    ["invalid UTF-8", json(new Uint8Array([0x7b, 0xff, 0xfe, 0xc0, 0x80, 0x7d])), "refused"],
    ["20,000 arrays deep", json(nested("[", "", "]", 20_000))],
    ["just over 64 KiB", json(text + " ".repeat(64 * 1024 + 1 - text.length)), "refused"],
    ["5 MB", json(`{"x":"${"x".repeat(5_000_000)}"}`), "refused"],
    [
      "as a form",
      { kind: "form", fields: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, JSON.stringify(v)])) },
    ],
  ];
}

function formData(fields: Fields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  return form;
}

let reads: Array<[string, Statement]> | null = null;
let pgDigest: RawBuilder<{ name: string; h: string }> | null = null;

/** Every table's contents, hashed (less the bookkeeping named at the top); read directly, it is quick. */
async function digest(): Promise<string> {
  if (dialectOf() === "postgres") return digestPostgres();
  const sqlite = getSqlite();
  reads ??= sqlite
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
       and name not in ('session', 'login_attempt') order by name`,
    )
    .pluck()
    .all()
    .map((name) => [name as string, sqlite.prepare(`select * from "${name as string}"`).raw()]);
  const hash = createHash("sha256");
  for (const [name, read] of reads) hash.update(name).update(JSON.stringify(read.all()));
  return hash.digest("hex");
}

/** The same on PostgreSQL: one query, each table's rows as text in a fixed order (PostgreSQL has no rowid order). */
async function digestPostgres(): Promise<string> {
  if (!pgDigest) {
    const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('session', 'login_attempt')
      order by table_name`.execute(getDb());
    pgDigest = sql<{ name: string; h: string }>`${sql.join(
      rows.map(
        ({ name }) =>
          sql`select ${name} as name, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as h
            from ${sql.table(name)} t`,
      ),
      sql` union all `,
    )}`;
  }
  const hash = createHash("sha256");
  for (const row of (await pgDigest.execute(getDb())).rows) hash.update(row.name).update(row.h);
  return hash.digest("hex");
}

/** One session per actor, signed in again after a call that may have signed someone in or out. */
const cookies = new Map<Actor, string | undefined>();
async function cookieFor(actor: Actor) {
  if (!cookies.has(actor)) cookies.set(actor, await world.cookieFor(actor));
  return cookies.get(actor);
}

let world: World;
let routes: AppRoute[];

beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Agreement");
  pdfBytes = await doc.save();
  world = await createWorld();
  presentation = await didAuthentication(world.wallet.challenge);
  routes = (await listAppRoutes()).filter((r) => r.action);
}, 60_000);

type Body = { kind: "form"; fields: Fields } | { kind: "raw"; type: string; body: string | Uint8Array };
/** What a case must get, beyond no 500: accepted (2xx, 3xx) or refused (4xx). */
type Expect = "accepted" | "refused";

async function send(route: AppRoute, row: Row, body: Body) {
  const params = Object.fromEntries(
    route.params.map((p) => [p, world.params[(row.params?.[p] ?? p) as keyof World["params"]]]),
  );
  const cookie = await cookieFor(row.actor);
  const headers = new Headers(cookie ? { Cookie: cookie } : {});
  if (body.kind === "raw") headers.set("Content-Type", body.type);
  const request = new Request(BASE + route.path(params), {
    method: "POST",
    headers,
    body: body.kind === "form" ? formData(body.fields) : (body.body as BodyInit),
  });
  const started = performance.now();
  try {
    const result = await route.action!({ request, params, context: {} });
    return { status: statusOf(result), ms: performance.now() - started, error: null };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, ms: performance.now() - started, error: null };
    return { status: 0, ms: performance.now() - started, error };
  }
}

describe("malformed input against every action", () => {
  it("has the forms of every action, and no row without one", () => {
    const files = routes.map((r) => r.file);
    expect(
      files.filter((f) => !(f in FORMS)),
      "actions without forms",
    ).toEqual([]);
    expect(
      Object.keys(FORMS).filter((f) => !files.includes(f)),
      "rows without an action",
    ).toEqual([]);
  });

  it("never answers 500, never throws, and writes nothing when it refuses", async () => {
    const problems: string[] = [];
    let calls = 0;
    // The digest of the tables as they are now, while it is known (a refusal leaves them as they were).
    let known: string | null = null;
    for (const route of routes) {
      for (const row of FORMS[route.file] ?? []) {
        const cases: Array<[string, Body, Expect?]> = [];
        if ("json" in row) cases.push(...jsonCases(row.json(world), row.signed));
        else {
          const base = row.fields(world);
          for (const [name, value] of Object.entries(base)) {
            for (const [label, replacement] of fieldVariants(name, value)) {
              const fields = { ...base };
              delete fields[name];
              cases.push([`${name}: ${label}`, { kind: "form", fields: { ...fields, ...replacement } }]);
            }
          }
          cases.push(["junk[99999999]", { kind: "form", fields: { ...base, [`junk[${HUGE_INDEX}]`]: "1" } }]);
          cases.push(["__intent__ not JSON", { kind: "form", fields: { ...base, __intent__: "{" } }]);
        }
        cases.push([
          "truncated multipart",
          {
            kind: "raw",
            type: "multipart/form-data; boundary=B",
            body: '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nx',
          },
        ]);
        cases.push(["multipart without boundary", { kind: "raw", type: "multipart/form-data", body: "--B--\r\n" }]);
        cases.push(["JSON", { kind: "raw", type: "application/json", body: '{"intent":"x"}' }]);
        if ("json" in row && row.signed) {
          // Last, as it spends what it signs: accepted once, then a replay and a new start are refused.
          const valid: Body = { kind: "raw", type: "application/json", body: JSON.stringify(row.json(world)) };
          cases.push(["as signed", valid, "accepted"], ["replayed", valid, "refused"]);
          cases.push(["started again after", { kind: "raw", type: "application/json", body: "{}" }, "refused"]);
        }

        for (const [label, body, expected] of cases) {
          calls++;
          const before: string = known ?? (await digest());
          const { status, ms, error } = await send(route, row, body);
          const where = `${route.file} [${row.name}] ${label}`;
          known = null;
          if (error) problems.push(`${where}: threw ${String(error).slice(0, 200)}`);
          else if (status >= 500) problems.push(`${where}: ${status}`);
          else if (status >= 400) {
            known = await digest();
            if (known !== before) problems.push(`${where}: ${status} but wrote`);
          } else cookies.clear(); // a success may have signed someone in or out
          if (ms > 3_000) problems.push(`${where}: took ${Math.round(ms)} ms`);
          if (expected === "refused" && !error && status < 400) problems.push(`${where}: ${status}, not refused`);
          if (expected === "accepted" && (error || status >= 400)) problems.push(`${where}: ${status}, not accepted`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(1000);
  }, 300_000);
});
