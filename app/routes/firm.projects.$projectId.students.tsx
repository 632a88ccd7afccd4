/**
 * A host firm's students, once the pairing is published: only the students placed with this firm, and only the
 * fields they consented to share with it (name, university, seminar, email). Before publication nothing about
 * students is shown. Another firm (one that does not host this project) gets 404.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlacedStudentsTable } from "~/components/pairing";
import type { Lng } from "~/i18n";
import { listHostStudents } from "~/models/pairing-view.server";
import { requireFirmHost } from "~/route-helpers/pairing-route.server";
import { getLocale } from "~/utils/i18n.server";
import { localTitle, localized } from "~/utils/localized";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, host } = await requireFirmHost(request, params);
  const [rows, lng] = await Promise.all([listHostStudents(host.id, host.project_id), getLocale(request, user)]);
  return {
    project: { id: host.project_id, title_ja: host.title_ja, title_en: host.title_en },
    // Exactly the consented fields, nothing more.
    students:
      rows?.map((s) => ({
        name: s.name,
        university: localized(s, "university", lng) ?? null,
        seminar: host.seminar_name,
        email: s.email,
      })) ?? null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.project.title_ja }] : []);

export default function FirmStudents() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { project, students } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/firm/projects">{t("pairing.firm.backToProjects")}</Link>
      </p>
      <h1>{t("pairing.firm.studentsTitle", { title: localTitle(project, lng) })}</h1>
      {students === null ? (
        <p>{t("pairing.firm.notPublished")}</p>
      ) : students.length === 0 ? (
        <p>{t("pairing.firm.none")}</p>
      ) : (
        <>
          <p>{t("pairing.firm.purpose")}</p>
          <PlacedStudentsTable students={students} />
        </>
      )}
    </>
  );
}
