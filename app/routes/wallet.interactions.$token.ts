/**
 * The interaction URL of a wallet exchange (the QR code on the student's certificates page, `?iuv=1`): a wallet
 * asking for JSON (or for anything) gets `{"protocols": {"vcapi": <exchange URL>}}`; a browser is sent on with
 * 303 See Other to the page that explains what to do. Used, expired or revoked exchanges answer 410 with a JSON error.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { errorCode, exchangeError, exchangeJson } from "~/certificates/exchange-response.server";
import { exchangeIdFromToken } from "~/certificates/exchange-token.server";
import { preferredType } from "~/certificates/negotiate.server";
import { describeExchange, exchangeUrls } from "~/models/wallet.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (preferredType(request, ["application/json", "text/html"]) === "text/html")
    return new Response(null, { status: 303, headers: { Location: `/wallet/add/${params.token}`, Vary: "Accept" } });
  const id = exchangeIdFromToken(params.token);
  const exchange = id && (await describeExchange(id));
  if (!id || !exchange) return exchangeError(request, "notFound");
  if (exchange.failure) return exchangeError(request, errorCode(exchange.failure));
  return exchangeJson({ protocols: { vcapi: exchangeUrls(id).exchangeUrl } }, 200, { Vary: "Accept" });
}
