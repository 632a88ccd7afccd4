/**
 * npm run db:restore -- PATH: checks the backup folder against its manifest (sizes and SHA-256) and restores it into
 * DATA_DIR (and DATABASE_PATH), which must be empty: it never overwrites data. The server migrates the restored
 * database at its next start.
 */
import { restoreBackup, RestoreRefused } from "../app/operations/backup.server";
import { config } from "../app/utils/env.server";

async function main(folder: string | undefined): Promise<number> {
  if (!folder) {
    console.error("usage: npm run db:restore -- PATH (a folder written by db:backup)");
    return 2;
  }
  const { dataDir, databasePath } = config();
  const manifest = await restoreBackup(folder, { dataDir, databasePath });
  console.log(
    `Restored the backup of ${manifest.createdAt} (database and ${manifest.files.length - 1} documents) into ${dataDir}. ` +
      "Start the server to bring its schema up to date; signing keys come from the environment as before.",
  );
  return 0;
}

main(process.argv[2])
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(
      error instanceof RestoreRefused ? `Refused: ${error.message}` : error instanceof Error ? error.message : error,
    );
    process.exitCode = 1;
  });
