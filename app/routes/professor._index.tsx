/** Professor home. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUserAffiliation } from "~/models/user.server";
import { localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "professor");
  return { user: { name: user.name }, ...(await getUserAffiliation(user)) };
}

export default function ProfessorHome() {
  const { t, i18n } = useTranslation();
  const { user, university } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("professor.homeTitle")}</h1>
      <p>{user.name}</p>
      {university ? (
        <p>{t("student.university", { university: localized(university, "name", i18n.language) })}</p>
      ) : null}
      <p>{t("professor.homeLead")}</p>
    </section>
  );
}
