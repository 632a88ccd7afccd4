/**
 * Small secrets sealed for storage: AES-256-GCM with the "outbox-secrets" key derived from SESSION_SECRET
 * (keys.server.ts). The sealed text is `v1.<iv>.<ciphertext>.<tag>` (base64url); `context` is bound to it as
 * additional data, so a sealed value copied to another row (another recipient) does not open there. Opening tries
 * the key of every listed secret, so rotating SESSION_SECRET keeps what was sealed before readable.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey, deriveKeys } from "./keys.server";

const VERSION = "v1";

export function sealSecrets(values: Readonly<Record<string, string>>, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey("outbox-secrets"), iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The sealed values, or null when no listed secret's key opens them (or the text is not a sealed value). */
export function openSecrets(sealed: string, context: string): Record<string, string> | null {
  const [version, iv, ciphertext, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || rest.length || !iv || !tag || ciphertext === undefined) return null;
  for (const key of deriveKeys("outbox-secrets")) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
      const values: unknown = JSON.parse(plain.toString("utf8"));
      if (!values || typeof values !== "object" || Object.values(values).some((v) => typeof v !== "string"))
        return null;
      return values as Record<string, string>;
    } catch {
      // not this key (or tampered with): try the next
    }
  }
  return null;
}
