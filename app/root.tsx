/** Document shell. The root loader resolves the user, the language and the pending toast. */
// First: before any schema module is evaluated (see the module).
import "./utils/zod-csp";
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { GeneralErrorBoundary, useMarkHydrated } from "./components/general-error-boundary";
import { useNonce } from "./components/nonce";
import { SiteFooter, SiteHeader } from "./components/site-chrome";
import { ToastMessage } from "./components/toast";
import { fallbackLng } from "./i18n";
import { isNoindexPath } from "./seo/indexing";
import stylesheet from "./styles/app.css";
import { config } from "./utils/env.server";
import { getLocale } from "./utils/i18n.server";
import { getSessionUser } from "./utils/session.server";
import { readToast } from "./utils/toast.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const locale = await getLocale(request, user);
  const { toast, clear } = await readToast(request);
  return data(
    {
      locale,
      // Canonical and alternate URLs, and link previews, are absolute (app/seo/meta.ts).
      publicUrl: config().publicUrl,
      toast,
      user: user && { id: user.id, name: user.name, role: user.role },
      // Shown on a server-rendered error page, so that staff can quote it (the log line has it too).
      requestId: context.requestId ?? null,
    },
    { headers: clear ? { "Set-Cookie": clear } : {} },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.locale === "en" ? "Kita City Industry–Academia Collaboration" : "北区 産学連携プラットフォーム" },
];

/** Routes whose own meta export already says noindex, so the document does not say it twice. */
const ROBOTS_IN_ROUTE_META = ["/verify/", "/wallet/"];

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData();
  const locale = root?.locale ?? fallbackLng;
  const { t } = useTranslation();
  const nonce = useNonce();
  const { pathname } = useLocation();
  useChangeLanguage(locale);
  // Says the page is interactive: browser tests wait for it before typing, so a slow machine cannot race hydration.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  useMarkHydrated();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Staff, account, token and verification pages (the verify and wallet pages also say so in their meta). */}
        {isNoindexPath(pathname) && !ROBOTS_IN_ROUTE_META.some((p) => pathname.startsWith(p)) ? (
          <meta name="robots" content="noindex" />
        ) : null}
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <SiteHeader user={root?.user ?? null} locale={locale} />
        <main id="main" tabIndex={-1}>
          {root?.toast ? <ToastMessage toast={root.toast} /> : null}
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
