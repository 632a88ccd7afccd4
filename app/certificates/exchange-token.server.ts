/**
 * The secret in a wallet exchange's URLs: `<exchange id>.<HMAC-SHA256(id)>`, signed with the first SESSION_SECRET
 * and checked against all of them (rotation does not break a live exchange). The database keeps only the random id,
 * so its rows alone cannot claim a credential, while the student's page can still show the QR code again after a
 * redirect (post → redirect → get) without storing the secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "~/utils/env.server";

const PURPOSE = "wallet-exchange:";
const ID = /^[A-Za-z0-9_-]{22}$/;

export function newExchangeId(): string {
  return randomBytes(16).toString("base64url");
}

function mac(id: string, secret: string): Buffer {
  return createHmac("sha256", secret)
    .update(PURPOSE + id)
    .digest()
    .subarray(0, 18);
}

export function exchangeToken(id: string): string {
  return `${id}.${mac(id, config().sessionSecrets[0]).toString("base64url")}`;
}

/** The exchange id of a genuine token, or null (anything malformed, forged or signed with an unknown secret). */
export function exchangeIdFromToken(token: string | undefined): string | null {
  if (!token || token.length > 64) return null;
  const [id, signature, extra] = token.split(".");
  if (extra !== undefined || !id || !signature || !ID.test(id)) return null;
  const given = Buffer.from(signature, "base64url");
  if (given.length !== 18 || given.toString("base64url") !== signature) return null;
  return config().sessionSecrets.some((secret) => timingSafeEqual(mac(id, secret), given)) ? id : null;
}
