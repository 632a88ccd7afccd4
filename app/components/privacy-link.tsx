/** The link to the privacy notice that every form collecting personal data carries, next to what it collects. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function PrivacyLink() {
  const { t } = useTranslation();
  return (
    <p className="privacy-link">
      <Link to="/privacy">{t("privacy.link")}</Link>
    </p>
  );
}
