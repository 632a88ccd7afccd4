// db:seed and db:reset refuse APP_ENV=production (the demo accounts' password is public): run as the npm scripts run
// them, against a production database that already holds an account, which must be left exactly as it was.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

function run(command: "seed" | "reset", databasePath: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "db/cli.ts", command], {
    encoding: "utf8",
    env: {
      ...process.env,
      APP_ENV: "production",
      DATABASE_PATH: databasePath,
      SESSION_SECRET: "p".repeat(40),
      PUBLIC_URL: "https://kita.example",
      MAIL_MODE: "keep",
    },
    timeout: 60_000,
  });
}

describe("db:seed and db:reset in production", () => {
  it.each(["seed", "reset"] as const)(
    "db:%s refuses and changes nothing",
    (command) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-cli-"));
      try {
        const file = path.join(dir, "app.db");
        const db = new Database(file);
        db.exec("create table marker (v text); insert into marker values ('production data');");
        db.close();
        const before = fs.readFileSync(file);
        const result = run(command, file);
        expect(result.status).not.toBe(0);
        expect(result.stderr).toMatch(new RegExp(`db:${command} refuses to run with APP_ENV=production`));
        expect(fs.readFileSync(file).equals(before)).toBe(true);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
