#!/usr/bin/env node
/**
 * The React floor of a page: how long React takes to render that page's finished HTML when the markup is written as
 * plain elements (no components, no hooks, no data work), the least any React server render of it can cost.
 * `npm run bench` feeds it each page's HTML and the bare app's HTML for the same URL: the difference is what the
 * page's own markup costs at best, so the bare app's CPU per request over (that + the difference) is the best ratio a
 * page with that markup can reach against the bare app.
 *
 * Run as `NODE_ENV=production node scripts/bench-floor.js a.html b.html …`; prints a JSON array, per file:
 * { ms (median render time), elements, bytes (of React's output), sourceBytes }.
 */
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

const VOID = new Set("area base br col embed hr img input link meta source track wbr".split(" "));
const RAW = new Set(["script", "style"]);
const BOOLEAN = new Set(
  "allowfullscreen async autofocus checked default defer disabled formnovalidate hidden inert itemscope loop multiple muted nomodule novalidate open playsinline readonly required reversed selected".split(
    " ",
  ),
);
const ENTITY = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITY[e] ?? m),
  );
const camel = (s) => s.trim().replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** React's own server output back into a tree of { tag, props, children }: it is regular (quoted attributes,
 * closed elements, raw text only in script and style), which is all this parser handles. */
export function parse(html) {
  const root = { tag: null, props: {}, children: [] };
  const stack = [root];
  const token =
    /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z0-9-]+)\s*>|<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>|[^<]+/gi;
  let m;
  while ((m = token.exec(html))) {
    const top = stack[stack.length - 1];
    if (m[1]) {
      const i = stack.map((n) => n.tag).lastIndexOf(m[1].toLowerCase());
      if (i > 0) stack.length = i;
    } else if (m[2]) {
      const tag = m[2].toLowerCase();
      const props = {};
      for (const [, name, value] of m[3].matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)) {
        const key = name.toLowerCase();
        const text = decode(value ?? "");
        if (key === "style") {
          props.style = Object.fromEntries(
            text
              .split(";")
              .filter((d) => d.includes(":"))
              .map((d) => [camel(d.slice(0, d.indexOf(":"))), d.slice(d.indexOf(":") + 1).trim()]),
          );
        } else if (BOOLEAN.has(key)) props[key] = true;
        else props[key === "class" ? "className" : key === "for" ? "htmlFor" : name] = text;
      }
      const node = { tag, props, children: [] };
      top.children.push(node);
      if (RAW.has(tag)) {
        const end = html.indexOf(`</${tag}`, token.lastIndex);
        const body = html.slice(token.lastIndex, end < 0 ? html.length : end);
        if (body) node.props.dangerouslySetInnerHTML = { __html: body };
        token.lastIndex = end < 0 ? html.length : html.indexOf(">", end) + 1;
      } else if (!VOID.has(tag) && !m[0].endsWith("/>")) stack.push(node);
    } else if (!m[0].startsWith("<")) {
      top.children.push(decode(m[0]));
    }
  }
  return root;
}

/** The parsed tree as plain React elements; text that React would split with comments stays one string. */
export function toElements(node) {
  const children = [];
  for (const c of node.children) {
    if (typeof c === "string" && typeof children[children.length - 1] === "string") children[children.length - 1] += c;
    else children.push(typeof c === "string" ? c : toElements(c));
  }
  if (!node.tag) return children.length === 1 ? children[0] : createElement("div", null, ...children);
  return createElement(node.tag, node.props, ...(children.length ? children : []));
}

const count = (node) =>
  typeof node === "string" ? 0 : (node.tag ? 1 : 0) + node.children.reduce((n, c) => n + count(c), 0);

export function floor(html, { iterations = 400 } = {}) {
  const tree = parse(html.replace(/^<!DOCTYPE html>/i, ""));
  const document = tree.children.find((c) => typeof c !== "string") ?? tree;
  const element = toElements(document);
  const out = renderToString(element);
  for (let i = 0; i < 100; i++) renderToString(element);
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    renderToString(element);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    ms: times[Math.floor(times.length / 2)],
    elements: count(document),
    bytes: Buffer.byteLength(out),
    sourceBytes: Buffer.byteLength(html),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(process.argv.slice(2).map((file) => floor(fs.readFileSync(file, "utf8")))));
}
