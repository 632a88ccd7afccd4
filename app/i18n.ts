/** i18next configuration shared by the server and the browser. Catalogs are bundled (two small languages). */
import en from "./locales/en";
import ja from "./locales/ja";

export const supportedLngs = ["ja", "en"] as const;
export type Lng = (typeof supportedLngs)[number];
export const fallbackLng: Lng = "ja";

/** The query parameter that names a page's language explicitly (`?lng=en`); see app/utils/i18n.server.ts. */
export const LNG_PARAM = "lng";

export function isLng(value: unknown): value is Lng {
  return value === "ja" || value === "en";
}

export const i18nConfig = {
  supportedLngs: [...supportedLngs],
  fallbackLng,
  defaultNS: "translation",
  resources: { ja: { translation: ja }, en: { translation: en } },
  interpolation: { escapeValue: false },
};
