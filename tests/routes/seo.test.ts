// Search engines: robots.txt, the sitemap (every listed firm, no hidden or unlisted one, lastmod from the data), each
// public page's head (a unique title and description in both languages, canonical and hreflang from PUBLIC_URL, Open
// Graph and Twitter cards, JSON-LD with the required properties), the language addressed by `?lng=`, the noindex
// rules, and the preview images — through the real loaders and meta functions on the demo data.
import type { MetaDescriptor } from "@remix-run/node";
import { XMLParser } from "fast-xml-parser";
import robotsParser from "robots-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { hideFirm } from "~/models/firm.server";
import { setUserLocale } from "~/models/user.server";
import { loader as rootLoader } from "~/root";
import * as home from "~/routes/_index";
import * as accessibility from "~/routes/accessibility";
import * as eventPage from "~/routes/events.$eventId";
import * as events from "~/routes/events._index";
import * as firmPage from "~/routes/firms.$firmId";
import * as firms from "~/routes/firms._index";
import * as openData from "~/routes/open-data._index";
import * as partners from "~/routes/partners";
import { loader as previewLoader } from "~/routes/previews.$";
import * as privacy from "~/routes/privacy";
import * as projectPage from "~/routes/projects.$projectId";
import * as projects from "~/routes/projects._index";
import { loader as robotsLoader } from "~/routes/robots[.]txt";
import { loader as sitemapLoader } from "~/routes/sitemap[.]xml";
import { loader as sitemapPartLoader } from "~/routes/sitemaps.$part[.]xml";
import { isNoindexPath } from "~/seo/indexing";
import { getDb } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { localeCookie } from "~/utils/i18n.server";
import { seedDemoData } from "../../db/seed";
import { createTestFirm } from "../factories/firm";
import { callLoader } from "../setup/call";
import { createUser, payload, settle, signIn, statusOf } from "../setup/http";

const origin = () => config().publicUrl;

let hiddenFirm: number;
let unlistedFirm: number;
let plainFirm: number;

beforeAll(async () => {
  await seedDemoData(getDb());
  const staff = await createUser("staff");
  hiddenFirm = await createTestFirm({ name: "株式会社隠れ工業" });
  await hideFirm(hiddenFirm, "掲載停止の依頼", staff.id);
  unlistedFirm = await createTestFirm({ name: "株式会社非掲載製作所", is_public: false });
  plainFirm = await createTestFirm({ name: "株式会社電話なし", products: "", phone: null, website: null });
}, 60_000);

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

async function text(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  return (result as Response).text();
}

interface SitemapUrl {
  loc: string;
  lastmod?: string;
  "xhtml:link": Array<{ "@hreflang": string; "@href": string }>;
}

async function sitemapUrls(): Promise<SitemapUrl[]> {
  const doc = xml.parse(await text(await sitemapLoader()));
  const urls = doc.urlset.url as SitemapUrl[];
  return Array.isArray(urls) ? urls : [urls];
}

describe("robots.txt", () => {
  it("allows every public page, keeps crawlers out of the signed-in areas and names the sitemap", async () => {
    const response = (await robotsLoader()) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const body = await response.text();
    const robots = robotsParser(`${origin()}/robots.txt`, body);
    for (const path of ["/", "/firms", "/firms/12", "/firms?q=印刷", "/projects/3", "/events/1", "/partners"])
      expect(robots.isAllowed(`${origin()}${path}`, "Googlebot"), path).toBe(true);
    for (const path of ["/open-data", "/open-data/firms.csv", "/sitemap.xml", "/previews/firms/1.png"])
      expect(robots.isAllowed(`${origin()}${path}`, "Googlebot"), path).toBe(true);
    // Token and verification pages are crawlable so that their noindex is seen.
    for (const path of ["/verify/ABC", "/invitations/token", "/host-response/token", "/login"])
      expect(robots.isAllowed(`${origin()}${path}`, "Googlebot"), path).toBe(true);
    for (const path of ["/staff", "/staff/firms", "/professor/projects", "/student", "/firm", "/firm/profile"])
      expect(robots.isDisallowed(`${origin()}${path}`, "Googlebot"), path).toBe(true);
    expect(robots.isDisallowed(`${origin()}/account/calendar`, "Bingbot")).toBe(true);
    expect(robots.getSitemaps()).toEqual([`${origin()}/sitemap.xml`]);
  });

  it("says noindex for staff, account, token and verification paths, and for nothing public", () => {
    for (const path of [
      "/staff",
      "/staff/firms/1",
      "/staff.data",
      "/firm",
      "/firm/profile",
      "/account",
      "/account/calendar",
      "/login",
      "/register",
      "/invitations/abc",
      "/host-response/abc",
      "/wallet/add/abc",
      "/calendar/abc.ics",
      "/interviews/3.ics",
      "/verify/ABC",
      "/verify/ABC/certificate.pdf",
      "/issuer",
      "/achievements/interview-project/1",
      "/credentials/status/1",
      "/.well-known/jwks.json",
      "/did.json",
    ])
      expect(isNoindexPath(path), path).toBe(true);
    for (const path of ["/", "/firms", "/firms/1", "/firmsx", "/projects/1", "/events", "/partners", "/open-data"])
      expect(isNoindexPath(path), path).toBe(false);
    for (const path of ["/privacy", "/accessibility"]) expect(isNoindexPath(path), path).toBe(false);
  });
});

describe("the sitemap", () => {
  it("lists every listed firm once per language, never a hidden or unlisted one, with lastmod from the data", async () => {
    const urls = await sitemapUrls();
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    const listed = await getDb()
      .selectFrom("firm")
      .select(["id", "updated_at"])
      .where("is_public", "=", 1)
      .where("hidden_at", "is", null)
      .execute();
    expect(listed.length).toBeGreaterThan(200);
    for (const firm of listed) {
      const ja = urls.find((u) => u.loc === `${origin()}/firms/${firm.id}`);
      const en = urls.find((u) => u.loc === `${origin()}/firms/${firm.id}?lng=en`);
      expect(ja?.lastmod, `firm ${firm.id}`).toBe(`${firm.updated_at.slice(0, 19)}Z`);
      expect(en?.lastmod).toBe(ja?.lastmod);
    }
    const firmLocs = locs.filter((l) => /\/firms\/\d+(\?|$)/.test(l));
    expect(firmLocs).toHaveLength(listed.length * 2);
    for (const id of [hiddenFirm, unlistedFirm]) {
      expect(locs.some((l) => l.startsWith(`${origin()}/firms/${id}`))).toBe(false);
      // …and the page itself is a 404, as is its preview image.
      const page = await settle(callLoader(firmPage.loader, `/firms/${id}`, { params: { firmId: String(id) } }));
      expect(statusOf(page)).toBe(404);
      const image = await settle(
        callLoader(previewLoader, `/previews/firms/${id}.png`, { params: { "*": `firms/${id}.png` } }),
      );
      expect(statusOf(image)).toBe(404);
    }
  });

  it("lists the public pages, projects in a public state and every event, each with its alternates", async () => {
    const urls = await sitemapUrls();
    const locs = new Set(urls.map((u) => u.loc));
    for (const path of [
      "/",
      "/firms",
      "/projects",
      "/events",
      "/partners",
      "/open-data",
      "/privacy",
      "/accessibility",
    ]) {
      expect(locs.has(`${origin()}${path}`), path).toBe(true);
      expect(locs.has(`${origin()}${path}?lng=en`), path).toBe(true);
    }
    const projectsList = payload(await callLoader(projects.loader, "/projects"));
    const publicIds = [...projectsList.open, ...projectsList.others].map((p: { id: number }) => p.id);
    const allIds = (await getDb().selectFrom("project").select("id").execute()).map((p) => p.id);
    for (const id of allIds)
      expect(locs.has(`${origin()}/projects/${id}`), `project ${id}`).toBe(publicIds.includes(id));
    expect(allIds.length).toBeGreaterThan(publicIds.length); // drafts and the like exist and are left out
    for (const { id } of await getDb().selectFrom("event").select("id").execute())
      expect(locs.has(`${origin()}/events/${id}`)).toBe(true);
    for (const url of urls) {
      const links = Object.fromEntries(url["xhtml:link"].map((l) => [l["@hreflang"], l["@href"]]));
      const path = url.loc.replace(origin(), "").replace(/\?lng=en$/, "");
      expect(links).toEqual({
        ja: `${origin()}${path}`,
        en: `${origin()}${path}${path.includes("?") ? "&" : "?"}lng=en`,
        "x-default": `${origin()}${path}`,
      });
    }
  });

  it("answers each part of the sitemap by number, and 404 for parts that do not exist or are not numbers", async () => {
    const part = await callLoader(sitemapPartLoader, "/sitemaps/1.xml", { params: { part: "1" } });
    expect((part as Response).headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    expect(xml.parse(await text(part)).urlset.url.length).toBe((await sitemapUrls()).length);
    for (const bad of ["2", "0", "-1", "x", "1e3", "99999999999999999999", "", "1.5"]) {
      const answer = await settle(callLoader(sitemapPartLoader, `/sitemaps/${bad}.xml`, { params: { part: bad } }));
      expect(statusOf(answer), bad).toBe(404);
    }
  });
});

type Module = { loader?: (args: any) => Promise<unknown> | unknown; meta: (args: any) => MetaDescriptor[] };

const PAGES: Array<[RegExp, Module, string?]> = [
  [/^\/$/, home as Module],
  [/^\/firms$/, firms as Module],
  [/^\/firms\/(\d+)$/, firmPage as Module, "firmId"],
  [/^\/projects$/, projects as Module],
  [/^\/projects\/(\d+)$/, projectPage as Module, "projectId"],
  [/^\/events$/, events as Module],
  [/^\/events\/(\d+)$/, eventPage as Module, "eventId"],
  [/^\/partners$/, partners as Module],
  [/^\/open-data$/, openData as Module],
  [/^\/privacy$/, privacy as Module],
  [/^\/accessibility$/, accessibility as Module],
];

/** A page's meta as Remix computes it: the route's loader data, and the root's locale and public URL. */
async function metaOf(url: string): Promise<MetaDescriptor[]> {
  const { pathname, search } = new URL(url);
  const lng = new URLSearchParams(search).get("lng") === "en" ? "en" : "ja";
  const entry = PAGES.find(([pattern]) => pattern.test(pathname));
  if (!entry) throw new Error(`no page module for ${pathname}`);
  const [pattern, mod, param] = entry;
  const params = param ? { [param]: pattern.exec(pathname)![1] } : {};
  // A page without a loader (the accessibility statement) has no data of its own.
  const data = mod.loader ? payload(await callLoader(mod.loader, pathname + search, { params })) : undefined;
  const matches = [
    { id: "root", data: { locale: lng, publicUrl: origin() } },
    { id: "page", data },
  ];
  return mod.meta({ data, params, location: { pathname, search }, matches });
}

const content = (meta: MetaDescriptor[], key: string, value: string) =>
  meta.filter((m: any) => m[key] === value).map((m: any) => m.content as string);
const links = (meta: MetaDescriptor[], rel: string) =>
  meta.filter((m: any) => m.tagName === "link" && m.rel === rel) as Array<{ href: string; hrefLang?: string }>;
const jsonLd = (meta: MetaDescriptor[]) =>
  meta.filter((m: any) => "script:ld+json" in m).map((m: any) => JSON.parse(JSON.stringify(m["script:ld+json"])));

describe("each public page's head", () => {
  it("has a unique title and description in both languages, written from its data, canonical and alternates", async () => {
    const urls = (await sitemapUrls()).map((u) => u.loc);
    const titles = new Map<string, string>();
    const descriptions = new Map<string, string>();
    const problems: string[] = [];
    for (const url of urls) {
      const meta = await metaOf(url);
      const title = (meta.find((m: any) => "title" in m) as { title: string }).title;
      const [description] = content(meta, "name", "description");
      if (titles.has(title)) problems.push(`${url}: title "${title}" also on ${titles.get(title)}`);
      if (descriptions.has(description)) problems.push(`${url}: description also on ${descriptions.get(description)}`);
      titles.set(title, url);
      descriptions.set(description, url);
      if (!description || [...description].length > 160) problems.push(`${url}: description length`);
      const canonical = links(meta, "canonical");
      if (canonical.length !== 1 || canonical[0].href !== url) problems.push(`${url}: canonical ${canonical[0]?.href}`);
      const alternates = Object.fromEntries(links(meta, "alternate").map((l) => [l.hrefLang, l.href]));
      if (!alternates.ja || !alternates.en || alternates["x-default"] !== alternates.ja)
        problems.push(`${url}: alternates`);
      if (content(meta, "property", "og:url")[0] !== url) problems.push(`${url}: og:url`);
      for (const [key, value] of [
        ["property", "og:title"],
        ["property", "og:description"],
        ["property", "og:image"],
        ["property", "og:image:alt"],
        ["name", "twitter:card"],
      ])
        if (content(meta, key, value).length !== 1) problems.push(`${url}: ${value}`);
      // X takes the rest of its card from the og: tags; its own copies would only repeat them.
      for (const value of ["twitter:title", "twitter:description", "twitter:image", "twitter:image:alt"])
        if (content(meta, "name", value).length) problems.push(`${url}: ${value} repeats its og: tag`);
      if (content(meta, "name", "robots").length) problems.push(`${url}: robots in a sitemap page`);
    }
    expect(problems).toEqual([]);
    expect(titles.size).toBe(urls.length);
  }, 120_000);

  it("writes a firm's title from its name, town and industry and its description from its products", async () => {
    const akabane = await getDb()
      .selectFrom("firm")
      .select("id")
      .where("name", "=", "株式会社赤羽精密")
      .executeTakeFirstOrThrow();
    const ja = await metaOf(`${origin()}/firms/${akabane.id}`);
    expect(ja.find((m: any) => m.title)).toEqual({
      title: "株式会社赤羽精密（北区赤羽・精密機械・計測器） | 北区 産学連携",
    });
    expect(content(ja, "name", "description")[0]).toBe(
      "株式会社赤羽精密は東京都北区赤羽の精密機械・計測器の企業です。主な製品：精密切削部品、医療機器部品、光学部品",
    );
    const en = await metaOf(`${origin()}/firms/${akabane.id}?lng=en`);
    expect(content(en, "name", "description")[0]).toMatch(
      /^株式会社赤羽精密 is a Precision and measuring instruments firm in Akabane, Kita City, Tokyo\. Main products: 精密切削部品/,
    );
    expect(content(en, "property", "og:locale")).toEqual(["en_US"]);
    expect(content(en, "property", "og:image")[0]).toMatch(
      new RegExp(`^${origin()}/previews/firms/${akabane.id}\\.png\\?lng=en&v=[0-9a-z]+$`),
    );
  });

  it("marks directory searches noindex (followed) and gives later pages their own title and canonical URL", async () => {
    const search = await metaOf(`${origin()}/firms?q=印刷&industry=printing`);
    expect(content(search, "name", "robots")).toEqual(["noindex, follow"]);
    const page2 = await metaOf(`${origin()}/firms?page=2`);
    expect(page2.find((m: any) => m.title)).toEqual({
      title: "北区のものづくり企業を探す（2ページ目） | 北区 産学連携",
    });
    expect(links(page2, "canonical")[0].href).toBe(`${origin()}/firms?page=2`);
    expect(links(page2, "alternate").find((l) => l.hrefLang === "en")?.href).toBe(`${origin()}/firms?page=2&lng=en`);
    // Junk in the query never breaks the head.
    const junk = await metaOf(`${origin()}/firms?page=abc&lng=xx&q=${"あ".repeat(500)}`);
    expect(junk.length).toBeGreaterThan(5);
  });

  it("gives a firm an Organization with kana name, Kita-ku postal address, telephone, website and products", async () => {
    const akabane = await getDb()
      .selectFrom("firm")
      .selectAll()
      .where("name", "=", "株式会社赤羽精密")
      .executeTakeFirstOrThrow();
    const [org] = jsonLd(await metaOf(`${origin()}/firms/${akabane.id}`));
    expect(org).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Organization",
      name: "株式会社赤羽精密",
      alternateName: "アカバネセイミツ",
      address: {
        "@type": "PostalAddress",
        postalCode: "115-0045",
        addressRegion: "東京都",
        addressLocality: "北区",
        addressCountry: "JP",
        streetAddress: `赤羽${akabane.address}`,
      },
      telephone: `+81-${akabane.phone!.slice(1)}`,
      url: akabane.website,
      knowsAbout: ["精密切削部品", "医療機器部品", "光学部品"],
      identifier: { "@type": "PropertyValue", value: akabane.corporate_number },
    });
    expect(org.makesOffer).toContainEqual({ "@type": "Offer", itemOffered: { "@type": "Product", name: "光学部品" } });

    const [plain] = jsonLd(await metaOf(`${origin()}/firms/${plainFirm}`));
    expect(plain["@type"]).toBe("Organization");
    for (const absent of ["telephone", "url", "makesOffer", "knowsAbout"]) expect(plain).not.toHaveProperty(absent);
  });

  it("gives an event an Event with start and end in Tokyo time, its venue, the city as organiser and its status", async () => {
    const event = await getDb().selectFrom("event").selectAll().orderBy("id").executeTakeFirstOrThrow();
    for (const lng of ["ja", "en"] as const) {
      const [ld] = jsonLd(await metaOf(`${origin()}/events/${event.id}${lng === "en" ? "?lng=en" : ""}`));
      expect(ld).toMatchObject({
        "@context": "https://schema.org",
        "@type": "Event",
        name: lng === "en" ? event.title_en : event.title_ja,
        eventStatus: "https://schema.org/EventScheduled",
        location: { "@type": "Place", name: lng === "en" ? event.venue_en : event.venue_ja },
        organizer: { "@type": "GovernmentOrganization", name: lng === "en" ? "Kita City, Tokyo" : "東京都北区" },
      });
      expect(ld.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+09:00$/);
      expect(new Date(ld.startDate).toISOString()).toBe(new Date(event.starts_at).toISOString());
      expect(new Date(ld.endDate).toISOString()).toBe(new Date(event.ends_at).toISOString());
    }
  });

  it("answers an unknown page with a noindex title, not an empty head", async () => {
    const meta = firmPage.meta({
      data: undefined,
      params: {},
      location: { pathname: "/firms/999999", search: "" },
      matches: [{ id: "root", data: { locale: "ja", publicUrl: origin() } }],
    } as any);
    expect(content(meta, "name", "robots")).toEqual(["noindex"]);
  });
});

describe("the language in the URL", () => {
  const locale = async (path: string, cookie?: string) =>
    payload(await callLoader(rootLoader, path, { cookie })).locale;

  it("wins for that request over the profile, the cookie and Accept-Language, and sets no cookie", async () => {
    const english = (await localeCookie.serialize("en")).split(";")[0];
    const user = await createUser("student");
    await setUserLocale(user.id, "ja");
    const session = await signIn(user.id);
    expect(await locale("/firms?lng=en", session)).toBe("en");
    expect(await locale("/firms", session)).toBe("ja");
    expect(await locale("/firms?lng=ja", english)).toBe("ja");
    expect(await locale("/firms", english)).toBe("en");
    expect(
      payload(await callLoader(rootLoader, "/firms?lng=ja", { headers: { "Accept-Language": "en" } })).locale,
    ).toBe("ja");
    const response = await callLoader(rootLoader, "/firms?lng=en");
    expect(JSON.stringify((response as any).init?.headers ?? {})).not.toContain("lng=");
  });

  it("ignores anything but ja and en", async () => {
    const english = (await localeCookie.serialize("en")).split(";")[0];
    for (const junk of ["xx", "EN", "en-US", "", "ja,en", "%00", "e".repeat(5000)])
      expect(await locale(`/firms?lng=${encodeURIComponent(junk)}`, english), junk).toBe("en");
  });
});

describe("preview images", () => {
  it("draws a PNG for each public page, cached for good only under the current version", async () => {
    const meta = await metaOf(`${origin()}/events?lng=en`);
    const image = new URL(content(meta, "property", "og:image")[0]);
    const splat = image.pathname.replace(/^\/previews\//, "");
    const current = (await callLoader(previewLoader, image.pathname + image.search, {
      params: { "*": splat },
    })) as Response;
    expect(current.status).toBe(200);
    expect(current.headers.get("Content-Type")).toBe("image/png");
    expect(current.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const bytes = Buffer.from(await current.arrayBuffer());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe(1200);
    expect(bytes.readUInt32BE(20)).toBe(630);
    const stale = (await callLoader(previewLoader, `${image.pathname}?lng=en&v=old`, {
      params: { "*": splat },
    })) as Response;
    expect(stale.headers.get("Cache-Control")).toBe("public, max-age=3600");
    expect(Buffer.from(await stale.arrayBuffer()).equals(bytes)).toBe(true);
    const again = (await callLoader(previewLoader, image.pathname + image.search, {
      headers: { "If-None-Match": current.headers.get("ETag")! },
      params: { "*": splat },
    })) as Response;
    expect(again.status).toBe(304);
  });

  it("answers 404 for anything that is not a public page's image", async () => {
    for (const splat of [
      "",
      "firms",
      "firms/abc.png",
      "firms/0.png",
      "firms/99999999.png",
      "staff.png",
      "staff/1.png",
      "../../etc/passwd.png",
      "firms/1.png/x",
      "index.svg",
      "あ".repeat(3000),
    ]) {
      const answer = await settle(callLoader(previewLoader, "/previews/x", { params: { "*": splat } }));
      expect(statusOf(answer), splat).toBe(404);
    }
  });
});
