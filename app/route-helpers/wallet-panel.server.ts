/**
 * The "add to wallet" panel's data for one of the student's certificates (components/certificates.tsx renders it):
 * the live exchange with its QR code and wallet link, and the copies already in wallets. The panel's type is
 * inferred from here, so the loader and the component cannot drift apart.
 */
import { qrPath } from "~/certificates/qr.server";
import { learnerCredentialWalletLink } from "~/certificates/wallet-links";
import { exchangeUrls, type walletStateOf } from "~/models/wallet.server";

export type WalletPanelData = ReturnType<typeof walletPanel>;

export function walletPanel(
  certificate: { id: string; revoked_at: string | null },
  wallet: Awaited<ReturnType<typeof walletStateOf>>,
) {
  const live = wallet.exchanges.get(certificate.id);
  const urls = live && exchangeUrls(live.exchangeId);
  return {
    certificateId: certificate.id,
    revoked: Boolean(certificate.revoked_at),
    exchange:
      live && urls && !certificate.revoked_at
        ? {
            interactionUrl: urls.interactionUrl,
            lcwLink: learnerCredentialWalletLink(urls.exchangeUrl),
            expiresAt: live.expiresAt,
            qr: qrPath(urls.interactionUrl),
          }
        : null,
    copies: wallet.copies
      .filter((copy) => copy.certificateId === certificate.id)
      .map(({ id, holderDid, issuedAt }) => ({ id, holderDid, issuedAt })),
  };
}
