/**
 * Server entry: renders documents with the locale the root loader chose, and exports `prepareServer` for server.js
 * (migrations, demo data; `prepareWorker` in a cluster's workers), `startBackgroundJobs` (mail, reminders, daily backup) and `closeDatabase`, so that db/ is
 * bundled with the app instead of loaded at run time.
 */
import { setImmediate as nextTurnOfEventLoop } from "node:timers/promises";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { createInstance, type i18n as I18n } from "i18next";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { fallbackLng, i18nConfig, isLng, type Lng } from "./i18n";
import { DocumentBuffer } from "./utils/html-stream.server";
import { memoiseTranslations } from "./utils/i18n-memo";
import { logError, logEvent } from "./utils/log.server";

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

/**
 * What the entry reads of Remix's document context beyond `EntryContext`'s types (@remix-run/react 2.17.5): the
 * single-fetch handoff (the loader data, turbo-stream encoded) and the per-render notes its components share.
 */
type HandoffContext = {
  serverHandoffStream?: ReadableStream<Uint8Array>;
  renderMeta?: { streamCache?: Record<number, unknown> };
};

// Where React 18 marks a Suspense boundary it did not finish (pending, or left to the client after an error).
const UNFINISHED_BOUNDARY = /<!--\$[?!]-->/;
let warnedOfSuspense = false;

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
  const page = (
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>
  );

  // The page as one string: no page defers data, and Remix's StreamTransfer, which writes the loader data into the
  // page, takes each piece from `renderMeta.streamCache` before it reads the handoff stream, so with the stream read
  // to its end first nothing suspends. renderToString then costs 5–18% less CPU than the streaming renderer and pads
  // nothing with NUL bytes (README "Decisions", ninth pass). A page that still leaves a Suspense boundary unfinished
  // (a route that defers data, or a Remix whose StreamTransfer no longer reads that cache) is rendered again the
  // streaming way, from a stream rebuilt from the pieces already read.
  const context = remixContext as unknown as HandoffContext;
  const pieces = context.serverHandoffStream ? await readToEnd(context.serverHandoffStream) : [];
  // Rendered in the next turn of the event loop (setImmediate runs after its poll phase), not straight after the
  // loaders: under load, the requests that arrived together run their loaders one after another and then render one
  // after another, as React's streaming renderer, which schedules its work with setImmediate, lets the bare Remix app
  // do. Rendering straight away, each request went through all of its work before the next began, and with 50
  // connections a page cost 7–15% more CPU (README "Decisions", twelfth pass). Unloaded, it adds microseconds.
  await nextTurnOfEventLoop();
  if (context.renderMeta) {
    context.renderMeta.streamCache = streamTransferCache(pieces);
    // A shell error throws here: Remix renders the error boundary, as after onShellError below.
    const html = renderToString(page);
    if (!UNFINISHED_BOUNDARY.test(html)) {
      return documentResponse(Buffer.from(`<!DOCTYPE html>${html}`), responseHeaders, responseStatusCode);
    }
    if (!warnedOfSuspense) {
      warnedOfSuspense = true;
      logEvent("error", "a page left a Suspense boundary unfinished: rendering it again the streaming way", {
        path: new URL(request.url).pathname,
      });
    }
    context.renderMeta = {};
  }
  if (context.serverHandoffStream) context.serverHandoffStream = streamOf(pieces);
  return renderStreaming(page, responseHeaders, responseStatusCode, nonce);
}

function documentResponse(body: Buffer<ArrayBuffer>, headers: Headers, status: number) {
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Content-Length", String(body.byteLength));
  return new Response(body, { headers, status });
}

async function readToEnd(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = stream.getReader();
  const pieces: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) pieces.push(next.value);
  reader.releaseLock();
  return pieces;
}

/**
 * What StreamTransfer would have cached reading the pieces in turn: piece i under i, the end after the last, each
 * decoded as it does (one streaming decoder, so a character split between two pieces comes out whole in the second).
 */
export function streamTransferCache(pieces: Uint8Array[]): Record<number, unknown> {
  const decoder = new TextDecoder();
  const cache: Record<number, unknown> = {};
  pieces.forEach(
    (piece, i) => (cache[i] = { result: { done: false, value: decoder.decode(piece, { stream: true }) } }),
  );
  cache[pieces.length] = { result: { done: true, value: decoder.decode(undefined, { stream: true }) } };
  return cache;
}

function streamOf(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

/** The page rendered the streaming way, to the end (onAllReady), and answered whole (app/utils/html-stream.server.ts). */
function renderStreaming(
  page: React.ReactElement,
  responseHeaders: Headers,
  status: number,
  nonce: string | undefined,
) {
  return new Promise<Response>((resolve, reject) => {
    // Logged once the page is complete: an error in the shell rejects instead (onShellError), and Remix logs it
    // (handleError) as it renders the error boundary; one inside a Suspense boundary leaves the page to answer 500.
    const errors: unknown[] = [];
    let shellFailed = false;
    // Stops a render that is still waiting after ABORT_DELAY. Cleared when the render is done: a pending timer would
    // keep the finished render's whole state alive for five seconds, which under load is several hundred pages of
    // garbage the collector has to carry.
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      onAllReady() {
        clearTimeout(timer);
        // React calls this after a failed shell too, once the rest is done: that page is already rejected.
        if (shellFailed) return;
        for (const error of errors) logError("render failed", error);
        const buffer = new DocumentBuffer();
        // React's pipe uses only what DocumentBuffer has (write, end, destroy and three events).
        pipe(buffer as unknown as NodeJS.WritableStream);
        buffer.body.then((body) => resolve(documentResponse(body, responseHeaders, status)), reject);
      },
      onShellError(error: unknown) {
        shellFailed = true;
        clearTimeout(timer);
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        errors.push(error);
      },
    });
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // A client's mistake that Remix answers itself (405 for a POST to a page without an action, 404, 400) is in the
  // request log with its status; an error line ("[object Object]") for each would let anyone fill the error log.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logError("unhandled error in a loader, action or render", error);
}
