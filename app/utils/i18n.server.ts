/**
 * Language detection and server-side translation. Order: the signed-in user's profile, the `lng` cookie set by the
 * language switch, the browser's Accept-Language, then Japanese.
 */
import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLng, i18nConfig, isLng, supportedLngs, type Lng } from "~/i18n";

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

export async function getLocale(request: Request, user?: { locale: string | null } | null): Promise<Lng> {
  if (user && isLng(user.locale)) return user.locale;
  const detected = await remixI18n.getLocale(request);
  return isLng(detected) ? detected : fallbackLng;
}

export function getT(lng: Lng) {
  return remixI18n.getFixedT(lng);
}
