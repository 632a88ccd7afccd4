/**
 * Certificate pieces shared by the public verification page, the student's list and the staff detail page: what
 * the certificate says (in the reader's language), its status, its download links, and the sharing helpers
 * (LinkedIn, CV lines in Japanese and English).
 */
import { useTranslation } from "react-i18next";
import { type Bilingual, type CertificateData, inEnglish, ISSUER } from "~/certificates/data";
import { cvLine, linkedInLinkFor } from "~/certificates/share";
import type { Lng } from "~/i18n";
import { formatDate } from "~/utils/format";

export const inLng = (text: Bilingual, lng: Lng) => (lng === "en" ? inEnglish(text) : text.ja);

export function certificateLinks(id: string) {
  return {
    verify: `/verify/${id}`,
    pdf: `/verify/${id}/certificate.pdf`,
    jwt: `/verify/${id}/credential.jwt`,
  };
}

export function CertificateFacts({ data, revokedAt }: { data: CertificateData; revokedAt: string | null }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <dl className="meta">
      <dt>{t("certificates.fields.student")}</dt>
      <dd>
        {data.student.name}
        {data.student.nameLatin !== data.student.name ? ` (${data.student.nameLatin})` : ""}
      </dd>
      <dt>{t("certificates.fields.project")}</dt>
      <dd>{inLng(data.project.title, lng)}</dd>
      <dt>{t("certificates.fields.seminar")}</dt>
      <dd>
        {inLng(data.university, lng)} {inLng(data.seminar, lng)}
      </dd>
      <dt>{t("certificates.fields.firms")}</dt>
      <dd>{data.firms.map((f) => inLng(f, lng)).join(lng === "en" ? ", " : "、")}</dd>
      <dt>{t("certificates.fields.event")}</dt>
      <dd>
        {inLng(data.event.name, lng)} ({formatDate(data.event.date, lng)})
      </dd>
      <dt>{t("certificates.fields.issuedOn")}</dt>
      <dd>{formatDate(data.issuedAt, lng)}</dd>
      <dt>{t("certificates.fields.issuer")}</dt>
      <dd>{ISSUER[lng]}</dd>
      <dt>{t("certificates.fields.certificateId")}</dt>
      <dd>
        <code>{data.certificateId}</code>
      </dd>
      <dt>{t("certificates.fields.status")}</dt>
      <dd>
        <strong>
          {revokedAt
            ? t("certificates.status.revoked", {
                date: formatDate(revokedAt, lng),
              })
            : t("certificates.status.valid")}
        </strong>
      </dd>
    </dl>
  );
}

/** The download links, the LinkedIn link and the suggested CV lines (in both languages, whatever the UI language). */
export function CertificateShare({
  data,
  verifyUrl,
  revoked,
  headingLevel = 2,
}: {
  data: CertificateData;
  verifyUrl: string;
  /** A revoked certificate keeps its download links (they are evidence) but is not offered for sharing. */
  revoked: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const links = certificateLinks(data.certificateId);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const cvId = `cv-${data.certificateId}`;
  return (
    <>
      <ul>
        <li>
          <a href={links.pdf}>{t("certificates.links.pdf")}</a>
        </li>
        <li>
          <a href={links.jwt}>{t("certificates.links.jwt")}</a>
        </li>
        {revoked ? null : (
          <li>
            <a href={linkedInLinkFor(data, verifyUrl, lng)} rel="noopener noreferrer">
              {t("certificates.links.linkedIn")}
            </a>
          </li>
        )}
      </ul>
      {revoked ? null : (
        <>
          <Heading id={cvId}>{t("certificates.cv.title")}</Heading>
          <dl aria-labelledby={cvId} className="meta">
            <dt>{t("certificates.cv.ja")}</dt>
            <dd lang="ja">{cvLine(data, verifyUrl, "ja")}</dd>
            <dt>{t("certificates.cv.en")}</dt>
            <dd lang="en">{cvLine(data, verifyUrl, "en")}</dd>
          </dl>
        </>
      )}
    </>
  );
}
