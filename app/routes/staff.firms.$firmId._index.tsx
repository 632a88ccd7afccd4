/** Staff: one firm of the register, hiding it from the directory (with a reason) or restoring it, and its history. */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { displayFirmValue } from "~/components/firm-form";
import { FormErrors, TextareaField } from "~/components/forms";
import type { Lng } from "~/i18n";
import { getFirm, hideFirm, listFirmHistory, restoreFirm } from "~/models/firm.server";
import { FIRM_FIELDS, HideFirmSchema } from "~/schemas/firm";
import { idParam } from "~/schemas/params";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const id = idParam(params, "firmId");
  const [firm, history] = await Promise.all([getFirm(id), listFirmHistory(id)]);
  invariantResponse(firm);
  return { firm, history };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const id = idParam(params, "firmId");
  const form = await readForm(request);
  invariantResponse(await getFirm(id));
  // Hiding a hidden firm or restoring a visible one (another tab, a double click) changes nothing and is no error.
  if (form.value("intent") === "restore") {
    await restoreFirm(id, staff.id);
    return redirectWithToast(`/staff/firms/${id}`, { kind: "success", key: "firms.staff.restored" });
  }
  const submission = form.parse(HideFirmSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await hideFirm(id, submission.value.reason, staff.id);
  return redirectWithToast(`/staff/firms/${id}`, { kind: "success", key: "firms.staff.hidden" });
}

export default function StaffFirm() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { firm, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "hide-firm",
    lastResult: actionData?.result,
    constraint: zodConstraint(HideFirmSchema),
  });
  return (
    <>
      <p>
        <Link to="/staff/firms">{t("firms.staff.backToList")}</Link>
      </p>
      <h1>{firm.name}</h1>
      <p className="actions">
        <Link to={`/staff/firms/${firm.id}/edit`} className="button">
          {t("firms.staff.edit")}
        </Link>
        {firm.is_public && !firm.hidden_at ? (
          <Link to={`/firms/${firm.id}`} className="button button--secondary">
            {t("firms.staff.publicPage")}
          </Link>
        ) : null}
      </p>
      {firm.hidden_at ? (
        <p className="notice">{t("firms.staff.hiddenSince", { date: formatDateTime(firm.hidden_at, lng) })}</p>
      ) : null}
      <dl className="meta">
        {FIRM_FIELDS.map((field) => (
          <Fragment key={field}>
            <dt>{t(`firms.fields.${field}`)}</dt>
            <dd>{displayFirmValue(t, lng, field, firm[field])}</dd>
          </Fragment>
        ))}
      </dl>

      <section aria-labelledby="visibility-title" className="panel">
        <h2 id="visibility-title">{t("firms.staff.visibilityTitle")}</h2>
        {firm.hidden_at ? (
          <Form method="post">
            <p>{t("firms.staff.restoreLead")}</p>
            <button type="submit" name="intent" value="restore" className="button">
              {t("firms.staff.restore")}
            </button>
          </Form>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <p>{t("firms.staff.hideLead")}</p>
            <FormErrors id={form.errorId} errors={form.errors} />
            <TextareaField meta={fields.reason} label={t("firms.staff.hideReason")} rows={2} />
            <button type="submit" name="intent" value="hide" className="button button--danger">
              {t("firms.staff.hide")}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("firms.history.title")}</h2>
        {history.length === 0 ? (
          <p>{t("firms.history.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("firms.history.when")}</th>
                  <th scope="col">{t("firms.history.who")}</th>
                  <th scope="col">{t("firms.history.what")}</th>
                  <th scope="col">{t("firms.history.changes")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id}>
                    <td>{formatDateTime(h.created_at, lng)}</td>
                    <td>
                      {h.actor_name
                        ? t("firms.history.actor", { name: h.actor_name, role: t(`roles.${h.actor_role}`) })
                        : t("firms.history.system")}
                    </td>
                    <td>{t(`firms.history.actions.${h.action}`)}</td>
                    <td>
                      {h.reason !== null ? (
                        <p>{t("firms.history.reason", { reason: h.reason })}</p>
                      ) : (
                        <ul className="changes">
                          {Object.entries(h.changes).map(([field, [from, to]]) => (
                            <li key={field}>
                              {t("firms.history.change", {
                                field: t(`firms.fields.${field}`),
                                from: displayFirmValue(t, lng, field, from),
                                to: displayFirmValue(t, lng, field, to),
                              })}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
