/**
 * Language detection and server-side translation. Order: an explicit `?lng=ja|en` in the URL (for that request only:
 * it makes each language version addressable for search engines and shared links, see app/seo/), the signed-in
 * user's profile, the `lng` cookie set by the language switch, the browser's Accept-Language, then Japanese.
 */
import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLng, i18nConfig, isLng, LNG_PARAM, supportedLngs, type Lng } from "~/i18n";

// Secure over HTTPS: pass `{ secure: isHttpsRequest(request) }` when serializing (the server adds it to any cookie
// of an HTTPS response that lacks it, see server/remix-handler.js).
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: fallbackLng,
    cookie: localeCookie,
    order: ["cookie", "header"],
  },
  i18next: i18nConfig,
});

/** The language the URL asks for (`?lng=ja|en`), or null; anything else in the parameter is ignored. */
export function explicitLocale(request: Request): Lng | null {
  const value = new URL(request.url).searchParams.get(LNG_PARAM);
  return isLng(value) ? value : null;
}

export async function getLocale(request: Request, user?: { locale: string | null } | null): Promise<Lng> {
  const explicit = explicitLocale(request);
  if (explicit) return explicit;
  if (user && isLng(user.locale)) return user.locale;
  const detected = await remixI18n.getLocale(request);
  return isLng(detected) ? detected : fallbackLng;
}

// remix-i18next creates and initialises a new i18next instance on every getFixedT call: one per language is enough.
const fixedTs = new Map<Lng, ReturnType<typeof remixI18n.getFixedT>>();

export function getT(lng: Lng) {
  let t = fixedTs.get(lng);
  if (!t) {
    t = remixI18n.getFixedT(lng);
    fixedTs.set(lng, t);
  }
  return t;
}
