/**
 * The JSON-LD document loader for signing and verifying: it never goes to the network.
 *
 * It answers from bundled copies of the contexts the credentials and presentations use (VC 1.1 and 2.0, Data
 * Integrity, Multikey, DIDs, Ed25519Signature2020, Open Badges 3.0.3), resolves did:key (the holders' wallets)
 * locally, and resolves this issuer's own did:web from the configured keys. Anything else is refused: a credential
 * naming an unknown context or key cannot be verified here, which is the safe answer.
 */
import * as credentialsContext from "@digitalbazaar/credentials-context";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import * as DidKey from "@digitalbazaar/did-method-key";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import multikeyContext from "@digitalbazaar/multikey-context";
import type { DocumentLoader } from "@digitalbazaar/vc";
import didContext from "did-context";
import ed25519Context from "ed25519-signature-2020-context";
import { config } from "~/utils/env.server";
import obContext from "./contexts/ob-v3p0-context-3.0.3.json";
import { issuerDidDocument } from "./did.server";
import { issuerDid } from "./identifiers";

export const OB_CONTEXT_URL = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

const CONTEXTS = new Map<string, object>([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...didContext.contexts,
  ...ed25519Context.contexts,
  [OB_CONTEXT_URL, obContext],
]);

const didKeyDriver = DidKey.driver();
// Ed25519 did:key ("z6Mk…") as Multikey verification methods: both eddsa-rdfc-2022 and Ed25519Signature2020 accept them.
didKeyDriver.use({ multibaseMultikeyHeader: "z6Mk", fromMultibase: Ed25519Multikey.from });

export class DocumentNotFoundError extends Error {
  constructor(url: string) {
    super(`"${url}" is not available to this verifier (documents are never fetched from the network)`);
    this.name = "NotFoundError";
  }
}

/** A loader for documents signed or checked on behalf of the issuer at `publicUrl`. */
export function documentLoaderFor(publicUrl = config().publicUrl): DocumentLoader {
  const ownDid = issuerDid(publicUrl);
  return async (url: string) => {
    const context = CONTEXTS.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    if (url.startsWith("did:key:")) {
      try {
        return { contextUrl: null, documentUrl: url, document: await didKeyDriver.get({ url }) };
      } catch {
        throw new DocumentNotFoundError(url);
      }
    }
    const [did, fragment] = url.split("#");
    if (did === ownDid) {
      const document = await issuerDidDocument(publicUrl);
      if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
      const method = document.verificationMethod.find((m) => m.id === url);
      if (method)
        return { contextUrl: null, documentUrl: url, document: { "@context": document["@context"], ...method } };
    }
    throw new DocumentNotFoundError(url);
  };
}
