/** Staff: edit every field of a firm; the change is audited field by field. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { firmFormDefaults, StaffFirmForm } from "~/components/firm-form";
import { firmFields, getFirm, updateFirm } from "~/models/firm.server";
import { failureReply } from "~/route-helpers/respond.server";
import { FirmSchema } from "~/schemas/firm";
import { idParam } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const firm = await getFirm(idParam(params, "firmId"));
  invariantResponse(firm);
  return { id: firm.id, name: firm.name, values: firmFields(firm) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const id = idParam(params, "firmId");
  const submission = (await readForm(request)).parse(FirmSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const updated = await updateFirm(id, submission.value, staff.id, "update");
  if (!updated.ok) return failureReply(submission, updated);
  return redirectWithToast(`/staff/firms/${id}`, {
    kind: "success",
    key: "firms.staff.saved",
    values: { name: submission.value.name },
  });
}

export default function EditFirm() {
  const { t } = useTranslation();
  const { id, name, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="narrow">
      <p>
        <Link to={`/staff/firms/${id}`}>{t("firms.staff.backToFirm", { name })}</Link>
      </p>
      <h1>{t("firms.staff.editTitle", { name })}</h1>
      <StaffFirmForm
        id="edit-firm"
        lastResult={actionData?.result}
        defaultValue={firmFormDefaults(values)}
        submitLabel={t("firms.staff.save")}
      />
    </section>
  );
}
