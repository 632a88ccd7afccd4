// One JSON line per request: request id (also the X-Request-Id header), method, path with credentials redacted,
// status, duration and the signed-in user's id as the app noted it.
import express from "express";
import { describe, expect, it } from "vitest";
import { currentRequestContext, noteRequestUser } from "~/utils/request-context.server";
import { redactUrl, requestLog } from "../../server/request-log.js";
import { listen, rawRequest } from "../setup/raw-http";

describe("redactUrl", () => {
  it.each([
    ["/invitations/abcDEF123_-", "/invitations/[redacted]"],
    ["/reset-password/abcDEF123_-", "/reset-password/[redacted]"],
    ["/reset-password/abc.data", "/reset-password/[redacted].data"],
    ["/register/confirm/tok3n", "/register/confirm/[redacted]"],
    ["/host-response/tok3n", "/host-response/[redacted]"],
    ["/host-response/thanks", "/host-response/thanks"],
    ["/calendar/s3cret.ics", "/calendar/[redacted].ics"],
    ["/wallet/exchanges/s3cret", "/wallet/exchanges/[redacted]"],
    ["/INVITATIONS/upper", "/INVITATIONS/[redacted]"],
    ["/staff/users?role=firm&page=2", "/staff/users?role=firm&page=2"],
    ["/firms?q=%E5%8C%97%E5%8C%BA%E5%B7%A5%E6%A5%AD&page=1", "/firms?q=%5Bredacted%5D&page=1"],
    ["/login?redirectTo=/reset-password/x", "/login?redirectTo=%5Bredacted%5D"],
  ])("%s → %s", (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

describe("requestLog", () => {
  it("writes one line per request with the id the response carries and the user the app noted", async () => {
    const lines: string[] = [];
    const app = express();
    app.use(requestLog({ write: (line: string) => lines.push(line) }));
    app.get("/reset-password/:token", (_req, res) => {
      noteRequestUser(42);
      res.json({ requestId: currentRequestContext()?.requestId });
    });
    app.get("/broken", (_req, res) => {
      res.status(500).end();
    });
    const server = await listen(app);
    try {
      const res = await rawRequest(
        server.port,
        "GET /reset-password/very-secret-token?x=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
      );
      const body = JSON.parse(res.body);
      const id = res.headers["x-request-id"];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.requestId).toBe(id);
      await rawRequest(server.port, "GET /broken HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      await new Promise((r) => setTimeout(r, 50));
      expect(lines).toHaveLength(2);
      const first = JSON.parse(lines[0]);
      expect(first).toMatchObject({
        level: "info",
        msg: "request",
        requestId: id,
        method: "GET",
        path: "/reset-password/[redacted]?x=%5Bredacted%5D",
        status: 200,
        userId: 42,
      });
      expect(typeof first.durationMs).toBe("number");
      expect(Date.parse(first.time)).not.toBeNaN();
      expect(lines[0]).not.toContain("very-secret-token");
      expect(JSON.parse(lines[1])).toMatchObject({ path: "/broken", status: 500, userId: null });
    } finally {
      await server.close();
    }
  });
});
