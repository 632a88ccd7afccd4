/**
 * What a participation certificate says, shared by the PDF, the signed credential and the sharing helpers.
 * Client-safe (no server imports).
 *
 * The wording lives here and not in the message catalogs on purpose: a certificate always shows both languages
 * whatever the reader's UI language, and the same words are signed into the credential, so they must not change
 * when a catalog is edited.
 */

/** A text in Japanese, with its English version when there is one. */
export interface Bilingual {
  ja: string;
  en?: string | null;
}

export interface CertificateData {
  certificateId: string;
  /**
   * The credential's subject: a urn:uuid: drawn at issue, with no personal data in it (certificates issued before
   * 2026-11-30 have none). A copy claimed into a wallet names the holder's DID instead.
   */
  subjectId?: string;
  /** When the certificate was issued (ISO UTC). */
  issuedAt: string;
  /** Name as written (usually kanji) and its reading in Latin letters ("Taro YAMADA"). */
  student: { name: string; nameLatin: string };
  project: { id: string | number; title: Bilingual };
  seminar: Bilingual;
  university: Bilingual;
  /** The firm(s) the student interviewed. */
  firms: Bilingual[];
  /** The city event where the research was presented; date as YYYY-MM-DD. */
  event: { name: Bilingual; date: string };
}

/** The English version, or the Japanese when there is none (proper names are often only in Japanese). */
export function inEnglish(text: Bilingual): string {
  return text.en?.trim() || text.ja;
}

/** The reader's language: the certificate's own `{ ja, en }` pairs (the bilingual columns use utils/localized). */
export function inLng(text: Bilingual, lng: string): string {
  return lng === "en" ? inEnglish(text) : text.ja;
}

export const ISSUER = {
  ja: "東京都北区 産業振興課",
  en: "Industry Promotion Section, Kita City, Tokyo",
} as const;

/** The issuer in one string, for places that take a single name (the credential's issuer, the PDF's author). */
export const ISSUER_NAME = `${ISSUER.ja} (${ISSUER.en})`;

export const CERTIFICATE_TITLE = { ja: "参加証明書", en: "Certificate of Participation" } as const;

export const PROGRAMME = {
  ja: "北区産学連携 企業取材プロジェクト",
  en: "Kita City (Tokyo) industry–academia company-interview project",
} as const;

export const STATEMENT = {
  ja: "上記の者は、北区産学連携 企業取材プロジェクトにおいて区内企業への取材に参加し、その成果を下記の発表会で発表したことを証明します。",
  en: "This is to certify that the above-named student took part in the company interviews of a Kita City industry–academia project and presented the research at the event below.",
} as const;

/** The public verification page of a certificate (also its credential id); `publicUrl` without a trailing slash. */
export function verificationUrl(publicUrl: string, certificateId: string): string {
  return `${publicUrl}/verify/${certificateId}`;
}
