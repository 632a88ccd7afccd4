/**
 * GET /issuer: who issues the certificates — the city's Industry Promotion Section — with its DID (did:web), where
 * its keys and revocation lists are published, and how to check a certificate. This is the issuer Profile's `url`
 * (and the issuer.id of certificates issued before 2026-11-30); JSON-LD clients are sent on with 303 See Other to
 * the Profile JSON.
 */
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ISSUER } from "~/certificates/data";
import { issuerDid, jwkUrl } from "~/certificates/identifiers";
import { getEd25519Keys, getPublicJwks } from "~/certificates/keys.server";
import { JSON_TYPES, wantsJson } from "~/certificates/negotiate.server";
import type { Lng } from "~/i18n";
import { config } from "~/utils/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (wantsJson(request, JSON_TYPES))
    throw redirect("/issuer/profile.json", { status: 303, headers: { Vary: "Accept" } });
  const { publicUrl } = config();
  const [{ keys }, { published }] = await Promise.all([getPublicJwks(), getEd25519Keys()]);
  return {
    did: issuerDid(publicUrl),
    jwtKeys: keys.map((k) => jwkUrl(publicUrl, k.kid)),
    proofKeys: published.map((k) => k.publicKeyMultibase),
  };
}

/** The same URL answers JSON-LD clients differently (303), so caches must key on Accept. */
export const headers: HeadersFunction = () => ({ Vary: "Accept" });

export const meta: MetaFunction<typeof loader> = () => [
  { title: `${ISSUER.ja} – 参加証明書の発行者 / Certificate issuer` },
  { tagName: "link", rel: "alternate", type: "application/ld+json", href: "/issuer/profile.json" },
];

export default function IssuerPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { did, jwtKeys, proofKeys } = useLoaderData<typeof loader>();
  return (
    <article className="narrow">
      <h1>{t("certificates.issuer.title")}</h1>
      <p>{t("certificates.issuer.lead", { issuer: ISSUER[lng] })}</p>
      <dl className="meta">
        <dt>{t("certificates.issuer.name")}</dt>
        <dd>
          <span lang="ja">{ISSUER.ja}</span> / <span lang="en">{ISSUER.en}</span>
        </dd>
        <dt>{t("certificates.issuer.did")}</dt>
        <dd>
          <code>{did}</code> (<a href="/.well-known/did.json">{t("certificates.issuer.didDocument")}</a>)
        </dd>
        <dt>{t("certificates.issuer.proofKeys")}</dt>
        <dd>
          <ul>
            {proofKeys.map((key) => (
              <li key={key}>
                <code>{key}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t("certificates.issuer.jwtKeys")}</dt>
        <dd>
          <ul>
            {jwtKeys.map((url) => (
              <li key={url}>
                <a href={url}>
                  <code>{url}</code>
                </a>
              </li>
            ))}
          </ul>
          <a href="/.well-known/jwks.json">{t("certificates.issuer.jwks")}</a>
        </dd>
        <dt>{t("certificates.issuer.statusLists")}</dt>
        <dd>
          <ul>
            <li>
              <a href="/credentials/status/1?format=json">{t("certificates.issuer.statusList1")}</a>
            </li>
            <li>
              <a href="/credentials/status/2?format=json">{t("certificates.issuer.statusList2")}</a>
            </li>
          </ul>
        </dd>
      </dl>
      <p>{t("certificates.issuer.howToVerify")}</p>
      <p>
        <a href="/issuer/profile.json" type="application/ld+json">
          {t("certificates.issuer.profileJson")}
        </a>
      </p>
    </article>
  );
}
