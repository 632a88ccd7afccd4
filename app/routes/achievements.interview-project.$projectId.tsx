/**
 * GET /achievements/interview-project/:projectId: the Open Badges Achievement a project's certificates name (their
 * credentialSubject.achievement.id). People get this page; JSON-LD clients are sent on with 303 See Other to the
 * Achievement JSON. Only projects that have issued a certificate have one (404 otherwise).
 */
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inEnglish, ISSUER, PROGRAMME, STATEMENT, inLng } from "~/certificates/data";
import { JSON_TYPES, wantsJson } from "~/certificates/negotiate.server";
import type { Lng } from "~/i18n";
import { getAchievementInput } from "~/models/certificate-public.server";
import { idParam } from "~/schemas/params";
import { found } from "~/utils/invariant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = idParam(params, "projectId");
  const achievement = found(await getAchievementInput(projectId));
  const json = `/achievements/interview-project/${projectId}/achievement.json`;
  if (wantsJson(request, JSON_TYPES)) throw redirect(json, { status: 303, headers: { Vary: "Accept" } });
  return { achievement, json };
}

/** The same URL answers JSON-LD clients differently (303), so caches must key on Accept. */
export const headers: HeadersFunction = () => ({ Vary: "Accept" });

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${PROGRAMME.ja}「${data.achievement.title.ja}」` },
        { tagName: "link", rel: "alternate", type: "application/ld+json", href: data.json },
      ]
    : [];

export default function AchievementPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { achievement, json } = useLoaderData<typeof loader>();
  const seminar = `${inLng(achievement.university, lng)} ${inLng(achievement.seminar, lng)}`;
  return (
    <article className="narrow">
      <p className="muted">{t("certificates.achievement.kicker")}</p>
      <h1>{inLng(achievement.title, lng)}</h1>
      <img src="/achievements/badge.png" width={128} height={128} alt={t("certificates.achievement.imageAlt")} />
      <dl className="meta">
        <dt>{t("certificates.achievement.programme")}</dt>
        <dd>{PROGRAMME[lng]}</dd>
        <dt>{t("certificates.fields.seminar")}</dt>
        <dd>{seminar}</dd>
        <dt>{t("certificates.achievement.type")}</dt>
        <dd>{t("certificates.achievement.fieldwork")}</dd>
        <dt>{t("certificates.achievement.criteria")}</dt>
        <dd>{STATEMENT[lng]}</dd>
        <dt>{t("certificates.fields.issuer")}</dt>
        <dd>
          <Link to="/issuer">{ISSUER[lng]}</Link>
        </dd>
      </dl>
      {lng === "ja" && inEnglish(achievement.title) !== achievement.title.ja ? (
        <p lang="en">{inEnglish(achievement.title)}</p>
      ) : null}
      <p>
        <a href={json} type="application/ld+json">
          {t("certificates.achievement.json")}
        </a>
      </p>
    </article>
  );
}
