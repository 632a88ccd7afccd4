/** The student's own certificates, each with its PDF, verification page, LinkedIn link and CV lines. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CertificateFacts, CertificateShare, certificateLinks, inLng } from "~/components/certificates";
import type { Lng } from "~/i18n";
import { listStudentCertificates } from "~/models/certificate.server";
import { config } from "~/utils/env.server";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const student = await requireRole(request, "student");
  const certificates = await listStudentCertificates(student.id);
  return {
    certificates: certificates.map((c) => ({
      id: c.id,
      data: c.data,
      revokedAt: c.revoked_at,
      verifyUrl: `${config().publicUrl}/verify/${c.id}`,
    })),
  };
}

export default function StudentCertificates() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { certificates } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("certificates.student.title")}</h1>
      <p>{t("certificates.student.lead")}</p>
      {certificates.length === 0 ? <p>{t("certificates.student.empty")}</p> : null}
      {certificates.map((c) => (
        <section key={c.id} className="panel" aria-labelledby={`cert-${c.id}`}>
          <h2 id={`cert-${c.id}`}>{inLng(c.data.project.title, lng)}</h2>
          <CertificateFacts data={c.data} revokedAt={c.revokedAt} />
          <p>
            <Link to={certificateLinks(c.id).verify}>{t("certificates.links.verify")}</Link>
          </p>
          <CertificateShare data={c.data} verifyUrl={c.verifyUrl} revoked={Boolean(c.revokedAt)} headingLevel={3} />
        </section>
      ))}
    </>
  );
}
