/** Staff: edit an agreement. Each save that changes something adds a version listing the changed fields. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgreementForm } from "~/components/agreements";
import { getAgreementSnapshot, invalidReferences, updateAgreement } from "~/models/agreement.server";
import { listUniversities } from "~/models/university.server";
import { listStaffUsers } from "~/models/user.server";
import { AgreementSchema } from "~/schemas/agreements";
import { idParam } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const id = idParam(params, "agreementId");
  const [snapshot, universities, staff] = await Promise.all([
    getAgreementSnapshot(id),
    listUniversities(),
    listStaffUsers(),
  ]);
  invariantResponse(snapshot);
  // The current owner stays choosable even if their account was disabled since.
  return { id, snapshot, universities, staff: staff.filter((s) => !s.disabled_at || s.id === snapshot.owner_user_id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const id = idParam(params, "agreementId");
  const submission = (await readForm(request)).parse(AgreementSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const before = await getAgreementSnapshot(id);
  invariantResponse(before);
  const unchangedOwner = submission.value.owner_user_id === before.owner_user_id;
  const fieldErrors = await invalidReferences({
    ...submission.value,
    owner_user_id: unchangedOwner ? null : submission.value.owner_user_id,
  });
  if (fieldErrors) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const changed = await updateAgreement(id, submission.value, user.id);
  invariantResponse(changed !== null);
  return redirectWithToast(
    `/staff/agreements/${id}`,
    changed
      ? { kind: "success", key: "agreements.updated", values: { count: changed } }
      : { kind: "success", key: "agreements.unchanged" },
  );
}

export default function EditAgreement() {
  const { t } = useTranslation();
  const { id, snapshot, universities, staff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("agreements.editTitle")}</h1>
      <AgreementForm
        lastResult={actionData?.result}
        defaultValue={snapshot}
        universities={universities}
        staff={staff}
        submitLabel={t("agreements.submitSave")}
        cancelTo={`/staff/agreements/${id}`}
      />
    </section>
  );
}
