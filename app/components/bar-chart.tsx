/**
 * A horizontal bar chart as inline SVG, rendered on the server (no JavaScript, no chart library).
 * Accessibility: the SVG is one image (role="img") named by the visible caption and described by a <desc> that lists
 * every value; the page's data table next to it is the full alternative. Colour carries no meaning: each bar has its
 * label and its value written next to it. The bar colour (#0b5c4b) has 8:1 contrast against white.
 */

export interface BarDatum {
  label: string;
  value: number;
}

const WIDTH = 480;
const LABEL_WIDTH = 170; // category labels, right-aligned before the bars
const VALUE_ROOM = 40; // the value written after the longest bar
const ROW = 28;
const BAR = 18;
const PAD = 6;

export function BarChart({
  id,
  title,
  data,
  formatList,
}: {
  id: string;
  title: string;
  data: BarDatum[];
  formatList?: (items: string[]) => string;
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / max;
  const height = data.length * ROW + PAD * 2;
  const items = data.map((d) => `${d.label}: ${d.value}`);
  return (
    <figure className="bar-chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        xmlns="http://www.w3.org/2000/svg"
      >
        <desc id={`${id}-desc`}>{formatList ? formatList(items) : items.join(", ")}</desc>
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} stroke="#4a5560" strokeWidth={1} />
        {data.map((d, i) => {
          const y = PAD + i * ROW;
          const w = d.value * scale;
          return (
            <g key={d.label}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + BAR / 2}
                dominantBaseline="central"
                textAnchor="end"
                fontSize={12}
                fill="#1b1f23"
              >
                {d.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={w} height={BAR} fill="#0b5c4b" />
              <text
                x={LABEL_WIDTH + w + 6}
                y={y + BAR / 2}
                dominantBaseline="central"
                fontSize={12}
                fontWeight="bold"
                fill="#1b1f23"
              >
                {d.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
