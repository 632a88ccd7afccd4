/**
 * What each role sees of a pairing run, with names put back on the engine's ids (sign-up ids, project_host ids):
 * staff and the owning professor see the whole run; a student sees their own firm, teammates and explanation; a
 * host firm sees only the students placed with it, and only the fields the students consented to share.
 */
import { getDb } from "~/utils/db.server";
import { townLabel } from "~/utils/kita";
import { explain, getPublishedRun, getRun, hostsWithOwnRanking, summarize } from "./pairing.server";

/** A Kita City firm's postal address as written in Japan: 〒114-0002 東京都北区王子1丁目1番1号 */
export function firmAddress(firm: { postal_code: string; town: string; address: string }) {
  return `〒${firm.postal_code} 東京都北区${townLabel(firm.town, "ja")}${firm.address}`;
}

/** Names of a project's sign-ups and hosts, by engine id. */
async function namesOf(projectId: number) {
  const db = getDb();
  const [people, hosts] = await Promise.all([
    db
      .selectFrom("signup")
      .innerJoin("user", "user.id", "signup.student_id")
      .leftJoin("university", "university.id", "user.university_id")
      .select(["signup.id", "user.name", "university.name_ja as university_ja", "university.name_en as university_en"])
      .where("signup.project_id", "=", projectId)
      .execute(),
    db
      .selectFrom("project_host")
      .innerJoin("firm", "firm.id", "project_host.firm_id")
      .select(["project_host.id", "project_host.firm_id", "firm.name"])
      .where("project_host.project_id", "=", projectId)
      .execute(),
  ]);
  return {
    student: new Map(people.map((p) => [String(p.id), p])),
    host: new Map(hosts.map((h) => [String(h.id), h])),
  };
}

/** The rank the student gave their host (1 = first choice); null when unplaced or placed outside their ranking. */
function choiceOf(preferences: string[], hostId: string | null) {
  const k = hostId === null ? -1 : preferences.indexOf(hostId);
  return k < 0 ? null : k + 1;
}

/** Who placed a student outside their ranking: the role of the last override's author. */
function placedBy(overrides: Array<{ signup_id: number; actor_role: string | null }>, signupId: string) {
  const last = overrides.filter((o) => String(o.signup_id) === signupId).at(-1);
  return last?.actor_role === "professor" ? ("professor" as const) : ("staff" as const);
}

export type RunView = NonNullable<Awaited<ReturnType<typeof loadRunView>>>;

/** A run of this project as staff and the professor see it: who goes where, the figures, the moves, the blocking pairs. */
export async function loadRunView(projectId: number, runId: number) {
  const current = await getRun(runId);
  if (!current || current.run.project_id !== projectId) return null;
  const { run, instance, engine, final, overrides } = current;
  const [names, ownRanking, people] = await Promise.all([
    namesOf(projectId),
    hostsWithOwnRanking(projectId, runId),
    getDb()
      .selectFrom("user")
      .select(["id", "name"])
      .where("id", "in", [run.created_by, run.published_by ?? run.created_by])
      .execute(),
  ]);
  const nameOfUser = (id: number | null) => people.find((p) => p.id === id)?.name ?? null;
  const hostName = (id: string | null | undefined) => (id ? (names.host.get(id)?.name ?? id) : null);
  const studentName = (id: string) => names.student.get(id)?.name ?? id;
  const summary = summarize(instance, final);
  return {
    run: {
      id: run.id,
      seed: run.seed,
      createdAt: run.created_at,
      createdBy: nameOfUser(run.created_by),
      publishedAt: run.published_at,
      publishedBy: nameOfUser(run.published_by),
    },
    students: instance.students.map((s) => {
      const person = names.student.get(s.id);
      const got = final[s.id] ?? null;
      return {
        id: s.id,
        name: studentName(s.id),
        university_ja: person?.university_ja ?? null,
        university_en: person?.university_en ?? null,
        ranking: s.preferences.map((h) => hostName(h)!),
        hostId: got,
        host: hostName(got),
        choice: choiceOf(s.preferences, got),
        placedBy: got !== null && !s.preferences.includes(got) ? placedBy(overrides, s.id) : null,
        moved: got !== (engine[s.id] ?? null),
      };
    }),
    hosts: instance.hosts.map((h) => ({
      id: h.id,
      firmId: names.host.get(h.id)?.firm_id ?? null,
      name: hostName(h.id)!,
      capacity: h.capacity,
      assigned: h.capacity - summary.unusedCapacity[h.id],
      unused: summary.unusedCapacity[h.id],
      ownRanking: ownRanking.includes(h.id),
    })),
    byRank: summary.byRank,
    outsideRanking: summary.outsideRanking,
    unmatched: summary.unmatched.map(studentName),
    blocking: summary.blocking.map((b) => ({ student: studentName(b.student), host: hostName(b.host)! })),
    overrides: overrides.map((o) => ({
      id: o.id,
      student: studentName(String(o.signup_id)),
      host: hostName(o.host_id === null ? null : String(o.host_id)),
      reason: o.reason,
      actor: o.actor_name,
      createdAt: o.created_at,
    })),
  };
}

/**
 * A student's published result: their firm, teammates (names only), the rank they gave the firm, the seed, and for
 * each firm they ranked higher whether it was filled by students with higher priority there. Null before publication.
 */
export async function getStudentPairing(signupId: number, projectId: number) {
  const published = await getPublishedRun(projectId);
  if (!published) return null;
  const { run, instance, engine, final, overrides } = published;
  const id = String(signupId);
  const student = instance.students.find((s) => s.id === id);
  const names = await namesOf(projectId);
  const hostId = final[id] ?? null;
  const base = { seed: run.seed, publishedAt: run.published_at!, movedByStaff: hostId !== (engine[id] ?? null) };
  const why = student
    ? explain(instance, final, id).map((w) => ({
        firm: names.host.get(w.hostId)?.name ?? w.hostId,
        filledAhead: w.filledAhead,
      }))
    : [];
  if (!student || hostId === null) return { ...base, placement: null, explanation: why };
  const firm = await getDb()
    .selectFrom("project_host")
    .innerJoin("firm", "firm.id", "project_host.firm_id")
    .select([
      "firm.id",
      "firm.name",
      "firm.postal_code",
      "firm.town",
      "firm.address",
      "firm.products",
      "firm.is_public",
      "firm.hidden_at",
    ])
    .where("project_host.id", "=", Number(hostId))
    .executeTakeFirstOrThrow();
  const teammates = Object.entries(final)
    .filter(([s, h]) => h === hostId && s !== id)
    .map(([s]) => names.student.get(s)?.name ?? "")
    .filter(Boolean);
  return {
    ...base,
    placement: {
      firm: {
        id: firm.id,
        name: firm.name,
        address: firmAddress(firm),
        products: firm.products,
        listed: firm.is_public === 1 && firm.hidden_at === null,
      },
      teammates,
      choice: choiceOf(student.preferences, hostId),
      placedBy: student.preferences.includes(hostId) ? null : placedBy(overrides, id),
    },
    explanation: why,
  };
}

/** The accepted host of this firm in this project, with the project's state and seminar; undefined if none. */
export function findFirmHost(firmId: number | null, projectId: number) {
  return getDb()
    .selectFrom("project_host")
    .innerJoin("project", "project.id", "project_host.project_id")
    .select([
      "project_host.id",
      "project_host.capacity",
      "project.id as project_id",
      "project.title_ja",
      "project.title_en",
      "project.seminar_name",
      "project.state",
    ])
    .where("project_host.firm_id", "=", firmId ?? -1)
    .where("project_host.project_id", "=", projectId)
    .where("project_host.status", "=", "accepted")
    .executeTakeFirst();
}

/**
 * The students the published run placed with this host: name, university and email (the seminar is the project's),
 * nothing else, and only students who consented to sharing them with the firm they are paired with. Null before
 * publication.
 */
export async function listHostStudents(hostId: number, projectId: number) {
  const published = await getPublishedRun(projectId);
  if (!published) return null;
  const ids = Object.entries(published.final)
    .filter(([, h]) => h === String(hostId))
    .map(([s]) => Number(s));
  if (ids.length === 0) return [];
  return getDb()
    .selectFrom("signup")
    .innerJoin("user", "user.id", "signup.student_id")
    .leftJoin("university", "university.id", "user.university_id")
    .select([
      "signup.id",
      "user.name",
      "user.email",
      "university.name_ja as university_ja",
      "university.name_en as university_en",
    ])
    .where("signup.id", "in", ids)
    .where("signup.project_id", "=", projectId)
    .where("signup.consented_at", "is not", null)
    .orderBy("user.name_kana")
    .execute();
}

/** A firm's accepted hostings, newest project first, with whether a pairing has been published. */
export function listFirmHostings(firmId: number | null) {
  return getDb()
    .selectFrom("project_host")
    .innerJoin("project", "project.id", "project_host.project_id")
    .select((eb) => [
      "project_host.id",
      "project_host.capacity",
      "project.id as project_id",
      "project.title_ja",
      "project.title_en",
      "project.fiscal_year",
      "project.state",
      eb
        .selectFrom("host_ranking")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("host_ranking.host_id", "=", "project_host.id")
        .as("ranked"),
    ])
    .where("project_host.firm_id", "=", firmId ?? -1)
    .where("project_host.status", "=", "accepted")
    .orderBy("project.fiscal_year", "desc")
    .orderBy("project.id", "desc")
    .execute();
}
