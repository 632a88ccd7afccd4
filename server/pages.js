/**
 * The short bilingual pages the Express layer answers by itself (413, 415, 400, 500), before or after Remix.
 * Plain HTML with no script or style of its own, so the Content-Security-Policy never has to allow anything for them,
 * and no detail of the request or the error is echoed.
 */

/** @type {Record<number, { ja: string, en: string }>} */
export const MESSAGES = {
  400: { ja: "リクエストの形式が正しくありません。", en: "The request is malformed." },
  403: { ja: "別のサイトからの送信は受け付けられません。", en: "Requests sent from another site are not accepted." },
  413: {
    ja: "送信された内容が大きすぎます。ファイルを小さくしてもう一度お試しください。",
    en: "What was sent is too large. Please make the file smaller and try again.",
  },
  415: {
    ja: "この形式の送信は受け付けられません。フォームからもう一度送信してください。",
    en: "This kind of submission is not accepted. Please send the form again.",
  },
  500: {
    ja: "サーバーで問題が起きました。しばらくしてからもう一度お試しください。",
    en: "Something went wrong on the server. Please try again later.",
  },
};

/**
 * The page for a status (one of MESSAGES' keys; anything else reads as 400 or 500). A server error names its request
 * id (ours, a UUID: nothing the client wrote), so that staff can quote it and the log line be found.
 */
export function statusPage(status, requestId) {
  const m = MESSAGES[status] ?? MESSAGES[status >= 500 ? 500 : 400];
  const reference =
    status >= 500 && requestId && /^[0-9a-f-]{36}$/.test(requestId)
      ? `<p>問い合わせ番号 <span lang="en">/ Reference</span>: <code>${requestId}</code></p>`
      : "";
  return (
    `<!doctype html><html lang="ja"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${status}</title></head>` +
    `<body><main><h1>${status}</h1><p>${m.ja}</p><p lang="en">${m.en}</p>${reference}` +
    `<p><a href="/">ホーム</a> · <a href="/" lang="en">Home</a></p></main></body></html>`
  );
}

/** How long a refused upload's connection stays open, unread, after the answer (see sendStatusPage). */
export const LINGER_MS = 2_000;

/**
 * Answers with a status page. With `close` (a body we refuse, which may still be arriving) the connection is closed
 * without reading the rest: the answer (with its length, so the client knows it is complete) is written at once, but
 * the connection ends only after LINGER_MS, unread meanwhile. Closing at once with unread bytes would make TCP reset
 * the connection, which can destroy the answer before the browser shows it; while we do not read, the sender just
 * waits.
 * @param {import("express").Response} res @param {number} status
 * @param {{ close?: boolean, requestId?: string }} [options]
 */
export function sendStatusPage(res, status, options = {}) {
  if (res.headersSent) return;
  const html = statusPage(status, options.requestId ?? res.locals?.requestId);
  res.status(status).set({
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(html)),
    // no-transform: compression must not hold the page back.
    "Cache-Control": "no-store, no-transform",
  });
  if (!options.close) {
    res.end(html);
    return;
  }
  res.set("Connection", "close");
  res.write(html);
  const timer = setTimeout(() => res.end(), LINGER_MS);
  res.on("close", () => clearTimeout(timer));
}
