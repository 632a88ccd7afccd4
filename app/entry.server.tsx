/**
 * Server entry: renders documents with the locale the root loader chose, and exports `prepareServer` for server.js
 * (migrations, demo data; `prepareWorker` in a cluster's workers), `startBackgroundJobs` (mail, reminders, daily backup) and `closeDatabase`, so that db/ is
 * bundled with the app instead of loaded at run time.
 */
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance, type i18n as I18n } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { fallbackLng, i18nConfig, isLng, type Lng } from "./i18n";
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

  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [callbackName]: () => {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logError("render failed", error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logError("unhandled error in a loader, action or render", error);
}
