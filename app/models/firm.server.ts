/**
 * The firm register: the public directory, the staff register, and every write to a firm. Every write computes its
 * row with firmColumns(), which keeps `search_text` in step with the name, reading and products; bumps the register
 * version (touchRegister), which the directory's cache follows; and is audited with a field-by-field diff
 * `{ column: [old, new] }`.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { FirmFields, FirmProfileFields } from "~/schemas/firm";
import { FIRM_FIELDS, FIRMS_PER_PAGE } from "~/schemas/firm";
import { getDb, now } from "~/utils/db.server";
import { containsPattern, firmSearchText, searchTerms } from "~/utils/firm-search";
import { fail, NOT_FOUND, ok, type Result } from "~/utils/result";
import type { Database, Firm } from "../../db/schema";
import { recordAudit } from "./audit.server";

type Db = Kysely<Database> | Transaction<Database>;

/** Every firm, for choosing one in a staff form, in kana order. */
export function listFirmOptions() {
  return getDb()
    .selectFrom("firm")
    .select(["id", "name", "corporate_number"])
    .where("hidden_at", "is", null)
    .orderBy("name_kana")
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Search

export interface FirmSearch {
  q?: string;
  industry?: string;
  town?: string;
  newProduct?: boolean;
  includeHidden?: boolean; // staff only
  page: number;
}

/**
 * One page of firms and the total, in kana order. "public" sees only listed, visible firms; "staff" sees the whole
 * register (hidden firms only when asked). Each query word must appear in the folded search text.
 */
export async function searchFirms(search: FirmSearch, scope: "public" | "staff") {
  let query = scope === "public" ? listedFirms() : getDb().selectFrom("firm");
  if (scope === "staff" && !search.includeHidden) query = query.where("hidden_at", "is", null);
  for (const term of searchTerms(search.q)) {
    query = query.where(sql<boolean>`${sql.ref("search_text")} like ${containsPattern(term)} escape '\\'`);
  }
  if (search.industry) query = query.where("industry", "=", search.industry);
  if (search.town) query = query.where("town", "=", search.town);
  if (search.newProduct) query = query.where("new_product", "=", 1);

  const [{ n }, firms] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    query
      .select([
        "id",
        "name",
        "name_kana",
        "corporate_number",
        "industry",
        "town",
        "products",
        "new_product",
        "is_public",
        "hidden_at",
      ])
      .orderBy("name_kana")
      .orderBy("id")
      .limit(FIRMS_PER_PAGE)
      .offset((search.page - 1) * FIRMS_PER_PAGE)
      .execute(),
  ]);
  const total = Number(n);
  return { firms, total, page: search.page, pageCount: Math.max(1, Math.ceil(total / FIRMS_PER_PAGE)) };
}

type SearchResult = Awaited<ReturnType<typeof searchFirms>>;
const DIRECTORY_CACHE_PAGES = 500;
let directoryCache: { db: unknown; version: number; pages: Map<string, SearchResult> } = {
  db: null,
  version: -1,
  pages: new Map(),
};

/**
 * The public directory: searchFirms(…, "public"), cached per register version. Counting the matches of a word
 * means reading every listed firm's search text; the register changes rarely and is read often, so each page is
 * computed once per version. Every firm write bumps the version in its own transaction (touchRegister), so a
 * cached page is never older than the register, in this process or any other sharing the database.
 */
export async function searchDirectory(search: Omit<FirmSearch, "includeHidden">): Promise<SearchResult> {
  const db = getDb();
  const { version } = await db
    .selectFrom("firm_register")
    .select("version")
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  if (directoryCache.db !== db || directoryCache.version !== version)
    directoryCache = { db, version, pages: new Map() };
  const pages = directoryCache.pages;
  const key = JSON.stringify([
    searchTerms(search.q),
    search.industry ?? "",
    search.town ?? "",
    Boolean(search.newProduct),
    search.page,
  ]);
  const hit = pages.get(key);
  if (hit) return hit;
  const result = await searchFirms(search, "public");
  if (pages.size >= DIRECTORY_CACHE_PAGES) pages.delete(pages.keys().next().value!);
  pages.set(key, result);
  return result;
}

/** Called inside every transaction that writes a firm. */
async function touchRegister(trx: Db) {
  await trx
    .updateTable("firm_register")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", 1)
    .execute();
}

const FIRM_COLUMNS = ["id", ...FIRM_FIELDS, "hidden_at", "created_at", "updated_at"] as const;

/**
 * The firms of the public directory: listed by the firm and not hidden by staff. Every public read of firms (the
 * directory, a firm's page, the sitemap, the open-data file) starts here, so none can show a firm the others hide.
 */
function listedFirms() {
  return getDb().selectFrom("firm").where("is_public", "=", 1).where("hidden_at", "is", null);
}

/** A firm of the public directory, or undefined when it is unknown, hidden or not listed. */
export function getPublicFirm(id: number) {
  return listedFirms()
    .select(["id", ...FIRM_FIELDS])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Every listed firm with the fields its public page shows, in corporate-number order (the open-data file). */
export function listPublicFirms() {
  return listedFirms()
    .select(["id", ...FIRM_FIELDS, "updated_at"])
    .orderBy("corporate_number")
    .execute();
}

/** Every listed firm's id and last change, in id order (the sitemap). */
export function listPublicFirmStamps() {
  return listedFirms().select(["id", "updated_at"]).orderBy("id").execute();
}

/** Any firm of the register (staff, and a firm user's own firm). */
export function getFirm(id: number) {
  return getDb().selectFrom("firm").select(FIRM_COLUMNS).where("id", "=", id).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------------------
// Writes

/** A firm's stored values for the register's fields (booleans as 0/1). */
export type FirmColumns = Pick<Firm, (typeof FIRM_FIELDS)[number]>;
export type StoredFirm = FirmColumns & { id: number };
export type FirmDiff = Record<string, [unknown, unknown]>;
export type FirmAuditAction = "create" | "update" | "profile_update" | "import_create" | "import_update";

/** The stored values of the register's fields (booleans as 0/1). */
function toStored(fields: FirmFields): FirmColumns {
  return { ...fields, new_product: fields.new_product ? 1 : 0, is_public: fields.is_public ? 1 : 0 };
}

/** The one place a firm's row is computed for a write: stored values plus the search text. */
function firmColumns(fields: FirmFields) {
  return { ...toStored(fields), search_text: firmSearchText(fields) };
}

/** The register's fields of a stored firm, as the forms and the CSV have them. */
export function firmFields(row: FirmColumns): FirmFields {
  const fields = Object.fromEntries(FIRM_FIELDS.map((k) => [k, row[k]])) as Record<string, unknown>;
  return { ...fields, new_product: row.new_product === 1, is_public: row.is_public === 1 } as FirmFields;
}

/** Field-by-field differences between a stored firm (or nothing, for a new one) and new values. */
export function diffFirm(before: Partial<FirmColumns>, after: FirmFields): FirmDiff {
  const stored = toStored(after);
  const diff: FirmDiff = {};
  for (const k of FIRM_FIELDS) {
    const old = before[k] ?? null;
    if (old !== stored[k]) diff[k] = [old, stored[k]];
  }
  return diff;
}

const selectStored = (db: Db) => db.selectFrom("firm").select(["id", ...FIRM_FIELDS]);

/** Inserts a firm inside the caller's transaction; null when the corporate number is taken (the unique index decides). */
export async function insertFirm(
  trx: Db,
  fields: FirmFields,
  actorId: number | null,
  action: FirmAuditAction,
): Promise<number | null> {
  const t = now();
  const row = await trx
    .insertInto("firm")
    .values({ ...firmColumns(fields), hidden_at: null, created_at: t, updated_at: t })
    .onConflict((oc) => oc.column("corporate_number").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return null;
  await touchRegister(trx);
  await recordAudit(trx, {
    actorId,
    action: `firm.${action}`,
    entityType: "firm",
    entityId: row.id,
    detail: diffFirm({}, fields),
  });
  return row.id;
}

/** Writes the changed fields of a stored firm inside the caller's transaction; returns the diff (empty: nothing written). */
export async function updateStoredFirm(
  trx: Db,
  current: StoredFirm,
  changes: Partial<FirmFields>,
  actorId: number | null,
  action: FirmAuditAction,
): Promise<FirmDiff> {
  const merged = { ...firmFields(current), ...changes };
  const diff = diffFirm(current, merged);
  if (Object.keys(diff).length === 0) return diff;
  await trx
    .updateTable("firm")
    .set({ ...firmColumns(merged), updated_at: now() })
    .where("id", "=", current.id)
    .execute();
  await touchRegister(trx);
  await recordAudit(trx, { actorId, action: `firm.${action}`, entityType: "firm", entityId: current.id, detail: diff });
  return diff;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505"; // SQLite, PostgreSQL
}

export type FirmWriteResult = Result<{ id: number }, typeof NOT_FOUND | typeof DUPLICATE>;

/** Another firm has this corporate number. */
const DUPLICATE = "firms.validation.duplicate";
const duplicate = () => fail(DUPLICATE, { field: "corporate_number" });

export async function createFirm(fields: FirmFields, actorId: number): Promise<FirmWriteResult> {
  const id = await getDb()
    .transaction()
    .execute((trx) => insertFirm(trx, fields, actorId, "create"));
  return id === null ? duplicate() : ok({ id });
}

/** Staff edit every field; a firm user edits only its profile fields (the type and the form schema both say so). */
export async function updateFirm(
  id: number,
  changes: FirmFields | FirmProfileFields,
  actorId: number,
  action: "update" | "profile_update",
): Promise<FirmWriteResult> {
  try {
    const found = await getDb()
      .transaction()
      .execute(async (trx) => {
        const current = await selectStored(trx).where("id", "=", id).executeTakeFirst();
        if (!current) return false;
        await updateStoredFirm(trx, current, changes, actorId, action);
        return true;
      });
    return found ? ok({ id }) : fail(NOT_FOUND);
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate();
    throw error;
  }
}

/** Hides a firm from the directory (one conditional statement); false when it was not visible. */
export async function hideFirm(id: number, reason: string, actorId: number): Promise<boolean> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const t = now();
      const r = await trx
        .updateTable("firm")
        .set({ hidden_at: t, updated_at: t })
        .where("id", "=", id)
        .where("hidden_at", "is", null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await touchRegister(trx);
      await recordAudit(trx, { actorId, action: "firm.hide", entityType: "firm", entityId: id, detail: { reason } });
      return true;
    });
}

export async function restoreFirm(id: number, actorId: number): Promise<boolean> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .updateTable("firm")
        .set({ hidden_at: null, updated_at: now() })
        .where("id", "=", id)
        .where("hidden_at", "is not", null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await touchRegister(trx);
      await recordAudit(trx, { actorId, action: "firm.restore", entityType: "firm", entityId: id });
      return true;
    });
}

// ---------------------------------------------------------------------------------------------------------------
// History, export, import support

/** The firm's audit trail, newest first, with who did it. `changes` is the field diff; `reason` is a hide's. */
export async function listFirmHistory(firmId: number) {
  const rows = await getDb()
    .selectFrom("audit_entry")
    .leftJoin("user", "user.id", "audit_entry.actor_user_id")
    .select([
      "audit_entry.id",
      "audit_entry.action",
      "audit_entry.detail",
      "audit_entry.created_at",
      "user.name as actor_name",
      "user.role as actor_role",
    ])
    .where("audit_entry.entity_type", "=", "firm")
    .where("audit_entry.entity_id", "=", String(firmId))
    .orderBy("audit_entry.id", "desc")
    .execute();
  return rows.map(({ detail, ...row }) => {
    const parsed = detail ? (JSON.parse(detail) as Record<string, unknown>) : {};
    const reason = row.action === "firm.hide" ? String(parsed.reason ?? "") : null;
    const changes = reason === null ? (parsed as FirmDiff) : {};
    return { ...row, action: row.action.replace(/^firm\./, ""), reason, changes };
  });
}

/** The whole register for the CSV export, in corporate-number order. */
export function listFirmsForExport() {
  return getDb().selectFrom("firm").select(FIRM_FIELDS).orderBy("corporate_number").execute();
}

/** Stored firms by corporate number (chunked to stay under the bound-parameter limits). */
export async function findFirmsByCorporateNumber(db: Db, numbers: string[]) {
  const found = new Map<string, StoredFirm>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await selectStored(db)
      .where("corporate_number", "in", numbers.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.corporate_number, r);
  }
  return found;
}
