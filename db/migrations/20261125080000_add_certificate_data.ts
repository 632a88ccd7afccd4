/**
 * What a certificate certified, frozen at issue (the CertificateData JSON): the PDF is rendered from it on each
 * download and must keep saying what the signed credential says, even after a name or title is edited later.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("certificate").addColumn("data", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("certificate").dropColumn("data").execute();
}
