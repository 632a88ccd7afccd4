/**
 * The production server: Express serving the Remix build (server/app.js puts the security headers, body limits and
 * cross-site guard in front of it). Migrates and seeds the database at start (prepareServer from the build), and
 * passes the client's address and the response's CSP nonce to the app.
 *
 * Under `npm run dev` (remix dev --manual, NODE_ENV=development) it loads each new build as the compiler writes it
 * and tells the dev server, so live reload works.
 */
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { broadcastDevReady } from "@remix-run/node";
import { createApp, loadContext } from "./server/app.js";
import { remixHandler } from "./server/remix-handler.js";

process.env.NODE_ENV ??= "production";
const development = process.env.NODE_ENV === "development";

const out = process.env.BUILD_DIR ?? "build";
const buildPath = path.resolve(out, "index.js");
const importBuild = () => import(`${url.pathToFileURL(buildPath).href}?t=${fs.statSync(buildPath).mtimeMs}`);

let build = await importBuild();
const cfg = await build.entry.module.prepareServer();

const app = createApp({
  assets: `public/${out}`,
  handler: remixHandler({ build: development ? async () => build : build, getLoadContext: loadContext }),
});

const port = cfg.port;
app.listen(port, () => {
  console.log(`Kita collaboration platform (${cfg.appEnv}) listening on http://localhost:${port}`);
  if (development) broadcastDevReady(build);
});

if (development) {
  // The compiler rewrites version.txt after each build: load the new build, then let the browser reload.
  fs.watch(path.dirname(buildPath), async (_event, file) => {
    if (file !== "version.txt") return;
    build = await importBuild();
    await broadcastDevReady(build);
  });
}
