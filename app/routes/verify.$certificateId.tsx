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
import { CREDENTIAL_JSON_TYPES, wantsJson } from "~/certificates/negotiate.server";
import { CertificateFacts, CertificateShare, certificateLinks } from "~/components/certificates";
import { getPublicCredential } from "~/models/certificate-public.server";
import { findReplacement } from "~/models/certificate-reissue.server";
import { config } from "~/utils/env.server";
import { found } from "~/utils/invariant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const record = found(await getPublicCredential(params.certificateId));
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
  const { id, data, revokedAt, replacedBy, holderDid, signature, hasJson, verifyUrl } = useLoaderData<typeof loader>();
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
