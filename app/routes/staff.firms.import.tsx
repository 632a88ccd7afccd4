/**
 * Staff: import the register from CSV. Upload → every problem listed, or a preview stored server-side → confirm
 * applies exactly that preview in one transaction. A file with any invalid row cannot be confirmed: staff fix the
 * file and upload it again, so the register never holds half a file.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CSV_COLUMNS, MAX_IMPORT_BYTES, parseFirmCsv, type CsvProblem } from "~/firms/firm-csv.server";
import type { Lng } from "~/i18n";
import { applyFirmImport, FAILED, getFirmImport, saveFirmImport, UNAVAILABLE } from "~/models/firm-import.server";
import { msg, translateError } from "~/schemas/messages";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { fail } from "~/utils/result";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

const PREVIEW_ROWS = 100;
const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;
const ImportIdSchema = z.coerce.number().int().positive().max(1e12);
const UPLOADS = { file: { maxBytes: MAX_IMPORT_BYTES, tooLarge: msg("firms.import.tooLarge", { mb: MAX_MB }) } };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const idParam = new URL(request.url).searchParams.get("id");
  const columns = CSV_COLUMNS.map(([header]) => header);
  if (!idParam) return { columns, maxMb: MAX_MB, pending: null };
  const id = ImportIdSchema.safeParse(idParam);
  const stored = id.success ? await getFirmImport(id.data) : undefined;
  invariantResponse(stored);
  const count = (status: string) => stored.rows.filter((r) => r.status === status).length;
  const changes = stored.rows.filter((r) => r.status !== "unchanged");
  return {
    columns,
    maxMb: MAX_MB,
    pending: {
      id: stored.id,
      fileName: stored.file_name,
      appliedAt: stored.applied_at,
      outcome: stored.outcome && {
        created: stored.outcome.created.length,
        updated: stored.outcome.updated.length,
        unchanged: stored.outcome.unchanged.length,
      },
      counts: { create: count("create"), update: count("update"), unchanged: count("unchanged") },
      changes: changes
        .slice(0, PREVIEW_ROWS)
        .map(({ corporate_number, name, status, changed }) => ({ corporate_number, name, status, changed })),
      moreChanges: Math.max(0, changes.length - PREVIEW_ROWS),
    },
  };
}

const refuse = (problems: CsvProblem[], status = 400) => data({ problems }, { status });
const problem = (key: string, values?: Record<string, string | number>): CsvProblem[] => [
  { row: null, column: null, message: msg(key, values) },
];

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  // An oversized upload is refused as soon as we know: from its declared length, else once 5 MB of it have streamed
  // in; the rest is never read.
  const form = await readForm(request, { uploads: UPLOADS });
  if (form.tooLarge) return refuse(problem("firms.import.tooLarge", { mb: MAX_MB }), 413);
  if (form.refused) return refuse(problem(form.refused));

  if (form.value("intent") === "confirm") {
    const id = ImportIdSchema.safeParse(form.value("importId"));
    const applied = id.success ? await applyFirmImport(id.data, staff.id) : fail(UNAVAILABLE);
    if (!applied.ok) return refuse(problem(applied.reason), applied.reason === FAILED ? 500 : 409);
    const { created, updated, unchanged } = applied.outcome;
    return redirectWithToast(`/staff/firms/import?id=${id.data}`, {
      kind: "success",
      key: "firms.import.applied",
      values: { created: created.length, updated: updated.length, unchanged: unchanged.length },
    });
  }

  const file = form.file("file");
  if (!file?.name) return refuse(problem("firms.import.noFile"));
  const parsed = parseFirmCsv(new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok) return refuse(parsed.problems);
  const id = await saveFirmImport(staff.id, file.name, parsed.rows);
  return redirect(`/staff/firms/import?id=${id}`);
}

export default function ImportFirms() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  // The limit comes from the loader: a .server module's constants do not reach the browser.
  const { columns, maxMb, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const problems = actionData?.problems ?? [];
  const fileProblems = problems.filter((p) => p.row === null || p.column === null);
  const rowProblems = problems.filter((p) => p.row !== null && p.column !== null);
  return (
    <>
      <p>
        <Link to="/staff/firms">{t("firms.staff.backToList")}</Link>
      </p>
      <h1>{t("firms.import.title")}</h1>
      <p>{t("firms.import.lead", { mb: maxMb })}</p>
      <p>
        {t("firms.import.columns")} <code>{columns.join(",")}</code>
      </p>
      <p>
        {t("firms.import.template")} <a href="/staff/firms/export">{t("firms.staff.export")}</a>
      </p>

      <Form method="post" action="/staff/firms/import" encType="multipart/form-data" className="panel">
        <h2>{t("firms.import.uploadTitle")}</h2>
        {fileProblems.length ? (
          <div id="import-file-error" className="form-errors" role="alert">
            {fileProblems.map((p) => (
              <p key={p.message}>{translateError(t, p.message)}</p>
            ))}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="import-file">{t("firms.import.file")}</label>
          <p id="import-file-hint" className="field-hint">
            {t("firms.import.fileHint", { mb: maxMb })}
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={fileProblems.length ? "import-file-hint import-file-error" : "import-file-hint"}
            aria-invalid={problems.length ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("firms.import.upload")}
        </button>
      </Form>

      {rowProblems.length ? (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">{t("firms.import.problemsTitle", { count: rowProblems.length })}</h2>
          <p role="alert">{t("firms.import.problemsLead")}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("firms.import.row")}</th>
                  <th scope="col">{t("firms.import.column")}</th>
                  <th scope="col">{t("firms.import.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {rowProblems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.row}</td>
                    <td>{p.column}</td>
                    <td>{translateError(t, p.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {pending?.outcome ? (
        <section aria-labelledby="summary-title" className="notice">
          <h2 id="summary-title">{t("firms.import.summaryTitle", { file: pending.fileName })}</h2>
          <p>{t("firms.import.appliedAt", { date: formatDateTime(pending.appliedAt!, lng) })}</p>
          <ul>
            <li>{t("firms.import.created", { count: pending.outcome.created })}</li>
            <li>{t("firms.import.updated", { count: pending.outcome.updated })}</li>
            <li>{t("firms.import.unchanged", { count: pending.outcome.unchanged })}</li>
          </ul>
        </section>
      ) : pending ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t("firms.import.previewTitle", { file: pending.fileName })}</h2>
          <ul>
            <li>{t("firms.import.willCreate", { count: pending.counts.create })}</li>
            <li>{t("firms.import.willUpdate", { count: pending.counts.update })}</li>
            <li>{t("firms.import.willKeep", { count: pending.counts.unchanged })}</li>
          </ul>
          {pending.changes.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("firms.fields.corporate_number")}</th>
                    <th scope="col">{t("firms.fields.name")}</th>
                    <th scope="col">{t("firms.import.change")}</th>
                  </tr>
                </thead>
                <tbody>
                  {pending.changes.map((r) => (
                    <tr key={r.corporate_number}>
                      <td>{r.corporate_number}</td>
                      <td>{r.name}</td>
                      <td>
                        {r.status === "create"
                          ? t("firms.import.statusCreate")
                          : t("firms.import.statusUpdate", {
                              fields: r.changed
                                .map((f) => t(`firms.fields.${f}`))
                                .join(t("firms.import.listSeparator")),
                            })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {pending.moreChanges ? <p>{t("firms.import.moreChanges", { count: pending.moreChanges })}</p> : null}
          <Form method="post" action={`/staff/firms/import?id=${pending.id}`}>
            <input type="hidden" name="importId" value={pending.id} />
            <button
              type="submit"
              name="intent"
              value="confirm"
              className="button"
              disabled={navigation.state === "submitting"}
            >
              {t("firms.import.confirm")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
