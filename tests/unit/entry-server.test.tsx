// The document renderer (app/entry.server.tsx) answers every page whole, with its length, once everything in it is
// ready, and leaves no timer behind: its abort timer would otherwise keep each finished render alive for five seconds.
// RemixServer is replaced by a small tree (with a part that suspends until a promise resolves, as Remix's data
// transfer does), so only the entry's own rendering is exercised.
import type { EntryContext } from "@remix-run/node";
import { afterEach, describe, expect, it, vi } from "vitest";

let later: Promise<void> | null = null;
let failLater = false;
function Later() {
  // Suspends once, the way React 18 components wait for data: by throwing the promise they wait on.
  if (!later) throw (later = new Promise((resolve) => setImmediate(resolve)));
  if (failLater) throw new Error("the streamed part failed");
  return <p>resolved later</p>;
}

vi.mock("@remix-run/react", async (original) => {
  const { Suspense } = await import("react");
  return {
    ...(await original<typeof import("@remix-run/react")>()),
    RemixServer: ({ url }: { url: string }) => (
      <>
        <p>{`rendered ${url}`}</p>
        <Suspense fallback={<p>waiting</p>}>
          <Later />
        </Suspense>
      </>
    ),
  };
});

const { default: handleRequest, handleError } = await import("~/entry.server");

const context = { staticHandlerContext: { loaderData: { root: { locale: "en" } } } } as unknown as EntryContext;

async function render(userAgent: string, { fail = false } = {}) {
  later = null;
  failLater = fail;
  const request = new Request("http://localhost/firms", { headers: { "user-agent": userAgent } });
  return (await handleRequest(request, 200, new Headers(), context, { cspNonce: "nonce" } as never)) as Response;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("document rendering", () => {
  for (const [who, userAgent] of [
    ["a browser", "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"],
    ["a crawler", "Googlebot/2.1 (+http://www.google.com/bot.html)"],
  ]) {
    it(`answers ${who} the whole page with its length, and clears its abort timer`, async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      const response = await render(userAgent);
      expect(vi.getTimerCount()).toBe(0);
      const html = new Uint8Array(await response.arrayBuffer());
      const text = new TextDecoder().decode(html);
      expect(text).toContain("rendered http://localhost/firms");
      expect(text).toContain("resolved later");
      // Not streamed: no fallback went out ahead of the part that suspended.
      expect(text).not.toContain("waiting");
      expect(response.headers.get("Content-Length")).toBe(String(html.byteLength));
      expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
      expect(response.status).toBe(200);
    });
  }

  it("answers 500 and logs the error when a part after the shell fails", async () => {
    const writes: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    const response = await render("Mozilla/5.0", { fail: true });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("rendered http://localhost/firms");
    expect(writes).toEqual([expect.stringContaining("the streamed part failed")]);
    expect(writes[0]).toContain('"msg":"render failed"');
  });
});

describe("handleError", () => {
  const request = new Request("http://localhost/privacy", { method: "POST" });
  // What Remix hands it for a POST to a page without an action (an ErrorResponse: status, statusText, internal, data).
  const clientMistake = { status: 405, statusText: "Method Not Allowed", internal: true, data: "no action" };

  function errorLines(error: unknown) {
    const writes: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    handleError(error, { request } as never);
    return writes.filter((line) => line.includes('"level":"error"'));
  }

  it("logs no error for a client's mistake that Remix answers with a 4xx", () => {
    expect(errorLines(clientMistake)).toEqual([]);
    expect(errorLines({ ...clientMistake, status: 404, statusText: "Not Found" })).toEqual([]);
  });

  it("still logs real failures, with their message", () => {
    expect(errorLines(new Error("database is locked"))).toEqual([expect.stringContaining("database is locked")]);
    expect(errorLines({ ...clientMistake, status: 500, statusText: "Internal Server Error" })).toHaveLength(1);
  });
});
