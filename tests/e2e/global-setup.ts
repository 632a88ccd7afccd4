// Starts the production build on a free port with a fresh demo database, for the browser tests, and a local mail
// catcher that the server's outbox delivers to (tests read mail through ./mail.ts).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { clearA11yLog } from "./a11y-log";
import { SERVER_LOG } from "./server-log";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
    /** The mail catcher: `GET {mailCatcherURL}/mails?to=ADDRESS&after=ID` lists what the server sent. */
    mailCatcherURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

let child: ChildProcess | undefined;
let dataDir: string | undefined;
let catcher: http.Server | undefined;

/** A mail as the catcher keeps it; `id` grows with every mail received. */
export interface CaughtMail {
  id: number;
  to: string[];
  from: string;
  subject: string;
  text: string;
  authorization: string | null;
}

const MAX_MAIL_BYTES = 1024 * 1024;

/**
 * A stand-in for the SendGrid-v3-style mail API (`POST /v3/mail/send`, answered 202 like SendGrid), keeping every
 * mail in memory. The tests run in other processes, so they read the mails over HTTP: `GET /mails?to=&after=`.
 */
function startMailCatcher(): Promise<{ server: http.Server; url: string }> {
  const mails: CaughtMail[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://catcher");
    if (req.method === "POST" && url.pathname === "/v3/mail/send") {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_MAIL_BYTES) chunks.push(chunk);
      });
      req.on("end", () => {
        try {
          if (size > MAX_MAIL_BYTES) throw new Error("too large");
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          mails.push({
            id: mails.length + 1,
            to: body.personalizations.flatMap((p: { to: Array<{ email: string }> }) => p.to.map((t) => t.email)),
            from: body.from.email,
            subject: body.subject,
            text: body.content.find((c: { type: string }) => c.type === "text/plain")?.value ?? "",
            authorization: req.headers.authorization ?? null,
          });
          res.writeHead(202).end();
        } catch {
          res.writeHead(400, { "Content-Type": "application/json" }).end('{"errors":[{"message":"bad request"}]}');
        }
      });
      return;
    }
    if (req.method === "GET" && url.pathname === "/mails") {
      const to = url.searchParams.get("to")?.toLowerCase();
      const after = Number(url.searchParams.get("after") ?? 0);
      const found = mails.filter((m) => m.id > after && (!to || m.to.some((t) => t.toLowerCase() === to)));
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(found));
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

export default async function setup(project: TestProject) {
  const out = process.env.BUILD_DIR ?? "build";
  if (!fs.existsSync(`${out}/index.js`))
    throw new Error("Run `npx remix build` before the browser tests (npm test does).");
  clearA11yLog();
  const mail = await startMailCatcher();
  catcher = mail.server;
  const port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-e2e-"));
  const logs: string[] = [];
  // The server's log is kept for the whole run, so a failing test can show the server's side (./failure-report.ts).
  fs.mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const logFile = fs.createWriteStream(SERVER_LOG);
  child = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      APP_ENV: "demo",
      DATA_DIR: dataDir,
      DATABASE_PATH: path.join(dataDir, "app.db"),
      MAIL_API_URL: `${mail.url}/v3/mail/send`,
      MAIL_API_KEY: "e2e-mail-key",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (d) => {
      logs.push(String(d));
      logFile.write(d);
    });
  }
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${baseURL}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`The server did not start:\n${logs.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide("baseURL", baseURL);
  project.provide("dataDir", dataDir);
  project.provide("mailCatcherURL", mail.url);
  return async () => {
    child?.kill("SIGTERM");
    logFile.end();
    catcher?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
