// A document is collected whole and answered as one body (app/utils/html-stream.server.ts).
import { renderToPipeableStream } from "react-dom/server";
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

describe("a page rendered by React into DocumentBuffer", () => {
  // React 18.3.1 pads a 2 KB view with NUL bytes when a character does not fit at its end (react/react#31134). Three
  // offsets put the edges of the views at each byte of the 3-byte characters.
  for (const offset of [0, 1, 2]) {
    it(`has no NUL byte where a Japanese character meets the end of React's view (offset ${offset})`, async () => {
      const items = Array.from({ length: 400 }, (_, i) => `北区の企業${i}`);
      const page = new DocumentBuffer();
      const { pipe } = renderToPipeableStream(
        <ul title={"x".repeat(offset)}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>,
        { onAllReady: () => pipe(page as unknown as NodeJS.WritableStream) },
      );
      const html = (await page.body).toString("utf8");
      expect(html).not.toContain("\u0000");
      expect(html).toContain("北区の企業0</li>");
      expect(html).toContain("北区の企業399</li>");
      expect(html.match(/<li>/g)).toHaveLength(400);
    });
  }
});
