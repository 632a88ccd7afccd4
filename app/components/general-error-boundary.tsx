/** The one error boundary: 403, 404, 409… and unexpected errors, in the reader's language, never a stack trace. */
import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const KNOWN = [400, 403, 404, 405, 409, 410, 429];

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = KNOWN.includes(status) ? status : 500;
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
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
