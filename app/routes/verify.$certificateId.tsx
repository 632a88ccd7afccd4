/**
 * The public verification page of a certificate (or of a copy claimed into a wallet): what it says, whether its
 * signatures check out — the VC-JWT against the published ES256 keys and the embedded eddsa-rdfc-2022 proof against
 * the issuer's did:web keys, both computed from the signed data alone — and whether it has been revoked (and since
 * when; the reason is for staff). The URL is the credential's id: JSON-LD clients (Accept: application/vc+ld+json,
 * application/ld+json, application/json) are sent on to the credential JSON with 303 See Other.
 * An unknown or malformed id is a 404 page.
 */
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  credentialFromJwt,
  hasEmbeddedProof,
  signedFactsMatch,
  verifyCertificateCredential,
} from "~/certificates/credential.server";
import { inEnglish, type Bilingual } from "~/certificates/data";
import { CREDENTIAL_JSON_TYPES, wantsJson } from "~/certificates/negotiate.server";
import { CertificateFacts, CertificateShare, certificateLinks } from "~/components/certificates";
import type { Lng } from "~/i18n";
import { findErasedCertificate, getPublicCredential } from "~/models/certificate-public.server";
import { findReplacement } from "~/models/certificate-reissue.server";
import { config } from "~/utils/env.server";
import { formatDate } from "~/utils/format";
import { found } from "~/utils/invariant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const publicRecord = await getPublicCredential(params.certificateId);
  if (!publicRecord) return erasedPage(found(await findErasedCertificate(params.certificateId)));
  const record = publicRecord;
  if (wantsJson(request, CREDENTIAL_JSON_TYPES))
    throw redirect(certificateLinks(record.id).json, { status: 303, headers: { Vary: "Accept" } });
  const check = await verifyCertificateCredential(record.credentialJwt);
  // What the page shows comes from the stored data: it counts as signed only if the signed credential says the same.
  const matches = check.jwt.valid && signedFactsMatch(check.jwt.payload, record.certificate.data);
  return {
    id: record.id,
    data: record.certificate.data,
    revokedAt: record.certificate.revoked_at,
    // A re-issued certificate: the old page says "revoked, replaced by …" (issue 12).
    replacedBy: record.certificate.revoked_at ? await findReplacement(record.certificate.id) : null,
    holderDid: record.holderDid,
    signature: {
      valid: check.valid && matches,
      mismatch: check.valid && !matches,
      kid: check.jwt.kid,
      embedded: check.embedded
        ? { valid: check.embedded.valid, method: check.embedded.valid ? check.embedded.verificationMethod : null }
        : null,
    },
    hasJson: check.jwt.valid && hasEmbeddedProof(credentialFromJwt(record.credentialJwt)),
    verifyUrl: `${config().publicUrl}/verify/${record.id}`,
    erased: null as { project: Bilingual | null } | null,
  };
}

/**
 * Revoked, and its person deleted (issue 14): the same page shape with nothing signed to show and no name (the data
 * lost it at erasure); the page says only that the certificate was revoked, and for which project.
 */
function erasedPage(erased: NonNullable<Awaited<ReturnType<typeof findErasedCertificate>>>) {
  return {
    id: erased.id,
    data: erased.data,
    revokedAt: erased.revokedAt as string | null,
    replacedBy: null as string | null,
    holderDid: null as string | null,
    signature: {
      valid: false,
      mismatch: false,
      kid: null as string | null,
      embedded: null as { valid: boolean; method: string | null } | null,
    },
    hasJson: false,
    verifyUrl: `${config().publicUrl}/verify/${erased.id}`,
    erased: { project: erased.data?.project.title ?? null },
  };
}

/** The same URL answers JSON-LD clients differently (303), so caches must key on Accept. */
export const headers: HeadersFunction = () => ({ Vary: "Accept" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${data.id} – 参加証明書の検証 / Certificate verification` : "Not Found",
  },
  { name: "robots", content: "noindex" },
  ...(data?.hasJson
    ? [
        {
          tagName: "link",
          rel: "alternate",
          type: "application/vc+ld+json",
          href: `/verify/${data.id}/credential.json`,
        },
      ]
    : []),
];

export default function VerifyCertificate() {
  const { t } = useTranslation();
  const { id, data, revokedAt, replacedBy, holderDid, signature, hasJson, verifyUrl, erased } =
    useLoaderData<typeof loader>();
  if (erased) return <ErasedCertificate id={id} revokedAt={revokedAt} project={erased.project} />;
  return (
    <>
      <h1>{t("certificates.verify.title")}</h1>
      <p>{t("certificates.verify.lead")}</p>
      {revokedAt ? (
        <p className="notice" role="status">
          {replacedBy ? (
            <>
              {t("certificates.verify.replacedBy")} <Link to={certificateLinks(replacedBy).verify}>{replacedBy}</Link>
            </>
          ) : (
            t("certificates.verify.revokedNotice")
          )}
        </p>
      ) : null}
      {holderDid ? (
        <p className="notice">
          {t("certificates.verify.walletCopy")} <code>{holderDid}</code>
        </p>
      ) : null}
      <CertificateFacts data={data} revokedAt={revokedAt} />
      <h2>{t("certificates.fields.signature")}</h2>
      <p data-testid="signature">
        {signature.valid
          ? t("certificates.signature.valid", { kid: signature.kid })
          : signature.mismatch
            ? t("certificates.signature.mismatch")
            : t("certificates.signature.invalid")}
      </p>
      <p data-testid="embedded-proof">
        {signature.embedded === null
          ? t("certificates.signature.noEmbeddedProof")
          : signature.embedded.valid
            ? t("certificates.signature.embeddedValid", { method: signature.embedded.method })
            : t("certificates.signature.embeddedInvalid")}
      </p>
      {revokedAt && signature.valid ? <p className="notice">{t("certificates.signature.revokedNote")}</p> : null}
      <CertificateShare
        data={data}
        verifyUrl={verifyUrl}
        revoked={Boolean(revokedAt)}
        credentialId={id}
        hasJson={hasJson}
      />
      <p className="muted">{t("certificates.verify.technical")}</p>
    </>
  );
}

function ErasedCertificate({
  id,
  revokedAt,
  project,
}: {
  id: string;
  revokedAt: string | null;
  project: Bilingual | null;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <>
      <h1>{t("certificates.verify.title")}</h1>
      <p className="notice" role="status">
        {t("certificates.verify.revokedNotice")}
      </p>
      <dl className="meta">
        <dt>{t("personalData.erased.certificateId")}</dt>
        <dd>
          <code>{id}</code>
        </dd>
        {project ? (
          <>
            <dt>{t("personalData.erased.project")}</dt>
            <dd>{lng === "en" ? inEnglish(project) : project.ja}</dd>
          </>
        ) : null}
        {revokedAt ? (
          <>
            <dt>{t("personalData.erased.revokedAt")}</dt>
            <dd>{formatDate(revokedAt, lng)}</dd>
          </>
        ) : null}
      </dl>
      <p>{t("personalData.erased.noName")}</p>
    </>
  );
}
