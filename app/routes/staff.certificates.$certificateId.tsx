/** Staff: one certificate with its recorded reasons, and the revoke form (a reason is required). */
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CertificateFacts, certificateLinks } from "~/components/certificates";
import { FormErrors, TextareaField } from "~/components/forms";
import { findPublicCertificate, revokeCertificate } from "~/models/certificate.server";
import { RevokeSchema } from "~/schemas/certificates";
import { readForm } from "~/utils/form.server";
import { found } from "~/utils/invariant";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const cert = found(await findPublicCertificate(params.certificateId));
  return {
    id: cert.id,
    eventId: cert.event_id,
    data: cert.data,
    revokedAt: cert.revoked_at,
    revokedReason: cert.revoked_reason,
    manualReason: cert.manual_reason,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const cert = found(await findPublicCertificate(params.certificateId));
  const submission = (await readForm(request)).parse(RevokeSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // Revoking twice changes nothing (the first date and reason stay).
  await revokeCertificate(cert.id, submission.value.reason, staff);
  return redirectWithToast(`/staff/certificates/${cert.id}`, {
    kind: "success",
    key: "certificates.toast.revoked",
  });
}

export default function StaffCertificate() {
  const { t } = useTranslation();
  const { id, eventId, data: cert, revokedAt, revokedReason, manualReason } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "revoke",
    lastResult: actionData?.result,
    constraint: getZodConstraint(RevokeSchema),
  });
  return (
    <>
      {eventId ? (
        <p>
          <Link to={`/staff/events/${eventId}/certificates`}>{t("certificates.staff.backToEvent")}</Link>
        </p>
      ) : null}
      <h1>{t("certificates.detail.title", { id })}</h1>
      <CertificateFacts data={cert} revokedAt={revokedAt} />
      <dl className="meta">
        {manualReason ? (
          <>
            <dt>{t("certificates.detail.manualReason")}</dt>
            <dd>{manualReason}</dd>
          </>
        ) : null}
        {revokedReason ? (
          <>
            <dt>{t("certificates.detail.revokedReason")}</dt>
            <dd>{revokedReason}</dd>
          </>
        ) : null}
      </dl>
      <ul>
        <li>
          <Link to={certificateLinks(id).verify}>{t("certificates.links.verify")}</Link>
        </li>
        <li>
          <a href={certificateLinks(id).pdf}>{t("certificates.links.pdf")}</a>
        </li>
      </ul>
      {revokedAt ? (
        <p className="notice">{t("certificates.detail.alreadyRevoked")}</p>
      ) : (
        <section aria-labelledby="revoke-title" className="panel">
          <h2 id="revoke-title">{t("certificates.detail.revokeTitle")}</h2>
          <p>{t("certificates.detail.revokeLead")}</p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <TextareaField meta={fields.reason} label={t("certificates.detail.revokeReason")} rows={3} />
            <button type="submit" className="button button--danger">
              {t("certificates.detail.revokeSubmit")}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}
