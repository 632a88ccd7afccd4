/** Staff: download an agreement document (a resource route). The file is checked against its stored checksum. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readDocument } from "~/models/agreement-document.server";
import { idParam } from "~/schemas/params";
import { invariantResponse } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";

/** attachment; filename="ascii fallback"; filename*=UTF-8''… (RFC 6266), so Japanese names survive. */
function contentDisposition(filename: string) {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const doc = await readDocument(idParam(params, "agreementId"), idParam(params, "documentId"));
  invariantResponse(doc.outcome !== "notFound");
  if (doc.outcome !== "ok") {
    // The row exists but its file is gone or altered: say so in the log, never serve a different file.
    console.error(`agreement document ${params.documentId}: ${doc.outcome}`);
    throw new Response(doc.outcome === "missingFile" ? "Not Found" : "The stored file is damaged", {
      status: doc.outcome === "missingFile" ? 404 : 500,
    });
  }
  return new Response(doc.bytes, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(doc.bytes.byteLength),
      "Content-Disposition": contentDisposition(doc.filename),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
