/**
 * What the public endpoints read: the revocation lists (list 1, certificates; list 2, wallet copies, whose bits are
 * derived from their certificates), a credential by the id in a public URL (a certificate or a wallet copy), and a
 * project's achievement.
 */
import {
  proveCredential,
  signCredential,
  issuerProfile,
  type AchievementInput,
} from "~/certificates/credential.server";
import type { StatusListId } from "~/certificates/identifiers";
import { normalizeCertificateId } from "~/certificates/ids";
import { getEd25519Keys } from "~/certificates/keys.server";
import { buildStatusListCredential, encodeStatusList } from "~/certificates/status-list";
import { getDb } from "~/utils/db.server";
import { type Certificate, getCertificate, statusListUrl } from "./certificate.server";

// ─── the status lists ────────────────────────────────────────────────────────

/**
 * A revocation bitstring: list 1 has one set bit per revoked certificate; list 2 one per wallet copy of a revoked
 * certificate (a copy is revoked with its certificate, so its bit is derived here and never written).
 */
export async function currentStatusList(list: StatusListId = 1) {
  const revoked =
    list === 1
      ? await getDb()
          .selectFrom("certificate")
          .select(["status_index", "revoked_at"])
          .where("revoked_at", "is not", null)
          .execute()
      : await getDb()
          .selectFrom("wallet_credential")
          .innerJoin("certificate", "certificate.id", "wallet_credential.certificate_id")
          .select(["wallet_credential.status_index", "certificate.revoked_at"])
          .where("certificate.revoked_at", "is not", null)
          .execute();
  const latest = revoked.reduce<string | null>((max, r) => (max && max > r.revoked_at! ? max : r.revoked_at), null);
  return {
    encodedList: encodeStatusList(revoked.map((r) => r.status_index)),
    updatedAt: latest,
  };
}

/** The list's credential with an embedded proof, remembered per content and key (proving costs tens of milliseconds). */
const provedLists = new Map<string, Promise<object>>();

/**
 * The BitstringStatusListCredential (unsigned), its VC-JWT, and (on demand) the credential with an embedded proof
 * for JSON-LD readers such as wallets. Before any revocation the list is valid from the start of the service
 * (fixed, so the proved list can be remembered).
 */
export async function statusListCredential(list: StatusListId = 1) {
  const { encodedList, updatedAt } = await currentStatusList(list);
  const credential = buildStatusListCredential({
    id: statusListUrl(list),
    // The DID alone: the list uses only the VC 2.0 context, which has no "Profile" type.
    issuer: issuerProfile().id,
    encodedList,
    validFrom: updatedAt ?? SERVICE_START,
  });
  return {
    credential,
    jwt: await signCredential(credential),
    proved: async () => {
      // Per content and signing key: after a key rotation the list is proved again with the new key.
      const key = `${(await getEd25519Keys()).active.publicKeyMultibase} ${JSON.stringify(credential)}`;
      let proved = provedLists.get(key);
      if (!proved) {
        if (provedLists.size >= 16) provedLists.clear();
        proved = proveCredential(credential);
        proved.catch(() => provedLists.delete(key));
        provedLists.set(key, proved);
      }
      return proved;
    },
  };
}

/** When the status lists start to be valid when nothing has been revoked yet. */
const SERVICE_START = "2025-04-01T00:00:00Z";

// ─── public credentials: certificates and their wallet copies ───────────────

export interface PublicCredential {
  /** The id in the URL: the certificate's, or a wallet copy's. */
  id: string;
  certificate: Certificate;
  /** The VC-JWT (which carries the credential and its embedded proof). */
  credentialJwt: string;
  /** For a wallet copy: the DID it was issued to. */
  holderDid: string | null;
}

/**
 * A certificate, or a copy claimed into a wallet, by the id in a public URL (typed ids are normalised); null when
 * malformed or unknown. A copy shows its certificate's facts and status.
 */
export async function getPublicCredential(rawId: string | undefined): Promise<PublicCredential | null> {
  const id = normalizeCertificateId(rawId ?? "");
  if (!id) return null;
  const certificate = await getCertificate(id);
  // An emptied credential: revoked, and its person deleted (erasure.server.ts); only the verify page says so.
  if (certificate?.credential_jwt === "") return null;
  if (certificate) return { id, certificate, credentialJwt: certificate.credential_jwt, holderDid: null };
  const copy = await getDb()
    .selectFrom("wallet_credential")
    .select(["certificate_id", "holder_did", "credential_jwt"])
    .where("id", "=", id)
    .executeTakeFirst();
  const original = copy && (await getCertificate(copy.certificate_id));
  return original && copy.credential_jwt !== "" && original.credential_jwt !== ""
    ? { id, certificate: original, credentialJwt: copy.credential_jwt, holderDid: copy.holder_did }
    : null;
}

/**
 * What a project's achievement says (its title, seminar and university), or null: only projects that have issued a
 * certificate have an achievement to show (drafts and projects in review stay private).
 */
export async function getAchievementInput(projectId: number): Promise<AchievementInput | null> {
  const project = await getDb()
    .selectFrom("project")
    .innerJoin("university", "university.id", "project.university_id")
    .select([
      "project.id",
      "project.title_ja",
      "project.title_en",
      "project.seminar_name",
      "university.name_ja",
      "university.name_en",
    ])
    .where("project.id", "=", projectId)
    .where((eb) => eb.exists(eb.selectFrom("certificate").select("id").where("project_id", "=", projectId)))
    .executeTakeFirst();
  if (!project) return null;
  return {
    projectId: project.id,
    title: { ja: project.title_ja, en: project.title_en },
    seminar: { ja: project.seminar_name },
    university: { ja: project.name_ja, en: project.name_en },
  };
}

/**
 * A revoked certificate whose person was deleted (its credential emptied by erasure.server.ts): what the public
 * verify page may still say (that it existed and was revoked, for which project), with no name. Null otherwise.
 */
export async function findErasedCertificate(rawId: string | undefined) {
  const id = normalizeCertificateId(rawId ?? "");
  if (!id) return null;
  const certificate = await getCertificate(id);
  if (!certificate || certificate.credential_jwt !== "" || !certificate.revoked_at) return null;
  return { id, data: certificate.data, revokedAt: certificate.revoked_at };
}
