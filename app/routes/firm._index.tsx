/** Firm home. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUserAffiliation } from "~/models/user.server";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "firm");
  return { user: { name: user.name }, ...(await getUserAffiliation(user)) };
}

export default function FirmHome() {
  const { t } = useTranslation();
  const { firm } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("firm.homeTitle")}</h1>
      {firm ? <p>{t("firm.firm", { firm: firm.name })}</p> : null}
      <p>{t("firm.homeLead")}</p>
      <ul>
        <li>
          <Link to="/firm/invitations">{t("nav.hostInvitations")}</Link>
        </li>
        <li>
          <Link to="/firm/projects">{t("pairing.links.hosted")}</Link>
        </li>
        <li>
          <Link to="/firm/interviews">{t("interviews.navLabel")}</Link>
        </li>
      </ul>
    </section>
  );
}
