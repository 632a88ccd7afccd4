/**
 * Which page a preview image is for, and the heading it shows: read through the same model queries as the page, so
 * a hidden firm, a project not (or no longer) public or an unknown event has no image either (404).
 */
import type { Lng } from "~/i18n";
import { getPublicEvent } from "~/models/event.server";
import { getPublicFirm } from "~/models/firm.server";
import { getPublicProject } from "~/models/project.server";
import { eventHeading, projectHeading, STATIC_PAGES, staticHeading, type StaticPage } from "./pages";

export type PreviewPage = { kind: "static"; page: StaticPage } | { kind: "firm" | "project" | "event"; id: number };

const STATIC_BY_NAME = new Map<string, StaticPage>(
  Object.entries(STATIC_PAGES).map(([page, path]) => [path === "/" ? "index" : path.slice(1), page as StaticPage]),
);
const KIND_BY_FOLDER = { firms: "firm", projects: "project", events: "event" } as const;

/** `index.png`, `firms.png`, `firms/12.png`, …; anything else is null. */
export function parsePreviewPath(splat: string | undefined): PreviewPage | null {
  const match = /^([a-z-]{1,20})(?:\/([1-9]\d{0,11}))?\.png$/.exec(splat ?? "");
  if (!match) return null;
  const [, name, id] = match;
  if (!id) {
    const page = STATIC_BY_NAME.get(name);
    return page ? { kind: "static", page } : null;
  }
  const kind = KIND_BY_FOLDER[name as keyof typeof KIND_BY_FOLDER];
  return kind ? { kind, id: Number(id) } : null;
}

/** The heading the page's preview shows, or null when the page does not exist for the public. */
export async function previewHeading(page: PreviewPage, lng: Lng): Promise<string | null> {
  switch (page.kind) {
    case "static":
      return staticHeading(page.page, lng);
    case "firm":
      return (await getPublicFirm(page.id))?.name ?? null;
    case "project": {
      const found = await getPublicProject(page.id);
      return found ? projectHeading(found.project, lng) : null;
    }
    case "event": {
      const found = await getPublicEvent(page.id);
      return found ? eventHeading(found.event, lng) : null;
    }
  }
}
