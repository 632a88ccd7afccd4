/**
 * Events (events feature). The FY2025 project (MKTG-2526) ends with the city's presentation day at Hokutopia on
 * 2026-02-14: one slot per team (the students the published pairing gave each host, see ./pairing.ts), titles
 * confirmed by the professor, every presentation given and every student present. The FY2026 presentation day
 * (2027-03-13) has no programme yet.
 */
import type { Transaction } from "kysely";
import type { Database } from "../schema";
import { STAFF, TOYO_PROF } from "./common";
import type { Fy2025Teams } from "./pairing";

const HOKUTOPIA = {
  venue_ja: "北とぴあ（東京都北区王子1-11-1）",
  venue_en: "Hokutopia (1-11-1 Oji, Kita City, Tokyo)",
};

const DEMO_EVENTS = [
  {
    title_ja: "北区産学連携研究発表会 2026",
    title_en: "Kita City Industry–Academia Presentation Day 2026",
    starts_at: "2026-02-14T05:00:00.000Z", // 14:00 JST
    ends_at: "2026-02-14T08:00:00.000Z", // 17:00 JST
    ...HOKUTOPIA,
    description_ja:
      "区内のものづくり企業を取材した大学ゼミの学生が、新製品の特徴と販路について調べた成果を発表します。どなたでもご来場いただけます（入場無料・申込不要）。",
    description_en:
      "University seminar students who interviewed Kita City manufacturers present what they found out about the firms' new products and where they are sold. Everyone is welcome (free, no registration).",
    created_at: "2025-12-10T01:00:00.000Z",
  },
  {
    title_ja: "北区産学連携研究発表会 2027",
    title_en: "Kita City Industry–Academia Presentation Day 2027",
    starts_at: "2027-03-13T05:00:00.000Z",
    ends_at: "2027-03-13T08:00:00.000Z",
    ...HOKUTOPIA,
    description_ja: "2026年度の取材企画に参加した学生が研究成果を発表します。プログラムは決まり次第お知らせします。",
    description_en:
      "Students of the FY2026 interview projects present their research. The programme will be announced.",
    created_at: "2026-11-20T01:00:00.000Z",
  },
] as const;

/** The FY2025 teams' research titles, in the order of the project's hosts (firm #0, #1, #2). */
const FY2025_TITLES: readonly (readonly [ja: string, en: string])[] = [
  [
    "精密切削から医療機器部品へ：町工場の新製品はどこで売られているか",
    "From precision machining to medical parts: where a small factory's new product is sold",
  ],
  [
    "展示会からネット通販へ：区内企業の新製品が買い手に届くまで",
    "From trade fairs to online shops: how a Kita City firm's new product reaches its buyers",
  ],
  [
    "地域の技術を暮らしの商品に：新製品と小売店の関係を探る",
    "Local know-how in everyday goods: a new product and the shops that sell it",
  ],
];

export async function seedEvents(trx: Transaction<Database>, { projectId, hosts, teamOf }: Fy2025Teams) {
  const staffId = (await trx.selectFrom("user").select("id").where("email", "=", STAFF).executeTakeFirstOrThrow()).id;
  const professorId = (
    await trx.selectFrom("user").select("id").where("email", "=", TOYO_PROF).executeTakeFirstOrThrow()
  ).id;

  const eventIds: number[] = [];
  for (const e of DEMO_EVENTS) {
    const { id } = await trx
      .insertInto("event")
      .values({ ...e, created_by: staffId, updated_at: e.created_at })
      .returning("id")
      .executeTakeFirstOrThrow();
    eventIds.push(id);
  }

  // Slots every 30 minutes from 14:10 JST; each given 20 minutes after it starts.
  const at = (minutes: number) => new Date(Date.parse(DEMO_EVENTS[0].starts_at) + minutes * 60_000).toISOString();
  const teams = hosts
    .map((h, i) => ({ hostId: h.id, title: FY2025_TITLES[i], students: teamOf(h.id) }))
    .filter((t) => t.students.length && t.title);
  await trx
    .insertInto("presentation")
    .values(
      teams.map((team, i) => ({
        event_id: eventIds[0],
        project_id: projectId,
        host_id: team.hostId,
        position: i + 1,
        starts_at: at(10 + 30 * i),
        title_ja: team.title[0],
        title_en: team.title[1],
        confirmed_at: "2026-02-06T03:00:00.000Z",
        confirmed_by: professorId,
        given_at: at(30 + 30 * i),
        given_by: staffId,
        created_at: "2026-01-20T02:00:00.000Z",
      })),
    )
    .execute();
  await trx
    .insertInto("attendance")
    .values(
      teams
        .flatMap((t) => t.students)
        .map((studentId, i) => ({
          event_id: eventIds[0],
          student_id: studentId,
          present_at: at(-20 + i),
          marked_by: staffId,
        })),
    )
    .execute();
}

/** The students present at the FY2025 presentation day, as certificate requests (what interviews and certificates build on). */
export async function fy2025Attendance(trx: Transaction<Database>) {
  const projectId = (
    await trx.selectFrom("project").select("id").where("join_code", "=", "MKTG-2526").executeTakeFirstOrThrow()
  ).id;
  const event = await trx
    .selectFrom("event")
    .select("id")
    .where("title_ja", "=", DEMO_EVENTS[0].title_ja)
    .executeTakeFirstOrThrow();
  const present = await trx
    .selectFrom("attendance")
    .select("student_id")
    .where("event_id", "=", event.id)
    .orderBy("student_id")
    .execute();
  return { projectId, requests: present.map((p) => ({ studentId: p.student_id, projectId, eventId: event.id })) };
}
