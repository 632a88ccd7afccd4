/**
 * What the server knows about the request being answered, for its log line: the request id Express gave it and,
 * once the session is read, the user. Express (server/request-log.js) runs each request inside this
 * AsyncLocalStorage; it lives on globalThis because server.js and the Remix build each load their own copy of the
 * modules, and both must use the one store.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  requestId: string;
  userId: number | null;
  /** A page view's session lookup, for the loaders after the first (app/utils/session.server.ts). */
  sessionUser?: { cookie: string | null; user: Promise<unknown> };
}

declare global {
  var __kitaRequestContext: AsyncLocalStorage<RequestContext> | undefined;
}

const storage: AsyncLocalStorage<RequestContext> = (globalThis.__kitaRequestContext ??= new AsyncLocalStorage());

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Records the signed-in user for the request's log line (no-op outside a request). */
export function noteRequestUser(userId: number) {
  const context = storage.getStore();
  if (context) context.userId = userId;
}
