/**
 * The signed link of a host's page (`/host/<hostId>.<signature>`, see models/host-page.server.ts): HMAC-SHA256 over
 * `host-page.<hostId>` with the page's own derived key ("host-page-link", never the answer link's or the cookie's).
 * Here, apart from the page's model, so that every mail that carries the link can sign it without an import cycle.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey, deriveKeys } from "./keys.server";

function sign(hostId: number, key: Buffer) {
  return createHmac("sha256", key).update(`host-page.${hostId}`).digest("base64url");
}

export function hostPageToken(hostId: number): string {
  return `${hostId}.${sign(hostId, deriveKey("host-page-link"))}`;
}

/** The host id when the signature is genuine (made with any listed secret, so rotation keeps sent links working). */
export function verifyHostPageToken(token: string): number | null {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const hostId = Number(match[1]);
  const given = Buffer.from(match[2]);
  const genuine = deriveKeys("host-page-link").some((key) => {
    const expected = Buffer.from(sign(hostId, key));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return genuine ? hostId : null;
}
