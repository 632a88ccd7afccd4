/**
 * Staff: every email the system sent or holds (the development mailbox when no mail API is configured), and first
 * the ones that failed and are being retried, each with its attempts, last error and a "retry now" button.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { listMailbox, listUndelivered, retryMailNow } from "~/models/outbox.server";
import { RowIdSchema } from "~/schemas/accounts";
import { config } from "~/utils/env.server";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { splitSecrets } from "~/utils/mail-secrets";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const { mailApiUrl, mailMode, appEnv } = config();
  const [messages, undelivered] = await Promise.all([listMailbox(), listUndelivered()]);
  return {
    messages,
    undelivered,
    apiConfigured: mailMode === "api",
    keptOnPurpose: mailMode === "keep" && Boolean(mailApiUrl || appEnv === "production"),
    consoleMailer: mailMode === "keep" && appEnv === "demo",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const submission = (await readForm(request)).parse(RowIdSchema);
  // Only a tampered form can fail: the button carries the message's id.
  invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
  const retried = await retryMailNow(submission.value.id, staff.id);
  if (!retried.ok) return redirectWithToast("/staff/mailbox", { kind: "error", key: retried.reason });
  return redirectWithToast("/staff/mailbox", { kind: "success", key: "accounts.mailbox.retried" });
}

/** The body with each secret link's placeholder shown as "link hidden" (the link itself is never sent here). */
function MailBody({ body }: { body: string }) {
  const { t } = useTranslation();
  return (
    <pre className="mail-body">
      {splitSecrets(body).map((part, i) =>
        "secret" in part ? (
          <span key={i} className="mail-secret">
            {t("staff.mailSecretHidden")}
          </span>
        ) : (
          part.text
        ),
      )}
    </pre>
  );
}

export default function Mailbox() {
  const { t, i18n } = useTranslation();
  const { messages, undelivered, apiConfigured, keptOnPurpose, consoleMailer } = useLoaderData<typeof loader>();
  const lng = i18n.language as Lng;
  return (
    <section>
      <h1>{t("staff.mailboxTitle")}</h1>
      <p>{t("staff.mailboxLead")}</p>
      <p className="muted">
        {apiConfigured
          ? t("staff.mailModeApi")
          : keptOnPurpose
            ? t("accounts.mailbox.modeKeep")
            : t("staff.mailModeDev")}
      </p>
      <section aria-labelledby="undelivered-title" className="panel">
        <h2 id="undelivered-title">{t("accounts.mailbox.undeliveredTitle")}</h2>
        <p>{t("accounts.mailbox.undeliveredLead")}</p>
        {undelivered.length === 0 ? (
          <p>{t("accounts.mailbox.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("staff.colTo")}</th>
                  <th scope="col">{t("staff.colSubject")}</th>
                  <th scope="col">{t("staff.colAttempts")}</th>
                  <th scope="col">{t("accounts.mailbox.lastError")}</th>
                  <th scope="col">{t("accounts.mailbox.nextAttempt")}</th>
                  <th scope="col">{t("accounts.users.colActions")}</th>
                </tr>
              </thead>
              <tbody>
                {undelivered.map((m) => (
                  <tr key={m.id}>
                    <td>{m.to_address}</td>
                    <td>{m.subject}</td>
                    <td>{m.attempts}</td>
                    <td>{m.last_error ?? ""}</td>
                    <td>
                      {m.status === "sending" ? t("staff.mailStatus.sending") : formatDateTime(m.next_attempt_at, lng)}
                    </td>
                    <td>
                      {m.status === "pending" ? (
                        <Form method="post">
                          <input type="hidden" name="id" value={m.id} />
                          <button
                            type="submit"
                            className="button button--secondary"
                            aria-label={t("accounts.mailbox.retryLabel", { to: m.to_address, subject: m.subject })}
                          >
                            {t("accounts.mailbox.retry")}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="muted">{t("staff.mailSecretsNote")}</p>
      {consoleMailer ? <p className="muted">{t("staff.mailSecretsDemo")}</p> : null}
      {messages.length === 0 ? <p>{t("staff.mailboxEmpty")}</p> : null}
      <ul className="mailbox">
        {messages.map((m) => (
          <li key={m.id}>
            <details>
              <summary>
                <span className={`badge badge--${m.status}`}>{t(`staff.mailStatus.${m.status}`)}</span>{" "}
                <strong>{m.subject}</strong> — {m.to_address}{" "}
                <span className="muted">{formatDateTime(m.created_at, i18n.language as Lng)}</span>
              </summary>
              <dl className="meta">
                <dt>{t("staff.colTo")}</dt>
                <dd>{m.to_address}</dd>
                <dt>{t("staff.colAttempts")}</dt>
                <dd>
                  {m.attempts}
                  {m.last_error ? ` (${m.last_error})` : ""}
                </dd>
              </dl>
              <MailBody body={m.body_text} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
