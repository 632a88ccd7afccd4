/** The issuer's DID document at /did.json: did:web with a path resolves here (see /.well-known/did.json). */
export { loader } from "./[.]well-known.did[.]json";
