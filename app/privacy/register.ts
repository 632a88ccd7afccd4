/**
 * What the 個人情報ファイル簿 register says the platform records (issue 14), by table. The register lists each of
 * these tables with its columns as the live schema has them, so a column added later appears without anyone typing
 * it; a test fails when a table that refers to a person is neither here nor in NOT_PERSONAL, so a new table cannot
 * be left out silently. Client-safe (no I/O).
 */

/** Tables holding personal data, in the register's order (each has a description in the catalogs). */
export const PERSONAL_TABLES = [
  "user",
  "signup",
  "signup_preference",
  "host_ranking",
  "interview_participant",
  "attendance",
  "certificate",
  "outbox_message",
  "session",
  "audit_entry",
  "privacy_request",
] as const;
export type PersonalTable = (typeof PERSONAL_TABLES)[number];

/**
 * Tables that name a person but are not part of this file: staff-side records of the programme itself, records
 * kept only briefly for security (their own short lifetimes), or a firm's public profile.
 */
export const NOT_PERSONAL = [
  "agreement",
  "agreement_contact",
  "agreement_version",
  "agreement_document",
  "agreement_activity",
  "firm",
  "firm_import",
  "invitation",
  "login_attempt",
  "password_reset",
  "registration",
  "project",
  "project_event",
  "project_host",
  "pairing_run",
  "pairing_override",
  "interview_slot",
  "host_interview_setting",
  "calendar_token",
  "event",
  "presentation",
  "wallet_exchange",
  "wallet_credential",
] as const;

/** A column that refers to a person: what makes a table one the register must account for. */
export function refersToPerson(column: string): boolean {
  return /(^|_)(email|student_id|user_id|name_kana|to_address)$/.test(column);
}

/** Columns never listed (keys and bookkeeping, not information about the person). */
export const HIDDEN_COLUMNS = new Set(["id", "created_at", "updated_at", "password_hash"]);

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The register's rows (item, entry) in one language, shared by the page and the CSV. */
export function registerRows(
  entry: {
    fiscalYear: number;
    tables: Array<{ table: string; columns: string[] }>;
    persons: Record<"student" | "professor" | "firm" | "staff" | "total", number>;
    retention: { signupYears: number; mailDays: number };
    generatedAt: string;
  },
  t: Translate,
  year: string,
  date: string,
): Array<[string, string]> {
  const k = (key: string, values?: Record<string, string | number>) => t(`personalData.fileRegister.${key}`, values);
  const items = entry.tables.map((x) => `${k(`columns.${x.table}`)} [${x.table}: ${x.columns.join(", ")}]`);
  return [
    [k("rows.fileName"), k("fileName", { year })],
    [k("rows.holder"), k("holder")],
    [k("rows.purpose"), k("purpose")],
    [k("rows.items"), items.join("\n")],
    [k("rows.sources"), k("sources")],
    [k("rows.recipients"), k("recipients")],
    [k("rows.retention"), k("retention", entry.retention)],
    [k("rows.persons"), k("persons", entry.persons)],
    [k("rows.basis"), k("basis", { date })],
  ];
}
