// HTTP/1.1 over a plain socket, for server-level tests: msw intercepts fetch and http.request (and would refuse
// these local requests), and the tests need control no client library gives (a body that never ends, a lying
// Content-Length, bytes the URL parser would fix).
import type { Server } from "node:http";
import net from "node:net";
import type { Express } from "express";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Header values that occur more than once (Set-Cookie), all of them. */
  all: (name: string) => string[];
}

/** Listens on a free loopback port; `close` stops it. */
export async function listen(app: Express): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parse(raw: Buffer): RawResponse {
  const text = raw.toString("latin1");
  const end = text.indexOf("\r\n\r\n");
  const head = text.slice(0, end).split("\r\n");
  const status = Number(head[0].split(" ")[1]);
  const lines = head.slice(1).map((line) => {
    const i = line.indexOf(":");
    return [line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()] as const;
  });
  const headers = Object.fromEntries(lines);
  let body = raw.subarray(Buffer.byteLength(text.slice(0, end + 4), "latin1"));
  if (headers["transfer-encoding"] === "chunked") {
    const parts: Buffer[] = [];
    let rest = body;
    for (;;) {
      const lineEnd = rest.indexOf("\r\n");
      if (lineEnd < 0) break;
      const size = parseInt(rest.subarray(0, lineEnd).toString(), 16);
      if (!size) break;
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
    body = Buffer.concat(parts);
  }
  return {
    status,
    headers,
    body: body.toString("utf8"),
    all: (name) => lines.filter(([n]) => n === name.toLowerCase()).map(([, v]) => v),
  };
}

/** Whether `raw` holds a whole answer: its headers and as many body bytes as its Content-Length says. */
function complete(raw: Buffer): boolean {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(raw.subarray(0, end).toString("latin1"));
  return length !== null && raw.length - (end + 4) >= Number(length[1]);
}

/**
 * Sends `head` (request line and headers, without the blank line) and `body`, and reads the answer until it is
 * complete (by its Content-Length) or the server closes the connection. Send `Connection: close` unless the server
 * will close by itself.
 */
export function rawRequest(port: number, head: string, body: Buffer | string = ""): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (d) => {
      chunks.push(d);
      if (complete(Buffer.concat(chunks))) {
        socket.destroy();
        resolve(parse(Buffer.concat(chunks)));
      }
    });
    // A server that refuses a body may reset the connection while we still send it: its answer is what counts.
    socket.on("error", (error) => (chunks.length ? resolve(parse(Buffer.concat(chunks))) : reject(error)));
    socket.on("close", () => (chunks.length ? resolve(parse(Buffer.concat(chunks))) : reject(new Error("no answer"))));
    socket.write(`${head}\r\n\r\n`);
    if (body.length) socket.write(body);
  });
}

/**
 * A chunked upload that never ends on its own: `first` bytes at once, then a small chunk every 20 ms for as long as
 * the server lets us. Resolves with the answer, whether the server closed the connection while we were still
 * sending, and how many bytes we managed to send.
 */
export function endlessChunkedUpload(
  port: number,
  head: string,
  first: number,
  { timeoutMs = 5_000 } = {},
): Promise<{ response: RawResponse | null; closedByServer: boolean; sent: number }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    let sent = 0;
    let done = false;
    const chunk = (bytes: number) => {
      const data = Buffer.alloc(bytes, "a");
      sent += bytes;
      return Buffer.concat([Buffer.from(`${bytes.toString(16)}\r\n`), data, Buffer.from("\r\n")]);
    };
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearInterval(drip);
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(received);
      resolve({ response: raw.length ? parse(raw) : null, closedByServer, sent });
    };
    socket.on("data", (d) => received.push(d));
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
    socket.on("end", () => finish(true));
    socket.write(`${head}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    for (let left = first; left > 0; left -= 64 * 1024) socket.write(chunk(Math.min(left, 64 * 1024)));
    const drip = setInterval(() => {
      if (!socket.destroyed && socket.writable) socket.write(chunk(1024));
    }, 20);
    const timer = setTimeout(() => finish(false), timeoutMs);
  });
}
