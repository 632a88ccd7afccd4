/** A certificate's PDF, rendered on each download from the data frozen at issue (the output is deterministic). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderCertificatePdf } from "~/certificates/pdf.server";
import { findPublicCertificate, pdfInput } from "~/models/certificate.server";
import { found } from "~/utils/invariant";

export async function loader({ params }: LoaderFunctionArgs) {
  const cert = found(await findPublicCertificate(params.certificateId));
  const bytes = await renderCertificatePdf(pdfInput(cert));
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="certificate-${cert.id}.pdf"`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
