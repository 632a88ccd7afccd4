// The document renderer (app/entry.server.tsx) renders a page to one string when nothing in it suspends, and a page
// that leaves a Suspense boundary unfinished again the streaming way; either way it answers the whole page, with its
// length, and leaves no timer behind (an abort timer would keep each finished render alive for five seconds).
// RemixServer is replaced by a small tree with a part that can suspend until a promise resolves, so only the entry's
// own rendering is exercised; the real Remix handoff is tested on the production build (tests/ops/documents.test.ts).
import type { EntryContext } from "@remix-run/node";
import { afterEach, describe, expect, it, vi } from "vitest";

let later: Promise<void> | null = null;
let failLater = false;
let failShellWhenStreamed = false;
function Shell() {
  // Fails only in the streaming render: the string render went through, the second render of the shell did not.
  if (failShellWhenStreamed && renderers.streaming > 0) throw new Error("the shell failed the second time");
  return null;
}
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
        <Shell />
        <Suspense fallback={<p>waiting</p>}>
          <Later />
        </Suspense>
      </>
    ),
  };
});

const renderers = vi.hoisted(() => ({ string: 0, streaming: 0 }));
vi.mock("react-dom/server", async (original) => {
  const server = await original<typeof import("react-dom/server")>();
  return {
    ...server,
    renderToString: (...args: Parameters<typeof server.renderToString>) => {
      renderers.string++;
      return server.renderToString(...args);
    },
    renderToPipeableStream: (...args: Parameters<typeof server.renderToPipeableStream>) => {
      renderers.streaming++;
      return server.renderToPipeableStream(...args);
    },
  };
});

const { default: handleRequest, handleError, streamTransferCache } = await import("~/entry.server");

async function render(userAgent: string, { fail = false, suspend = true, failShell = false } = {}) {
  later = suspend ? null : Promise.resolve();
  failLater = fail;
  failShellWhenStreamed = failShell;
  renderers.string = renderers.streaming = 0;
  const context = {
    staticHandlerContext: { loaderData: { root: { locale: "en" } } },
    renderMeta: {},
  } as unknown as EntryContext;
  const request = new Request("http://localhost/firms", { headers: { "user-agent": userAgent } });
  return (await handleRequest(request, 200, new Headers(), context, { cspNonce: "nonce" } as never)) as Response;
}

async function expectWholePage(response: Response) {
  const html = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(html);
  expect(text).toContain("rendered http://localhost/firms");
  expect(text).toContain("resolved later");
  // Not streamed: no fallback went out ahead of the part that suspended.
  expect(text).not.toContain("waiting");
  expect(response.headers.get("Content-Length")).toBe(String(html.byteLength));
  expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
}

function stderrLines() {
  const writes: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    writes.push(String(chunk));
    return true;
  });
  return writes;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("document rendering", () => {
  it("renders a page in which nothing suspends to one string, answered whole", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const response = await render("Mozilla/5.0", { suspend: false });
    expect(renderers).toEqual({ string: 1, streaming: 0 });
    expect(vi.getTimerCount()).toBe(0);
    expect(response.status).toBe(200);
    await expectWholePage(response);
  });

  it("renders a page that suspends again the streaming way, to browsers and crawlers, and says so once", async () => {
    const lines = stderrLines();
    for (const userAgent of [
      "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36",
      "Googlebot/2.1 (+http://www.google.com/bot.html)",
    ]) {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      const response = await render(userAgent);
      expect(renderers).toEqual({ string: 1, streaming: 1 });
      expect(vi.getTimerCount()).toBe(0);
      vi.useRealTimers();
      expect(response.status).toBe(200);
      await expectWholePage(response);
    }
    const fallbacks = lines.filter((line) => line.includes("left a Suspense boundary unfinished"));
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toContain('"path":"/firms"');
  });

  it("renders after the I/O the event loop took in, so that requests arriving together render one after another", async () => {
    // An immediate queued before the page stands for the next request's work waiting in the same turn of the loop.
    const order: string[] = [];
    setImmediate(() => order.push("other request"));
    const rendered = render("Mozilla/5.0", { suspend: false }).then(() => order.push("page rendered"));
    await Promise.resolve();
    expect(renderers.string).toBe(0); // not rendered within the loaders' turn
    await rendered;
    expect(order).toEqual(["other request", "page rendered"]);
  });

  it("answers 500 and logs the error when a part after the shell fails", async () => {
    const lines = stderrLines();
    const response = await render("Mozilla/5.0", { fail: true });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("rendered http://localhost/firms");
    const failures = lines.filter((line) => line.includes('"msg":"render failed"'));
    expect(failures).toEqual([expect.stringContaining("the streamed part failed")]);
  });

  it("leaves a shell that fails when streamed to Remix's error boundary, without logging it itself", async () => {
    const lines = stderrLines();
    await expect(render("Mozilla/5.0", { failShell: true })).rejects.toThrow("the shell failed the second time");
    // React calls onAllReady after a failed shell too; Remix logs the error (handleError) as it renders the boundary.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.filter((line) => line.includes("render failed"))).toEqual([]);
  });
});

describe("the loader data written into the page", () => {
  it("is cached as Remix's StreamTransfer reads it, a character split between two pieces decoded whole", () => {
    const north = new TextEncoder().encode("北区");
    const pieces = [north.subarray(0, 2), Uint8Array.from([...north.subarray(2), 0x21])];
    expect(streamTransferCache(pieces)).toEqual({
      0: { result: { done: false, value: "" } },
      1: { result: { done: false, value: "北区!" } },
      2: { result: { done: true, value: "" } },
    });
    // A page without loader data still closes the stream.
    expect(streamTransferCache([])).toEqual({ 0: { result: { done: true, value: "" } } });
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
