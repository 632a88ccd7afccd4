/**
 * Staff: erasing a student's personal data from the account list, without a request (for example a request made on
 * paper). Staff must answer whether to revoke the student's certificates and type "erase" to confirm; the model does
 * it in one transaction and audits it (erasure.server.ts).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors, TextField } from "~/components/forms";
import { eraseStudent, getErasureSubject } from "~/models/privacy-request.server";
import { msg } from "~/schemas/messages";
import { EraseSchema } from "~/schemas/privacy";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { found } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

function userIdOf(raw: string | undefined) {
  const id = /^\d{1,15}$/.test(raw ?? "") ? Number(raw) : null;
  return id && id <= Number.MAX_SAFE_INTEGER ? id : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const id = userIdOf(params.userId);
  const subject = found(id ? await getErasureSubject(id) : null);
  return { subject };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const id = userIdOf(params.userId);
  found(id ? await getErasureSubject(id) : null);
  const submission = (await readForm(request)).parse(EraseSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const erased = await eraseStudent({
    userId: id!,
    actorId: staff.id,
    revokeCertificates: submission.value.revokeCertificates === "yes",
  });
  if (!erased.ok) {
    return data({ result: submission.reply({ formErrors: [msg(erased.reason)] }) }, { status: 409 });
  }
  return redirectWithToast("/staff/users", { kind: "success", key: "personalData.erase.done" });
}

export default function EraseStudent() {
  const { t } = useTranslation();
  const { subject } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "erase",
    lastResult: actionData?.result,
    constraint: zodConstraint(EraseSchema),
    shouldValidate: "onSubmit",
  });
  const erasable = subject.role === "student" && !subject.deleted_at;
  return (
    <section className="narrow">
      <h1>{t("personalData.erase.title")}</h1>
      <dl className="meta">
        <dt>{t("staff.colName")}</dt>
        <dd>{subject.deleted_at ? t("personalData.queue.deleted") : subject.name}</dd>
        <dt>{t("staff.colEmail")}</dt>
        <dd>{subject.deleted_at ? "" : subject.email}</dd>
        <dt>{t("staff.colRole")}</dt>
        <dd>{t(`roles.${subject.role}`)}</dd>
      </dl>
      {!erasable ? (
        <p role="status">{t(subject.deleted_at ? "personalData.erase.already" : "personalData.erase.studentsOnly")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <p>{t("personalData.erase.lead")}</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <fieldset
            aria-describedby={fields.revokeCertificates.errors?.length ? fields.revokeCertificates.errorId : undefined}
          >
            <legend>
              {t("personalData.queue.revokeQuestion")} (
              {t("personalData.queue.validCertificates", { count: subject.validCertificates })})
            </legend>
            <label className="choice">
              <input type="radio" name="revokeCertificates" value="yes" /> {t("personalData.queue.revokeYes")}
            </label>
            <label className="choice">
              <input type="radio" name="revokeCertificates" value="no" /> {t("personalData.queue.revokeNo")}
            </label>
            <ErrorList id={fields.revokeCertificates.errorId} errors={fields.revokeCertificates.errors} />
          </fieldset>
          <TextField meta={fields.confirm} label={t("personalData.erase.confirm")} autoComplete="off" />
          <button type="submit" className="button button--danger">
            {t("personalData.erase.action")}
          </button>
        </Form>
      )}
      <p>
        <Link to="/staff/users">{t("nav.users")}</Link>
      </p>
    </section>
  );
}
