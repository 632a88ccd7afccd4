/** Staff: renaming a partner university (Japanese and English names); audited. */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { getUniversity, updateUniversity } from "~/models/university.server";
import { UniversitySchema } from "~/schemas/accounts";
import { msg } from "~/schemas/messages";
import { idParam } from "~/schemas/params";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { found } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  return { university: found(await getUniversity(idParam(params, "universityId"))) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const id = idParam(params, "universityId");
  found(await getUniversity(id));
  const submission = (await readForm(request)).parse(UniversitySchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await updateUniversity(id, submission.value, staff.id);
  if (!saved.ok) {
    return data(
      { result: submission.reply({ fieldErrors: { [saved.field ?? ""]: [msg(saved.reason)] } }) },
      { status: 400 },
    );
  }
  return redirectWithToast(`/staff/universities#university-${id}`, {
    kind: "success",
    key: "accounts.universities.saved",
  });
}

export default function EditUniversity() {
  const { t } = useTranslation();
  const { university } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "university",
    lastResult: actionData?.result,
    defaultValue: { nameJa: university.name_ja, nameEn: university.name_en },
    constraint: zodConstraint(UniversitySchema),
  });
  return (
    <section className="narrow">
      <p>
        <Link to="/staff/universities">{t("accounts.universities.backToList")}</Link>
      </p>
      <h1>{t("accounts.universities.editTitle")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.nameJa} label={t("accounts.universities.nameJa")} lang="ja" />
        <TextField meta={fields.nameEn} label={t("accounts.universities.nameEn")} lang="en" />
        <button type="submit" className="button">
          {t("accounts.universities.submitSave")}
        </button>
      </Form>
    </section>
  );
}
