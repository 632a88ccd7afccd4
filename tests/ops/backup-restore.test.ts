// A backup taken while the server writes (sign-ups, sign-ins, attendance toggles) restores into an empty data folder
// with every write acknowledged before the backup began, its documents byte for byte, and a server that starts on
// it. A tampered backup and a non-empty target are refused, and nothing is written then.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  loadTargets,
  missingWrites,
  newAck,
  openDb,
  signInAs,
  startServer,
  STAFF_EMAIL,
  summarize,
  untilAcknowledged,
  writeLoad,
  type RunningServer,
} from "./server";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "kita-backup-"));
const dataDir = path.join(root, "data");
const backupDir = path.join(root, "backups");
const servers: RunningServer[] = [];

afterAll(async () => {
  for (const s of servers) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill("SIGTERM");
      await s.exited;
    }
  }
  fs.rmSync(root, { recursive: true, force: true });
});

/** Runs an npm script's file as `npm run` would (tsx), with the data folder it acts on. */
function script(file: string, arg: string, dir: string) {
  return spawnSync(process.execPath, ["--import", "tsx", file, arg], {
    encoding: "utf8",
    env: { ...process.env, APP_ENV: "demo", DATA_DIR: dir, DATABASE_PATH: path.join(dir, "app.db"), MAIL_MODE: "keep" },
    timeout: 120_000,
  });
}

/** The same, without blocking this process: the load goes on meanwhile. */
function scriptAsync(file: string, arg: string, dir: string) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", file, arg], {
      env: {
        ...process.env,
        APP_ENV: "demo",
        DATA_DIR: dir,
        DATABASE_PATH: path.join(dir, "app.db"),
        MAIL_MODE: "keep",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe("db:backup under write load, then db:restore", () => {
  it("restores every write acknowledged before the backup began", async () => {
    fs.mkdirSync(dataDir);
    const server = await startServer(dataDir);
    servers.push(server);
    const targets = loadTargets(dataDir);
    // A stored document (as the agreement pages store them: content-addressed PDFs beside the database).
    const pdf = Buffer.from("%PDF-1.4\n% an agreement scan stand-in\n%%EOF\n");
    const documentName = `${createHash("sha256").update(pdf).digest("hex")}.pdf`;
    fs.mkdirSync(path.join(dataDir, "documents"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "documents", documentName), pdf);
    const staffCookie = await signInAs(server.baseURL, STAFF_EMAIL);
    let stop = false;
    const ack = newAck();
    const load = writeLoad({ ...targets, baseURL: server.baseURL, staffCookie, stop: () => stop, tag: "backup" }, ack);
    await untilAcknowledged(ack, 3);

    // The backup runs in its own process, as `npm run db:backup` does, while the load goes on.
    const began = Date.now();
    const requestsBefore = ack.requests;
    const backup = await scriptAsync("scripts/db-backup.ts", backupDir, dataDir);
    const requestsDuringBackup = ack.requests - requestsBefore;
    stop = true;
    await load;
    console.log("acknowledged during the load:", summarize(ack));
    expect(backup.status, String(backup.stderr)).toBe(0);
    const folder = String(backup.stdout).trim();
    expect(path.dirname(folder)).toBe(backupDir);
    expect(fs.existsSync(path.join(folder, "manifest.json"))).toBe(true);
    // The server was written to while the backup ran.
    expect(requestsDuringBackup).toBeGreaterThan(0);

    const manifest = JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf8"));
    for (const file of manifest.files as Array<{ path: string; sha256: string }>) {
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // Signing keys never go into a backup.
    expect(JSON.stringify(manifest)).not.toMatch(/key/i);

    // A non-empty target is refused.
    const busy = script("scripts/db-restore.ts", folder, dataDir);
    expect(busy.status).not.toBe(0);
    expect(String(busy.stderr)).toMatch(/not empty/);

    // A tampered copy is refused and writes nothing.
    const tampered = path.join(root, "tampered");
    fs.cpSync(folder, tampered, { recursive: true });
    const dbCopy = path.join(tampered, (manifest.files as Array<{ path: string }>)[0].path);
    const bytes = fs.readFileSync(dbCopy);
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(dbCopy, bytes);
    const refusedDir = path.join(root, "refused");
    const refused = script("scripts/db-restore.ts", tampered, refusedDir);
    expect(refused.status).not.toBe(0);
    expect(String(refused.stderr)).toMatch(/Refused/);
    expect(fs.existsSync(refusedDir) ? fs.readdirSync(refusedDir) : []).toEqual([]);

    // The real restore, into an empty folder.
    const restoredDir = path.join(root, "restored");
    const restored = script("scripts/db-restore.ts", folder, restoredDir);
    expect(restored.status, String(restored.stderr)).toBe(0);
    const db = openDb(restoredDir);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(missingWrites(db, ack, began)).toEqual([]);
      const before = ack.registrations.filter((r) => r.at <= began).length;
      expect(before).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    // The documents, byte for byte.
    const documents = listFiles(dataDir).filter((f) => !f.startsWith("app.db"));
    const backedUp = (manifest.files as Array<{ path: string }>)
      .map((f) => f.path)
      .filter((f) => f !== manifest.files[0].path);
    expect(backedUp).toContain(`documents/${documentName}`);
    for (const f of backedUp) {
      expect(documents).toContain(f);
      expect(fs.readFileSync(path.join(restoredDir, f)).equals(fs.readFileSync(path.join(dataDir, f)))).toBe(true);
    }
    expect((manifest.files as unknown[]).length - 1).toBe(
      listFiles(restoredDir).filter((f) => !f.startsWith("app.db")).length,
    );

    // A server starts on the restored data and is ready.
    const second = await startServer(restoredDir);
    servers.push(second);
    const ready = await fetch(`${second.baseURL}/readyz`);
    expect(ready.status).toBe(200);
  });
});
