/**
 * The one error boundary: 403, 404, 409… and unexpected errors, in the reader's language, never a stack trace. A page
 * rendered on the server names its request id, as the log line does; an error after hydration does not, since the
 * id the page knows is that of the first request, not of the one that failed.
 */
import { Link, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

let hydrated = false;

/** Called by the document shell: from then on, errors happen in the browser. */
export function useMarkHydrated() {
  useEffect(() => {
    hydrated = true;
  }, []);
}

const KNOWN = [400, 403, 404, 405, 409, 410, 429];

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = KNOWN.includes(status) ? status : 500;
  const root = useRouteLoaderData("root") as { requestId?: string | null } | undefined;
  const [requestId] = useState(() => (hydrated ? null : (root?.requestId ?? null)));
  if (!isRouteErrorResponse(error) && typeof document === "undefined") {
    // Logged on the server only; the reader sees the generic message.
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">
        {t("errors.title")} {status}
      </h1>
      <p>{t(`errors.${key}`)}</p>
      {requestId ? (
        <p className="muted">
          {t("errors.reference")} <code>{requestId}</code>
        </p>
      ) : null}
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
