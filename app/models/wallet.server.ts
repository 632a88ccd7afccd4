/**
 * Certificates into wallets: the VC-API exchange as the Learner Credential Wallet runs it.
 *
 * 1. The student starts an exchange for one of their certificates (not revoked): single use, 15 minutes.
 * 2. The wallet asks for the presentation request (`POST {}`): DID Authentication with a did:key, the exchange's
 *    challenge and the issuer's origin as domain.
 * 3. The wallet sends its signed presentation; once the challenge, domain and signature check out, a copy of the
 *    certificate is signed for the holder's DID (the same achievement and evidence, both proofs, its own index in
 *    status list 2) and stored in a transaction whose first statement spends the exchange (one conditional UPDATE,
 *    so a replay or a second concurrent answer gets nothing). Revoking the certificate revokes every copy (the bit is
 *    derived from the certificate, see currentStatusList).
 *
 * Failures are catalog keys under certificates.exchange.errors; the exchange routes turn them into JSON errors.
 */
import { randomUUID } from "node:crypto";
import { credentialFromJwt, issueCredential, type Credential } from "~/certificates/credential.server";
import { verificationUrl, type CertificateData } from "~/certificates/data";
import { verifyDidAuthentication } from "~/certificates/data-integrity.server";
import { exchangeToken, newExchangeId } from "~/certificates/exchange-token.server";
import { newCertificateId } from "~/certificates/ids";
import { randomStatusListIndex } from "~/certificates/status-list";
import { getDb, now } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { fail, ok } from "~/utils/result";
import { recordAudit } from "./audit.server";
import { statusListUrl } from "./certificate.server";

export const EXCHANGE_MINUTES = 15;

export type ExchangeFailure =
  | "certificates.exchange.errors.notFound"
  | "certificates.exchange.errors.expired"
  | "certificates.exchange.errors.used"
  | "certificates.exchange.errors.revoked"
  | "certificates.exchange.errors.invalidPresentation";

/** The URLs of an exchange: the interaction URL (the QR code) and the VC-API exchange URL the wallet posts to. */
export function exchangeUrls(exchangeId: string, publicUrl = config().publicUrl) {
  const token = exchangeToken(exchangeId);
  return {
    interactionUrl: `${publicUrl}/wallet/interactions/${token}?iuv=1`,
    exchangeUrl: `${publicUrl}/wallet/exchanges/${token}`,
  };
}

/** The DID Authentication domain: the issuer's origin, which the wallet signs into its presentation. */
export const exchangeDomain = (publicUrl = config().publicUrl) => new URL(publicUrl).origin;

/** Starts an exchange for the student's own, unrevoked certificate. */
export async function startWalletExchange(studentId: number, certificateId: string, at = new Date()) {
  const cert = await getDb()
    .selectFrom("certificate")
    .select(["id", "revoked_at"])
    .where("id", "=", certificateId)
    .where("student_id", "=", studentId)
    .executeTakeFirst();
  if (!cert) return fail("certificates.exchange.errors.notFound" as ExchangeFailure);
  if (cert.revoked_at) return fail("certificates.exchange.errors.revoked" as ExchangeFailure);
  const id = newExchangeId();
  await getDb()
    .insertInto("wallet_exchange")
    .values({
      id,
      certificate_id: cert.id,
      student_id: studentId,
      challenge: randomUUID(),
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + EXCHANGE_MINUTES * 60_000).toISOString(),
      requested_at: null,
      completed_at: null,
      holder_did: null,
    })
    .execute();
  return ok({ exchangeId: id });
}

/** The student's exchanges that a wallet can still use (newest first, one per certificate) and their wallet copies. */
export async function walletStateOf(studentId: number, at = now()) {
  const [live, copies] = await Promise.all([
    getDb()
      .selectFrom("wallet_exchange")
      .innerJoin("certificate", "certificate.id", "wallet_exchange.certificate_id")
      .select(["wallet_exchange.id", "wallet_exchange.certificate_id", "wallet_exchange.expires_at"])
      .where("wallet_exchange.student_id", "=", studentId)
      .where("wallet_exchange.completed_at", "is", null)
      .where("wallet_exchange.expires_at", ">", at)
      .where("certificate.revoked_at", "is", null)
      .orderBy("wallet_exchange.created_at", "desc")
      .execute(),
    getDb()
      .selectFrom("wallet_credential")
      .innerJoin("certificate", "certificate.id", "wallet_credential.certificate_id")
      .select([
        "wallet_credential.id",
        "wallet_credential.certificate_id",
        "wallet_credential.holder_did",
        "wallet_credential.issued_at",
      ])
      .where("certificate.student_id", "=", studentId)
      .orderBy("wallet_credential.issued_at")
      .execute(),
  ]);
  const exchanges = new Map<string, { exchangeId: string; expiresAt: string }>();
  for (const e of live) {
    if (!exchanges.has(e.certificate_id))
      exchanges.set(e.certificate_id, { exchangeId: e.id, expiresAt: e.expires_at });
  }
  return {
    exchanges,
    copies: copies.map((c) => ({
      id: c.id,
      certificateId: c.certificate_id,
      holderDid: c.holder_did,
      issuedAt: c.issued_at,
    })),
  };
}

async function loadExchange(exchangeId: string) {
  return getDb()
    .selectFrom("wallet_exchange")
    .innerJoin("certificate", "certificate.id", "wallet_exchange.certificate_id")
    .select([
      "wallet_exchange.id",
      "wallet_exchange.certificate_id",
      "wallet_exchange.challenge",
      "wallet_exchange.expires_at",
      "wallet_exchange.completed_at",
      "certificate.revoked_at",
      "certificate.data",
    ])
    .where("wallet_exchange.id", "=", exchangeId)
    .executeTakeFirst();
}

type LoadedExchange = NonNullable<Awaited<ReturnType<typeof loadExchange>>>;

function unusable(exchange: LoadedExchange | undefined, at: string): ExchangeFailure | null {
  if (!exchange) return "certificates.exchange.errors.notFound";
  if (exchange.completed_at) return "certificates.exchange.errors.used";
  if (exchange.revoked_at) return "certificates.exchange.errors.revoked";
  if (exchange.expires_at <= at) return "certificates.exchange.errors.expired";
  return null;
}

/** What the interaction page shows: whether the exchange can still be used, and the certificate's project title. */
export async function describeExchange(exchangeId: string, at = now()) {
  const exchange = await loadExchange(exchangeId);
  if (!exchange) return null;
  const data = JSON.parse(exchange.data ?? "null") as CertificateData | null;
  return {
    failure: unusable(exchange, at),
    expiresAt: exchange.expires_at,
    projectTitle: data?.project.title ?? null,
  };
}

/** Step 2: the verifiable presentation request (DID Authentication with a did:key). */
export async function requestPresentation(exchangeId: string, at = now()) {
  const exchange = await loadExchange(exchangeId);
  const failure = unusable(exchange, at);
  if (failure) return fail(failure);
  await getDb()
    .updateTable("wallet_exchange")
    .set({ requested_at: at })
    .where("id", "=", exchangeId)
    .where("requested_at", "is", null)
    .execute();
  return ok({
    verifiablePresentationRequest: {
      query: [
        {
          type: "DIDAuthentication",
          acceptedMethods: [{ method: "key" }],
          acceptedCryptosuites: [{ cryptosuite: "eddsa-rdfc-2022" }, { cryptosuite: "Ed25519Signature2020" }],
        },
      ],
      challenge: exchange!.challenge,
      domain: exchangeDomain(),
    },
  });
}

// SQLite: "UNIQUE constraint failed: wallet_credential.status_index"; PostgreSQL names the constraint.
const isStatusIndexConflict = (error: unknown) => /status_index/i.test(String(error));

class ExchangeRefused extends Error {
  constructor(readonly reason: ExchangeFailure) {
    super(reason);
  }
}

/**
 * Step 3: checks the wallet's DID Authentication and, once, issues the certificate's copy to the holder's DID.
 * Returns the credential (with its embedded proof) and its VC-JWT.
 */
export async function completeExchange(exchangeId: string, presentation: unknown, at = now()) {
  const exchange = await loadExchange(exchangeId);
  const failure = unusable(exchange, at);
  if (failure) return fail(failure);
  const auth = await verifyDidAuthentication(presentation, {
    challenge: exchange!.challenge,
    domain: exchangeDomain(),
  });
  if (!auth.ok)
    return fail("certificates.exchange.errors.invalidPresentation" as ExchangeFailure, {
      values: { detail: auth.error },
    });
  const data = JSON.parse(exchange!.data ?? "null") as CertificateData;
  for (let attempt = 1; ; attempt++) {
    // Signed before the transaction (tens of milliseconds), so the write lock is held for the writes only; a copy
    // signed for an answer that then loses the race below is simply never stored.
    const used = new Set(
      (await getDb().selectFrom("wallet_credential").select("status_index").execute()).map((r) => r.status_index),
    );
    let index = randomStatusListIndex();
    while (used.has(index)) index = randomStatusListIndex();
    const id = newCertificateId();
    const { credential, jwt } = await issueCredential(
      data,
      { statusListUrl: statusListUrl(2), index },
      config().publicUrl,
      { id: verificationUrl(config().publicUrl, id), subjectId: auth.holder, created: at },
    );
    try {
      await getDb()
        .transaction()
        .execute(async (trx) => {
          // Spend the exchange first: of two answers (a replay, or two at once) only one gets a credential.
          const claimed = await trx
            .updateTable("wallet_exchange")
            .set({ completed_at: at, holder_did: auth.holder })
            .where("id", "=", exchangeId)
            .where("completed_at", "is", null)
            .where("expires_at", ">", at)
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) !== 1) throw new ExchangeRefused("certificates.exchange.errors.used");
          const cert = await trx
            .selectFrom("certificate")
            .select(["id", "student_id", "revoked_at"])
            .where("id", "=", exchange!.certificate_id)
            .executeTakeFirstOrThrow();
          if (cert.revoked_at) throw new ExchangeRefused("certificates.exchange.errors.revoked");
          await trx
            .insertInto("wallet_credential")
            .values({
              id,
              certificate_id: cert.id,
              exchange_id: exchangeId,
              holder_did: auth.holder,
              status_index: index,
              credential_jwt: jwt,
              issued_at: at,
            })
            .execute();
          await recordAudit(trx, {
            actorId: cert.student_id,
            action: "certificate.walletClaim",
            entityType: "certificate",
            entityId: cert.id,
            detail: { walletCredentialId: id, holderDid: auth.holder },
          });
        });
      return ok({ id, credential, jwt });
    } catch (error) {
      if (error instanceof ExchangeRefused) return fail(error.reason);
      if (attempt >= 3 || !isStatusIndexConflict(error)) throw error;
    }
  }
}

/** The verifiable presentation the exchange answers with: the copy, with its embedded proof. */
export function offerPresentation(credential: Credential) {
  return {
    verifiablePresentation: {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiablePresentation"],
      verifiableCredential: [credential],
    },
  };
}

/** A wallet copy's credential, for tests and the student's downloads. */
export async function getWalletCredential(id: string) {
  const row = await getDb().selectFrom("wallet_credential").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? { ...row, credential: credentialFromJwt(row.credential_jwt) } : null;
}
