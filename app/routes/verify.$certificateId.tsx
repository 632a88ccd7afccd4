/**
 * The public verification page of a certificate: what it says, whether its signature checks out against the keys
 * published at /.well-known/jwks.json, and whether it has been revoked (and since when; the reason is for staff).
 * An unknown or malformed id is a 404 page.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { verifyCredentialJwt } from "~/certificates/credential.server";
import { getPublicJwks } from "~/certificates/keys.server";
import { CertificateFacts, CertificateShare } from "~/components/certificates";
import { loadPublicCertificate } from "~/models/certificate.server";
import { config } from "~/utils/env.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const cert = await loadPublicCertificate(params.certificateId);
  const check = await verifyCredentialJwt(cert.credential_jwt, await getPublicJwks());
  return {
    data: cert.data,
    revokedAt: cert.revoked_at,
    signature: { valid: check.valid, kid: check.kid },
    verifyUrl: `${config().publicUrl}/verify/${cert.id}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${data.data.certificateId} – 参加証明書の検証 / Certificate verification` : "Not Found",
  },
  { name: "robots", content: "noindex" },
];

export default function VerifyCertificate() {
  const { t } = useTranslation();
  const { data, revokedAt, signature, verifyUrl } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("certificates.verify.title")}</h1>
      <p>{t("certificates.verify.lead")}</p>
      {revokedAt ? (
        <p className="notice" role="status">
          {t("certificates.verify.revokedNotice")}
        </p>
      ) : null}
      <CertificateFacts data={data} revokedAt={revokedAt} />
      <h2>{t("certificates.fields.signature")}</h2>
      <p data-testid="signature">
        {signature.valid
          ? t("certificates.signature.valid", { kid: signature.kid })
          : t("certificates.signature.invalid")}
      </p>
      <CertificateShare data={data} verifyUrl={verifyUrl} revoked={Boolean(revokedAt)} />
      <p className="muted">{t("certificates.verify.technical")}</p>
    </>
  );
}
