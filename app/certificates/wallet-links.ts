/**
 * Links that open a wallet exchange in a wallet app. Client-safe.
 *
 * The Learner Credential Wallet registers https://lcw.app/request.html as its app link: on a phone with the wallet
 * installed it opens the wallet with the exchange, elsewhere it is the wallet's own page. The interaction URL (the QR
 * code) works with any VC-API wallet.
 */
export function learnerCredentialWalletLink(exchangeUrl: string): string {
  const request = { credentialRequestOrigin: new URL(exchangeUrl).origin, protocols: { vcapi: exchangeUrl } };
  return `https://lcw.app/request.html?request=${encodeURIComponent(JSON.stringify(request))}`;
}
