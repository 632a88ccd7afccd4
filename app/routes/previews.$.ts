/**
 * GET /previews/<page>.png (`index.png`, `firms/12.png`, …; `?lng=en` for English): a public page's link-preview
 * image, as its Open Graph and Twitter tags name it. 404 when the page is not public. The `v` the pages put in the URL
 * changes with the heading, so a request naming the current version may be cached for good.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { fallbackLng } from "~/i18n";
import { previewVersion } from "~/seo/meta";
import { previewPng } from "~/seo/preview-image.server";
import { parsePreviewPath, previewHeading } from "~/seo/preview-page.server";
import { explicitLocale } from "~/utils/i18n.server";
import { found } from "~/utils/invariant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = found(parsePreviewPath(params["*"]));
  // The URL alone decides the language (never a cookie): the same URL is the same image for every cache.
  const lng = explicitLocale(request) ?? fallbackLng;
  const heading = found(await previewHeading(page, lng));
  const { png, key } = await previewPng(heading, lng);
  const current = new URL(request.url).searchParams.get("v") === previewVersion(heading, lng);
  const etag = `"${key}"`;
  const headers = {
    "Content-Type": "image/png",
    "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=3600",
    ETag: etag,
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(png), { headers });
}
