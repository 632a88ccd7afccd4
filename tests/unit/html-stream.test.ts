// React's pieces of a page leave the document stream as one chunk per flush (app/utils/html-stream.server.ts).
import { describe, expect, it } from "vitest";
import { CoalescingPassThrough } from "~/utils/html-stream.server";

const bytes = (text: string) => new TextEncoder().encode(text);

function collect(stream: CoalescingPassThrough) {
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  return chunks;
}

describe("CoalescingPassThrough", () => {
  it("holds the pieces written until flush, then passes them on as one chunk", async () => {
    const stream = new CoalescingPassThrough();
    const chunks = collect(stream);
    expect(stream.write(bytes("<html>"))).toBe(true);
    stream.write(bytes("<body>北区"));
    stream.write(bytes("</body>"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual([]);
    stream.flush();
    stream.write(bytes("</html>"));
    stream.flush();
    stream.flush(); // nothing pending: no empty chunk
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual(["<html><body>北区</body>", "</html>"]);
  });

  it("passes on what is still held when it ends, before the last chunk given to end(), and ignores a second end()", async () => {
    const stream = new CoalescingPassThrough();
    const chunks = collect(stream);
    const ended = new Promise((resolve) => stream.on("end", resolve));
    stream.write(bytes("a"));
    stream.write(bytes("b"));
    stream.end(bytes("c"));
    await ended;
    expect(chunks).toEqual(["ab", "c"]);
    const errors: unknown[] = [];
    stream.end(() => errors.push("called back"));
    stream.on("error", (error) => errors.push(error));
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual([]);
  });

  it("passes strings and writes with a callback straight through", async () => {
    const stream = new CoalescingPassThrough();
    const chunks = collect(stream);
    const written = new Promise((resolve) => stream.write(bytes("now"), resolve));
    stream.write("text");
    await written;
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual(["now", "text"]);
  });
});
