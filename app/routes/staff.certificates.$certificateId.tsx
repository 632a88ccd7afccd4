/**
 * Staff: one certificate with its recorded reasons, the revoke form (a reason is required), and once revoked the
 * re-issue form (a corrected certificate that supersedes it).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CertificateFacts, certificateLinks } from "~/components/certificates";
import { FormErrors, TextareaField, TextField } from "~/components/forms";
import { findReplacement, reissueCertificate } from "~/models/certificate-reissue.server";
import { findPublicCertificate, revokeCertificate } from "~/models/certificate.server";
import { failureReply } from "~/route-helpers/respond.server";
import { ReissueSchema, RevokeSchema } from "~/schemas/certificates";
import { zodConstraint } from "~/utils/form-constraint";
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
    replacedBy: await findReplacement(cert.id),
    supersedes: cert.supersedes,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const cert = found(await findPublicCertificate(params.certificateId));
  const form = await readForm(request);
  if (form.value("intent") === "reissue") {
    const submission = form.parse(ReissueSchema);
    if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
    const r = await reissueCertificate(cert.id, submission.value, staff);
    if (!r.ok) return failureReply(submission, r, { status: 409 });
    return redirectWithToast(`/staff/certificates/${r.id}`, { kind: "success", key: "certificates.toast.reissued" });
  }
  const submission = form.parse(RevokeSchema);
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
  const {
    id,
    eventId,
    data: cert,
    revokedAt,
    revokedReason,
    manualReason,
    replacedBy,
    supersedes,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "revoke",
    lastResult: actionData?.result,
    constraint: zodConstraint(RevokeSchema),
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
      {supersedes ? (
        <p>
          {t("certificates.detail.supersedes")} <Link to={`/staff/certificates/${supersedes}`}>{supersedes}</Link>
        </p>
      ) : null}
      {revokedAt ? (
        <>
          <p className="notice">{t("certificates.detail.alreadyRevoked")}</p>
          {replacedBy ? (
            <p>
              {t("certificates.detail.replacedBy")} <Link to={`/staff/certificates/${replacedBy}`}>{replacedBy}</Link>
            </p>
          ) : (
            <ReissueForm name={cert.student.name} nameLatin={cert.student.nameLatin} />
          )}
        </>
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

function ReissueForm({ name, nameLatin }: { name: string; nameLatin: string }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reissue",
    lastResult: actionData?.result,
    constraint: zodConstraint(ReissueSchema),
    defaultValue: { name, nameLatin },
  });
  return (
    <section aria-labelledby="reissue-title" className="panel">
      <h2 id="reissue-title">{t("certificates.detail.reissueTitle")}</h2>
      <p>{t("certificates.detail.reissueLead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label={t("certificates.detail.reissueName")} autoComplete="off" />
        <TextField meta={fields.nameLatin} label={t("certificates.detail.reissueNameLatin")} autoComplete="off" />
        <input type="hidden" name="intent" value="reissue" />
        <button type="submit" className="button">
          {t("certificates.detail.reissueSubmit")}
        </button>
      </Form>
    </section>
  );
}
