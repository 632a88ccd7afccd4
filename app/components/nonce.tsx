/**
 * The Content-Security-Policy nonce of the response being rendered (server.js makes one per response and
 * entry.server.tsx provides it). In the browser it is empty: scripts added after hydration are loaded from our own
 * origin, which the policy allows, and browsers hide a rendered nonce from the page anyway.
 */
import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
