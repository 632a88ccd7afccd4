/**
 * Staff: the queue of correction and deletion requests (issue 14), by status. Each open request is decided on its
 * own form: done, or refused with a reason; a deletion marked done erases the student, after staff answered whether
 * to revoke their certificates. The model mails the requester and audits the decision; a second decision of the
 * same request (another tab, a replayed form) is refused.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import type { Lng } from "~/i18n";
import { decidePrivacyRequest, listRequestQueue, QUEUE_STATUSES } from "~/models/privacy-request.server";
import { DecisionSchema } from "~/schemas/privacy";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { NOT_FOUND } from "~/utils/result";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

function statusOf(url: URL) {
  const value = url.searchParams.get("status");
  return QUEUE_STATUSES.find((s) => s === value) ?? "open";
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const status = statusOf(new URL(request.url));
  const requests = await listRequestQueue(status);
  return {
    status,
    requests: requests.map((r) => ({ ...r, valid_certificates: Number(r.valid_certificates ?? 0) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const form = await readForm(request);
  const submission = form.parse(DecisionSchema);
  if (submission.status !== "success") {
    const id = Number(form.value("id")) || null;
    const errors = submission.reply().error ?? {};
    return data({ id, errors }, { status: 400 });
  }
  const { id, outcome, reason, revokeCertificates } = submission.value;
  const decided = await decidePrivacyRequest({
    requestId: id,
    actorId: staff.id,
    outcome,
    reason: reason || null,
    revokeCertificates: revokeCertificates === undefined ? null : revokeCertificates === "yes",
  });
  if (!decided.ok) {
    invariantResponse(decided.reason !== NOT_FOUND);
    return data(
      { id, errors: { [decided.field ?? ""]: [decided.reason] } as Record<string, string[] | null> },
      { status: decided.reason === "personalData.queue.alreadyDecided" ? 409 : 400 },
    );
  }
  return redirectWithToast("/staff/privacy-requests", { kind: "success", key: "personalData.queue.decided" });
}

export default function PrivacyRequests() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { status, requests } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("personalData.queue.title")}</h1>
      <p>{t("personalData.queue.lead")}</p>
      <p>
        <Link to="/staff/privacy-register">{t("personalData.queue.register")}</Link>
      </p>
      <nav aria-label={t("personalData.queue.tabs")}>
        <ul>
          {QUEUE_STATUSES_FOR_PAGE.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={s === status ? "page" : undefined}>
                {t(`personalData.statuses.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {requests.length === 0 ? <p>{t("personalData.queue.empty")}</p> : null}
      {requests.map((r) => {
        const errors = failed && failed.id === r.id ? failed.errors : null;
        const headingId = `request-${r.id}`;
        return (
          <article key={r.id} className="panel" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {t(`personalData.kinds.${r.kind}`)} · {formatDateTime(r.created_at, lng)}
            </h2>
            <dl className="meta">
              <dt>{t("personalData.queue.requester")}</dt>
              <dd>
                {r.deleted_at ? t("personalData.queue.deleted") : `${r.name} <${r.email}> (${t(`roles.${r.role}`)})`}
              </dd>
              <dt>{t("personalData.requests.details")}</dt>
              <dd>{r.details}</dd>
              {r.status !== "open" ? (
                <>
                  <dt>{t("personalData.requests.status")}</dt>
                  <dd>
                    {t(`personalData.statuses.${r.status}`)}
                    {r.decided_at ? ` · ${formatDateTime(r.decided_at, lng)}` : ""}
                    {r.decision_reason ? `: ${r.decision_reason}` : ""}
                  </dd>
                </>
              ) : null}
            </dl>
            {r.status === "open" ? (
              <Form method="post">
                <input type="hidden" name="id" value={r.id} />
                <ErrorList errors={errors?.[""] ?? null} />
                <fieldset>
                  <legend>{t("personalData.queue.outcome")}</legend>
                  <label className="choice">
                    <input type="radio" name="outcome" value="done" required /> {t("personalData.queue.outcomeDone")}
                  </label>
                  <label className="choice">
                    <input type="radio" name="outcome" value="refused" /> {t("personalData.queue.outcomeRefused")}
                  </label>
                  <ErrorList errors={errors?.outcome ?? null} />
                </fieldset>
                {r.kind === "deletion" && r.role === "student" ? (
                  <>
                    <p>{t("personalData.queue.deletionNote")}</p>
                    {r.valid_certificates > 0 ? (
                      <fieldset>
                        <legend>
                          {t("personalData.queue.revokeQuestion")} (
                          {t("personalData.queue.validCertificates", { count: r.valid_certificates })})
                        </legend>
                        <label className="choice">
                          <input type="radio" name="revokeCertificates" value="yes" />{" "}
                          {t("personalData.queue.revokeYes")}
                        </label>
                        <label className="choice">
                          <input type="radio" name="revokeCertificates" value="no" /> {t("personalData.queue.revokeNo")}
                        </label>
                        <ErrorList errors={errors?.revokeCertificates ?? null} />
                      </fieldset>
                    ) : null}
                  </>
                ) : null}
                <div className="field">
                  <label htmlFor={`reason-${r.id}`}>{t("personalData.queue.reason")}</label>
                  <textarea id={`reason-${r.id}`} name="reason" rows={3} maxLength={1000} />
                  <ErrorList errors={errors?.reason ?? null} />
                </div>
                <button type="submit" className="button">
                  {t("personalData.queue.decide")}
                </button>
              </Form>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}

const QUEUE_STATUSES_FOR_PAGE = ["open", "done", "refused"] as const;
