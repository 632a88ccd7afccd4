/**
 * Page links that keep the current query string (filters stay in the URL); plain links (app/components/plain-links.tsx),
 * so no JavaScript is needed, and with it the page changes without a reload.
 */
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useClientNavigation } from "~/components/plain-links";

/** First, last, and two pages either side of the current one; null marks a gap. */
export function pageWindow(page: number, pageCount: number): Array<number | null> {
  const pages: Array<number | null> = [];
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= 2) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const handlers = useClientNavigation();
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p === 1) params.delete("page");
    else params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${location.pathname}?${qs}` : location.pathname;
  };
  return (
    <nav aria-label={t("firms.pagination.label")} className="pagination" {...handlers}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev" data-discover="true">
              {t("firms.pagination.previous")}
            </a>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page">{p}</span>
              ) : (
                <a href={href(p)} data-discover="true">
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next" data-discover="true">
              {t("firms.pagination.next")}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
