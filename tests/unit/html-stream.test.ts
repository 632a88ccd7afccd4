// A document is collected whole and answered as one body (app/utils/html-stream.server.ts).
import { describe, expect, it } from "vitest";
import { DocumentBuffer } from "~/utils/html-stream.server";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("DocumentBuffer", () => {
  it("collects every piece React writes, bytes and text, and gives the whole page when it ends", async () => {
    const page = new DocumentBuffer();
    expect(page.write(bytes("<html><body>"))).toBe(true);
    page.write("北区");
    page.write(bytes("</body></html>"));
    page.end();
    expect((await page.body).toString("utf8")).toBe("<html><body>北区</body></html>");
  });

  it("ignores a second end() and anything written after the end", async () => {
    const page = new DocumentBuffer();
    page.write(bytes("a"));
    page.end();
    page.write(bytes("b"));
    page.end();
    page.destroy(new Error("late"));
    expect((await page.body).toString("utf8")).toBe("a");
  });

  it("is rejected with React's error when React destroys it", async () => {
    const page = new DocumentBuffer();
    page.write(bytes("<html>"));
    page.destroy(new Error("fatal render error"));
    page.end();
    await expect(page.body).rejects.toThrow("fatal render error");
  });
});
