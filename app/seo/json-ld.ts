/**
 * schema.org JSON-LD for the public pages (typed with schema-dts): a listed firm as an Organization, an event as an
 * Event organised by the city. Only what the page itself shows goes in. Client-safe. Remix's <Meta> writes it in a
 * `<script type="application/ld+json">` data block (escaped, never executed, so the CSP has nothing to allow).
 */
import type { Event, GovernmentOrganization, Organization, WithContext } from "schema-dts";
import type { Lng } from "~/i18n";
import { localized } from "~/utils/localized";
import { fixedT } from "./text";

export interface PublicFirm {
  id: number;
  corporate_number: string;
  name: string;
  name_kana: string;
  postal_code: string;
  town: string;
  address: string;
  phone: string | null;
  website: string | null;
  products: string;
  description: string | null;
}

/** The products text as separate items ("部品、治具" → ["部品", "治具"]). */
export function productItems(products: string): string[] {
  return [
    ...new Set(
      products
        .split(/[、，,;；\n・/／]+/u)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
}

/** A Japanese number as it is dialled from abroad: "03-3900-0000" → "+81-3-3900-0000"; anything else unchanged. */
export function internationalPhone(phone: string): string {
  const trimmed = phone.trim();
  return /^0\d/.test(trimmed) ? `+81-${trimmed.slice(1)}` : trimmed;
}

/**
 * A listed firm. The telephone and website only when the firm made them public (the public query returns them only
 * then); the town's name goes with the address, which is always in Kita-ku.
 */
export function firmJsonLd(
  firm: PublicFirm,
  { pageUrl, townJa }: { pageUrl: string; townJa: string },
): WithContext<Organization> {
  const products = productItems(firm.products);
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": `${pageUrl}#organization`,
    name: firm.name,
    alternateName: firm.name_kana,
    ...(firm.description ? { description: firm.description } : {}),
    mainEntityOfPage: pageUrl,
    identifier: {
      "@type": "PropertyValue",
      // The National Tax Agency's corporate number register (法人番号).
      propertyID: "https://www.houjin-bangou.nta.go.jp/",
      value: firm.corporate_number,
    },
    address: {
      "@type": "PostalAddress",
      postalCode: firm.postal_code,
      addressCountry: "JP",
      addressRegion: "東京都",
      addressLocality: "北区",
      streetAddress: `${townJa}${firm.address}`,
    },
    ...(firm.phone ? { telephone: internationalPhone(firm.phone) } : {}),
    ...(firm.website ? { url: firm.website } : {}),
    ...(products.length
      ? {
          knowsAbout: products,
          makesOffer: products.map((name) => ({
            "@type": "Offer" as const,
            itemOffered: { "@type": "Product" as const, name },
          })),
        }
      : {}),
  };
}

/** "2027-02-19T05:00:00.000Z" → "2027-02-19T14:00:00+09:00" (Japan keeps UTC+9 all year). */
export function tokyoIso(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}+09:00`;
}

/** The city, as organiser. */
export function cityJsonLd(lng: Lng, publicUrl: string): GovernmentOrganization {
  const t = fixedT(lng);
  return {
    "@type": "GovernmentOrganization",
    name: t("app.city"),
    department: { "@type": "GovernmentOrganization", name: `${t("app.city")} ${t("app.section")}` },
    url: `${publicUrl}/`,
  };
}

export interface PublicEvent {
  id: number;
  title_ja: string;
  title_en: string;
  starts_at: string;
  ends_at: string;
  venue_ja: string;
  venue_en: string;
  description_ja: string | null;
  description_en: string | null;
}

/**
 * An event. Events have no cancelled state, so every event is scheduled. The venue is one free text (name and
 * address as staff write it), so it is both the place's name and its address.
 */
export function eventJsonLd(
  event: PublicEvent,
  { pageUrl, image, lng, publicUrl }: { pageUrl: string; image: string; lng: Lng; publicUrl: string },
): WithContext<Event> {
  const venue = localized(event, "venue", lng);
  const description = localized(event, "description", lng);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    "@id": `${pageUrl}#event`,
    name: localized(event, "title", lng),
    url: pageUrl,
    startDate: tokyoIso(event.starts_at),
    endDate: tokyoIso(event.ends_at),
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: { "@type": "Place", name: venue, address: venue },
    organizer: cityJsonLd(lng, publicUrl),
    image,
    inLanguage: lng,
    ...(description ? { description } : {}),
  };
}
