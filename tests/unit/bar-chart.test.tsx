// The server-rendered bar chart: one bar per value, scaled to the largest, every value and label written out, and
// one accessible image named by its caption and described by the values.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "~/components/bar-chart";

const DATA = [
  { label: "東洋大学", value: 4 },
  { label: "帝京大学", value: 2 },
  { label: "東京家政大学", value: 0 },
];

function render(props: Partial<Parameters<typeof BarChart>[0]> = {}) {
  const html = renderToStaticMarkup(<BarChart id="c1" title="参加学生（大学別）" data={DATA} {...props} />);
  return { html };
}

describe("BarChart", () => {
  it("draws one bar per value, the largest full width and zero as nothing", () => {
    const { html } = render();
    const widths = [...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[1]).toBeCloseTo(widths[0] / 2);
    expect(widths[2]).toBe(0);
  });

  it("writes every label and value on the chart", () => {
    const { html } = render();
    const texts = [...html.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(["東洋大学", "4", "帝京大学", "2", "東京家政大学", "0"]);
  });

  it("is one image named by its visible caption and described by its values", () => {
    const { html } = render({ formatList: (items) => items.join("、") });
    expect(html).toContain('<figcaption id="c1-title">参加学生（大学別）</figcaption>');
    expect(html).toMatch(/<svg role="img" aria-labelledby="c1-title" aria-describedby="c1-desc"/);
    expect(html).toContain('<desc id="c1-desc">東洋大学: 4、帝京大学: 2、東京家政大学: 0</desc>');
  });

  it("keeps an all-zero chart drawable", () => {
    const { html } = render({ data: [{ label: "教育", value: 0 }] });
    expect(html).not.toContain("NaN");
    expect(html).not.toContain("Infinity");
    expect(html).toContain('viewBox="0 0 480 40"');
  });
});
