/**
 * Certificates into wallets (VC-API exchanges): each exchange is tied to one certificate, single use and short-lived;
 * the credential it issues to the holder's DID is kept (its VC-JWT, which carries the embedded proof) with its own
 * index in the second revocation list. A copy is revoked with its certificate (its bit is derived, never written).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("wallet_exchange")
    .addColumn("id", "text", (c) => c.primaryKey()) // random; the URL token is id + HMAC (never stored)
    .addColumn("certificate_id", "text", (c) => c.notNull().references("certificate.id"))
    .addColumn("student_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("challenge", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("requested_at", "text") // the wallet asked for the presentation request
    .addColumn("completed_at", "text") // the wallet authenticated and got its credential
    .addColumn("holder_did", "text")
    .execute();
  await db.schema.createIndex("wallet_exchange_certificate").on("wallet_exchange").column("certificate_id").execute();

  await db.schema
    .createTable("wallet_credential")
    .addColumn("id", "text", (c) => c.primaryKey()) // public, like a certificate id (its credential id is /verify/<id>)
    .addColumn("certificate_id", "text", (c) => c.notNull().references("certificate.id"))
    .addColumn("exchange_id", "text", (c) => c.notNull().unique().references("wallet_exchange.id"))
    .addColumn("holder_did", "text", (c) => c.notNull())
    .addColumn("status_index", "integer", (c) => c.notNull().unique())
    .addColumn("credential_jwt", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addCheckConstraint("wallet_credential_status_index_range", sql`status_index >= 0`)
    .execute();
  await db.schema
    .createIndex("wallet_credential_certificate")
    .on("wallet_credential")
    .column("certificate_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("wallet_credential").execute();
  await db.schema.dropTable("wallet_exchange").execute();
}
