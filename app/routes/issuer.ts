/** GET /issuer: the certificate issuer's Open Badges Profile (the id every credential names as its issuer). */
import { issuerProfile } from "~/certificates/credential.server";

export async function loader() {
  return new Response(
    JSON.stringify(
      {
        "@context": [
          "https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        ...issuerProfile(),
      },
      null,
      2,
    ),
    { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600" } },
  );
}
