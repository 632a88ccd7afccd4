// Pages from the production build, as `npm start` serves them: each rendered to one string with its single-fetch data
// (app/entry.server.tsx fills Remix's StreamTransfer cache so nothing suspends), answered whole with its length, with
// no NUL byte, and never through the streaming fallback, which logs an error when a page leaves a Suspense boundary
// unfinished (it would still be correct, but the assumption that no page suspends would no longer hold).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, startServer, type RunningServer } from "./server";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-documents-"));
let server: RunningServer;

beforeAll(async () => {
  server = await startServer(dataDir, { WEB_CONCURRENCY: "1" });
});

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function page(url: string, cookie = "") {
  // Uncompressed, to see the length the app gives (fetch asks for gzip by default, which compression answers chunked).
  const headers: Record<string, string> = { "accept-encoding": "identity", ...(cookie ? { cookie } : {}) };
  const res = await fetch(server.baseURL + url, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, html: new TextDecoder().decode(bytes) };
}

describe("documents", () => {
  it("are one string each, with the page's data, their length and no NUL byte, in Japanese and English", async () => {
    const pages = ["/", "/projects", "/projects?lng=en", "/firms", "/accessibility", "/login", "/no-such-page"];
    for (const url of pages) {
      const { res, bytes, html } = await page(url);
      expect(res.status, url).toBe(url === "/no-such-page" ? 404 : 200);
      expect(res.headers.get("content-length"), url).toBe(String(bytes.byteLength));
      expect(html.startsWith("<!DOCTYPE html><html"), url).toBe(true);
      expect(html, url).toContain("window.__remixContext.streamController.enqueue(");
      expect(html, url).toContain("window.__remixContext.streamController.close();");
      expect(html, url).not.toMatch(/<!--\$[?!]-->/);
      expect(bytes.includes(0), url).toBe(false);
    }
    const cookie = await signInAs(server.baseURL, "student@toyo.example");
    const { res, html } = await page("/student", cookie);
    expect(res.status).toBe(200);
    expect(html).toContain("window.__remixContext.streamController.close();");
  });

  it("never fell back to the streaming renderer, and logged no error", () => {
    const lines = server.logs.join("").split("\n");
    expect(lines.filter((line) => line.includes("Suspense boundary"))).toEqual([]);
    expect(lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});
