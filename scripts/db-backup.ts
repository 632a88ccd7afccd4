/**
 * npm run --silent db:backup -- DIR: a consistent backup of the database (SQLite's online backup API, safe while the
 * server runs) and the stored documents, with manifest.json (SHA-256 of every file), into DIR/<timestamp>/. Prints
 * that folder on stdout. Signing keys are not included (README, "Going live").
 */
import { BACKUP_ON_POSTGRES, BackupUnavailable, writeBackup } from "../app/operations/backup.server";
import { closeDb, getDb, migrateToLatest, usesPostgres } from "../app/utils/db.server";

async function main(dir: string | undefined): Promise<number> {
  if (!dir) {
    console.error("usage: npm run --silent db:backup -- DIR");
    return 2;
  }
  if (usesPostgres()) throw new BackupUnavailable(BACKUP_ON_POSTGRES);
  // A backup records itself in the database; bring an older file's schema up first, as the server would.
  await migrateToLatest(getDb());
  const { path, manifest } = await writeBackup(dir, "command");
  console.error(`Backed up the database and ${manifest.files.length - 1} documents.`);
  process.stdout.write(`${path}\n`);
  return 0;
}

main(process.argv[2])
  .then(async (code) => {
    await closeDb();
    process.exitCode = code;
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb().catch(() => {});
    // 2 like a usage error: on PostgreSQL this command is the wrong tool, not a failed backup.
    process.exitCode = error instanceof BackupUnavailable ? 2 : 1;
  });
