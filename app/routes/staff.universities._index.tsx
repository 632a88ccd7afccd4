/** Staff: the partner universities with their agreements and users, and adding a university. */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import type { Lng } from "~/i18n";
import { createUniversity, listUniversitiesForStaff } from "~/models/university.server";
import { UniversitySchema } from "~/schemas/accounts";
import { msg } from "~/schemas/messages";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { formatDate } from "~/utils/format";
import { localized } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  return { universities: await listUniversitiesForStaff() };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const submission = (await readForm(request)).parse(UniversitySchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = await createUniversity(submission.value, staff.id);
  if (!created.ok) {
    const fieldErrors = { [created.field ?? ""]: [msg(created.reason)] };
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return redirectWithToast(`/staff/universities#university-${created.id}`, {
    kind: "success",
    key: "accounts.universities.added",
    values: { name: submission.value.nameJa },
  });
}

export default function StaffUniversities() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { universities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "university",
    lastResult: actionData?.result,
    constraint: zodConstraint(UniversitySchema),
  });
  return (
    <>
      <h1>{t("accounts.universities.title")}</h1>
      <p>{t("accounts.universities.lead")}</p>
      {universities.length === 0 ? <p>{t("accounts.universities.none")}</p> : null}
      {universities.map((u) => {
        const name = localized(u, "name", lng);
        return (
          <section key={u.id} id={`university-${u.id}`} className="panel" aria-labelledby={`university-${u.id}-name`}>
            <h2 id={`university-${u.id}-name`}>
              {name} <span className="muted">{lng === "en" ? u.name_ja : u.name_en}</span>
            </h2>
            <p className="muted">
              {t("accounts.universities.people", { professors: u.professors, students: u.students })}
            </p>
            <h3>{t("accounts.universities.colAgreements")}</h3>
            {u.agreements.length === 0 ? (
              <p>{t("accounts.universities.noAgreements")}</p>
            ) : (
              <ul>
                {u.agreements.map((a) => (
                  <li key={a.id}>
                    <Link to={`/staff/agreements/${a.id}`}>{localized(a, "title", lng)}</Link>{" "}
                    <span className="muted">
                      {t(`agreements.kinds.${a.kind}`)} · {formatDate(a.signed_on, lng)}
                      {a.terminated_on ? ` · ${t("accounts.universities.terminated")}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="actions">
              <Link to={`/staff/agreements/new?universityId=${u.id}`} className="button button--secondary">
                {t("accounts.universities.addAgreement")}
              </Link>{" "}
              <Link
                to={`/staff/universities/${u.id}`}
                className="button button--secondary"
                aria-label={t("accounts.universities.editLabel", { name })}
              >
                {t("accounts.universities.edit")}
              </Link>
            </p>
          </section>
        );
      })}
      <section aria-labelledby="add-university" className="panel">
        <h2 id="add-university">{t("accounts.universities.addTitle")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField meta={fields.nameJa} label={t("accounts.universities.nameJa")} lang="ja" />
          <TextField meta={fields.nameEn} label={t("accounts.universities.nameEn")} lang="en" />
          <button type="submit" className="button">
            {t("accounts.universities.submitAdd")}
          </button>
        </Form>
      </section>
    </>
  );
}
