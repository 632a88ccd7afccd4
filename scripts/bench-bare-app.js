/**
 * The yardstick of `npm run bench`: a bare Remix 2.17.5 app (classic compiler, the same future flags) with this app's
 * route table, built into a temporary folder from the current `app/routes` file names. Every page route has the
 * body of a bare index: one Kysely query on the app's database and a list of what it returned (a route that others
 * nest under renders its child instead; a resource route answers "ok"). The bench asks it for the same URL as the
 * page it measures, so both pay the same route matching, which grows with the route count and, for the lazily
 * discovered manifest, with the URL's depth: what the app costs beyond it is the app's own work.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** The route module names of app/routes: files as they are, and a folder with a route module under its own name. */
export function routeNames(dir = path.join(root, "app/routes")) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.name.startsWith(".") || /\.test\.[jt]sx?$/.test(entry.name)) return [];
      if (entry.isDirectory()) {
        const inner = fs.readdirSync(path.join(dir, entry.name)).find((f) => /^route\.[jt]sx?$/.test(f));
        return inner ? [`${entry.name}${path.extname(inner)}`] : [];
      }
      return /\.[jt]sx?$/.test(entry.name) ? [entry.name] : [];
    })
    .sort();
}

const ROOT = `import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";

export function Layout({ children }) {
  return (
    <html lang="ja">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}
`;

const PAGE = `import { useLoaderData } from "@remix-run/react";
import { db } from "../db.server";

export async function loader() {
  return { firms: await db.selectFrom("firm").select(["id", "name"]).orderBy("id").limit(20).execute() };
}

export default function Page() {
  const { firms } = useLoaderData();
  return (
    <ul>
      {firms.map((f) => (
        <li key={f.id}>{f.name}</li>
      ))}
    </ul>
  );
}
`;

const DB = `import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";

export const db = new Kysely({
  dialect: new SqliteDialect({ database: new Database(process.env.DATABASE_PATH, { readonly: true }) }),
});
`;

const SERVER = `import express from "express";
import { createRequestHandler } from "@remix-run/express";

const build = await import("./build/index.js");
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT), () => console.log("bare app listening"));
`;

/** Writes and builds the bare app; returns its folder (server: `node server.js` there, with PORT and DATABASE_PATH). */
export function buildBareApp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-bare-remix-"));
  fs.mkdirSync(path.join(dir, "app/routes"), { recursive: true });
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  const appConfig = fs.readFileSync(path.join(root, "remix.config.js"), "utf8");
  const future = /future:\s*(\{[^}]*\})/.exec(appConfig)?.[1] ?? "{}";
  // The compiler reads the server runtime off the dependencies; the versions are the app's own (isbot, which Remix's
  // default entry imports, is only a development dependency here: the app answers every page whole).
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const dependencies = { ...manifest.devDependencies, ...manifest.dependencies };
  const used = ["@remix-run/express", "@remix-run/node", "@remix-run/react", "better-sqlite3", "express", "isbot"];
  const deps = Object.fromEntries([...used, "kysely", "react", "react-dom"].map((name) => [name, dependencies[name]]));
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ type: "module", private: true, dependencies: deps }),
  );
  fs.writeFileSync(
    path.join(dir, "remix.config.js"),
    `export default { serverModuleFormat: "esm", ignoredRouteFiles: ["**/.*"], future: ${future} };\n`,
  );
  fs.writeFileSync(path.join(dir, "app/root.jsx"), ROOT);
  fs.writeFileSync(path.join(dir, "app/db.server.js"), DB);
  fs.writeFileSync(path.join(dir, "server.js"), SERVER);
  const names = routeNames();
  for (const name of names) {
    const base = name.replace(/\.[jt]sx?$/, "");
    const resource = /\.[jt]s$/.test(name);
    const parent = names.some((other) => other.replace(/\.[jt]sx?$/, "").startsWith(`${base}.`));
    const body = resource
      ? `export const loader = () => new Response("ok");\n`
      : parent
        ? `import { Outlet } from "@remix-run/react";\nexport default function Layout() {\n  return <Outlet />;\n}\n`
        : PAGE;
    fs.writeFileSync(path.join(dir, "app/routes", `${base}.${resource ? "js" : "jsx"}`), body);
  }
  execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "ignore",
  });
  return { dir, routes: names.length };
}
