/**
 * A wallet exchange (VC-API, as the Learner Credential Wallet runs it): `POST {}` answers the verifiable
 * presentation request (DID Authentication); `POST {"verifiablePresentation": …}` with the wallet's signed
 * presentation answers `{"verifiablePresentation": {"verifiableCredential": [<the certificate issued to the
 * holder's DID>]}}`, once. Replays, expired or revoked exchanges and bad presentations answer 4xx with a JSON error.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { CORS_HEADERS, errorCode, exchangeError, exchangeJson } from "~/certificates/exchange-response.server";
import { exchangeIdFromToken } from "~/certificates/exchange-token.server";
import { readJsonBody } from "~/certificates/json-body.server";
import { completeExchange, offerPresentation, requestPresentation } from "~/models/wallet.server";

/** GET (and HEAD) are not part of the exchange; OPTIONS, which Remix also routes here, is a CORS preflight. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS_HEADERS });
  return exchangeError(request, "methodNotAllowed");
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return exchangeError(request, "methodNotAllowed");
  const id = exchangeIdFromToken(params.token);
  if (!id) return exchangeError(request, "notFound");
  const body = await readJsonBody(request);
  if (!body.ok) return exchangeError(request, body.error);
  if (!body.value || typeof body.value !== "object" || Array.isArray(body.value))
    return exchangeError(request, "notAnObject");
  const message = body.value as { verifiablePresentation?: unknown };
  if (message.verifiablePresentation === undefined) {
    const result = await requestPresentation(id);
    return result.ok
      ? exchangeJson({ verifiablePresentationRequest: result.verifiablePresentationRequest })
      : exchangeError(request, errorCode(result.reason));
  }
  const result = await completeExchange(id, message.verifiablePresentation);
  return result.ok
    ? exchangeJson(offerPresentation(result.credential))
    : exchangeError(request, errorCode(result.reason), result.values);
}
