// Who may use which route, generated from the route files themselves: every loader and action in app/routes is
// called by each of eight actors (anonymous, a student and another student, the project's professor and another
// university's professor, the host firm's user and another firm's user, staff) with ids that belong to the first
// project's people. Only the actors the table allows get through; everyone else is sent to sign in or refused with
// 403/404 (405 for a method an endpoint does not take), and a refusal never carries the data it protects. A route file without a row here fails the test.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, createWorld, type Actor, type World } from "../factories/world";
import { get, payload, post, statusOf } from "../setup/http";
import { listAppRoutes, type AppRoute } from "../setup/routes";

type Who = readonly Actor[] | "everyone" | "signedIn" | "nobody";

interface Row {
  loader?: Who;
  action?: Who;
  /** Which world value a URL param takes, when not the one of the same name. */
  params?: Record<string, keyof World["params"]>;
  /** The allowed loader answers with a redirect (to the right page), not a page. */
  redirects?: true;
}

const student = ["student", "otherStudent"] as const;
const professor = ["professor", "otherProfessor"] as const;
const firm = ["firm", "otherFirm"] as const;
const staffPage = { loader: ["staff"] } as const satisfies Row;
const staffForm = { loader: ["staff"], action: ["staff"] } as const satisfies Row;

/**
 * The access rules, per route file. "student", "professor", "firm" are the owners of the ids in the URL (the first
 * project's student, its professor, its host firm's user); the "other" actors own nothing there.
 */
const MATRIX: Record<string, Row> = {
  "$.tsx": { loader: "nobody", params: { "*": "unknownPath" } },
  // The issuer's keys, profile, badge image and revocation lists: what outside verifiers and wallets read.
  "[.]well-known.did[.]json.ts": { loader: "everyone" },
  "[.]well-known.jwks[.]json.ts": { loader: "everyone" },
  "_index.tsx": { loader: "everyone" },
  // No loader: the statement is built from files bundled with the route.
  "accessibility.tsx": {},
  "account.tsx": { loader: "signedIn", action: "signedIn" },
  "account_.calendar.tsx": { loader: "signedIn", action: "signedIn" },
  // Everyone's own data: what the download holds is always the signed-in user's.
  "account_.data[.]csv.ts": { loader: "signedIn" },
  "account_.data[.]json.ts": { loader: "signedIn" },
  "achievements.badge[.]png.ts": { loader: "everyone" },
  // The achievement a certificate names: public, like the project that has issued it.
  "achievements.interview-project.$projectId.tsx": { loader: "everyone" },
  "achievements.interview-project.$projectId_.achievement[.]json.ts": { loader: "everyone" },
  // The feed token is the credential: whoever holds the URL gets the feed, signed in or not.
  "calendar.$token[.]ics.ts": { loader: "everyone", params: { token: "calendarToken" } },
  "credentials.status.$listId.ts": { loader: "everyone" },
  "did[.]json.ts": { loader: "everyone" },
  "events.$eventId.tsx": { loader: "everyone" },
  "events._index.tsx": { loader: "everyone" },
  "firm._index.tsx": { loader: firm },
  "firm.interviews.$hostId.tsx": { loader: ["firm"], action: ["firm"] },
  "firm.interviews._index.tsx": { loader: firm },
  "firm.invitations.$hostId.tsx": { loader: ["firm"], action: ["firm"] },
  "firm.invitations._index.tsx": { loader: firm },
  "firm.profile.tsx": { loader: firm, action: firm },
  "firm.projects.$projectId.ranking.tsx": { loader: ["firm"], action: ["firm"] },
  "firm.projects.$projectId.students.tsx": { loader: ["firm"] },
  "firm.projects._index.tsx": { loader: firm },
  "firms.$firmId.tsx": { loader: "everyone" },
  "firms._index.tsx": { loader: "everyone" },
  // Forgotten passwords: asked for signed in or not (the answer is always the same); the mailed link is the credential.
  "forgot-password.tsx": { loader: "everyone", action: "everyone" },
  "healthz.ts": { loader: "everyone" },
  // The signed link is the credential of a firm contact without an account.
  // The host page's signed link is the credential (a host without an account): whoever holds it, signed in or not.
  "host.$token.tsx": { loader: "everyone", action: "everyone", params: { token: "hostPageToken" } },
  "host-response.$token.tsx": { loader: "everyone", action: "everyone", params: { token: "hostLinkToken" } },
  "host-response.thanks.tsx": { loader: "everyone" },
  "interviews.$slotId[.]ics.ts": { loader: ["student", "professor", "firm", "staff"] },
  "invitations.$token.tsx": { loader: "everyone", action: "everyone", params: { token: "invitationToken" } },
  "issuer.tsx": { loader: "everyone" },
  "issuer_.keys.$kid.ts": { loader: "everyone" },
  "issuer_.profile[.]json.ts": { loader: "everyone" },
  "locale.tsx": { loader: "nobody", action: "everyone" },
  "login.tsx": { loader: ["anonymous"], action: "everyone" },
  "logout.tsx": { loader: "nobody", action: "everyone" },
  "open-data.$dataset[.]csv.ts": { loader: "everyone", params: { dataset: "openDataset" } },
  "open-data._index.tsx": { loader: "everyone" },
  "partners.tsx": { loader: "everyone" },
  "privacy.tsx": { loader: "everyone" },
  "previews.$.ts": { loader: "everyone", params: { "*": "previewPath" } },
  "professor._index.tsx": { loader: professor },
  "professor.events.tsx": { loader: professor, action: professor },
  "professor.projects.$projectId._index.tsx": { loader: ["professor"], action: ["professor"] },
  "professor.projects.$projectId.edit.tsx": {
    loader: ["professor"],
    action: ["professor"],
    params: { projectId: "draftProjectId" },
  },
  "professor.projects.$projectId.hosts.tsx": { loader: ["professor"], action: ["professor"] },
  "professor.projects.$projectId.interviews.tsx": { loader: ["professor"], action: ["professor"] },
  "professor.projects.$projectId.pairing.tsx": { loader: ["professor"], action: ["professor"] },
  "professor.projects.$projectId.signups[.]csv.ts": { loader: ["professor", "staff"] },
  "professor.projects._index.tsx": { loader: professor },
  "professor.projects.new.tsx": { loader: professor, action: professor },
  "projects.$projectId.tsx": { loader: "everyone" },
  "projects._index.tsx": { loader: "everyone" },
  // Readiness is for the reverse proxy and the monitor: it names no person and no secret.
  "readyz.ts": { loader: "everyone" },
  "register.tsx": { loader: ["anonymous"], action: ["anonymous"] },
  "robots[.]txt.ts": { loader: "everyone" },
  "sitemap[.]xml.ts": { loader: "everyone" },
  "sitemaps.$part[.]xml.ts": { loader: "everyone", params: { part: "sitemapPart" } },
  "register_.confirm.$token.tsx": { loader: "everyone", action: "everyone", params: { token: "registrationToken" } },
  "reset-password.$token.tsx": { loader: "everyone", action: "everyone", params: { token: "resetToken" } },
  "staff._index.tsx": staffPage,
  "staff.agreements.$agreementId._index.tsx": staffForm,
  "staff.agreements.$agreementId.documents.$documentId.tsx": staffPage,
  "staff.agreements.$agreementId.edit.tsx": staffForm,
  "staff.agreements._index.tsx": staffPage,
  "staff.agreements.new.tsx": staffForm,
  "staff.certificates.$certificateId.tsx": staffForm,
  "staff.events.$eventId._index.tsx": staffForm,
  "staff.events.$eventId.attendance.tsx": staffForm,
  "staff.events.$eventId.certificates.tsx": staffForm,
  "staff.events.$eventId.edit.tsx": staffForm,
  "staff.events._index.tsx": staffPage,
  "staff.events.new.tsx": staffForm,
  "staff.firms.$firmId._index.tsx": staffForm,
  "staff.firms.$firmId.edit.tsx": staffForm,
  "staff.firms._index.tsx": staffPage,
  "staff.firms.export.ts": staffPage,
  "staff.firms.import.tsx": staffForm,
  "staff.firms.new.tsx": staffForm,
  "staff.mailbox.tsx": staffForm,
  "staff.projects.$projectId._index.tsx": staffForm,
  "staff.projects.$projectId.hosts.tsx": staffForm,
  "staff.projects.$projectId.interviews.tsx": staffForm,
  "staff.projects.$projectId.interviews_.$hostId.tsx": staffForm,
  "staff.interviews.tsx": staffForm,
  "staff.projects.$projectId.pairing.$runId._index.tsx": staffForm,
  "staff.projects.$projectId.pairing.$runId.instance[.]json.ts": staffPage,
  "staff.projects.$projectId.pairing.$runId.result[.]json.ts": staffPage,
  "staff.projects.$projectId.pairing._index.tsx": staffForm,
  "staff.projects._index.tsx": staffPage,
  "staff.privacy-requests.tsx": staffForm,
  "staff.privacy-register.tsx": staffPage,
  "staff.privacy-register.$fiscalYear[.]csv.ts": staffPage,
  "staff.reports.$fiscalYear.tsx": staffPage,
  "staff.reports.$fiscalYear[.]csv.ts": staffPage,
  "staff.reports._index.tsx": { ...staffPage, redirects: true },
  "staff.universities.$universityId.tsx": staffForm,
  "staff.universities._index.tsx": staffForm,
  "staff.users.tsx": staffForm,
  "staff.users_.$userId.erase.tsx": { ...staffForm, params: { userId: "spareStudentId" } },
  "student._index.tsx": { loader: student },
  // "Add to wallet" names the certificate in the form; the model starts exchanges for the student's own only.
  "student.certificates.tsx": { loader: student, action: student },
  "student.interviews.tsx": { loader: student, action: student },
  "student.join.tsx": { loader: student, action: student },
  "student.projects.$projectId.pairing.tsx": { loader: ["student"] },
  // The project is public (paired): any student may read its page; only the signed-up student has a ranking.
  "student.projects.$projectId.signup.tsx": { loader: student, action: student },
  "verify.$certificateId.tsx": { loader: "everyone" },
  "verify.$certificateId_.badge[.]png.ts": { loader: "everyone" },
  "verify.$certificateId_.certificate[.]pdf.ts": { loader: "everyone" },
  "verify.$certificateId_.credential[.]json.ts": { loader: "everyone" },
  "verify.$certificateId_.credential[.]jwt.ts": { loader: "everyone" },
  // A wallet exchange's token is its credential (like the calendar feed's): the page it opens names no person, the
  // wallet is signed in nowhere. The exchange URL takes POSTs only (a GET is a 405); a form body is a JSON 400.
  "wallet.add.$token.tsx": { loader: "everyone", params: { token: "walletToken" } },
  "wallet.exchanges.$token.ts": { loader: "nobody", action: "everyone", params: { token: "walletToken" } },
  "wallet.interactions.$token.ts": { loader: "everyone", params: { token: "walletToken" } },
};

function allows(who: Who | undefined, actor: Actor) {
  if (who === "everyone") return true;
  if (who === "signedIn") return actor !== "anonymous";
  if (who === "nobody" || who === undefined) return false;
  return who.includes(actor);
}

/** The answer's body as text, whatever shape the handler gave it. */
async function bodyText(result: unknown): Promise<string> {
  if (result instanceof Response) return result.bodyUsed ? "" : await result.clone().text();
  return JSON.stringify(payload(result)) ?? "";
}

const HOMES = ["/", "/student", "/professor", "/firm", "/staff"];

let world: World;
let routes: AppRoute[];

beforeAll(async () => {
  world = await createWorld();
  routes = await listAppRoutes();
}, 60_000);

async function call(route: AppRoute, kind: "loader" | "action", actor: Actor) {
  const row = MATRIX[route.file];
  const params = Object.fromEntries(
    route.params.map((p) => {
      const key = (row.params?.[p] ?? p) as keyof World["params"];
      if (!(key in world.params)) throw new Error(`${route.file}: no world value for the param ${p}`);
      return [p, world.params[key]];
    }),
  );
  const cookie = await world.cookieFor(actor);
  const path = route.path(params);
  const request = kind === "loader" ? get(path, { cookie }) : post(path, {}, { cookie });
  try {
    return await route[kind]!({ request, params, context: {} });
  } catch (error) {
    if (error instanceof Response) return error;
    throw new Error(`${route.file} ${kind} as ${actor} threw ${String(error)}`);
  }
}

describe("the authorization matrix", () => {
  it("has a row for every route file and an entry for every loader and action, and no row without a file", () => {
    const files = routes.map((r) => r.file);
    expect(
      files.filter((f) => !(f in MATRIX)),
      "route files without a row",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((f) => !files.includes(f)),
      "rows without a route file",
    ).toEqual([]);
    for (const route of routes) {
      const row = MATRIX[route.file];
      expect(Boolean(route.loader), `${route.file}: loader row`).toBe(row.loader !== undefined);
      expect(Boolean(route.action), `${route.file}: action row`).toBe(row.action !== undefined);
    }
  });

  // Loaders first: actions posted with an empty form may change what a loader would show (an empty profile form
  // unlists the firm), never who may see it.
  for (const kind of ["loader", "action"] as const) {
    it(`lets in only the actors the table allows (${kind}s), and refusals carry no data`, async () => {
      const problems: string[] = [];
      for (const route of routes) {
        const row = MATRIX[route.file];
        // A route without a row fails the test above.
        if (!route[kind] || !row) continue;
        for (const actor of ACTORS) {
          const result = await call(route, kind, actor);
          const status = statusOf(result);
          const location = result instanceof Response ? (result.headers.get("Location") ?? "") : "";
          const where = `${route.file} ${kind} as ${actor}: ${status}${location ? ` → ${location}` : ""}`;
          const toLogin = status >= 300 && status < 400 && location.startsWith("/login?redirectTo=");
          if (allows(row[kind], actor)) {
            const ok =
              kind === "loader"
                ? row.redirects
                  ? status >= 300 && status < 400 && !toLogin
                  : status >= 200 && status < 300
                : status < 500 && ![401, 403, 404].includes(status) && !toLogin;
            if (!ok) problems.push(`${where} (should be let in)`);
            continue;
          }
          const refused =
            [403, 404, 405, 410].includes(status) ||
            (status >= 300 &&
              status < 400 &&
              (actor === "anonymous" ? toLogin || HOMES.includes(location) : HOMES.includes(location)));
          if (!refused) problems.push(`${where} (should be refused)`);
          const body = await bodyText(result);
          for (const secret of world.secrets) if (body.includes(secret)) problems.push(`${where} shows ${secret}`);
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
