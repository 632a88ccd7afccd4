// The app's routes as the generated tests see them: every file in app/routes, read at test time, with its URL
// pattern, its params and its loader and action. A new route file is in this list the moment it exists.
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { BASE } from "./http";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;

export interface AppRoute {
  /** The file name in app/routes, e.g. "firm.interviews.$hostId.tsx". */
  file: string;
  /** The params the URL carries, e.g. ["hostId"]. */
  params: string[];
  loader?: Handler;
  action?: Handler;
  /** The path with these param values. */
  path(values: Record<string, string>): string;
}

type Piece = { param: string } | { text: string };

/** Remix v2 flat-route file name → URL pieces: "." between segments, "$x" params, "[.]" escapes, "_index", "x_". */
function pieces(file: string): Piece[][] {
  const name = file.replace(/\.(tsx|ts|jsx|js)$/, "");
  const segments = name.match(/(?:\[[^\]]*\]|[^.])+/g) ?? [];
  const out: Piece[][] = [];
  for (let segment of segments) {
    if (segment === "_index" || segment.startsWith("_")) continue;
    if (segment.endsWith("_")) segment = segment.slice(0, -1);
    const parts: Piece[] = [];
    for (const m of segment.matchAll(/\$([A-Za-z0-9_]*)|\[([^\]]*)\]|([^$[]+)/g)) {
      if (m[1] !== undefined) parts.push({ param: m[1] || "*" });
      else parts.push({ text: m[2] ?? m[3] });
    }
    out.push(parts);
  }
  return out;
}

export async function listAppRoutes(): Promise<AppRoute[]> {
  const files = fs
    .readdirSync(ROUTES_DIR)
    .filter((f) => /\.(tsx|ts)$/.test(f))
    .sort();
  const routes: AppRoute[] = [];
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as {
      loader?: Handler;
      action?: Handler;
    };
    const shape = pieces(file);
    routes.push({
      file,
      params: shape.flat().flatMap((p) => ("param" in p ? [p.param] : [])),
      loader: mod.loader,
      action: mod.action,
      path: (values) =>
        `/${shape
          .map((parts) =>
            parts.map((p) => ("param" in p ? encodeURIComponent(values[p.param] ?? "x") : p.text)).join(""),
          )
          .join("/")}`,
    });
  }
  return routes;
}

export const urlOf = (p: string) => BASE + p;
