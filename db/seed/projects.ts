/**
 * Projects (projects feature): the story the demo tells, with each project's lifecycle events, host firms and
 * sign-ups.
 * 1. FY2025: the Toyo marketing seminar's interviews, completed (the collaboration that started the programme).
 * 2. FY2026: the same seminar's new project, open for sign-up from 2026-11-01 to the end of 2027-01-11 (Tokyo), the
 *    day before its interviews start (issue 12: sign-up closes before interviews); join code MKTG-2627. Four firms host, one request is
 *    unanswered, one declined; four students have signed up, so student@toyo.example can still sign up.
 * 3. A Teikyo project waiting for review.  4. A Tokyo Kasei draft.
 * Direct inserts with fixed timestamps keep the seed fast and deterministic.
 */
import type { Insertable, Transaction } from "kysely";
import { CONSENT_VERSION } from "../../app/projects/signup";
import type { Database, HostStatus, ProjectState, ProjectTable } from "../schema";
import { fail, STAFF, TOYO_PROF } from "./common";
import type { UniversitySlug } from "./universities";

type DemoEvent = readonly [
  action: string,
  from: ProjectState,
  to: ProjectState,
  actor: string,
  at: string,
  comment?: string,
];
type DemoHost = readonly [firmIndex: number, status: HostStatus, invitedAt: string, respondedAt: string | null];
type DemoSignup = readonly [student: string, at: string, motivation: string, ranking: readonly number[]]; // firm indexes

interface DemoProject {
  professor: string;
  university: UniversitySlug;
  project: Omit<
    Insertable<ProjectTable>,
    "professor_id" | "university_id" | "agreement_id" | "created_at" | "updated_at"
  >;
  createdAt: string;
  events: readonly DemoEvent[];
  hosts: readonly DemoHost[];
  hostCapacity: number;
  signups: readonly DemoSignup[];
}

const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    professor: TOYO_PROF,
    university: "toyo",
    createdAt: "2025-04-15T01:00:00.000Z",
    project: {
      title_ja: "北区の新製品はどこで売られているか：ものづくり企業の取材（2025年度）",
      title_en: "Where are Kita City's new products sold? Interviewing manufacturers (FY2025)",
      summary_ja:
        "新製品を開発した北区のものづくり企業を訪ね、製品の特徴と開発の経緯を取材します。取材後、その製品を誰がどこで販売しているかを調べ、区のイベントで発表します。",
      summary_en:
        "Students visit Kita City manufacturers that have developed a new product, interview them about it, research who sells it and where, and present their findings at a city event.",
      seminar_name: "マーケティングゼミ",
      theme: "新製品の販路調査",
      firm_industries: JSON.stringify(["precision", "machinery", "metal_products"]),
      new_product_focus: 1,
      fiscal_year: 2025,
      student_capacity: 8,
      team_size: 2,
      signup_opens_at: "2025-05-31T15:00:00.000Z",
      signup_closes_at: "2025-06-30T15:00:00.000Z",
      interview_from: "2025-09-16",
      interview_until: "2025-10-31",
      presentation_on: "2026-02-14",
      state: "completed",
      join_code: "MKTG-2526",
    },
    events: [
      ["submit", "draft", "submitted", TOYO_PROF, "2025-04-20T01:00:00.000Z"],
      [
        "approve",
        "submitted",
        "approved",
        STAFF,
        "2025-04-25T02:00:00.000Z",
        "区内企業の新製品を学生が取材する、協定の趣旨に沿った企画です。受け入れ企業には区から依頼します。",
      ],
      ["open", "approved", "open", TOYO_PROF, "2025-06-01T00:00:00.000Z"],
      ["close", "open", "closed", TOYO_PROF, "2025-07-01T00:00:00.000Z"],
      ["publish_pairing", "closed", "paired", STAFF, "2025-07-10T01:00:00.000Z"],
      ["start_interviews", "paired", "interviewing", TOYO_PROF, "2025-09-16T00:00:00.000Z"],
      ["mark_presented", "interviewing", "presented", STAFF, "2026-02-14T08:00:00.000Z"],
      ["complete", "presented", "completed", STAFF, "2026-03-06T01:00:00.000Z"],
    ],
    hostCapacity: 2,
    hosts: [
      [0, "accepted", "2025-05-01T01:00:00.000Z", "2025-05-08T02:00:00.000Z"],
      [1, "accepted", "2025-05-01T01:00:00.000Z", "2025-05-09T05:00:00.000Z"],
      [2, "accepted", "2025-05-01T01:00:00.000Z", "2025-05-12T00:30:00.000Z"],
    ],
    signups: [
      [
        "student@toyo.example",
        "2025-06-02T03:00:00.000Z",
        "新製品が生まれる現場を見て、販路の作り方を学びたいです。",
        [0, 2, 1],
      ],
      [
        "s01@toyo.example",
        "2025-06-03T05:00:00.000Z",
        "精密加工の技術がどのように新しい製品につながるのかを知りたいです。",
        [0, 1, 2],
      ],
      [
        "s02@toyo.example",
        "2025-06-05T09:30:00.000Z",
        "地元の企業がどのようにお客様を見つけているのかに関心があります。",
        [1, 0, 2],
      ],
      [
        "s03@toyo.example",
        "2025-06-10T11:00:00.000Z",
        "卒業研究のテーマである中小企業の販路開拓について、現場の話を聞きたいです。",
        [2, 0, 1],
      ],
    ],
  },
  {
    professor: TOYO_PROF,
    university: "toyo",
    createdAt: "2026-09-01T01:00:00.000Z",
    project: {
      title_ja: "北区ものづくり企業の新製品、その届け先を探る（2026年度）",
      title_en: "Who buys Kita City's new products? Interviewing local manufacturers (FY2026)",
      summary_ja:
        "昨年度に続き、新製品を開発した区内企業を3人1組で訪ね、開発の経緯と販路を取材します。取材結果をもとに販路の提案をまとめ、区のイベントで発表します。",
      summary_en:
        "Following last year's project, teams of three visit Kita City firms that have developed a new product, learn how it was developed and sold, and present proposals for new sales channels at a city event.",
      seminar_name: "マーケティングゼミ",
      theme: "新製品の販路と顧客の調査",
      firm_industries: JSON.stringify(["precision", "machinery", "metal_products", "printing"]),
      new_product_focus: 1,
      fiscal_year: 2026,
      student_capacity: 12,
      team_size: 3,
      signup_opens_at: "2026-10-31T15:00:00.000Z",
      signup_closes_at: "2027-01-11T15:00:00.000Z",
      interview_from: "2027-01-12",
      interview_until: "2027-02-26",
      presentation_on: "2027-03-13",
      state: "open",
      join_code: "MKTG-2627",
    },
    events: [
      ["submit", "draft", "submitted", TOYO_PROF, "2026-09-10T01:00:00.000Z"],
      [
        "approve",
        "submitted",
        "approved",
        STAFF,
        "2026-09-17T02:00:00.000Z",
        "昨年度の成果を踏まえた継続企画として承認します。",
      ],
      ["open", "approved", "open", TOYO_PROF, "2026-11-01T00:00:00.000Z"],
    ],
    hostCapacity: 3,
    hosts: [
      [0, "accepted", "2026-09-20T01:00:00.000Z", "2026-09-24T02:00:00.000Z"],
      [1, "accepted", "2026-09-20T01:00:00.000Z", "2026-09-25T06:00:00.000Z"],
      [2, "accepted", "2026-09-20T01:00:00.000Z", "2026-09-28T01:30:00.000Z"],
      [3, "accepted", "2026-09-20T01:00:00.000Z", "2026-09-30T04:00:00.000Z"],
      [4, "invited", "2026-10-05T01:00:00.000Z", null],
      [5, "declined", "2026-10-05T01:00:00.000Z", "2026-10-08T03:00:00.000Z"],
    ],
    signups: [
      [
        "s01@toyo.example",
        "2026-11-02T03:15:00.000Z",
        "昨年度の発表を聞き、自分も企業を取材したいと思いました。",
        [0, 1, 3, 2],
      ],
      [
        "s02@toyo.example",
        "2026-11-04T08:40:00.000Z",
        "新製品を誰に届けるかを、企業の方と一緒に考えたいです。",
        [1, 0, 2, 3],
      ],
      [
        "s04@toyo.example",
        "2026-11-10T10:05:00.000Z",
        "印刷やものづくりの現場を見て、マーケティングの授業で学んだことを試したいです。",
        [3, 0, 1, 2],
      ],
      [
        "s05@toyo.example",
        "2026-11-18T12:20:00.000Z",
        "地元北区の企業の魅力を、学生の視点で発信したいです。",
        [0, 3, 2, 1],
      ],
    ],
  },
  {
    professor: "professor@teikyo.example",
    university: "teikyo",
    createdAt: "2026-11-12T02:00:00.000Z",
    project: {
      title_ja: "赤羽・十条の食品メーカーに学ぶ地域ブランドづくり",
      title_en: "Building a local brand: learning from food makers in Akabane and Jujo",
      summary_ja:
        "区内の食品メーカーを訪ね、地域に根ざした商品づくりと売り方を取材し、北区の地域ブランドの提案にまとめます。",
      summary_en: null,
      seminar_name: "地域経済ゼミ",
      theme: "地域ブランドと商品開発",
      firm_industries: JSON.stringify(["food"]),
      new_product_focus: 0,
      fiscal_year: 2026,
      student_capacity: 9,
      team_size: 3,
      signup_opens_at: "2026-11-30T15:00:00.000Z",
      signup_closes_at: "2027-01-15T15:00:00.000Z",
      interview_from: "2027-02-01",
      interview_until: "2027-02-19",
      presentation_on: "2027-03-13",
      state: "submitted",
      join_code: "TKYD-2627",
    },
    events: [["submit", "draft", "submitted", "professor@teikyo.example", "2026-11-20T02:00:00.000Z"]],
    hostCapacity: 0,
    hosts: [],
    signups: [],
  },
  {
    professor: "professor@tokyo-kasei.example",
    university: "tokyo-kasei",
    createdAt: "2026-11-18T05:00:00.000Z",
    project: {
      title_ja: "北区の繊維・衣服メーカーを訪ねる：ものづくりと暮らし",
      title_en: null,
      summary_ja: "区内で衣服や繊維製品をつくる企業を訪ね、技術と担い手について取材します。",
      summary_en: null,
      seminar_name: "生活デザインゼミ",
      theme: "衣服づくりの技術と担い手",
      firm_industries: JSON.stringify(["textiles"]),
      new_product_focus: 0,
      fiscal_year: 2026,
      student_capacity: 6,
      team_size: 2,
      signup_opens_at: "2027-01-07T15:00:00.000Z",
      signup_closes_at: "2027-01-31T15:00:00.000Z",
      interview_from: "2027-02-08",
      interview_until: "2027-02-26",
      presentation_on: "2027-03-13",
      state: "draft",
      join_code: "KSEY-2627",
    },
    events: [],
    hostCapacity: 0,
    hosts: [],
    signups: [],
  },
];

export async function seedProjects(trx: Transaction<Database>, firmCorporateNumbers: readonly string[]) {
  const users = await trx.selectFrom("user").select(["id", "email", "firm_id"]).execute();
  const userId = (email: string) => users.find((u) => u.email === email)?.id ?? fail(`user ${email}`);
  const firmRows = await trx
    .selectFrom("firm")
    .select(["id", "corporate_number"])
    .where("corporate_number", "in", firmCorporateNumbers)
    .execute();
  const firmId = (index: number) =>
    firmRows.find((f) => f.corporate_number === firmCorporateNumbers[index])?.id ?? fail(`firm #${index}`);
  const agreements = await trx
    .selectFrom("agreement")
    .select(["id", "university_id"])
    .where("kind", "=", "comprehensive")
    .execute();
  const universities = await trx.selectFrom("university").select(["id", "slug"]).execute();

  for (const demo of DEMO_PROJECTS) {
    const universityId =
      universities.find((u) => u.slug === demo.university)?.id ?? fail(`university ${demo.university}`);
    const updatedAt = demo.events.at(-1)?.[4] ?? demo.createdAt;
    const { id: projectId } = await trx
      .insertInto("project")
      .values({
        ...demo.project,
        professor_id: userId(demo.professor),
        university_id: universityId,
        agreement_id:
          agreements.find((a) => a.university_id === universityId)?.id ?? fail(`agreement of ${demo.university}`),
        created_at: demo.createdAt,
        updated_at: updatedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (demo.events.length) {
      await trx
        .insertInto("project_event")
        .values(
          demo.events.map(([action, from, to, actor, at, comment]) => ({
            project_id: projectId,
            actor_id: userId(actor),
            action,
            from_state: from,
            to_state: to,
            comment: comment ?? null,
            created_at: at,
          })),
        )
        .execute();
    }
    const hostIds = new Map<number, number>();
    for (const [index, status, invitedAt, respondedAt] of demo.hosts) {
      const firm = firmId(index);
      const { id } = await trx
        .insertInto("project_host")
        .values({
          project_id: projectId,
          firm_id: firm,
          status,
          capacity: status === "accepted" ? demo.hostCapacity : null,
          invited_by: userId(STAFF),
          invited_at: invitedAt,
          responded_at: respondedAt,
          responded_by: respondedAt ? (users.find((u) => u.firm_id === firm)?.id ?? null) : null,
          created_at: invitedAt,
          updated_at: respondedAt ?? invitedAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      hostIds.set(index, id);
    }
    for (const [student, at, motivation, ranking] of demo.signups) {
      const { id: signupId } = await trx
        .insertInto("signup")
        .values({
          project_id: projectId,
          student_id: userId(student),
          motivation,
          consented_at: at,
          consent_version: CONSENT_VERSION,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("signup_preference")
        .values(
          ranking.map((index, i) => ({
            signup_id: signupId,
            host_id: hostIds.get(index) ?? fail(`host #${index}`),
            rank: i + 1,
          })),
        )
        .execute();
    }
  }
}
