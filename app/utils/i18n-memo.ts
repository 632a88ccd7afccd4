/**
 * A memo for i18next's translations, for the instances that live as long as the process (the server's one
 * per language, the SEO translator). Client-safe.
 */
import type { i18n as I18n } from "i18next";

const MEMO_LIMIT = 5_000;

type Translate = (key: unknown, ...rest: unknown[]) => unknown;

/** A default text, or options whose values are all strings, finite numbers, booleans or null: JSON says them exactly. */
function describable(options: unknown): boolean {
  if (typeof options === "string") return true;
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype) {
    return false;
  }
  return Object.values(options).every(
    (value) =>
      value === null ||
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value)),
  );
}

/**
 * Translating costs i18next 8–20 µs a call (option objects, lookup, fallbacks, interpolation and nesting scans), and
 * a page makes 50–250 calls: on `/accessibility` that was 12% of the page's CPU (profile, README "Decisions"). The
 * catalogs never change in a running server, so a translation is a function of the language, namespace, key and
 * options: the `t` that `getFixedT` hands out (react-i18next's `useTranslation` and the SEO translator use it) keeps
 * its answers when the options are plain values, and sends anything else (functions, objects, arrays) to i18next.
 * Values come from data (names, dates, an error key in an action's answer), so the memo is emptied when it reaches
 * MEMO_LIMIT entries: it holds the recent ones and cannot grow with hostile input.
 */
export function memoiseTranslations(instance: I18n): I18n {
  const getFixedT = instance.getFixedT.bind(instance) as unknown as (
    ...args: unknown[]
  ) => Translate & Record<string, unknown>;
  // One memoised `t` per language and namespace, made on first use: react-i18next asks for a `t` in every component
  // that translates, on every render.
  const made = new Map<string, Translate>();
  const memoised = (lng: unknown, ns: unknown, keyPrefix: unknown, ...more: unknown[]) => {
    const plainArgs =
      !keyPrefix &&
      more.every((arg) => arg === undefined) &&
      (lng == null || typeof lng === "string") &&
      (ns == null || typeof ns === "string");
    if (!plainArgs) return getFixedT(lng, ns, keyPrefix, ...more);
    const which = `${lng ?? ""}\u0000${ns ?? ""}`;
    const kept = made.get(which);
    if (kept) return kept;
    const t = memoisedT(getFixedT(lng, ns), typeof lng === "string" ? null : () => instance.language);
    made.set(which, t);
    return t;
  };
  instance.getFixedT = memoised as unknown as I18n["getFixedT"];
  return instance;
}

/**
 * `fixed` answering from a memo. Keys are the translation key itself (a literal, whose hash the engine keeps) and,
 * with options, their JSON; `language` is asked on each call when `fixed` follows the instance's language.
 */
function memoisedT(fixed: Translate & Record<string, unknown>, language: (() => string) | null): Translate {
  const memo = new Map<string, unknown>();
  const t = (key: unknown, options?: unknown, ...rest: unknown[]) => {
    const plain = options === undefined;
    if (typeof key !== "string" || rest.some((arg) => arg !== undefined) || !(plain || describable(options))) {
      return fixed(key, options, ...rest);
    }
    let id = plain ? key : `${key}\u0000${JSON.stringify(options)}`;
    if (language) id = `${language()}\u0000${id}`;
    const kept = memo.get(id);
    if (kept !== undefined) return kept;
    const value = fixed(key, options);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(id, value);
    return value;
  };
  // What i18next sets on the function it returns (react-i18next reads them).
  return Object.assign(t, { lng: fixed.lng, lngs: fixed.lngs, ns: fixed.ns, keyPrefix: fixed.keyPrefix });
}
