// The markup floor of `npm run bench` (scripts/bench-floor.js) reads React's own server output back into plain
// elements: rendering those again must give the same HTML, or the floor measures some other page.
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { floor, parse, toElements } from "../../scripts/bench-floor.js";

// React separates adjacent text nodes with <!-- -->; the floor renders them as one text, which is the same page.
const withoutSeparators = (html: string) => html.replace(/<!-- -->/g, "");

describe("the bench's markup floor", () => {
  it("renders React's HTML back to the same HTML: attributes, entities, booleans, styles, void and raw elements", () => {
    const html = renderToString(
      <html lang="ja">
        <head>
          <meta charSet="utf-8" />
          <title>A &amp; B</title>
        </head>
        <body>
          <div className="x" style={{ width: "50%", backgroundColor: "red" }} data-discover="true">
            <label htmlFor="q">Q &lt;1&gt;</label>
            <input id="q" name="q" defaultValue={'a"b'} required aria-describedby="q-hint" />
            <select name="s" defaultValue="2">
              <option value="1">一</option>
              <option value="2">二</option>
            </select>
            <p>
              {"text "}
              {42} more
            </p>
            <br />
          </div>
          <script nonce="n" dangerouslySetInnerHTML={{ __html: 'window.x = {"a":"</p>"};' }} />
        </body>
      </html>,
    );
    const tree = parse(html);
    expect(renderToString(toElements(tree.children[0]))).toBe(withoutSeparators(html));
  });

  it("counts the elements and times the render", () => {
    const result = floor("<!DOCTYPE html><html><head></head><body><ul><li>a</li><li>b</li></ul></body></html>", {
      iterations: 5,
    });
    expect(result.elements).toBe(6);
    expect(result.ms).toBeGreaterThan(0);
    expect(result.bytes).toBe("<html><head></head><body><ul><li>a</li><li>b</li></ul></body></html>".length);
  });
});
