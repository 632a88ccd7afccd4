/**
 * The page a browser lands on from a wallet exchange's interaction URL (a phone's camera app scanning the QR code,
 * or the link on the student's page): what to do with a wallet app, the QR code again (for a wallet on another
 * device), the Learner Credential Wallet's app link, and when the exchange expires; or why it can no longer be used.
 * It names no person: anyone holding the link sees it.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inLng } from "~/certificates/data";
import { errorCode } from "~/certificates/exchange-response.server";
import { exchangeIdFromToken } from "~/certificates/exchange-token.server";
import { qrPath } from "~/certificates/qr.server";
import { learnerCredentialWalletLink } from "~/certificates/wallet-links";
import { QrCode } from "~/components/certificates";
import type { Lng } from "~/i18n";
import { describeExchange, exchangeUrls } from "~/models/wallet.server";
import { formatDateTime } from "~/utils/format";
import { found } from "~/utils/invariant";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = exchangeIdFromToken(params.token);
  const exchange = found(id ? await describeExchange(id) : null);
  const urls = exchangeUrls(id!);
  const live = !exchange.failure;
  return {
    problem: exchange.failure ? errorCode(exchange.failure) : null,
    projectTitle: exchange.projectTitle,
    expiresAt: exchange.expiresAt,
    interactionUrl: live ? urls.interactionUrl : null,
    lcwLink: live ? learnerCredentialWalletLink(urls.exchangeUrl) : null,
    qr: live ? qrPath(urls.interactionUrl) : null,
  };
}

export const meta: MetaFunction = () => [
  { title: "ウォレットに追加 / Add to a wallet" },
  { name: "robots", content: "noindex" },
];

export default function WalletInteraction() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { problem, projectTitle, expiresAt, interactionUrl, lcwLink, qr } = useLoaderData<typeof loader>();
  return (
    <article className="narrow">
      <h1>{t("certificates.exchange.title")}</h1>
      {projectTitle ? <p>{t("certificates.exchange.certificate", { title: inLng(projectTitle, lng) })}</p> : null}
      {problem ? (
        <p className="notice" role="status">
          {t(`certificates.exchange.errors.${problem}`)} {t("certificates.exchange.startAgain")}
        </p>
      ) : (
        <>
          <ol>
            <li>{t("certificates.exchange.step1")}</li>
            <li>{t("certificates.exchange.step2")}</li>
            <li>{t("certificates.exchange.step3")}</li>
          </ol>
          {qr ? <QrCode qr={qr} label={t("certificates.wallet.qrLabel")} /> : null}
          <ul>
            <li>
              <a href={lcwLink!} rel="noopener noreferrer">
                {t("certificates.wallet.openLcw")}
              </a>
            </li>
            <li>
              {t("certificates.exchange.otherWallets")} <code>{interactionUrl}</code>
            </li>
          </ul>
          <p className="muted">{t("certificates.wallet.expires", { time: formatDateTime(expiresAt, lng) })}</p>
        </>
      )}
    </article>
  );
}
