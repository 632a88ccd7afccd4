/**
 * A certificate's (or wallet copy's) baked badge: the programme's badge PNG with the credential in an
 * `openbadgecredential` iTXt chunk (Open Badges 3.0 baking): the JSON with its embedded proof, or, for certificates
 * issued before embedded proofs existed, the VC-JWT.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgePng, bakePng } from "~/certificates/badge.server";
import { credentialFromJwt, hasEmbeddedProof } from "~/certificates/credential.server";
import { getPublicCredential } from "~/models/certificate-public.server";
import { found } from "~/utils/invariant";

export async function loader({ params }: LoaderFunctionArgs) {
  const record = found(await getPublicCredential(params.certificateId));
  const credential = credentialFromJwt(record.credentialJwt);
  const baked = hasEmbeddedProof(credential) ? JSON.stringify(credential) : record.credentialJwt;
  return new Response(new Uint8Array(bakePng(badgePng().png, baked)), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `inline; filename="certificate-${record.id}.png"`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
