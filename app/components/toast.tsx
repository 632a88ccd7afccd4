/** The flash message after a redirect, announced to screen readers. */
import { useState } from "react";
import { useTranslation } from "react-i18next";

export function ToastMessage({
  toast,
}: {
  toast: { kind: "success" | "error"; key: string; values?: Record<string, string | number> };
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div className={`toast toast--${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      <p>{t(toast.key, toast.values)}</p>
      <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
        {t("toast.close")}
      </button>
    </div>
  );
}
