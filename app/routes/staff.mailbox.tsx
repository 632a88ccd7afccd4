/** Staff: every email the system sent or holds (the development mailbox when no mail API is configured). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { listMailbox } from "~/models/outbox.server";
import { config } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { splitSecrets } from "~/utils/mail-secrets";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const { mailApiUrl, appEnv } = config();
  return {
    messages: await listMailbox(),
    apiConfigured: Boolean(mailApiUrl),
    consoleMailer: !mailApiUrl && appEnv === "demo",
  };
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
  const { messages, apiConfigured, consoleMailer } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("staff.mailboxTitle")}</h1>
      <p>{t("staff.mailboxLead")}</p>
      <p className="muted">{apiConfigured ? t("staff.mailModeApi") : t("staff.mailModeDev")}</p>
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
