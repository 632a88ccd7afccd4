// The parts of Digital Bazaar's Verifiable Credential libraries (and the JSON-LD context packages) that
// app/certificates uses; the packages ship no types.

declare module "@digitalbazaar/ed25519-multikey" {
  export interface Signer {
    id?: string;
    algorithm: string;
    sign(options: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export interface Verifier {
    id?: string;
    algorithm: string;
    verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  }
  export interface KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    export(options?: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<object>;
    signer(): Signer;
    verifier(): Verifier;
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<KeyPair>;
  export function from(key: object): Promise<KeyPair>;
  export function fromJwk(options: {
    jwk: object;
    secretKey?: boolean;
    id?: string;
    controller?: string;
  }): Promise<KeyPair>;
  export function toJwk(options: { keyPair: KeyPair; secretKey?: boolean }): Promise<object>;
}

declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: {
      signer?: import("@digitalbazaar/ed25519-multikey").Signer;
      cryptosuite: object;
      date?: string | Date;
    });
  }
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: { name: string };
}

declare module "@digitalbazaar/ed25519-signature-2020" {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: object; signer?: object; date?: string | Date });
  }
}

declare module "@digitalbazaar/ed25519-verification-key-2020" {
  export class Ed25519VerificationKey2020 {
    static generate(options?: object): Promise<Ed25519VerificationKey2020>;
    static from(options: object): Promise<Ed25519VerificationKey2020>;
    id: string;
    controller: string;
    publicKeyMultibase: string;
    fingerprint(): string;
  }
}

declare module "@digitalbazaar/did-method-key" {
  export interface DidKeyDriver {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: object) => Promise<object> }): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
    fromKeyPair(options: { verificationKeyPair: object }): Promise<{ didDocument: { id: string } }>;
  }
  export function driver(): DidKeyDriver;
}

declare module "@digitalbazaar/vc" {
  export type DocumentLoader = (url: string) => Promise<{
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }>;
  export interface VerifyResult {
    verified: boolean;
    error?: { message?: string; errors?: Array<{ message?: string }> };
    results?: Array<{
      verified: boolean;
      proof?: Record<string, unknown>;
      verificationMethod?: { id: string; controller?: string };
      error?: { message?: string };
    }>;
    presentationResult?: VerifyResult;
    credentialResults?: VerifyResult[];
  }
  export function issue<T extends object>(options: {
    credential: T;
    suite: object;
    documentLoader: DocumentLoader;
    now?: string | Date;
  }): Promise<T & { proof: Record<string, unknown> }>;
  export function verifyCredential(options: {
    credential: object;
    suite: object | object[];
    documentLoader: DocumentLoader;
    checkStatus?: (options: object) => Promise<{ verified: boolean }>;
    now?: string | Date;
  }): Promise<VerifyResult>;
  export function createPresentation(options?: {
    verifiableCredential?: object | object[];
    holder?: string;
    id?: string;
    version?: number;
  }): Record<string, unknown>;
  export function signPresentation(options: {
    presentation: object;
    suite: object;
    challenge: string;
    domain?: string;
    documentLoader: DocumentLoader;
  }): Promise<Record<string, unknown>>;
  export function verify(options: {
    presentation: object;
    suite: object | object[];
    challenge: string;
    domain?: string;
    documentLoader: DocumentLoader;
    unsignedPresentation?: boolean;
  }): Promise<VerifyResult>;
}

declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, object>;
}

declare module "@digitalbazaar/data-integrity-context" {
  const context: { contexts: Map<string, object>; CONTEXT_URL: string };
  export default context;
}

declare module "@digitalbazaar/multikey-context" {
  const context: { contexts: Map<string, object>; CONTEXT_URL: string };
  export default context;
}

declare module "did-context" {
  const context: { contexts: Map<string, object>; DID_CONTEXT_URL: string };
  export default context;
}

declare module "ed25519-signature-2020-context" {
  const context: { contexts: Map<string, object>; CONTEXT_URL: string };
  export default context;
}
