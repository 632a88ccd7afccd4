/**
 * The head of every public page, built from its data: a unique title and description, the canonical URL (from
 * PUBLIC_URL), hreflang alternates for ja and en, Open Graph tags with the page's generated preview image and the X
 * (Twitter) card type, and JSON-LD. Client-safe: Remix runs meta functions in the browser on navigation too.
 *
 * Language URLs (see README, Decisions): Japanese is the bare path and the x-default; English is the same path with
 * `?lng=en`. The canonical URL is the one of the language the page was rendered in, so a page shown in English
 * because of a cookie names its `?lng=en` address as canonical.
 */
import type { MetaDescriptor } from "@remix-run/node";
import { fallbackLng, isLng, LNG_PARAM, supportedLngs, type Lng } from "~/i18n";
import { fixedT } from "./text";

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** What a meta function needs from the root loader. */
export interface RootSeo {
  locale: Lng;
  publicUrl: string;
}

export interface PageSeo {
  /** The page's own title, unique across the site; the site's short name is appended. */
  title: string;
  description: string;
  /** What the preview image shows under the city's name (usually the page's heading). */
  heading: string;
  /** The preview image's path, `/previews/<page>.png` (see previewPathOf). */
  image: string;
  /** The canonical path with any query it keeps (`/firms?page=2`), without `lng`. Default: the location's path. */
  path?: string;
  jsonLd?: object;
  /** Search results and the like: followed, not indexed. */
  noindex?: boolean;
  /** The title is complete as it is (the home page). */
  bareTitle?: boolean;
}

type Matches = ReadonlyArray<{ id: string; data?: unknown } | undefined>;

/** The root loader's locale and public URL, from a meta function's `matches`. */
export function rootSeo(matches: Matches): RootSeo {
  const data = matches.find((m) => m?.id === "root")?.data as Partial<RootSeo> | undefined;
  return {
    locale: isLng(data?.locale) ? data.locale : fallbackLng,
    publicUrl: typeof data?.publicUrl === "string" ? data.publicUrl : "",
  };
}

/** The absolute URL of `path` (which may carry a query) in language `lng`. */
export function languageUrl(publicUrl: string, path: string, lng: Lng): string {
  const url = new URL(path, "http://localhost");
  url.searchParams.delete(LNG_PARAM);
  if (lng !== fallbackLng) url.searchParams.set(LNG_PARAM, lng);
  return `${publicUrl}${url.pathname}${url.search}`;
}

/** The preview image path of a page path: `/` → `/previews/index.png`, `/firms/12` → `/previews/firms/12.png`. */
export function previewPathOf(pagePath: string): string {
  return `/previews/${pagePath === "/" ? "index" : pagePath.replace(/^\/+|\/+$/g, "")}.png`;
}

/**
 * A short fingerprint of what a preview image shows, for its URL: a changed heading is a new URL, so link-preview
 * caches fetch the new image. FNV-1a (32 bits): synchronous in the browser too; this busts caches, it secures nothing.
 */
export function previewVersion(heading: string, lng: Lng): string {
  let hash = 0x811c9dc5;
  for (const ch of `${lng}\n${heading}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function previewUrl(publicUrl: string, imagePath: string, heading: string, lng: Lng): string {
  const query = new URLSearchParams();
  if (lng !== fallbackLng) query.set(LNG_PARAM, lng);
  query.set("v", previewVersion(heading, lng));
  return `${publicUrl}${imagePath}?${query}`;
}

export function fullTitle(page: Pick<PageSeo, "title" | "bareTitle">, lng: Lng): string {
  return page.bareTitle ? page.title : `${page.title} | ${fixedT(lng)("seo.titleSuffix")}`;
}

/** The meta descriptors of a public page. */
export function seoMeta(matches: Matches, location: { pathname: string }, page: PageSeo): MetaDescriptor[] {
  const { locale: lng, publicUrl } = rootSeo(matches);
  const t = fixedT(lng);
  const path = page.path ?? location.pathname;
  const canonical = languageUrl(publicUrl, path, lng);
  const image = previewUrl(publicUrl, page.image, page.heading, lng);
  const imageAlt = t("seo.imageAlt", { city: t("app.city"), title: page.heading });
  const other = supportedLngs.filter((l) => l !== lng);
  return [
    { title: fullTitle(page, lng) },
    { name: "description", content: page.description },
    ...(page.noindex ? [{ name: "robots", content: "noindex, follow" }] : []),
    { tagName: "link", rel: "canonical", href: canonical },
    ...supportedLngs.map((l) => ({
      tagName: "link",
      rel: "alternate",
      hrefLang: l,
      href: languageUrl(publicUrl, path, l),
    })),
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: languageUrl(publicUrl, path, fallbackLng) },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: t("seo.siteName") },
    { property: "og:title", content: page.title },
    { property: "og:description", content: page.description },
    { property: "og:url", content: canonical },
    { property: "og:locale", content: t("seo.locale") },
    ...other.map((l) => ({ property: "og:locale:alternate", content: fixedT(l)("seo.locale") })),
    { property: "og:image", content: image },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: String(PREVIEW_WIDTH) },
    { property: "og:image:height", content: String(PREVIEW_HEIGHT) },
    { property: "og:image:alt", content: imageAlt },
    // X reads its card's title, description, image and image text from the og: tags above when its own are absent:
    // only the card type has no Open Graph equivalent. Four tags fewer on every page's head.
    { name: "twitter:card", content: "summary_large_image" },
    ...(page.jsonLd ? [{ "script:ld+json": page.jsonLd }] : []),
  ];
}

/** A public page whose loader answered 404: a plain title, and never indexed. */
export function notFoundMeta(matches: Matches): MetaDescriptor[] {
  const { locale } = rootSeo(matches);
  return [
    { title: fullTitle({ title: fixedT(locale)("seo.notFound") }, locale) },
    { name: "robots", content: "noindex" },
  ];
}

/** A public page's meta export in one line: `meta = (args) => pageMeta(args, (lng, root) => firmSeo(…))`. */
export function pageMeta(
  args: { matches: Matches; location: { pathname: string } },
  build: (lng: Lng, root: RootSeo) => PageSeo,
): MetaDescriptor[] {
  const root = rootSeo(args.matches);
  return seoMeta(args.matches, args.location, build(root.locale, root));
}
