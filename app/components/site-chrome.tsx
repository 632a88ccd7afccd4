/**
 * Header (site name, role navigation, language switch, sign-out) and footer.
 *
 * They are on every page, so they are written in plain anchors and forms rather than Remix's <Link>, <NavLink> and
 * <Form> (see app/components/plain-links.tsx; a signed-in staff page has 21 of them): one handler per landmark keeps
 * what those do in the browser, and the current page is marked as <NavLink> marks it.
 */
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isCurrent, useClientNavigation } from "~/components/plain-links";
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
  const handlers = useClientNavigation();
  // Without `lng`: an explicit language in the URL would otherwise override the choice just made.
  const here = location.pathname + withoutLng(location.search);
  const other: Lng = locale === "ja" ? "en" : "ja";
  return (
    <header className="site-header" {...handlers}>
      <div className="site-header__bar">
        <a href="/" className="site-title" data-discover="true">
          <span className="site-title__city">{t("app.city")}</span>
          <span className="site-title__name">{t("app.name")}</span>
        </a>
        <div className="site-header__tools">
          <form method="post" action="/locale" className="inline-form" data-discover="true">
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
          </form>
          {user ? (
            <>
              <span className="signed-in">
                {t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}
              </span>
              <form method="post" action="/logout" className="inline-form" data-discover="true">
                <button type="submit" className="button button--quiet">
                  {t("nav.logout")}
                </button>
              </form>
            </>
          ) : (
            <>
              <a href="/login" className="button button--quiet" data-discover="true">
                {t("nav.login")}
              </a>
              <a href="/register" className="button button--quiet" data-discover="true">
                {t("nav.register")}
              </a>
            </>
          )}
        </div>
      </div>
      <nav aria-label={t("nav.main")} className="site-nav">
        <ul>
          {user
            ? [...NAV[user.role], { to: "/account", labelKey: "nav.account" }].map((item) => (
                <li key={item.to}>
                  <NavItem to={item.to} end={item.to === `/${user.role}`} pathname={location.pathname}>
                    {t(item.labelKey)}
                  </NavItem>
                </li>
              ))
            : null}
          {PUBLIC_NAV.map((item) => (
            <li key={item.to} className="site-nav__public">
              <NavItem to={item.to} pathname={location.pathname}>
                {t(item.labelKey)}
              </NavItem>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** A navigation link marked as <NavLink> marks the current page: class "active" and aria-current="page". */
function NavItem({ to, end, pathname, children }: { to: string; end?: boolean; pathname: string; children: string }) {
  const current = isCurrent(pathname, to, end);
  return (
    <a
      href={to}
      className={current ? "active" : undefined}
      aria-current={current ? "page" : undefined}
      data-discover="true"
    >
      {children}
    </a>
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
  const handlers = useClientNavigation();
  return (
    <footer className="site-footer" {...handlers}>
      <p>{t("app.footer")}</p>
      <ul className="footer-links">
        <li>
          <a href="/open-data" data-discover="true">
            {t("seo.openData.title")}
          </a>
        </li>
        <li>
          <a href="/privacy" data-discover="true">
            {t("privacy.title")}
          </a>
        </li>
        <li>
          <a href="/accessibility" data-discover="true">
            {t("accessibility.title")}
          </a>
        </li>
      </ul>
    </footer>
  );
}
