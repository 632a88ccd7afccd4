/**
 * GET /projects/:projectId: a project's public page (404 unless it is in a public state). No personal data: the
 * seminar and university, never the professor or students; host firms by name, only those in the public directory.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectFacts, StateBadge } from "~/components/projects";
import type { Lng } from "~/i18n";
import { getPublicProject, isOpenForSignup } from "~/models/project.server";
import { idParam } from "~/schemas/params";
import { firmIndustriesOf } from "~/schemas/project";
import { notFoundMeta, pageMeta } from "~/seo/meta";
import { projectSeo } from "~/seo/pages";
import { invariantResponse } from "~/utils/invariant";
import { industryLabel, townLabel } from "~/utils/kita";
import { localTitle } from "~/utils/localized";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getPublicProject(idParam(params, "projectId"));
  invariantResponse(found);
  const { firm_industries, ...project } = found.project;
  return {
    project: { ...project, firmIndustries: firmIndustriesOf(firm_industries) },
    openForSignup: isOpenForSignup(found.project),
    hosts: found.hosts,
    unlistedHosts: found.unlistedHosts,
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? pageMeta(args, (lng) => projectSeo(args.data!.project, lng)) : notFoundMeta(args.matches);

export default function PublicProject() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, openForSignup, hosts, unlistedHosts } = useLoaderData<typeof loader>();
  return (
    <article>
      <p>
        <Link to="/projects">{t("projects.public.back")}</Link>
      </p>
      <h1>{localTitle(project, lng)}</h1>
      <p>
        <StateBadge state={project.state} /> {t(`projects.next.${project.state}`)}
      </p>
      {openForSignup ? (
        <p className="notice">
          {t("projects.public.howToJoin")} <Link to="/student/join">{t("projects.public.joinLink")}</Link>
        </p>
      ) : null}
      <ProjectFacts project={project} />
      <section aria-labelledby="hosts-title">
        <h2 id="hosts-title">{t("projects.public.hostsTitle")}</h2>
        {hosts.length === 0 && unlistedHosts === 0 ? (
          <p>{t("projects.public.hostsNone")}</p>
        ) : (
          <ul>
            {hosts.map((h) => (
              <li key={h.id}>
                <Link to={`/firms/${h.id}`}>{h.name}</Link>{" "}
                <span className="muted">
                  {industryLabel(h.industry, lng)} · {townLabel(h.town, lng)}
                </span>
              </li>
            ))}
            {unlistedHosts > 0 ? <li>{t("projects.public.unlistedHosts", { count: unlistedHosts })}</li> : null}
          </ul>
        )}
      </section>
    </article>
  );
}
