/**
 * The identifiers the credentials name, all derived from PUBLIC_URL (no trailing slash). Client-safe.
 *
 * The issuer is a did:web DID (README, Decisions: "Certificates: a did:web issuer"): did:web:<host>[:<path>…] for
 * https://<host>[/<path>…], the port's colon percent-encoded as did:web requires. Its DID document is served at
 * /.well-known/did.json (a bare domain) and /did.json (PUBLIC_URL with a path), and lists the Ed25519 key of the
 * Data Integrity proofs as a Multikey and the P-256 key of the VC-JWT as a JsonWebKey.
 */

export function issuerDid(publicUrl: string): string {
  const url = new URL(publicUrl);
  const segments = url.pathname.split("/").filter(Boolean).map(encodeURIComponent);
  return ["did:web", encodeURIComponent(url.host), ...segments].join(":");
}

/**
 * The verification method of an Ed25519 key: the DID with the key's multibase as fragment. Verifiers that read the
 * key from the fragment (the 1EdTech validator does, for "controller#publicKeyMultibase") need no DID resolution.
 */
export function ed25519MethodId(publicUrl: string, publicKeyMultibase: string): string {
  return `${issuerDid(publicUrl)}#${publicKeyMultibase}`;
}

/** The P-256 key as a verification method of the DID document. */
export function es256MethodId(publicUrl: string, kid: string): string {
  return `${issuerDid(publicUrl)}#${encodeURIComponent(kid)}`;
}

/** The https URL that answers one public JWK: the VC-JWT header's kid (OB 3.0 §8.2.3). */
export function jwkUrl(publicUrl: string, kid: string): string {
  return `${publicUrl}/issuer/keys/${encodeURIComponent(kid)}`;
}

const KID_URL = /^https?:\/\/[^#?]+\/issuer\/keys\/([^/?#]+)$/;

/** The bare kid a JWT header names: the last segment of a kid URL, or the kid itself (credentials before 2026-11-30). */
export function bareKid(kid: string): string {
  const match = KID_URL.exec(kid);
  if (!match) return kid;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return kid;
  }
}

/** The issuer's profile page (HTML for people, the Profile JSON by content negotiation). */
export function issuerProfileUrl(publicUrl: string): string {
  return `${publicUrl}/issuer`;
}

export function achievementUrl(publicUrl: string, projectId: string | number): string {
  return `${publicUrl}/achievements/interview-project/${projectId}`;
}

/** The badge image every achievement shows (one image for the programme). */
export function badgeImageUrl(publicUrl: string): string {
  return `${publicUrl}/achievements/badge.png`;
}

/**
 * The revocation lists: 1 for the certificates, 2 for the copies claimed into wallets (a copy is revoked with its
 * certificate: its bit is derived, never written).
 */
export type StatusListId = 1 | 2;

export function statusListPath(list: StatusListId): string {
  return `/credentials/status/${list}`;
}
