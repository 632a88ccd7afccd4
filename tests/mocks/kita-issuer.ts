// Our own public endpoints as an outside verifier or wallet reaches them over the network: requests to the test
// PUBLIC_URL (http://localhost:3000, and https://localhost:3000 where did:web resolution goes) are answered by the
// real route loaders and actions. Add with server.use(...kitaIssuerHandlers) in tests that play a verifier.
import { http } from "msw";
import { loader as didLoader } from "~/routes/[.]well-known.did[.]json";
import { loader as jwksLoader } from "~/routes/[.]well-known.jwks[.]json";
import { loader as achievementJsonLoader } from "~/routes/achievements.interview-project.$projectId_.achievement[.]json";
import { loader as statusLoader } from "~/routes/credentials.status.$listId";
import { loader as keyLoader } from "~/routes/issuer_.keys.$kid";
import { loader as profileLoader } from "~/routes/issuer_.profile[.]json";
import { loader as jsonLoader } from "~/routes/verify.$certificateId_.credential[.]json";
import { action as exchangeAction } from "~/routes/wallet.exchanges.$token";
import { loader as interactionLoader } from "~/routes/wallet.interactions.$token";

const context = {};
const ORIGINS = ["http://localhost:3000", "https://localhost:3000"];

/** The app sees the request at its PUBLIC_URL (http), whatever scheme the client used. */
const asApp = (request: Request) => {
  const url = new URL(request.url);
  url.protocol = "http:";
  return new Request(url, request);
};

const settleResponse = async (run: () => Promise<Response>) => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
};

type Params = Record<string, string>;
const routes: Array<[string, "get" | "post", (request: Request, params: Params) => Promise<Response>]> = [
  ["/.well-known/did.json", "get", () => didLoader()],
  ["/.well-known/jwks.json", "get", () => jwksLoader()],
  ["/issuer/keys/:kid", "get", (request, params) => keyLoader({ request, params, context })],
  ["/issuer/profile.json", "get", (request, params) => profileLoader({ request, params, context })],
  ["/credentials/status/:listId", "get", (request, params) => statusLoader({ request, params, context })],
  ["/verify/:certificateId/credential.json", "get", (request, params) => jsonLoader({ request, params, context })],
  [
    "/achievements/interview-project/:projectId/achievement.json",
    "get",
    (request, params) => achievementJsonLoader({ request, params, context }),
  ],
  ["/wallet/interactions/:token", "get", (request, params) => interactionLoader({ request, params, context })],
  [
    "/wallet/exchanges/:token",
    "post",
    (request, params) => exchangeAction({ request, params, context }) as Promise<Response>,
  ],
];

export const kitaIssuerHandlers = ORIGINS.flatMap((origin) =>
  routes.map(([path, method, handle]) =>
    http[method](`${origin}${path}`, ({ request, params }) =>
      settleResponse(() => handle(asApp(request), params as Params)),
    ),
  ),
);
