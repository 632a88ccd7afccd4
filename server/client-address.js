/**
 * Who the client is, as far as the network says: the `trust proxy` setting from TRUST_PROXY (a number of hops, never
 * "trust everything"), and the address Express derives from it.
 */

/**
 * Express's `trust proxy` value for TRUST_PROXY. A number of hops: with `1`, the one reverse proxy in front of us is
 * believed about the address it saw (the right-most X-Forwarded-For entry) and the protocol; entries further left
 * were written by the client and are never trusted. Unset or `0`: no proxy, the socket's address counts.
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustProxyHops(value) {
  if (value === undefined || value.trim() === "") return 0;
  if (!/^\d{1,2}$/.test(value.trim())) {
    throw new Error(`TRUST_PROXY must be the number of reverse proxies in front of the server (0–99), got "${value}"`);
  }
  return Number(value.trim());
}

/**
 * The client's address for rate limiting and the session list: Express's `req.ip` (which honours the hop count), with
 * IPv4-mapped IPv6 (`::ffff:192.0.2.1`, as a dual-stack socket reports IPv4 clients) written as plain IPv4.
 * @param {import("express").Request} req
 * @returns {string}
 */
export function clientAddress(req) {
  const ip = req.ip ?? req.socket.remoteAddress ?? "unknown";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? mapped[1] : ip;
}
