/**
 * CSV imports of the firm register. A valid file's rows are stored as they were previewed; confirming applies
 * exactly those rows, upserted by corporate number in one transaction (all or nothing), and only once.
 */
import type { FirmFields } from "~/schemas/firm";
import { getDb, now } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { recordAudit } from "./audit.server";
import { diffFirm, findFirmsByCorporateNumber, insertFirm, updateStoredFirm } from "./firm.server";

export interface ImportOutcome {
  created: string[]; // corporate numbers
  updated: string[];
  unchanged: string[]; // identical to the register: not written, not audited
}

export async function saveFirmImport(createdBy: number, fileName: string, rows: FirmFields[]): Promise<number> {
  const { id } = await getDb()
    .insertInto("firm_import")
    .values({ created_by: createdBy, file_name: fileName, rows: JSON.stringify(rows), created_at: now() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export type ImportPreviewRow = FirmFields & { status: "create" | "update" | "unchanged"; changed: string[] };

/** A stored import with, until it is applied, what each row would do to the register as it is now. */
export async function getFirmImport(id: number) {
  const stored = await getDb().selectFrom("firm_import").selectAll().where("id", "=", id).executeTakeFirst();
  if (!stored) return undefined;
  const rows = JSON.parse(stored.rows) as FirmFields[];
  const { rows: _json, result, ...meta } = stored;
  if (meta.applied_at)
    return { ...meta, rows: [] as ImportPreviewRow[], outcome: JSON.parse(result ?? "{}") as ImportOutcome };
  const existing = await findFirmsByCorporateNumber(
    getDb(),
    rows.map((r) => r.corporate_number),
  );
  const preview = rows.map((row): ImportPreviewRow => {
    const current = existing.get(row.corporate_number);
    if (!current) return { ...row, status: "create", changed: [] };
    const changed = Object.keys(diffFirm(current, row));
    return { ...row, status: changed.length ? "update" : "unchanged", changed };
  });
  return { ...meta, rows: preview, outcome: null };
}

export type ApplyResult = Result<{ outcome: ImportOutcome }, typeof UNAVAILABLE | typeof FAILED>;

/** Unknown or already applied. */
export const UNAVAILABLE = "firms.import.unavailable";
/** Rolled back: nothing was written. */
export const FAILED = "firms.import.failed";

/** Applies a previewed import in one transaction (UNAVAILABLE: unknown or already applied; FAILED: rolled back). */
export async function applyFirmImport(id: number, actorId: number): Promise<ApplyResult> {
  try {
    return await getDb()
      .transaction()
      .execute(async (trx): Promise<ApplyResult> => {
        // Claiming the import first makes a second confirm (a double click, another tab) a no-op.
        const claimed = await trx
          .updateTable("firm_import")
          .set({ applied_at: now() })
          .where("id", "=", id)
          .where("applied_at", "is", null)
          .returning(["rows", "file_name"])
          .executeTakeFirst();
        if (!claimed) return fail(UNAVAILABLE);
        const rows = JSON.parse(claimed.rows) as FirmFields[];
        const existing = await findFirmsByCorporateNumber(
          trx,
          rows.map((r) => r.corporate_number),
        );
        const outcome: ImportOutcome = { created: [], updated: [], unchanged: [] };
        for (const row of rows) {
          const current = existing.get(row.corporate_number);
          if (!current) {
            if ((await insertFirm(trx, row, actorId, "import_create")) === null)
              throw new Error(`firm ${row.corporate_number} appeared during the import`);
            outcome.created.push(row.corporate_number);
          } else {
            const diff = await updateStoredFirm(trx, current, row, actorId, "import_update");
            (Object.keys(diff).length ? outcome.updated : outcome.unchanged).push(row.corporate_number);
          }
        }
        await trx
          .updateTable("firm_import")
          .set({ result: JSON.stringify(outcome) })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, {
          actorId,
          action: "firm_import.apply",
          entityType: "firm_import",
          entityId: id,
          detail: {
            file_name: claimed.file_name,
            created: outcome.created.length,
            updated: outcome.updated.length,
            unchanged: outcome.unchanged.length,
          },
        });
        return ok({ outcome });
      });
  } catch (error) {
    // Logged for the operators; staff are told that nothing was written, which the rollback guarantees.
    console.error(`firm import ${id} failed:`, error);
    return fail(FAILED);
  }
}
