/**
 * Content negotiation for the resolvable identifiers (credential, issuer, achievement, wallet interaction), with the
 * Accept header's q-values read by `negotiator` (the parser Express uses).
 *
 * A Remix page cannot answer a document request with JSON, so a page whose URL is an identifier sends JSON(-LD)
 * clients on with 303 See Other to the JSON document (the Linked Data pattern for "the thing" vs. "a document about
 * it"); HTTP clients and JSON-LD document loaders follow it with the same Accept header.
 */
import Negotiator from "negotiator";

/** What JSON-LD readers of a credential ask for; the first is what we answer with when they accept anything. */
export const CREDENTIAL_JSON_TYPES = ["application/vc+ld+json", "application/ld+json", "application/json"];
export const JSON_TYPES = ["application/ld+json", "application/json"];

/**
 * The best of `offered` for this request. Without an Accept header (or with only wildcards) the first offer wins,
 * so the order is the server's preference.
 */
export function preferredType(request: Request, offered: string[]): string | undefined {
  const accept = request.headers.get("Accept") ?? undefined;
  return new Negotiator({ headers: { accept } }).mediaType(offered);
}

/** True when the client prefers one of `jsonTypes` to an HTML page (a browser asks for text/html explicitly). */
export function wantsJson(request: Request, jsonTypes: string[] = JSON_TYPES): boolean {
  const best = preferredType(request, ["text/html", ...jsonTypes]);
  return best !== undefined && best !== "text/html";
}
