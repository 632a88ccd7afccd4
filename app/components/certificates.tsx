/**
 * Certificate pieces shared by the public verification page, the student's list and the staff detail page: what
 * the certificate says (in the reader's language), its status, its download links, and the sharing helpers
 * (LinkedIn, CV lines in Japanese and English), and the student's "add to wallet" panel with its QR code.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type CertificateData, inLng, ISSUER } from "~/certificates/data";
import { cvLine, linkedInLinkFor } from "~/certificates/share";
import type { Lng } from "~/i18n";
import type { WalletPanelData } from "~/route-helpers/wallet-panel.server";
import { formatDate, formatDateTime } from "~/utils/format";

export function certificateLinks(id: string) {
  return {
    verify: `/verify/${id}`,
    pdf: `/verify/${id}/certificate.pdf`,
    jwt: `/verify/${id}/credential.jwt`,
    /** The credential with its embedded proof: the file a wallet's Add screen accepts. */
    json: `/verify/${id}/credential.json`,
    /** The badge image with the credential baked in (Open Badges 3.0, PNG iTXt). */
    png: `/verify/${id}/badge.png`,
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
  credentialId = data.certificateId,
  hasJson,
}: {
  data: CertificateData;
  verifyUrl: string;
  /** A revoked certificate keeps its download links (they are evidence) but is not offered for sharing. */
  revoked: boolean;
  headingLevel?: 2 | 3;
  /** Whose signed files to offer: the certificate's (default) or a wallet copy's. */
  credentialId?: string;
  /** The credential has an embedded proof (so a JSON file for wallets); certificates before 2026-11-30 have none. */
  hasJson: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const links = certificateLinks(credentialId);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const cvId = `cv-${credentialId}`;
  return (
    <>
      <ul>
        <li>
          <a href={certificateLinks(data.certificateId).pdf}>{t("certificates.links.pdf")}</a>
        </li>
        {hasJson ? (
          <li>
            <a href={links.json} download={`certificate-${credentialId}.json`}>
              {t("certificates.links.json")}
            </a>
          </li>
        ) : null}
        <li>
          <a href={links.png} download={`certificate-${credentialId}.png`}>
            {t("certificates.links.png")}
          </a>
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

/** A QR code drawn from the server's path of dark modules (see app/certificates/qr.server.ts): inline SVG, no script. */
export function QrCode({ qr, label, size = 192 }: { qr: { size: number; d: string }; label: string; size?: number }) {
  const side = qr.size + 8;
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`-4 -4 ${side} ${side}`}
      shapeRendering="crispEdges"
      className="qr"
    >
      <rect x={-4} y={-4} width={side} height={side} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}

/**
 * "Add to wallet" for one certificate: a button that starts an exchange (a plain form, so it works without
 * JavaScript), then the exchange's QR code, its link and when it expires; and the copies already in wallets.
 */
export function WalletPanel({ wallet, headingLevel = 3 }: { wallet: WalletPanelData; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `wallet-${wallet.certificateId}`;
  return (
    <section aria-labelledby={headingId} className="wallet">
      <Heading id={headingId}>{t("certificates.wallet.title")}</Heading>
      {wallet.copies.length ? (
        <ul>
          {wallet.copies.map((copy) => (
            <li key={copy.id}>
              {t("certificates.wallet.copy", { date: formatDate(copy.issuedAt, lng) })} <code>{copy.holderDid}</code> (
              <a href={certificateLinks(copy.id).verify}>{t("certificates.links.verify")}</a>)
            </li>
          ))}
        </ul>
      ) : null}
      {wallet.revoked ? null : wallet.exchange ? (
        <div className="wallet-exchange">
          <p>{t("certificates.wallet.scan")}</p>
          <QrCode qr={wallet.exchange.qr} label={t("certificates.wallet.qrLabel")} />
          <ul>
            <li>
              <a href={wallet.exchange.interactionUrl}>{t("certificates.wallet.openLink")}</a>
            </li>
            <li>
              <a href={wallet.exchange.lcwLink} rel="noopener noreferrer">
                {t("certificates.wallet.openLcw")}
              </a>
            </li>
          </ul>
          <p className="muted">
            {t("certificates.wallet.expires", { time: formatDateTime(wallet.exchange.expiresAt, lng) })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="wallet" />
            <input type="hidden" name="certificateId" value={wallet.certificateId} />
            <button type="submit" className="button button--quiet">
              {t("certificates.wallet.again")}
            </button>
          </Form>
        </div>
      ) : (
        <>
          <p>{t("certificates.wallet.lead")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="wallet" />
            <input type="hidden" name="certificateId" value={wallet.certificateId} />
            <button type="submit" className="button">
              {t("certificates.wallet.start")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
