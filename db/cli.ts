/**
 * npm run db:migrate | db:seed | db:reset — against DATABASE_PATH (default data/app.db), or DATABASE_URL when set.
 * db:seed adds the demo data only to an empty database; db:reset deletes the file, migrates and seeds. Both refuse
 * APP_ENV=production (the demo accounts' password is public).
 */
import fs from "node:fs";
import { closeDb, getDb, migrateToLatest } from "../app/utils/db.server";
import { config } from "../app/utils/env.server";
import { isDatabaseEmpty, seedDemoData } from "./seed";

async function main(command: string | undefined) {
  const { databasePath, databaseUrl, isProduction } = config();
  // Never print a PostgreSQL URL: it may hold a password.
  const target = databaseUrl ? "the PostgreSQL database (DATABASE_URL)" : databasePath;
  switch (command) {
    case "migrate": {
      const results = await migrateToLatest(getDb());
      console.log(
        results.length ? results.map((r) => `${r.status}: ${r.migrationName}`).join("\n") : "Already up to date.",
      );
      break;
    }
    case "seed": {
      if (isProduction)
        throw new Error("db:seed refuses to run with APP_ENV=production: the demo accounts have a public password.");
      await migrateToLatest(getDb());
      if (!(await isDatabaseEmpty(getDb()))) {
        console.log("The database is not empty: demo data is only added to an empty database (use db:reset).");
        break;
      }
      await seedDemoData(getDb());
      console.log(`Demo data added to ${target}.`);
      break;
    }
    case "reset": {
      if (isProduction) throw new Error("db:reset refuses to run with APP_ENV=production.");
      if (databaseUrl)
        throw new Error(
          "db:reset deletes the SQLite file; on PostgreSQL drop and create the database (dropdb, createdb), then db:seed.",
        );
      await closeDb();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });
      await migrateToLatest(getDb());
      await seedDemoData(getDb());
      console.log(`Reset ${databasePath} with the demo data.`);
      break;
    }
    default:
      console.error("usage: tsx db/cli.ts migrate|seed|reset");
      process.exitCode = 2;
  }
  await closeDb();
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
