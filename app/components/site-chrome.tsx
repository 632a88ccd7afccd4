/** Header (site name, role navigation, language switch, sign-out) and footer. */
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LNG_PARAM, type Lng } from "~/i18n";
import { NAV, PUBLIC_NAV } from "~/utils/nav";
import type { Role } from "../../db/schema";

interface HeaderProps {
  user: { id: number; name: string; role: Role } | null;
  locale: Lng;
}

export function SiteHeader({ user, locale }: HeaderProps) {
  const { t } = useTranslation();
  const location = useLocation();
  // Without `lng`: an explicit language in the URL would otherwise override the choice just made.
  const here = location.pathname + withoutLng(location.search);
  const other: Lng = locale === "ja" ? "en" : "ja";
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="site-title">
          <span className="site-title__city">{t("app.city")}</span>
          <span className="site-title__name">{t("app.name")}</span>
        </Link>
        <div className="site-header__tools">
          <Form method="post" action="/locale" className="inline-form">
            <input type="hidden" name="locale" value={other} />
            <input type="hidden" name="redirectTo" value={here} />
            <button
              type="submit"
              className="button button--quiet"
              lang={other}
              aria-label={t("language.switchToLabel")}
            >
              <span aria-hidden="true">🌐 </span>
              {t("language.switchTo")}
            </button>
          </Form>
          {user ? (
            <>
              <span className="signed-in">
                {t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}
              </span>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="button button--quiet">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login" className="button button--quiet">
                {t("nav.login")}
              </Link>
              <Link to="/register" className="button button--quiet">
                {t("nav.register")}
              </Link>
            </>
          )}
        </div>
      </div>
      <nav aria-label={t("nav.main")} className="site-nav">
        <ul>
          {user
            ? [...NAV[user.role], { to: "/account", labelKey: "nav.account" }].map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === `/${user.role}`}>
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))
            : null}
          {PUBLIC_NAV.map((item) => (
            <li key={item.to} className="site-nav__public">
              <NavLink to={item.to}>{t(item.labelKey)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function withoutLng(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(LNG_PARAM);
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("app.footer")}</p>
      <ul className="footer-links">
        <li>
          <Link to="/open-data">{t("seo.openData.title")}</Link>
        </li>
        <li>
          <Link to="/privacy">{t("privacy.title")}</Link>
        </li>
        <li>
          <Link to="/accessibility">{t("accessibility.title")}</Link>
        </li>
      </ul>
    </footer>
  );
}
