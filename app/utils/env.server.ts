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
  dataDir: string;
  port: number;
  publicUrl: string;
  sessionSecrets: string[];
  mailApiUrl: string | null;
  mailApiKey: string | null;
  mailFrom: string;
  seedDemoData: boolean;
  /** gBizINFO (the national corporate register's REST API): look-ups are offered only when the token is set. */
  gbizinfoApiUrl: string;
  gbizinfoApiToken: string | null;
  gbizinfoTimeoutMs: number;
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
  return {
    appEnv,
    isProduction,
    dataDir,
    databasePath: path.resolve(env.DATABASE_PATH ?? path.join(dataDir, "app.db")),
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    sessionSecrets: secrets.length ? secrets : [DEV_SECRET],
    mailApiUrl: env.MAIL_API_URL || null,
    mailApiKey: env.MAIL_API_KEY || null,
    mailFrom: env.MAIL_FROM ?? "no-reply@city.kita.example",
    seedDemoData: env.DEMO_DATA ? env.DEMO_DATA === "1" : !isProduction,
    gbizinfoApiUrl: (env.GBIZINFO_API_URL || "https://info.gbiz.go.jp/hojin").replace(/\/$/, ""),
    gbizinfoApiToken: env.GBIZINFO_API_TOKEN || null,
    gbizinfoTimeoutMs: Number(env.GBIZINFO_TIMEOUT_MS) || 5_000,
  };
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
