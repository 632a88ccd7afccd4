/**
 * The student's own certificates, each with its PDF, JSON (for wallets), baked badge, verification page, LinkedIn
 * link and CV lines, and "add to wallet": a button (a plain form) starts a wallet exchange, after which the page
 * shows its QR code as inline SVG with a link, until it is used or expires (15 minutes).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { credentialFromJwt, hasEmbeddedProof } from "~/certificates/credential.server";
import { inLng } from "~/certificates/data";
import { CertificateFacts, CertificateShare, certificateLinks, WalletPanel } from "~/components/certificates";
import type { Lng } from "~/i18n";
import { listStudentCertificates } from "~/models/certificate.server";
import { startWalletExchange, walletStateOf } from "~/models/wallet.server";
import { walletPanel } from "~/route-helpers/wallet-panel.server";
import { WalletStartSchema } from "~/schemas/certificates";
import { config } from "~/utils/env.server";
import { readForm } from "~/utils/form.server";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const student = await requireRole(request, "student");
  const [certificates, wallet] = await Promise.all([listStudentCertificates(student.id), walletStateOf(student.id)]);
  return {
    certificates: certificates.map((c) => ({
      id: c.id,
      data: c.data,
      revokedAt: c.revoked_at,
      verifyUrl: `${config().publicUrl}/verify/${c.id}`,
      hasJson: hasEmbeddedProof(credentialFromJwt(c.credential_jwt)),
      wallet: walletPanel(c, wallet),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const student = await requireRole(request, "student");
  const submission = (await readForm(request)).parse(WalletStartSchema);
  if (submission.status !== "success")
    return redirectWithToast("/student/certificates", { kind: "error", key: "certificates.exchange.errors.notFound" });
  const { certificateId } = submission.value;
  const result = await startWalletExchange(student.id, certificateId);
  if (!result.ok) return redirectWithToast("/student/certificates", { kind: "error", key: result.reason });
  return redirectWithToast(`/student/certificates#wallet-${certificateId}`, {
    kind: "success",
    key: "certificates.wallet.toast.started",
  });
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
          <WalletPanel wallet={c.wallet} />
          <CertificateShare
            data={c.data}
            verifyUrl={c.verifyUrl}
            revoked={Boolean(c.revokedAt)}
            headingLevel={3}
            hasJson={c.hasJson}
          />
        </section>
      ))}
    </>
  );
}
