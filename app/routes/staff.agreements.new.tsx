/** Staff: add an agreement. Creating it writes its first version. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgreementForm } from "~/components/agreements";
import { createAgreement, invalidReferences } from "~/models/agreement.server";
import { listUniversities } from "~/models/university.server";
import { listStaffUsers } from "~/models/user.server";
import { AgreementSchema } from "~/schemas/agreements";
import { readForm } from "~/utils/form.server";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const [universities, staff] = await Promise.all([listUniversities(), listStaffUsers()]);
  // "Enter an agreement with this university" on the universities page names it in ?universityId=.
  const chosen = Number(new URL(request.url).searchParams.get("universityId"));
  const universityId = universities.some((u) => u.id === chosen) ? chosen : undefined;
  return { universities, staff: staff.filter((s) => !s.disabled_at), universityId };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const submission = (await readForm(request)).parse(AgreementSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const fieldErrors = await invalidReferences(submission.value);
  if (fieldErrors) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const id = await createAgreement(submission.value, user.id);
  return redirectWithToast(`/staff/agreements/${id}`, { kind: "success", key: "agreements.created" });
}

export default function NewAgreement() {
  const { t } = useTranslation();
  const { universities, staff, universityId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("agreements.newTitle")}</h1>
      <AgreementForm
        lastResult={actionData?.result}
        defaultValue={universityId ? { university_id: universityId } : undefined}
        universities={universities}
        staff={staff}
        submitLabel={t("agreements.submitCreate")}
        cancelTo="/staff/agreements"
      />
    </section>
  );
}
