/**
 * Titles, descriptions, preview headings and structured data of each public page, written from the page's data.
 * One function per page; the page's meta export and its preview image (app/routes/previews.$.ts) both use it, so the
 * image always shows the heading the page announces. Client-safe.
 */
import type { Lng } from "~/i18n";
import { formatDate, formatDateTime, formatFiscalYear } from "~/utils/format";
import { industryLabel, townLabel } from "~/utils/kita";
import { localized } from "~/utils/localized";
import { eventJsonLd, firmJsonLd, type PublicEvent, type PublicFirm } from "./json-ld";
import { languageUrl, previewPathOf, previewUrl, type PageSeo, type RootSeo } from "./meta";
import { clip, fixedT } from "./text";

/** About 120 characters is what a Japanese result shows of a description; English shows about 155. */
const descriptionLength = (lng: Lng) => (lng === "ja" ? 120 : 155);

/** The pages without an id, by their path. */
export const STATIC_PAGES = {
  home: "/",
  firms: "/firms",
  projects: "/projects",
  events: "/events",
  partners: "/partners",
  openData: "/open-data",
  privacy: "/privacy",
  accessibility: "/accessibility",
} as const;
export type StaticPage = keyof typeof STATIC_PAGES;

/** The heading a static page's preview image shows. */
export function staticHeading(page: StaticPage, lng: Lng): string {
  const t = fixedT(lng);
  return page === "home" ? t("seo.home.heading") : t(`seo.${page}.title`);
}

function staticSeo(page: StaticPage, lng: Lng, description: string, extra: Partial<PageSeo> = {}): PageSeo {
  const t = fixedT(lng);
  return {
    title: page === "home" ? t("seo.home.title") : t(`seo.${page}.title`),
    description: clip(description, descriptionLength(lng)),
    heading: staticHeading(page, lng),
    image: previewPathOf(STATIC_PAGES[page]),
    bareTitle: page === "home",
    ...extra,
  };
}

export function homeSeo(lng: Lng): PageSeo {
  return staticSeo("home", lng, fixedT(lng)("seo.home.description"));
}

export interface DirectoryView {
  total: number;
  page: number;
  /** Any search word or filter: the page is a search result, followed but not indexed. */
  filtered: boolean;
  /** The path with the search as it was asked (for the canonical link of a result page). */
  searchPath: string;
}

/** The firm directory: page 1 is the directory; later pages say their number; searches are not indexed. */
export function directorySeo(view: DirectoryView, lng: Lng): PageSeo {
  const t = fixedT(lng);
  const values = { firms: view.total.toLocaleString(lng), page: view.page };
  if (view.filtered)
    return staticSeo("firms", lng, t("seo.firms.description", values), {
      title: t("seo.firms.searchTitle"),
      path: view.searchPath,
      noindex: true,
    });
  if (view.page > 1)
    return staticSeo("firms", lng, t("seo.firms.descriptionPage", values), {
      title: t("seo.firms.titlePage", values),
      path: `/firms?page=${view.page}`,
    });
  return staticSeo("firms", lng, t("seo.firms.description", values), { path: "/firms" });
}

export function projectsSeo(counts: { open: number; others: number }, lng: Lng): PageSeo {
  return staticSeo("projects", lng, fixedT(lng)("seo.projects.description", counts));
}

export function eventsSeo(counts: { upcoming: number; past: number }, lng: Lng): PageSeo {
  return staticSeo("events", lng, fixedT(lng)("seo.events.description", counts));
}

export function partnersSeo(universities: Array<{ name_ja: string; name_en: string }>, lng: Lng): PageSeo {
  const t = fixedT(lng);
  const names = universities.map((u) => localized(u, "name", lng)).join(lng === "ja" ? "・" : ", ");
  return staticSeo(
    "partners",
    lng,
    names ? t("seo.partners.description", { universities: names }) : t("seo.partners.descriptionNone"),
  );
}

export function openDataSeo(lng: Lng): PageSeo {
  return staticSeo("openData", lng, fixedT(lng)("seo.openData.description"));
}

export function privacySeo(lng: Lng): PageSeo {
  return staticSeo("privacy", lng, fixedT(lng)("seo.privacy.description"));
}

export function accessibilitySeo(lng: Lng): PageSeo {
  return staticSeo("accessibility", lng, fixedT(lng)("seo.accessibility.description"));
}

export interface FirmPageData extends PublicFirm {
  industry: string;
}

/** A firm's page: its name, town and industry in the title; its products in the description; an Organization. */
export function firmSeo(firm: FirmPageData, lng: Lng, root: Pick<RootSeo, "publicUrl">): PageSeo {
  const t = fixedT(lng);
  const values = {
    name: firm.name,
    town: townLabel(firm.town, lng),
    industry: industryLabel(firm.industry, lng),
    products: firm.products.trim(),
    about: firm.description ?? "",
  };
  const path = `/firms/${firm.id}`;
  return {
    title: t("seo.firm.title", values),
    description: clip(
      t(values.products ? "seo.firm.description" : "seo.firm.descriptionNoProducts", values),
      descriptionLength(lng),
    ),
    heading: firm.name,
    image: previewPathOf(path),
    path,
    jsonLd: firmJsonLd(firm, { pageUrl: languageUrl(root.publicUrl, path, lng), townJa: townLabel(firm.town, "ja") }),
  };
}

export interface ProjectPageData {
  id: number;
  title_ja: string;
  title_en: string | null;
  seminar_name: string;
  theme: string;
  fiscal_year: number;
  state: string;
  university_ja: string;
  university_en: string;
}

export function projectHeading(project: Pick<ProjectPageData, "title_ja" | "title_en">, lng: Lng): string {
  return localized(project, "title", lng);
}

/** A project's page: its title with fiscal year and university; its seminar, state and theme in the description. */
export function projectSeo(project: ProjectPageData, lng: Lng): PageSeo {
  const t = fixedT(lng);
  const values = {
    title: projectHeading(project, lng),
    fiscalYear: formatFiscalYear(project.fiscal_year, lng),
    university: localized(project, "university", lng),
    seminar: project.seminar_name,
    theme: project.theme,
    state: t(`projects.states.${project.state}`),
  };
  const path = `/projects/${project.id}`;
  return {
    title: t("seo.project.title", values),
    description: clip(t("seo.project.description", values), descriptionLength(lng)),
    heading: values.title,
    image: previewPathOf(path),
    path,
  };
}

export function eventHeading(event: Pick<PublicEvent, "title_ja" | "title_en">, lng: Lng): string {
  return localized(event, "title", lng);
}

/** An event's page: its title and date; date, time and venue in the description; an Event organised by the city. */
export function eventSeo(event: PublicEvent, lng: Lng, root: Pick<RootSeo, "publicUrl">): PageSeo {
  const t = fixedT(lng);
  const about = localized(event, "description", lng) ?? "";
  const heading = eventHeading(event, lng);
  const path = `/events/${event.id}`;
  const pageUrl = languageUrl(root.publicUrl, path, lng);
  const image = previewPathOf(path);
  return {
    title: t("seo.event.title", { title: heading, date: formatDate(event.starts_at, lng) }),
    description: clip(
      t("seo.event.description", {
        date: formatDateTime(event.starts_at, lng),
        venue: localized(event, "venue", lng),
        about,
      }),
      descriptionLength(lng),
    ),
    heading,
    image,
    path,
    jsonLd: eventJsonLd(event, {
      pageUrl,
      image: previewUrl(root.publicUrl, image, heading, lng),
      lng,
      publicUrl: root.publicUrl,
    }),
  };
}
