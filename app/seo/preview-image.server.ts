/**
 * Link-preview images (Open Graph / Twitter cards): 1200×630 PNGs with the city's name and the page's heading, drawn
 * as SVG and rendered by resvg with Noto Sans JP from node_modules (no network). Each image is rendered once per
 * page version — the key is a hash of everything drawn — and kept in `$DATA_DIR/previews/`, so it survives restarts
 * and is shared by server processes. Renders run one at a time, off the event loop (resvg's thread pool), and
 * concurrent requests for the same image share one render: a crawler asking for every firm's image at once costs
 * one core at most.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import type { Lng } from "~/i18n";
import { config } from "~/utils/env.server";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from "./meta";
import { xmlEscape } from "./sitemap";
import { fixedT } from "./text";

const require = createRequire(import.meta.url);
const FONT = "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf";
/** Bump when the drawing changes, so that cached images are drawn again. */
const DRAWING_VERSION = 1;

const MARGIN = 80;
const TEXT_WIDTH = PREVIEW_WIDTH - 2 * MARGIN;
const MAX_LINES = 3;
/** Heading sizes tried from the largest until the heading fits in MAX_LINES lines. */
const HEADING_SIZES = [72, 60, 50, 42];

/** Estimated advance of a character in em: full-width (CJK, kana, full-width forms) 1, others about 0.6. */
function advance(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width += cp >= 0x2e80 || (cp >= 0x1100 && cp <= 0x11ff) ? 1 : cp === 0x20 ? 0.3 : 0.62;
  }
  return width;
}

const words = new Intl.Segmenter("ja", { granularity: "word" });
const graphemes = new Intl.Segmenter("ja", { granularity: "grapheme" });

/**
 * The heading broken into lines no wider than `width` em, at word boundaries (ICU finds them in Japanese too), a
 * word longer than a line broken between characters. More than `maxLines` lines: the last one ends with "…".
 */
export function wrapLines(text: string, width: number, maxLines = MAX_LINES): { lines: string[]; cut: boolean } {
  const units: string[] = [];
  for (const { segment } of words.segment(text.replace(/\s+/g, " ").trim())) {
    if (advance(segment) <= width) units.push(segment);
    else for (const g of graphemes.segment(segment)) units.push(g.segment);
  }
  const lines: string[] = [];
  let line = "";
  for (const unit of units) {
    if (line && advance(line + unit) > width) {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    } else line += unit;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return { lines, cut: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last && advance(`${last}…`) > width)
    last = [...graphemes.segment(last)]
      .slice(0, -1)
      .map((s) => s.segment)
      .join("");
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return { lines: kept, cut: true };
}

/** The preview as SVG: the city's name above, the heading in the middle, the site's name on a band below. */
export function previewSvg(heading: string, lng: Lng): string {
  const t = fixedT(lng);
  let size = HEADING_SIZES[HEADING_SIZES.length - 1];
  let wrapped = wrapLines(heading, TEXT_WIDTH / size);
  for (const candidate of HEADING_SIZES) {
    const attempt = wrapLines(heading, TEXT_WIDTH / candidate);
    if (!attempt.cut) {
      size = candidate;
      wrapped = attempt;
      break;
    }
  }
  const lineHeight = Math.round(size * 1.3);
  const top = 330 - ((wrapped.lines.length - 1) * lineHeight) / 2 + size * 0.35;
  const headingLines = wrapped.lines
    .map(
      (line, i) =>
        `<text x="${MARGIN}" y="${Math.round(top + i * lineHeight)}" font-size="${size}" fill="#ffffff">${xmlEscape(line)}</text>`,
    )
    .join("\n  ");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}" font-family="Noto Sans JP" font-weight="700">
  <rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="#0d4580"/>
  <rect x="${MARGIN}" y="150" width="120" height="8" fill="#f2c14e"/>
  <text x="${MARGIN}" y="118" font-size="44" fill="#f2c14e">${xmlEscape(t("app.city"))}</text>
  ${headingLines}
  <rect y="540" width="${PREVIEW_WIDTH}" height="90" fill="#f2c14e"/>
  <text x="${MARGIN}" y="598" font-size="32" fill="#0d4580">${xmlEscape(t("seo.siteName"))}</text>
</svg>`;
}

let queue: Promise<unknown> = Promise.resolve();
const inFlight = new Map<string, Promise<Buffer>>();

/** One render at a time, in order. */
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

async function render(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { fontFiles: [require.resolve(FONT)], loadSystemFonts: false, defaultFontFamily: "Noto Sans JP" },
    fitTo: { mode: "original" },
    logLevel: "off",
  });
  return image.asPng();
}

/** The preview PNG of a heading, from the cache or rendered once; `key` names its version (for an ETag). */
export async function previewPng(heading: string, lng: Lng): Promise<{ png: Buffer; key: string }> {
  const svg = previewSvg(heading, lng);
  const key = createHash("sha256").update(`${DRAWING_VERSION}\n${svg}`).digest("base64url").slice(0, 32);
  const file = path.join(config().dataDir, "previews", `${key}.png`);
  const cached = await fs.readFile(file).catch(() => null);
  if (cached) return { png: cached, key };
  let pending = inFlight.get(key);
  if (!pending) {
    pending = serialised(async () => {
      const png = await render(svg);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written beside and renamed, so another process never reads half a file.
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(temporary, png);
      await fs.rename(temporary, file);
      return png;
    }).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return { png: await pending, key };
}
