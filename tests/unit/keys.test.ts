// Keys derived per purpose from SESSION_SECRET, and the host-answer link signed with its own key (not the cookie's).
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { hostLinkToken, verifyHostLink } from "~/models/project-host.server";
import { resetConfig } from "~/utils/env.server";
import { deriveKey, deriveKeys } from "~/utils/keys.server";

const OLD = "an-old-session-secret-that-signed-earlier-links";
const NEW = "a-new-session-secret-prepended-when-rotating-it";

afterEach(() => {
  delete process.env.SESSION_SECRET;
  resetConfig();
});

function useSecrets(...secrets: string[]) {
  process.env.SESSION_SECRET = secrets.join(",");
  resetConfig();
}

/** A link as it was signed before: HMAC-SHA256 with the secret itself, the key that also signs the cookies. */
function signedWithCookieKey(hostId: number, expiresAt: number, nonce: string, secret: string) {
  const payload = `${hostId}.${expiresAt}.${nonce}`;
  return `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`;
}

function signedWithKey(hostId: number, expiresAt: number, nonce: string, key: Buffer) {
  const payload = `${hostId}.${expiresAt}.${nonce}`;
  return `${payload}.${createHmac("sha256", key).update(payload).digest("base64url")}`;
}

const NONCE = "abcdefghijklmnopqrstuvwxyz012345";
const EXPIRES = Date.UTC(2031, 0, 1);

describe("deriveKey", () => {
  it("gives a stable 32-byte key per purpose and secret, none equal to another or to the secret", () => {
    useSecrets(NEW, OLD);
    const link = deriveKey("host-answer-link");
    const outbox = deriveKey("outbox-secrets");
    expect(link).toHaveLength(32);
    expect(outbox).toHaveLength(32);
    expect(deriveKey("host-answer-link").equals(link)).toBe(true);
    expect(link.equals(outbox)).toBe(false);
    expect(link.equals(deriveKey("host-answer-link", OLD))).toBe(false);
    expect(link.toString("utf8")).not.toContain(NEW);
    expect(deriveKeys("host-answer-link").map((k) => k.toString("hex"))).toEqual([
      link.toString("hex"),
      deriveKey("host-answer-link", OLD).toString("hex"),
    ]);
  });
});

describe("the host-answer link's key", () => {
  it("signs with the derived key: a link signed with the cookie key no longer verifies", () => {
    useSecrets(NEW);
    const token = hostLinkToken(7, EXPIRES, NONCE);
    expect(token).toBe(signedWithKey(7, EXPIRES, NONCE, deriveKey("host-answer-link", NEW)));
    expect(verifyHostLink(token)).toEqual({ hostId: 7, expiresAt: EXPIRES, nonce: NONCE });
    expect(verifyHostLink(signedWithCookieKey(7, EXPIRES, NONCE, NEW))).toBeNull();
    // Nor does a signature made with another purpose's key.
    expect(verifyHostLink(signedWithKey(7, EXPIRES, NONCE, deriveKey("outbox-secrets", NEW)))).toBeNull();
  });

  it("still verifies links signed with an older listed secret's derived key, but not with the old cookie key", () => {
    useSecrets(OLD);
    const sentBefore = hostLinkToken(8, EXPIRES, NONCE);
    useSecrets(NEW, OLD);
    expect(verifyHostLink(sentBefore)).toMatchObject({ hostId: 8 });
    expect(verifyHostLink(signedWithCookieKey(8, EXPIRES, NONCE, OLD))).toBeNull();
    useSecrets(NEW); // the old secret dropped: its links stop working
    expect(verifyHostLink(sentBefore)).toBeNull();
  });
});
