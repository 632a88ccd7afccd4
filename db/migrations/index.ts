/**
 * The ordered static registry of migrations. Kysely's FileMigrationProvider cannot load .ts files under
 * Vitest or from the bundled server build, so every migration is imported here. Never edit a merged
 * migration: add a new file and a new line.
 */
import type { Migration, MigrationProvider } from "kysely";
import * as m20261125000000 from "./20261125000000_create_foundation";
import * as m20261125010000 from "./20261125010000_complete_agreements";
import * as m20261125020000 from "./20261125020000_firm_register";
import * as m20261125030000 from "./20261125030000_create_projects";
import * as m20261125040000 from "./20261125040000_create_pairing_runs";
import * as m20261125050000 from "./20261125050000_create_interviews";
import * as m20261125060000 from "./20261125060000_create_events_and_certificates";
import * as m20261125080000 from "./20261125080000_add_certificate_data";
import * as m20261130030000 from "./20261130030000_seal_outbox_secrets";
import * as m20261130040000 from "./20261130040000_create_wallet_exchanges";
import * as m20261130070000 from "./20261130070000_accounts_and_operations";
import * as m20261130080000 from "./20261130080000_add_signup_motivation_consent";
import * as m20261130080100 from "./20261130080100_reissue_certificates";
import * as m20261201020000 from "./20261201020000_privacy_requests";
import * as m20261201030000 from "./20261201030000_rebook_missed_interview";
import * as m20261201040000 from "./20261201040000_stored_documents";

export const migrations: Record<string, Migration> = {
  "20261125000000_create_foundation": m20261125000000,
  "20261125010000_complete_agreements": m20261125010000,
  "20261125020000_firm_register": m20261125020000,
  "20261125030000_create_projects": m20261125030000,
  "20261125040000_create_pairing_runs": m20261125040000,
  "20261125050000_create_interviews": m20261125050000,
  "20261125060000_create_events_and_certificates": m20261125060000,
  "20261125080000_add_certificate_data": m20261125080000,
  "20261130030000_seal_outbox_secrets": m20261130030000,
  "20261130040000_create_wallet_exchanges": m20261130040000,
  "20261130070000_accounts_and_operations": m20261130070000,
  "20261130080000_add_signup_motivation_consent": m20261130080000,
  "20261130080100_reissue_certificates": m20261130080100,
  "20261201020000_privacy_requests": m20261201020000,
  "20261201030000_rebook_missed_interview": m20261201030000,
  "20261201040000_stored_documents": m20261201040000,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
