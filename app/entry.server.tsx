/**
 * Server entry: renders documents with the locale the root loader chose, and exports `prepareServer` for server.js
 * (migrations, demo data; `prepareWorker` in a cluster's workers), `startBackgroundJobs` (mail, reminders, daily backup) and `closeDatabase`, so that db/ is
 * bundled with the app instead of loaded at run time.
 */
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { createInstance, type i18n as I18n } from "i18next";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { fallbackLng, i18nConfig, isLng, type Lng } from "./i18n";
import { DocumentBuffer } from "./utils/html-stream.server";
import { memoiseTranslations } from "./utils/i18n-memo";
import { logError } from "./utils/log.server";

export { closeDatabase, prepareServer, prepareWorker } from "./operations/boot.server";
export { startBackgroundJobs } from "./operations/jobs.server";

const ABORT_DELAY = 5_000;

// One i18next instance per language, initialised once per process: a fresh instance per request cost ~7% of every
// page's CPU (profile, README "Decisions"). Sharing is safe because nothing on the server changes an instance's
// language (the layout's useChangeLanguage runs in an effect, which server rendering never runs).
const instances = new Map<Lng, Promise<I18n>>();
function i18nFor(lng: Lng): Promise<I18n> {
  let instance = instances.get(lng);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, lng })
      .then(() => memoiseTranslations(created));
    instances.set(lng, instance);
  }
  return instance;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The Content-Security-Policy nonce server.js chose for this response: every script Remix renders carries it.
  const nonce = loadContext.cspNonce;
  const rootData = remixContext.staticHandlerContext.loaderData?.root as { locale?: string } | undefined;
  const lng = isLng(rootData?.locale) ? rootData.locale : fallbackLng;
  const i18n = await i18nFor(lng);

  return new Promise((resolve, reject) => {
    // Until the shell is ready an error is the shell's: onShellError rejects and Remix renders the error boundary.
    let shellReady = false;
    // Stops a render that is still waiting after ABORT_DELAY. Cleared when the render is done: a pending timer would
    // keep the finished render's whole state alive for five seconds, which under load is several hundred pages of
    // garbage the collector has to carry.
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellReady = true;
        },
        // Every page is answered whole (app/utils/html-stream.server.ts), to browsers and crawlers alike.
        onAllReady() {
          clearTimeout(timer);
          const page = new DocumentBuffer();
          // React's pipe uses only what DocumentBuffer has (write, end, destroy and three events).
          pipe(page as unknown as NodeJS.WritableStream);
          page.body.then((body) => {
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            responseHeaders.set("Content-Length", String(body.byteLength));
            resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
          }, reject);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellReady) logError("render failed", error);
        },
      },
    );
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // A client's mistake that Remix answers itself (405 for a POST to a page without an action, 404, 400) is in the
  // request log with its status; an error line ("[object Object]") for each would let anyone fill the error log.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logError("unhandled error in a loader, action or render", error);
}
