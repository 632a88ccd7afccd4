/**
 * Sharing a certificate: LinkedIn's "Add to profile" link for certifications and a suggested CV line.
 * Client-safe.
 */
import type { Lng } from "~/i18n";
import { tokyoDate } from "~/utils/format";
import { type CertificateData, CERTIFICATE_TITLE, inEnglish, ISSUER, PROGRAMME } from "./data";

export interface LinkedInCertification {
  name: string;
  organizationName: string;
  /** LinkedIn's numeric company id, if the city has a LinkedIn page (shows its logo); optional. */
  organizationId?: string | number;
  issueYear: number;
  issueMonth: number;
  certUrl: string;
  certId: string;
}

/**
 * LinkedIn's "Add to Profile" URL for a certification (https://addtoprofile.linkedin.com/): opens the member's
 * "Add license or certification" form pre-filled. No API key is involved; the member confirms on LinkedIn.
 */
export function linkedInAddToProfileUrl(cert: LinkedInCertification): string {
  const params = new URLSearchParams({ startTask: "CERTIFICATION_NAME", name: cert.name });
  if (cert.organizationId != null) params.set("organizationId", String(cert.organizationId));
  params.set("organizationName", cert.organizationName);
  params.set("issueYear", String(cert.issueYear));
  params.set("issueMonth", String(cert.issueMonth));
  params.set("certUrl", cert.certUrl);
  params.set("certId", cert.certId);
  return `https://www.linkedin.com/profile/add?${params}`;
}

/** The LinkedIn link for a certificate, in the student's language (the year and month are those of issue in Tokyo). */
export function linkedInLinkFor(
  data: Pick<CertificateData, "certificateId" | "issuedAt">,
  verifyUrl: string,
  lng: Lng,
) {
  const [year, month] = tokyoDate(new Date(data.issuedAt)).split("-").map(Number);
  return linkedInAddToProfileUrl({
    name: lng === "ja" ? `${CERTIFICATE_TITLE.ja}（${PROGRAMME.ja}）` : `${CERTIFICATE_TITLE.en}: ${PROGRAMME.en}`,
    organizationName: lng === "ja" ? ISSUER.ja : ISSUER.en,
    issueYear: year,
    issueMonth: month,
    certUrl: verifyUrl,
    certId: data.certificateId,
  });
}

const EN_MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** A suggested line for a CV (履歴書 / résumé), dated with the month of the presentation. */
export function cvLine(
  data: Pick<CertificateData, "certificateId" | "seminar" | "university" | "event">,
  verifyUrl: string,
  lng: Lng,
): string {
  const [year, month] = data.event.date.split("-").map(Number);
  if (lng === "ja") {
    return (
      `${year}年${month}月 東京都北区 産学連携企業取材プロジェクト（${data.university.ja} ${data.seminar.ja}）に参加し、` +
      `区内企業への取材結果を${data.event.name.ja}で発表（証明書ID: ${data.certificateId}、検証: ${verifyUrl}）`
    );
  }
  const when = EN_MONTH.format(new Date(Date.UTC(year, month - 1, 15)));
  return (
    `${when} — Participated in the ${PROGRAMME.en} (${inEnglish(data.university)}, ${inEnglish(data.seminar)}) ` +
    `and presented the research at the ${inEnglish(data.event.name)} (certificate ID ${
      data.certificateId
    }, verify at ${verifyUrl})`
  );
}
