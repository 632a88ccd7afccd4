// The Express layer in front of Remix (server/*): security headers on every kind of response, body limits before
// the body is read, content types, the last error handler, the client address behind proxies, Secure cookies on
// HTTPS. The app is built by the same createApp as server.js, around the real Remix handler with a small build of
// resource routes (the document's nonces are checked against the real build in tests/e2e/security-headers.test.ts).
import type { ServerBuild } from "@remix-run/node";
import type { Express } from "express";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_IMPORT_BYTES } from "~/firms/firm-csv.server";
import { MAX_DOCUMENT_BYTES } from "~/schemas/agreements";
import { createApp, loadContext } from "../../server/app.js";
import {
  BODY_LIMITS,
  bodyLimitFor,
  contentTypeProblem,
  DEFAULT_BODY_LIMIT,
  MULTIPART_OVERHEAD,
} from "../../server/body-limit.js";
import { trustProxyHops } from "../../server/client-address.js";
import { remixHandler } from "../../server/remix-handler.js";
import { newNonce } from "../../server/security-headers.js";
import { endlessChunkedUpload, listen, rawRequest, type RawResponse } from "../setup/raw-http";

/** What the stand-in routes saw, for assertions about what reached Remix. */
const seen = { actionsCompleted: 0, bytesRead: 0 };

function resourceRoute(id: string, path: string, module: Record<string, unknown>) {
  return { id, parentId: "root", path, index: undefined, caseSensitive: undefined, module };
}

/** A Remix build with resource routes only (no document rendering): enough to drive the real request handler. */
const build = {
  mode: "production",
  basename: undefined,
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  isSpaMode: false,
  future: { v3_singleFetch: true, v3_lazyRouteDiscovery: false },
  entry: { module: { default: () => new Response("no documents here", { status: 500 }), handleError: () => {} } },
  assets: { entry: { module: "", imports: [] }, routes: {}, url: "", version: "test" },
  routes: {
    root: { id: "root", path: "", module: {} },
    "routes/echo": resourceRoute("routes/echo", "echo", {
      action: async ({ request }: { request: Request }) => {
        const form = await request.formData();
        seen.actionsCompleted++;
        seen.bytesRead += String(form.get("data") ?? "").length;
        return new Response(`fields=${[...form.keys()].length}`, {
          headers: { "Set-Cookie": "flash=1; Path=/; HttpOnly; SameSite=Lax" },
        });
      },
    }),
    "routes/context": resourceRoute("routes/context", "context", {
      loader: ({ context }: { context: { clientIp: string; cspNonce: string } }) =>
        new Response(
          `<!doctype html><title>t</title><script nonce="${context.cspNonce}">1</script><p>${context.clientIp}</p>`,
          { headers: { "Content-Type": "text/html; charset=utf-8" } },
        ),
    }),
    "routes/boom": resourceRoute("routes/boom", "boom", {
      loader: () => {
        throw new Error("a bug with a secret detail");
      },
    }),
    "routes/upload": resourceRoute("routes/upload", "staff/firms/import", {
      action: async ({ request }: { request: Request }) => {
        const bytes = (await request.arrayBuffer()).byteLength;
        seen.actionsCompleted++;
        return new Response(`bytes=${bytes}`);
      },
    }),
  },
} as unknown as ServerBuild;

const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (running.length) await running.pop()!();
  seen.actionsCompleted = 0;
  seen.bytesRead = 0;
});

async function start(env: Record<string, string> = {}, app?: Express) {
  const server = await listen(
    app ?? createApp({ env, handler: remixHandler({ build, mode: "production", getLoadContext: loadContext }) }),
  );
  running.push(server.close);
  return server.port;
}

/** The request line and headers of a form post (send the body with rawRequest). */
const form = (path: string, body: string, extra = "") =>
  [
    `POST ${path} HTTP/1.1`,
    "Host: kita.example",
    "Content-Type: application/x-www-form-urlencoded",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    extra,
  ]
    .filter(Boolean)
    .join("\r\n");

const get = (path: string, extra = "") =>
  [`GET ${path} HTTP/1.1`, "Host: kita.example", "Connection: close", extra].filter(Boolean).join("\r\n");

function expectSecurityHeaders(res: RawResponse) {
  const csp = res.headers["content-security-policy"];
  expect(csp).toBeTruthy();
  const directives = Object.fromEntries(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
  expect(directives["default-src"]).toEqual(["'self'"]);
  expect(directives["script-src"]).toContain("'self'");
  expect(directives["script-src"].join(" ")).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  expect(directives["style-src"]).toEqual(["'self'"]);
  expect(directives["frame-ancestors"]).toEqual(["'none'"]);
  expect(directives["object-src"]).toEqual(["'none'"]);
  expect(directives["base-uri"]).toEqual(["'self'"]);
  expect(directives["form-action"]).toEqual(["'self'"]);
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(res.headers["x-frame-options"]).toBe("DENY");
  const permissions = res.headers["permissions-policy"];
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
    expect(permissions).toContain(`${feature}=()`);
  }
  expect(res.headers["x-powered-by"]).toBeUndefined();
}

describe("security headers", () => {
  it("are on a Remix answer, a static file, the server's own error pages and the cross-site 403", async () => {
    const port = await start();
    const big = "x".repeat(DEFAULT_BODY_LIMIT + 1);
    const answers = {
      remix: await rawRequest(port, get("/context")),
      static: await rawRequest(port, get("/favicon.svg")),
      malformedUrl: await rawRequest(port, get("/%E0%A4%A")),
      bug: await rawRequest(port, get("/boom")),
      tooLarge: await rawRequest(port, form("/echo", big), big),
      wrongType: await rawRequest(
        port,
        form("/echo", "{}").replace("application/x-www-form-urlencoded", "text/plain"),
        "{}",
      ),
      crossSite: await rawRequest(port, form("/echo", "a=b", "Origin: https://evil.example"), "a=b"),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]))).toEqual({
      remix: 200,
      static: 200,
      malformedUrl: 400,
      bug: 500,
      tooLarge: 413,
      wrongType: 415,
      crossSite: 403,
    });
    for (const res of Object.values(answers)) expectSecurityHeaders(res);
  });

  it("use a new nonce for every response, the one the app was given", async () => {
    const port = await start();
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await rawRequest(port, get("/context"));
      const nonce = /'nonce-([^']+)'/.exec(res.headers["content-security-policy"])![1];
      expect(res.body).toContain(`<script nonce="${nonce}">`);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it("never hand out a nonce twice, across refills of the random pool it is cut from", () => {
    const nonces = Array.from({ length: 1_000 }, () => newNonce());
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("send HSTS and upgrade-insecure-requests only with APP_ENV=production", async () => {
    const demo = await rawRequest(await start({ APP_ENV: "demo" }), get("/context"));
    expect(demo.headers["strict-transport-security"]).toBeUndefined();
    expect(demo.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    const production = await rawRequest(await start({ APP_ENV: "production" }), get("/context"));
    expect(production.headers["strict-transport-security"]).toMatch(/max-age=31536000; includeSubDomains/);
    expect(production.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("let the development live-reload socket connect, and nothing else", async () => {
    const dev = await rawRequest(await start({ REMIX_DEV_ORIGIN: "http://localhost:3001/" }), get("/context"));
    expect(dev.headers["content-security-policy"]).toContain("connect-src 'self' ws://localhost:3001;");
    const prod = await rawRequest(await start(), get("/context"));
    expect(prod.headers["content-security-policy"]).toContain("connect-src 'self';");
  });
});

describe("body limits", () => {
  it("keeps one table, in step with the upload limits the actions check", () => {
    expect(BODY_LIMITS.filter((r) => r.fileLimit).map((r) => r.fileLimit)).toEqual([
      MAX_DOCUMENT_BYTES,
      MAX_IMPORT_BYTES,
    ]);
    expect(bodyLimitFor("/wallet/exchanges/abc.def")).toBe(64 * 1024);
    expect(bodyLimitFor("/staff/agreements/12")).toBe(MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD);
    expect(bodyLimitFor("/staff/agreements/12.data")).toBe(MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD);
    expect(bodyLimitFor("/staff/firms/import")).toBe(MAX_IMPORT_BYTES + MULTIPART_OVERHEAD);
    expect(bodyLimitFor("/staff/firms/import.data")).toBe(MAX_IMPORT_BYTES + MULTIPART_OVERHEAD);
    expect(bodyLimitFor("/STAFF/Firms/Import/")).toBe(MAX_IMPORT_BYTES + MULTIPART_OVERHEAD);
    // Everything else, single fetch included, is a plain form.
    for (const path of ["/login", "/login.data", "/_root.data", "/staff/agreements/12/edit", "/staff/agreements/new"]) {
      expect(bodyLimitFor(path), path).toBe(DEFAULT_BODY_LIMIT);
    }
  });

  it("answers 413 from the declared length alone, before any of the body arrives", async () => {
    const port = await start();
    for (const [path, limit] of [
      ["/echo", DEFAULT_BODY_LIMIT],
      ["/login.data", DEFAULT_BODY_LIMIT],
      ["/staff/firms/import", MAX_IMPORT_BYTES + MULTIPART_OVERHEAD],
      ["/staff/agreements/3.data", MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD],
    ] as const) {
      // Declares one byte too many and sends none of it: the answer cannot have waited for the body.
      const head = form(path, "").replace("Content-Length: 0", `Content-Length: ${limit + 1}`);
      const res = await rawRequest(port, head);
      expect(res.status, path).toBe(413);
      expect(res.headers.connection).toBe("close");
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain("送信された内容が大きすぎます");
      expect(res.body).toContain("too large");
    }
    expect(seen.actionsCompleted).toBe(0);
  });

  it("lets a body up to the limit through to the action", async () => {
    const port = await start();
    const data = "x".repeat(DEFAULT_BODY_LIMIT - 5);
    const res = await rawRequest(port, form("/echo", `data=${data}`), `data=${data}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe("fields=1");
    expect(seen.bytesRead).toBe(data.length);
  });

  it("stops a chunked body that never ends at the limit, answers 413 and closes without reading the rest", async () => {
    const port = await start();
    const head = ["POST /echo HTTP/1.1", "Host: kita.example", "Content-Type: application/x-www-form-urlencoded"].join(
      "\r\n",
    );
    const upload = await endlessChunkedUpload(port, head, DEFAULT_BODY_LIMIT + 64 * 1024);
    expect(upload.response?.status).toBe(413);
    expect(upload.response?.headers.connection).toBe("close");
    expect(upload.response?.body).toContain("too large");
    // The server hung up while we were still sending: it did not wait for (or drain) the endless rest.
    expect(upload.closedByServer).toBe(true);
    expect(seen.actionsCompleted).toBe(0);
  });

  it("applies the upload limit to a streamed upload, and to single fetch's .data path", async () => {
    const port = await start();
    const head = (path: string) =>
      [`POST ${path} HTTP/1.1`, "Host: kita.example", "Content-Type: multipart/form-data; boundary=x"].join("\r\n");
    const small = await endlessChunkedUpload(port, head("/staff/firms/import"), 2 * 1024 * 1024, { timeoutMs: 600 });
    // 2 MB of a 5 MB limit streamed and still streaming: no answer yet, the connection still open.
    expect(small.response).toBeNull();
    expect(small.closedByServer).toBe(false);
    const big = await endlessChunkedUpload(port, head("/staff/firms/import.data"), MAX_IMPORT_BYTES + 128 * 1024);
    expect(big.response?.status).toBe(413);
    expect(big.closedByServer).toBe(true);
  });
});

describe("content types", () => {
  it("accepts what Remix's forms, fetchers and single fetch send", () => {
    expect(contentTypeProblem("POST", "application/x-www-form-urlencoded")).toBe(0);
    expect(contentTypeProblem("POST", "application/x-www-form-urlencoded;charset=UTF-8")).toBe(0);
    expect(contentTypeProblem("POST", "multipart/form-data; boundary=----WebKitFormBoundaryAbC123")).toBe(0);
    expect(contentTypeProblem("DELETE", 'Multipart/Form-Data; boundary="quoted boundary"')).toBe(0);
    expect(contentTypeProblem("GET", undefined)).toBe(0);
    expect(contentTypeProblem("HEAD", "text/plain")).toBe(0);
  });

  it("refuses a missing or other type with 415, a broken one with 400", () => {
    expect(contentTypeProblem("POST", undefined)).toBe(415);
    expect(contentTypeProblem("PUT", "application/json")).toBe(415);
    expect(contentTypeProblem("PATCH", "text/plain;charset=UTF-8")).toBe(415);
    expect(contentTypeProblem("POST", "application/x-www-form-urlencodedx")).toBe(415);
    // JSON only where a route speaks it (the wallet's VC-API exchange), and there only JSON.
    expect(contentTypeProblem("POST", "application/json", "/login")).toBe(415);
    expect(contentTypeProblem("POST", "application/json", "/wallet/exchanges/abc.def")).toBe(0);
    expect(contentTypeProblem("POST", "application/json; charset=utf-8", "/wallet/exchanges/abc.def")).toBe(0);
    expect(contentTypeProblem("POST", "application/x-www-form-urlencoded", "/wallet/exchanges/abc.def")).toBe(415);
    expect(contentTypeProblem("POST", "multipart/form-data")).toBe(400);
    expect(contentTypeProblem("POST", `multipart/form-data; boundary=${"b".repeat(71)}`)).toBe(400);
    expect(contentTypeProblem("POST", "multipart/form-data; boundary=")).toBe(400);
    expect(contentTypeProblem("POST", ";;;")).toBe(400);
    expect(contentTypeProblem("POST", "text/html; charset")).toBe(400);
  });

  it("answers those over HTTP with the short page, never reaching the action", async () => {
    const port = await start();
    const withType = (type: string | null) =>
      [
        "POST /echo HTTP/1.1",
        "Host: kita.example",
        ...(type === null ? [] : [`Content-Type: ${type}`]),
        "Content-Length: 3",
        "Connection: close",
      ].join("\r\n");
    const statuses = [];
    for (const type of [null, "application/json", "text/plain", "multipart/form-data", "%%%"]) {
      const res = await rawRequest(port, withType(type), "a=b");
      expect(res.body).toMatch(/<html lang="ja">/);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([415, 415, 415, 400, 400]);
    expect(seen.actionsCompleted).toBe(0);
    const ok = await rawRequest(port, withType("application/x-www-form-urlencoded;charset=UTF-8"), "a=b");
    expect(ok.status).toBe(200);
  });
});

describe("the last error handler", () => {
  it("answers a bilingual page without details and logs the error", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    // Server errors are JSON lines on stderr (server/request-log.js, logServerError), stack included.
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const port = await start();
      const malformed = await rawRequest(port, get("/%E0%A4%A"));
      expect(malformed.status).toBe(400);
      expect(malformed.body).toContain("リクエストの形式が正しくありません");
      expect(malformed.body).toContain("The request is malformed");
      // A client's mistake is a warning without a stack: anyone can send one, and the error log is for the app's faults.
      const clientLines = stderr.mock.calls
        .map((call) => String(call[0]))
        .filter((line) => line.includes("client error"))
        .map((line) => JSON.parse(line));
      expect(clientLines).toHaveLength(1);
      expect(clientLines[0]).toMatchObject({
        level: "warn",
        msg: "client error 400",
        requestId: malformed.headers["x-request-id"],
      });
      expect(clientLines[0].stack).toBeUndefined();

      // A bug in Express-level code (here: a handler that throws) answers 500 with nothing of the error.
      const broken = createApp({
        env: {},
        handler: () => {
          throw new Error("secret detail");
        },
      });
      const res = await rawRequest(await start({}, broken), get("/anything"));
      expect(res.status).toBe(500);
      expect(res.body).toContain("サーバーで問題が起きました");
      expect(res.body).not.toContain("secret detail");
      // The page names the request id (the X-Request-Id header) so staff can quote it; the log line has the stack.
      const requestId = res.headers["x-request-id"];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).toContain(requestId);
      const logged = stderr.mock.calls
        .map((call) => String(call[0]))
        .filter((line) => line.includes("secret detail"))
        .map((line) => JSON.parse(line));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: "error", requestId, error: "secret detail" });
      expect(logged[0].stack).toContain("secret detail");
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
      stderr.mockRestore();
    }
  });
});

describe("client address behind proxies", () => {
  const forwarded = (xff: string, extra = "") => get("/context", [`X-Forwarded-For: ${xff}`, extra].join("\r\n"));
  const addressIn = (res: RawResponse) => /<p>([^<]*)<\/p>/.exec(res.body)![1];

  it("ignores X-Forwarded-For without TRUST_PROXY", async () => {
    const port = await start();
    expect(addressIn(await rawRequest(port, forwarded("203.0.113.9")))).toBe("127.0.0.1");
  });

  it("with TRUST_PROXY=1 takes the address our proxy saw, never the left-most entry the client wrote", async () => {
    const port = await start({ TRUST_PROXY: "1" });
    // The client sent "X-Forwarded-For: 203.0.113.9"; our proxy appended the address it saw.
    expect(addressIn(await rawRequest(port, forwarded("203.0.113.9, 198.51.100.7")))).toBe("198.51.100.7");
    expect(addressIn(await rawRequest(port, forwarded("198.51.100.7")))).toBe("198.51.100.7");
  });

  it("with TRUST_PROXY=2 trusts exactly two hops", async () => {
    const port = await start({ TRUST_PROXY: "2" });
    const address = addressIn(await rawRequest(port, forwarded("192.0.2.66, 203.0.113.9, 198.51.100.7")));
    expect(address).toBe("203.0.113.9");
  });

  it("reads TRUST_PROXY as a hop count and refuses anything else", () => {
    expect(trustProxyHops(undefined)).toBe(0);
    expect(trustProxyHops("")).toBe(0);
    expect(trustProxyHops("1")).toBe(1);
    expect(trustProxyHops(" 2 ")).toBe(2);
    for (const bad of ["true", "-1", "1.5", "loopback", "999"]) expect(() => trustProxyHops(bad), bad).toThrow();
  });
});

describe("cookies over HTTPS", () => {
  const post = (port: number, extra: string) => rawRequest(port, form("/echo", "a=b", extra), "a=b");

  it("marks every cookie Secure when the trusted proxy says the request was HTTPS", async () => {
    const port = await start({ TRUST_PROXY: "1" });
    const https = await post(port, "X-Forwarded-Proto: https\r\nX-Forwarded-For: 198.51.100.7");
    expect(https.status).toBe(200);
    expect(https.all("set-cookie")).toEqual(["flash=1; Path=/; HttpOnly; SameSite=Lax; Secure"]);
  });

  it("leaves cookies alone on plain http, and does not believe X-Forwarded-Proto from anyone but a trusted proxy", async () => {
    const port = await start();
    const plain = await post(port, "");
    expect(plain.all("set-cookie")).toEqual(["flash=1; Path=/; HttpOnly; SameSite=Lax"]);
    const spoofed = await post(port, "X-Forwarded-Proto: https");
    expect(spoofed.all("set-cookie")).toEqual(["flash=1; Path=/; HttpOnly; SameSite=Lax"]);
  });
});
