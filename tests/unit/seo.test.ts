// The pieces behind the public pages' heads and preview images: language URLs, description cutting, product items,
// telephone numbers, Tokyo times, the preview's line wrapping, and rendering each preview once.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { internationalPhone, productItems, tokyoIso } from "~/seo/json-ld";
import { languageUrl, previewPathOf, previewVersion } from "~/seo/meta";
import { previewPng, previewSvg, wrapLines } from "~/seo/preview-image.server";
import { clip } from "~/seo/text";
import { config } from "~/utils/env.server";

describe("language URLs", () => {
  it("give Japanese the bare path and English ?lng=en, keeping any other query", () => {
    expect(languageUrl("https://kita.example", "/", "ja")).toBe("https://kita.example/");
    expect(languageUrl("https://kita.example", "/", "en")).toBe("https://kita.example/?lng=en");
    expect(languageUrl("https://kita.example", "/firms?page=2&lng=ja", "en")).toBe(
      "https://kita.example/firms?page=2&lng=en",
    );
    expect(languageUrl("https://kita.example", "/firms?lng=en", "ja")).toBe("https://kita.example/firms");
    expect(previewPathOf("/")).toBe("/previews/index.png");
    expect(previewPathOf("/firms/12")).toBe("/previews/firms/12.png");
  });

  it("version a preview by what it shows", () => {
    expect(previewVersion("北区", "ja")).toBe(previewVersion("北区", "ja"));
    expect(previewVersion("北区", "ja")).not.toBe(previewVersion("北区", "en"));
    expect(previewVersion("北区", "ja")).not.toBe(previewVersion("北区 ", "ja"));
  });
});

describe("texts", () => {
  it("cut descriptions at whole characters with an ellipsis", () => {
    expect(clip("  短い\n説明  ", 120)).toBe("短い 説明");
    const cut = clip("あ".repeat(200), 120);
    expect([...cut]).toHaveLength(120);
    expect(cut.endsWith("…")).toBe(true);
    expect(clip("👨‍👩‍👧".repeat(10), 5)).toBe(`${"👨‍👩‍👧".repeat(4)}…`);
    // Longer than the limit in UTF-16 units but not in graphemes: kept whole.
    expect(clip("𠮷田 結衣", 5)).toBe("𠮷田 結衣");
    expect(clip("👨‍👩‍👧".repeat(5), 5)).toBe("👨‍👩‍👧".repeat(5));
    // On the limit and one past it; a space before the cut is not left before the "…".
    expect(clip("あ".repeat(120), 120)).toBe("あ".repeat(120));
    expect(clip("あ".repeat(121), 120)).toBe(`${"あ".repeat(119)}…`);
    expect(clip(`${"あ".repeat(118)} いう`, 120)).toBe(`${"あ".repeat(118)}…`);
    expect(clip("ab", 1)).toBe("…");
  });

  it("split products into items and write telephone numbers as dialled from abroad", () => {
    expect(productItems("精密切削部品、医療機器部品, 光学部品／治具・金型\n部品、部品")).toEqual([
      "精密切削部品",
      "医療機器部品",
      "光学部品",
      "治具",
      "金型",
      "部品",
    ]);
    expect(productItems("  ")).toEqual([]);
    expect(internationalPhone("03-3900-0000")).toBe("+81-3-3900-0000");
    expect(internationalPhone("+81-3-3900-0000")).toBe("+81-3-3900-0000");
    expect(tokyoIso("2027-02-19T05:00:00.000Z")).toBe("2027-02-19T14:00:00+09:00");
    expect(tokyoIso("2027-02-19T20:30:00.000Z")).toBe("2027-02-20T05:30:00+09:00");
  });
});

describe("preview images", () => {
  it("wrap a heading at words within the width, and cut a long one with an ellipsis", () => {
    expect(wrapLines("Who buys Kita City's new products?", 12).lines).toEqual([
      "Who buys Kita City's",
      "new products?",
    ]);
    expect(wrapLines("北区の新製品を調べる企業取材", 8).lines).toEqual(["北区の新製品を", "調べる企業取材"]);
    const long = wrapLines("区内ものづくり企業".repeat(20), 10);
    expect(long.cut).toBe(true);
    expect(long.lines).toHaveLength(3);
    expect(long.lines[2].endsWith("…")).toBe(true);
    expect(wrapLines("", 10)).toEqual({ lines: [], cut: false });
  });

  it("escape the heading in the drawing", () => {
    const svg = previewSvg("<script>&\"'</script>", "ja");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;&amp;&quot;&apos;&lt;/script&gt;");
  });

  it("render each version once, even when asked for at the same time, and keep it on disk", async () => {
    const heading = `一度だけ描く ${Date.now()}`;
    const dir = path.join(config().dataDir, "previews");
    const before = fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
    const results = await Promise.all(Array.from({ length: 5 }, () => previewPng(heading, "ja")));
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    for (const r of results) expect(r.png.equals(results[0].png)).toBe(true);
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(before + 1);
    expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const again = await previewPng(heading, "ja");
    expect(again.png.equals(fs.readFileSync(path.join(dir, `${again.key}.png`)))).toBe(true);
    expect((await previewPng(heading, "en")).key).not.toBe(again.key);
  });
});
