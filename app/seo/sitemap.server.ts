/**
 * Every public page for the sitemap, with when its data last changed, read through the same model queries as the
 * pages themselves: listed firms only (never a hidden or unlisted one), projects in a public state, every event,
 * and the partner page from the agreements in force.
 */
import type { A11yResults } from "~/accessibility/results";
import a11yResults from "~/accessibility/results.json";
import { listPartners } from "~/models/agreement.server";
import { listPublicEvents } from "~/models/event.server";
import { listPublicFirmStamps } from "~/models/firm.server";
import { listPublicProjects } from "~/models/project.server";
import { PRIVACY_NOTICE_DATE } from "~/privacy/notice";
import { tokyoDate } from "~/utils/format";
import { STATIC_PAGES } from "./pages";
import { latest, type SitemapPage } from "./sitemap";

/** A calendar date as the start of that day (UTC), the form the sitemap's lastmod takes. */
const dayStart = (date: string | null) => (date ? `${date}T00:00:00Z` : null);

export async function listSitemapPages(): Promise<SitemapPage[]> {
  const [firms, projects, events, partners] = await Promise.all([
    listPublicFirmStamps(),
    listPublicProjects(),
    listPublicEvents(),
    listPartners(tokyoDate()),
  ]);
  const projectRows = [...projects.open, ...projects.others];
  const eventRows = [...events.upcoming, ...events.past];
  const firmsChanged = latest(firms.map((f) => f.updated_at));
  const projectsChanged = latest(projectRows.map((p) => p.updated_at));
  const eventsChanged = latest(eventRows.map((e) => e.updated_at));
  const partnersChanged = latest(partners.flatMap((u) => u.agreements.map((a) => a.updated_at)));
  const anything = latest([firmsChanged, projectsChanged, eventsChanged, partnersChanged]);
  return [
    { path: STATIC_PAGES.home, lastmod: partnersChanged },
    { path: STATIC_PAGES.projects, lastmod: projectsChanged },
    { path: STATIC_PAGES.events, lastmod: eventsChanged },
    { path: STATIC_PAGES.partners, lastmod: partnersChanged },
    { path: STATIC_PAGES.openData, lastmod: anything },
    { path: STATIC_PAGES.firms, lastmod: firmsChanged },
    { path: STATIC_PAGES.privacy, lastmod: dayStart(PRIVACY_NOTICE_DATE) },
    { path: STATIC_PAGES.accessibility, lastmod: dayStart((a11yResults as A11yResults).generatedAt) },
    ...projectRows.sort((a, b) => a.id - b.id).map((p) => ({ path: `/projects/${p.id}`, lastmod: p.updated_at })),
    ...eventRows.sort((a, b) => a.id - b.id).map((e) => ({ path: `/events/${e.id}`, lastmod: e.updated_at })),
    ...firms.map((f) => ({ path: `/firms/${f.id}`, lastmod: f.updated_at })),
  ];
}
