/** GET /sitemaps/:part.xml: one part of the sitemap (1-based), named by the index at /sitemap.xml. Public. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam } from "~/schemas/params";
import { partCount, partPages, urlsetXml, XML_HEADERS } from "~/seo/sitemap";
import { listSitemapPages } from "~/seo/sitemap.server";
import { config } from "~/utils/env.server";
import { invariantResponse } from "~/utils/invariant";

export async function loader({ params }: LoaderFunctionArgs) {
  const part = idParam(params, "part");
  const pages = await listSitemapPages();
  invariantResponse(part <= partCount(pages.length));
  return new Response(urlsetXml(config().publicUrl, partPages(pages, part)), { headers: XML_HEADERS });
}
