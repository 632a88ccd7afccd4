/** A certificate's signed credential (VC-JWT), public like its verification page. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { VC_JWT_MEDIA_TYPE } from "~/certificates/credential.server";
import { loadPublicCertificate } from "~/models/certificate.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const cert = await loadPublicCertificate(params.certificateId);
  return new Response(cert.credential_jwt, {
    headers: {
      "Content-Type": VC_JWT_MEDIA_TYPE,
      "Content-Disposition": `inline; filename="certificate-${cert.id}.jwt"`,
      "Access-Control-Allow-Origin": "*",
    },
  });
}
