/** GET /projects: public list of projects — open for sign-up first, then the others in a public state. One query. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StateBadge } from "~/components/projects";
import type { Lng } from "~/i18n";
import { listPublicProjects } from "~/models/project.server";
import { pageMeta } from "~/seo/meta";
import { projectsSeo } from "~/seo/pages";
import { formatDateTime, formatFiscalYear } from "~/utils/format";
import { localTitle, localized } from "~/utils/localized";

export async function loader(_: LoaderFunctionArgs) {
  // Public: no guard. Only projects in PUBLIC_STATES are selected, and no personal data.
  return listPublicProjects();
}

export const meta: MetaFunction<typeof loader> = (args) =>
  pageMeta(args, (lng) =>
    projectsSeo({ open: args.data?.open.length ?? 0, others: args.data?.others.length ?? 0 }, lng),
  );

type Item = ReturnType<typeof useLoaderData<typeof loader>>["open"][number];

function ProjectItem({ p, open }: { p: Item; open: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <li>
      <h3>
        <Link to={`/projects/${p.id}`}>{localTitle(p, lng)}</Link>
      </h3>
      <p className="muted">
        {localized(p, "university", lng)} · {p.seminar_name} · {formatFiscalYear(p.fiscal_year, lng)}{" "}
        {open ? null : <StateBadge state={p.state} />}
      </p>
      <p>{p.theme}</p>
      {open ? <p>{t("projects.public.openUntil", { date: formatDateTime(p.signup_closes_at, lng) })}</p> : null}
    </li>
  );
}

export default function PublicProjects() {
  const { t } = useTranslation();
  const { open, others } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("projects.public.listTitle")}</h1>
      <p>{t("projects.public.listLead")}</p>
      <section aria-labelledby="open-title">
        <h2 id="open-title">{t("projects.public.openTitle")}</h2>
        {open.length === 0 ? (
          <p>{t("projects.public.noneOpen")}</p>
        ) : (
          <ul className="firm-list">
            {open.map((p) => (
              <ProjectItem key={p.id} p={p} open />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="others-title">
        <h2 id="others-title">{t("projects.public.othersTitle")}</h2>
        {others.length === 0 ? (
          <p>{t("projects.public.noneOthers")}</p>
        ) : (
          <ul className="firm-list">
            {others.map((p) => (
              <ProjectItem key={p.id} p={p} open={false} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
