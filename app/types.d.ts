import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the server saw it (Express req.ip), for rate limiting. */
    clientIp?: string;
    /** This response's Content-Security-Policy script nonce (server/security-headers.js). */
    cspNonce?: string;
    /** This request's id (server/request-log.js): in the log line and on the error page. */
    requestId?: string;
  }
}

declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}
