/**
 * JSON answers of the wallet exchange API (VC-API): CORS-open (a wallet is not a browser page of ours) and never
 * cached; errors are `{ "error": <code>, "message": <text in the wallet's Accept-Language> }` with a 4xx status.
 */
import { getLocale, getT } from "~/utils/i18n.server";
import type { MessageValues } from "~/utils/result";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Accept",
};

export function exchangeJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...CORS_HEADERS, ...headers },
  });
}

const STATUS: Record<string, number> = {
  notFound: 404,
  expired: 410,
  used: 410,
  revoked: 410,
  invalidPresentation: 400,
  malformedJson: 400,
  notAnObject: 400,
  tooLarge: 413,
  methodNotAllowed: 405,
};

/** An error answer; `code` is the last part of a certificates.exchange.errors.* catalog key. */
export async function exchangeError(request: Request, code: string, values?: MessageValues) {
  const t = await getT(await getLocale(request));
  return exchangeJson(
    { error: code, message: t(`certificates.exchange.errors.${code}`, values) },
    STATUS[code] ?? 400,
    code === "methodNotAllowed" ? { Allow: "POST, OPTIONS" } : {},
  );
}

/** The code of a certificates.exchange.errors.* key. */
export const errorCode = (reason: string) => reason.split(".").pop()!;
