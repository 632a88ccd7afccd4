/** The programme's badge image (every achievement's `image`): rendered once per process, cached by browsers. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgePng } from "~/certificates/badge.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { png, etag } = badgePng();
  const headers = {
    "Content-Type": "image/png",
    "Cache-Control": "public, max-age=86400",
    "Access-Control-Allow-Origin": "*",
    ETag: etag,
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(png), { headers });
}
