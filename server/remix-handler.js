/**
 * Express → Remix, as @remix-run/express's handler does (its request and response helpers are not exported, so
 * their few lines are repeated here), with two differences: the body Remix reads is counted
 * (server/body-limit.js), so a streamed body over its limit is answered 413 without reading the rest; and on an
 * HTTPS request every cookie the app sets is marked Secure, whichever code set it.
 */
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import { limitedBody } from "./body-limit.js";
import { sendStatusPage } from "./pages.js";

/**
 * @param {{
 *   build: import("@remix-run/node").ServerBuild | (() => Promise<import("@remix-run/node").ServerBuild>),
 *   mode?: string,
 *   getLoadContext?: (req: import("express").Request, res: import("express").Response) => unknown,
 * }} options
 */
export function remixHandler({ build, mode = process.env.NODE_ENV, getLoadContext }) {
  const handleRequest = createRequestHandler(build, mode);
  return async function remix(req, res, next) {
    try {
      const { request, tooLarge } = remixRequest(req, res);
      const response = await handleRequest(request, await getLoadContext?.(req, res));
      if (tooLarge() || res.headersSent) {
        // The 413 went out while Remix was reading; what it answered after the body stopped is dropped.
        await response.body?.cancel();
        return;
      }
      await sendRemixResponse(res, req.secure ? withSecureCookies(response) : response);
    } catch (error) {
      next(error);
    }
  };
}

/** The Fetch API Request for Remix, and whether its body was cut off at the limit. */
function remixRequest(req, res) {
  // As @remix-run/express: req.hostname and req.protocol follow the `trust proxy` setting.
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [Number.parseInt(forwardedPort, 10), Number.parseInt(hostPort, 10)].find(Number.isSafeInteger) ?? "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);

  let controller = new AbortController();
  let cut = false;
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    for (const value of Array.isArray(values) ? values : values ? [values] : []) headers.append(name, value);
  }
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = limitedBody(req, () => {
      cut = true;
      sendStatusPage(res, 413, { close: true });
      controller?.abort(new Error("Request body too large"));
    });
    Object.assign(init, { body: createReadableStreamFromReadable(body), duplex: "half" });
  }
  // Abort the loaders and actions once no answer can be written any more (the client went away).
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return { request: new Request(url.href, init), tooLarge: () => cut };
}

/** Writes Remix's answer to Express's response. */
async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** The response with `Secure` added to each Set-Cookie that lacks it. */
function withSecureCookies(response) {
  const cookies = response.headers.getSetCookie();
  if (cookies.every((cookie) => /;\s*secure\s*(;|$)/i.test(cookie))) return response;
  const headers = new Headers(response.headers);
  headers.delete("Set-Cookie");
  for (const cookie of cookies) {
    headers.append("Set-Cookie", /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
