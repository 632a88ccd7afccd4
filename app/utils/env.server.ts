/**
 * Configuration from environment variables, with safe defaults outside production.
 * APP_ENV=production refuses to start without the secrets it needs (see README, Configuration).
 */
import path from "node:path";

export type AppEnv = "demo" | "production" | "test";

export interface Config {
  appEnv: AppEnv;
  isProduction: boolean;
  databasePath: string;
  /** DATABASE_URL=postgres://…: the app runs on PostgreSQL (the scale-out path); null: embedded SQLite at databasePath. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  publicUrl: string;
  sessionSecrets: string[];
  mailApiUrl: string | null;
  /** "api": posted to MAIL_API_URL; "keep": held in the staff mailbox (production only with MAIL_MODE=keep). */
  mailMode: "api" | "keep";
  mailApiKey: string | null;
  mailFrom: string;
  seedDemoData: boolean;
  /** gBizINFO (the national corporate register's REST API): look-ups are offered only when the token is set. */
  gbizinfoApiUrl: string;
  gbizinfoApiToken: string | null;
  gbizinfoTimeoutMs: number;
  /** Where the server writes its daily backup (03:00 Tokyo); null: no scheduled backup. */
  backupDir: string | null;
  /** How many scheduled backups to keep in backupDir. */
  backupKeep: number;
}

const DEV_SECRET = "kita-demo-session-secret-do-not-use-in-production";

function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const appEnv = (env.APP_ENV ?? "demo") as AppEnv;
  if (!["demo", "production", "test"].includes(appEnv)) {
    throw new Error(`APP_ENV must be demo, production or test (got "${appEnv}")`);
  }
  const isProduction = appEnv === "production";
  const dataDir = path.resolve(env.DATA_DIR ?? "data");
  const port = Number(env.PORT ?? 3000);
  const secrets = (env.SESSION_SECRET ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (isProduction) {
    const missing: string[] = [];
    if (secrets.length === 0) missing.push("SESSION_SECRET");
    if (!env.PUBLIC_URL) missing.push("PUBLIC_URL");
    if (missing.length) throw new Error(`APP_ENV=production needs ${missing.join(", ")}`);
    if (secrets.some((s) => s.length < 32)) throw new Error("SESSION_SECRET entries must be at least 32 characters");
  }
  const mailMode = readMailMode(env, isProduction);
  const backupKeep = env.BACKUP_KEEP === undefined || env.BACKUP_KEEP === "" ? 14 : Number(env.BACKUP_KEEP);
  if (!Number.isSafeInteger(backupKeep) || backupKeep < 1) {
    throw new Error(`BACKUP_KEEP must be a whole number of backups, at least 1 (got "${env.BACKUP_KEEP}")`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error("DATABASE_URL must be a postgres:// (or postgresql://) URL; leave it unset for embedded SQLite");
  }
  return {
    appEnv,
    isProduction,
    dataDir,
    databaseUrl,
    databasePath: path.resolve(env.DATABASE_PATH ?? path.join(dataDir, "app.db")),
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    sessionSecrets: secrets.length ? secrets : [DEV_SECRET],
    mailApiUrl: env.MAIL_API_URL || null,
    mailMode,
    mailApiKey: env.MAIL_API_KEY || null,
    mailFrom: env.MAIL_FROM ?? "no-reply@city.kita.example",
    seedDemoData: env.DEMO_DATA ? env.DEMO_DATA === "1" : !isProduction,
    gbizinfoApiUrl: (env.GBIZINFO_API_URL || "https://info.gbiz.go.jp/hojin").replace(/\/$/, ""),
    gbizinfoApiToken: env.GBIZINFO_API_TOKEN || null,
    gbizinfoTimeoutMs: Number(env.GBIZINFO_TIMEOUT_MS) || 5_000,
    backupDir: env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR) : null,
    backupKeep,
  };
}

/**
 * Mail cannot vanish silently: production posts to MAIL_API_URL, and keeps mail only in the staff mailbox when
 * MAIL_MODE=keep says so explicitly. Elsewhere an unset MAIL_API_URL means keep, as before.
 */
function readMailMode(env: NodeJS.ProcessEnv, isProduction: boolean): Config["mailMode"] {
  const mode = env.MAIL_MODE?.trim() || undefined;
  if (mode !== undefined && mode !== "api" && mode !== "keep") {
    throw new Error(`MAIL_MODE must be api or keep (got "${mode}")`);
  }
  if (mode === "keep") return "keep";
  if (env.MAIL_API_URL) return "api";
  if (mode === "api") throw new Error("MAIL_MODE=api needs MAIL_API_URL");
  if (isProduction) {
    throw new Error(
      "APP_ENV=production needs MAIL_API_URL (or MAIL_MODE=keep to hold every mail in the staff mailbox on purpose)",
    );
  }
  return "keep";
}

let cached: Config | undefined;

/** The configuration, read once. Tests may call resetConfig() after changing process.env. */
export function config(): Config {
  cached ??= readConfig();
  return cached;
}

export function resetConfig() {
  cached = undefined;
}
