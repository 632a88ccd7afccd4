/**
 * Agreement documents: signed agreements and amendments as PDF files. A file must start with "%PDF-" and parse with
 * pdf-lib; on SQLite it is stored beside the database as <DATA_DIR>/documents/<sha256>.pdf, on PostgreSQL in the
 * database (`stored_document`), which every app server reaches (content-addressed either way, so the same file
 * uploaded twice is stored once). Its row keeps the checksum, size and original name. Downloads re-check the checksum.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { recordAudit } from "~/models/audit.server";
import { getDb, now, usesPostgres, type DB } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { fail, NOT_FOUND, ok, type Result } from "~/utils/result";
import type { AgreementDocumentKind } from "../../db/schema";

export type PdfFailure = "agreements.errors.notPdf" | "agreements.errors.brokenPdf";

const MAGIC = "%PDF-";

export async function checkPdf(bytes: Uint8Array): Promise<Result<object, PdfFailure>> {
  const broken = fail("agreements.errors.brokenPdf", { field: "file" });
  if (Buffer.from(bytes.subarray(0, MAGIC.length)).toString("latin1") !== MAGIC) {
    return fail("agreements.errors.notPdf", { field: "file" });
  }
  try {
    // ignoreEncryption: a password-protected PDF is still a real PDF, and we only store it.
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    return doc.getPageCount() > 0 ? ok() : broken;
  } catch {
    return broken;
  }
}

function documentsDir() {
  return path.join(config().dataDir, "documents");
}

export function documentPath(sha256: string) {
  return path.join(documentsDir(), `${sha256}.pdf`);
}

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Stores the content unless the same is already stored. On PostgreSQL a row in the caller's transaction (the document
 * and its bytes commit together); on SQLite a file, whole thanks to a temporary name and a rename.
 */
async function storeFile(db: Pick<DB, "insertInto">, sha256: string, bytes: Uint8Array) {
  if (usesPostgres()) {
    await db
      .insertInto("stored_document")
      .values({ sha256, bytes: Buffer.from(bytes), created_at: now() })
      .onConflict((oc) => oc.column("sha256").doNothing())
      .execute();
    return;
  }
  const target = documentPath(sha256);
  try {
    await fs.access(target);
    return;
  } catch {
    /* not stored yet */
  }
  await fs.mkdir(documentsDir(), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(temp, bytes);
  await fs.rename(temp, target);
}

/**
 * Keeps the name readable but harmless: no control characters, no path, at most 200 characters (counted in code
 * points, so an emoji is never cut in half: half a surrogate pair cannot be put in a download's header).
 */
function cleanFilename(name: string) {
  const base = Array.from(
    name
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .split(/[/\\]/)
      .pop()!
      .trim(),
  )
    .slice(-200)
    .join("");
  return base || "document.pdf";
}

export interface NewDocument {
  kind: AgreementDocumentKind;
  title: string;
  filename: string;
  bytes: Uint8Array;
}

export type AddDocumentFailure = typeof NOT_FOUND | PdfFailure;

/**
 * Checks the PDF, then in one transaction writes the row, the audit entry and the file (the file last, so a failed
 * write rolls the row back; a failure after it leaves at most an unreferenced file, harmless by its checksum name).
 */
export async function addDocument(
  agreementId: number,
  input: NewDocument,
  actorId: number,
): Promise<Result<object, AddDocumentFailure>> {
  const check = await checkPdf(input.bytes);
  if (!check.ok) return check;
  const sha256 = sha256Of(input.bytes);
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const exists = await trx.selectFrom("agreement").select("id").where("id", "=", agreementId).executeTakeFirst();
      if (!exists) return fail(NOT_FOUND);
      const { id } = await trx
        .insertInto("agreement_document")
        .values({
          agreement_id: agreementId,
          kind: input.kind,
          title: input.title,
          original_filename: cleanFilename(input.filename),
          sha256,
          size_bytes: input.bytes.byteLength,
          uploaded_by: actorId,
          created_at: now(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId,
        action: "agreement.document",
        entityType: "agreement",
        entityId: agreementId,
        detail: { documentId: id, sha256, size: input.bytes.byteLength },
      });
      await storeFile(trx, sha256, input.bytes);
      return ok();
    });
}

export function listDocuments(agreementId: number) {
  return getDb()
    .selectFrom("agreement_document")
    .leftJoin("user", "user.id", "agreement_document.uploaded_by")
    .select([
      "agreement_document.id",
      "agreement_document.kind",
      "agreement_document.title",
      "agreement_document.original_filename",
      "agreement_document.size_bytes",
      "agreement_document.created_at",
      "user.name as uploaded_by_name",
    ])
    .where("agreement_document.agreement_id", "=", agreementId)
    .orderBy("agreement_document.created_at", "desc")
    .orderBy("agreement_document.id", "desc")
    .execute();
}

export type ReadDocumentResult =
  | { outcome: "ok"; filename: string; bytes: Uint8Array<ArrayBuffer> }
  | { outcome: "notFound" | "missingFile" | "damaged" };

async function loadFile(sha256: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (usesPostgres()) {
    const row = await getDb()
      .selectFrom("stored_document")
      .select("bytes")
      .where("sha256", "=", sha256)
      .executeTakeFirst();
    return row ? new Uint8Array(row.bytes) : null;
  }
  try {
    return await fs.readFile(documentPath(sha256));
  } catch {
    return null;
  }
}

/** The stored file of one agreement's document, checked against its recorded checksum. */
export async function readDocument(agreementId: number, documentId: number): Promise<ReadDocumentResult> {
  const doc = await getDb()
    .selectFrom("agreement_document")
    .select(["original_filename", "sha256"])
    .where("id", "=", documentId)
    .where("agreement_id", "=", agreementId)
    .executeTakeFirst();
  if (!doc) return { outcome: "notFound" };
  const bytes = await loadFile(doc.sha256);
  if (!bytes) return { outcome: "missingFile" };
  if (sha256Of(bytes) !== doc.sha256) return { outcome: "damaged" };
  return { outcome: "ok", filename: doc.original_filename, bytes };
}
