/** A certificate's (or wallet copy's) signed credential (VC-JWT), public like its verification page. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { VC_JWT_MEDIA_TYPE } from "~/certificates/credential.server";
import { getPublicCredential } from "~/models/certificate-public.server";
import { found } from "~/utils/invariant";

export async function loader({ params }: LoaderFunctionArgs) {
  const record = found(await getPublicCredential(params.certificateId));
  return new Response(record.credentialJwt, {
    headers: {
      "Content-Type": VC_JWT_MEDIA_TYPE,
      "Content-Disposition": `inline; filename="certificate-${record.id}.jwt"`,
      "Access-Control-Allow-Origin": "*",
    },
  });
}
