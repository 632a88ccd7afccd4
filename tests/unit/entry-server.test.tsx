// The document renderer (app/entry.server.tsx) leaves no timer behind once a page is rendered: its abort timer would
// otherwise keep each finished render alive for five seconds. RemixServer is replaced by a small tree, so only the
// entry's own streaming is exercised.
import type { EntryContext } from "@remix-run/node";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@remix-run/react", async (original) => ({
  ...(await original<typeof import("@remix-run/react")>()),
  RemixServer: ({ url }: { url: string }) => <p>{`rendered ${url}`}</p>,
}));

const { default: handleRequest, handleError } = await import("~/entry.server");

const context = { staticHandlerContext: { loaderData: { root: { locale: "en" } } } } as unknown as EntryContext;

async function render(userAgent: string) {
  const request = new Request("http://localhost/firms", { headers: { "user-agent": userAgent } });
  const response = (await handleRequest(request, 200, new Headers(), context, {
    cspNonce: "nonce",
  } as never)) as Response;
  return response.text();
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
    it(`streams the page to ${who} and clears its abort timer`, async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      const html = await render(userAgent);
      expect(html).toContain("rendered http://localhost/firms");
      expect(vi.getTimerCount()).toBe(0);
    });
  }
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
