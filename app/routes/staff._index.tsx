/** Staff home. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgreementAttention } from "~/components/agreements";
import { listAgreementsNeedingAttention } from "~/models/agreement.server";
import { getStaffOverview } from "~/models/staff-overview.server";
import { tokyoDate } from "~/utils/format";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const [overview, attention] = await Promise.all([getStaffOverview(), listAgreementsNeedingAttention(tokyoDate())]);
  return { ...overview, attention };
}

export default function StaffHome() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const totalUsers = Object.values(d.users).reduce((a, b) => a + b, 0);
  return (
    <section>
      <h1>{t("staff.homeTitle")}</h1>
      <p>{t("staff.homeLead")}</p>
      <dl className="stats">
        <div>
          <dt>{t("staff.stats.universities")}</dt>
          <dd>{d.universities}</dd>
        </div>
        <div>
          <dt>{t("staff.stats.firms")}</dt>
          <dd>{d.firms}</dd>
        </div>
        <div>
          <dt>{t("staff.stats.users")}</dt>
          <dd>{totalUsers}</dd>
        </div>
        <div>
          <dt>
            <Link to="/staff/mailbox">{t("staff.stats.pendingMail")}</Link>
          </dt>
          <dd>{d.unsent}</dd>
        </div>
      </dl>
      <AgreementAttention items={d.attention} />
    </section>
  );
}
