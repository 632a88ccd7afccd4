/**
 * The production server: Express serving the Remix build. Migrates and seeds the database at start
 * (prepareServer from the build), refuses cross-site POSTs, and passes the client's address to the app.
 */
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { crossSiteGuard } from "./server/cross-site-guard.js";

process.env.NODE_ENV ??= "production";

const out = process.env.BUILD_DIR ?? "build";
const build = await import(`./${out}/index.js`);
const cfg = await build.entry.module.prepareServer();

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1");
app.use(compression());
app.use("/build", express.static(`public/${out}`, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.use(crossSiteGuard);
app.all("*", createRequestHandler({ build, getLoadContext: (req) => ({ clientIp: req.ip ?? "unknown" }) }));

const port = cfg.port;
app.listen(port, () => {
  console.log(`Kita collaboration platform (${cfg.appEnv}) listening on http://localhost:${port}`);
});
