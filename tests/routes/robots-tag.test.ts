// `X-Robots-Tag: noindex` from the Express edge on every response of a staff, account, token or verification path
// (pages, files and static assets alike), and on nothing public; and every route file is either public or under
// one of those paths, so a new private area cannot be indexed by omission.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNoindexPath } from "~/seo/indexing";
import { createApp } from "../../server/app.js";
import { listen, rawRequest } from "../setup/raw-http";
import { listAppRoutes } from "../setup/routes";

let server: { port: number; close: () => Promise<void> };
beforeAll(async () => {
  server = await listen(createApp({ env: {}, handler: (_req, res) => void res.type("text/plain").send("ok") }));
});
afterAll(() => server.close());

const head = (path: string) => `GET ${path} HTTP/1.1\r\nHost: kita.example\r\nConnection: close`;

describe("X-Robots-Tag", () => {
  it("says noindex on the private paths, whatever the answer", async () => {
    for (const path of [
      "/staff",
      "/staff/firms/1",
      "/firm/profile",
      "/account/calendar",
      "/login?redirectTo=%2Fstaff",
      "/register",
      "/invitations/abc",
      "/host-response/abc",
      "/calendar/abc.ics",
      "/verify/ABC",
      "/verify/ABC/certificate.pdf",
      "/wallet/add/abc",
      "/.well-known/jwks.json",
    ]) {
      const res = await rawRequest(server.port, head(path));
      expect(res.headers["x-robots-tag"], path).toBe("noindex");
    }
  });

  it("says nothing on public pages, files and static assets", async () => {
    for (const path of [
      "/",
      "/firms",
      "/firms/1?lng=en",
      "/events/1",
      "/open-data/firms.csv",
      "/sitemap.xml",
      "/favicon.svg",
    ]) {
      const res = await rawRequest(server.port, head(path));
      expect(res.status, path).toBe(200);
      expect(res.headers["x-robots-tag"], path).toBeUndefined();
    }
  });
});

/** The first segments of the pages meant for search engines (and the files that serve them). */
const PUBLIC_SEGMENTS = [
  "",
  "firms",
  "projects",
  "events",
  "partners",
  "open-data",
  "privacy",
  "accessibility",
  "robots.txt",
  "sitemap.xml",
  "sitemaps",
  "previews",
];

describe("every route file", () => {
  it("is public or under a noindex path", async () => {
    const unclassified: string[] = [];
    for (const route of await listAppRoutes()) {
      if (route.file === "$.tsx") continue; // the 404 page for unknown paths
      const path = route.path({});
      const first = path.split("/")[1] ?? "";
      if (!isNoindexPath(path) && !PUBLIC_SEGMENTS.includes(first)) unclassified.push(`${route.file} (${path})`);
    }
    expect(unclassified).toEqual([]);
  });
});
