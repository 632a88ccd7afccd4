/** Student home. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUserAffiliation } from "~/models/user.server";
import { requireRole } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "student");
  return { user: { name: user.name, nameKana: user.name_kana }, ...(await getUserAffiliation(user)) };
}

export default function StudentHome() {
  const { t, i18n } = useTranslation();
  const { user, university } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("student.homeTitle")}</h1>
      <p>
        <ruby>
          {user.name}
          <rp>(</rp>
          <rt>{user.nameKana}</rt>
          <rp>)</rp>
        </ruby>
      </p>
      {university ? <p>{t("student.university", { university: i18n.language === "en" ? university.name_en : university.name_ja })}</p> : null}
      <p>{t("student.homeLead")}</p>
    </section>
  );
}
