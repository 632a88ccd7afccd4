/**
 * Backups and restores. A backup is a folder `<dir>/<timestamp>/` holding a consistent copy of the database made
 * with SQLite's online backup API (readers and writers go on meanwhile; a file copy could catch a half-written
 * page), the stored documents, and `manifest.json` listing every file with its size and SHA-256. It is written under
 * a hidden `.partial` name and renamed when complete, so a folder with a manifest is always a whole backup. Signing
 * keys are never in it (README, "Going live").
 *
 * A restore checks the manifest (only the names a backup writes, every size and checksum), refuses a data folder
 * that is not empty, copies the files, and checks the restored database's integrity.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import SQLite from "better-sqlite3";
import { z } from "zod";
import { getDb, getSqlite, usesPostgres } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { migrations } from "../../db/migrations";

export const MANIFEST = "manifest.json";
const DATABASE_FILE = "app.db";
const DOCUMENT = /^documents\/[0-9a-f]{64}\.pdf$/;
/** `2026-11-30T03-00-00-123Z`: the UTC time of the snapshot, sortable, safe in every file system. */
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

const ManifestSchema = z.object({
  format: z.literal(1),
  app: z.literal("kita-collab"),
  createdAt: z.iso.datetime(),
  migrations: z.array(z.string()),
  files: z
    .array(
      z.object({
        path: z.string().refine((p) => p === DATABASE_FILE || DOCUMENT.test(p), "not a file a backup writes"),
        bytes: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .refine((files) => files.some((f) => f.path === DATABASE_FILE), "no database")
    .refine((files) => new Set(files.map((f) => f.path)).size === files.length, "a file listed twice"),
});
export type Manifest = z.infer<typeof ManifestSchema>;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-");
}

/** Opens a database file read-only and checks it; throws unless SQLite says "ok". */
function checkIntegrity(file: string) {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity check of ${file} failed: ${String(result)}`);
  } finally {
    db.close();
  }
}

/**
 * Why this module does nothing on PostgreSQL: its backups are SQLite's online backup API and a file copy. A PostgreSQL
 * database is backed up with the server's own tools (pg_dump, or the host's continuous archiving), see README.
 */
export const BACKUP_ON_POSTGRES =
  "DATABASE_URL points at PostgreSQL: back it up with pg_dump (or the server's continuous archiving), not db:backup";

/** Thrown by writeBackup and restoreBackup when the app runs on PostgreSQL. */
export class BackupUnavailable extends Error {}

export interface BackupResult {
  path: string;
  manifest: Manifest;
}

/**
 * Writes a backup of the running database (and the stored documents) into `<dir>/<timestamp>/`, records it, and
 * returns its folder. Safe while the server runs: the snapshot is one consistent state of the database.
 */
export async function writeBackup(dir: string, trigger: "command" | "schedule"): Promise<BackupResult> {
  if (usesPostgres()) throw new BackupUnavailable(BACKUP_ON_POSTGRES);
  const root = path.resolve(dir);
  await fs.mkdir(root, { recursive: true });
  const createdAt = new Date();
  const name = stampOf(createdAt);
  const target = path.join(root, name);
  const partial = path.join(root, `.${name}.partial`);
  await fs.mkdir(partial);
  try {
    const database = path.join(partial, DATABASE_FILE);
    // The first step copies 100 pages; then the rest in one step, so writers from other processes (which restart a
    // backup that spans their commit) cannot keep it from finishing.
    await getSqlite().backup(database, { progress: () => 1 << 30 });
    checkIntegrity(database);

    // Documents are written before the rows that name them, so every document the snapshot names is there.
    const documentsDir = path.join(config().dataDir, "documents");
    const documents = (await fs.readdir(documentsDir).catch(() => [] as string[])).filter((f) =>
      DOCUMENT.test(`documents/${f}`),
    );
    if (documents.length) await fs.mkdir(path.join(partial, "documents"));
    for (const file of documents) {
      await fs.copyFile(path.join(documentsDir, file), path.join(partial, "documents", file));
    }

    const files: Manifest["files"] = [];
    for (const relative of [DATABASE_FILE, ...documents.map((f) => `documents/${f}`)]) {
      const file = path.join(partial, relative);
      files.push({ path: relative, bytes: (await fs.stat(file)).size, sha256: await sha256Of(file) });
    }
    const manifest: Manifest = {
      format: 1,
      app: "kita-collab",
      createdAt: createdAt.toISOString(),
      migrations: Object.keys(migrations),
      files,
    };
    await fs.writeFile(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await fs.rename(partial, target);
    await getDb()
      .insertInto("backup")
      .values({
        path: target,
        trigger,
        database_bytes: files[0].bytes,
        document_count: documents.length,
        created_at: createdAt.toISOString(),
      })
      .execute();
    return { path: target, manifest };
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** A refusal to restore, with the reason for the operator. */
export class RestoreRefused extends Error {}

/** Reads and checks a backup folder: the manifest's shape, then every file's size and checksum. */
export async function verifyBackup(folder: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(folder, MANIFEST), "utf8");
  } catch {
    throw new RestoreRefused(`${folder} has no ${MANIFEST}: not a backup folder`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new RestoreRefused(`${MANIFEST} is not JSON`);
  }
  const manifest = ManifestSchema.safeParse(parsed);
  if (!manifest.success) throw new RestoreRefused(`${MANIFEST} is not a backup manifest: ${manifest.error.message}`);
  const problems: string[] = [];
  for (const file of manifest.data.files) {
    const full = path.join(folder, file.path);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat?.isFile()) problems.push(`${file.path}: missing`);
    else if (stat.size !== file.bytes)
      problems.push(`${file.path}: ${stat.size} bytes, the manifest says ${file.bytes}`);
    else if ((await sha256Of(full)) !== file.sha256) problems.push(`${file.path}: checksum differs`);
  }
  if (problems.length) throw new RestoreRefused(`the backup does not match its manifest:\n  ${problems.join("\n  ")}`);
  return manifest.data;
}

/**
 * Restores a checked backup into an empty data folder (it may not exist yet) and the database path. Refuses
 * anything else, so that a restore never mixes with, or overwrites, live data.
 */
export async function restoreBackup(
  folder: string,
  target: { dataDir: string; databasePath: string } = config(),
): Promise<Manifest> {
  if (usesPostgres())
    throw new RestoreRefused(BACKUP_ON_POSTGRES.replace("back it up with pg_dump", "restore with pg_restore"));
  const manifest = await verifyBackup(folder);
  const present = await fs.readdir(target.dataDir).catch(() => [] as string[]);
  if (present.length) {
    throw new RestoreRefused(
      `DATA_DIR ${target.dataDir} is not empty (${present.slice(0, 5).join(", ")}${present.length > 5 ? ", …" : ""}): restore only into an empty folder`,
    );
  }
  for (const suffix of ["", "-wal", "-shm"]) {
    if (await fs.stat(target.databasePath + suffix).catch(() => null)) {
      throw new RestoreRefused(`${target.databasePath}${suffix} exists: restore only where there is no database`);
    }
  }
  await fs.mkdir(target.dataDir, { recursive: true });
  await fs.mkdir(path.dirname(target.databasePath), { recursive: true });
  for (const file of manifest.files) {
    const destination =
      file.path === DATABASE_FILE ? target.databasePath : path.join(target.dataDir, ...file.path.split("/"));
    await fs.mkdir(path.dirname(destination), { recursive: true });
    const temp = `${destination}.restoring`;
    await fs.copyFile(path.join(folder, file.path), temp);
    await fs.rename(temp, destination);
  }
  checkIntegrity(target.databasePath);
  return manifest;
}

/** Deletes the oldest backups in `dir` beyond the newest `keep` (only folders this module wrote); returns them. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const backups: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !STAMP.test(entry.name)) continue;
    if (await fs.stat(path.join(dir, entry.name, MANIFEST)).catch(() => null)) backups.push(entry.name);
  }
  backups.sort().reverse();
  const removed = backups.slice(keep).map((name) => path.join(dir, name));
  for (const folder of removed) await fs.rm(folder, { recursive: true, force: true });
  return removed;
}

/** When the newest recorded backup was taken, or null. */
export async function lastBackupAt(): Promise<string | null> {
  const row = await getDb()
    .selectFrom("backup")
    .select((eb) => eb.fn.max("created_at").as("at"))
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}
