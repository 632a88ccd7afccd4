/**
 * Staff: an event's certificates. Every student on the programme with why they are (not) eligible, one button that
 * issues every eligible student's certificate in one batch, one-by-one issuing, certifying by hand with a reason,
 * and the certificates issued (each links to its detail page, where it can be revoked).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inLng } from "~/certificates/data";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import type { Lng } from "~/i18n";
import {
  certifyByHand,
  issueCertificate,
  issueForEvent,
  listEventCandidates,
  listEventCertificates,
} from "~/models/certificate.server";
import { loadEvent } from "~/route-helpers/event.server";
import { toastResult } from "~/route-helpers/respond.server";
import { CertifyByHandSchema, IssueOneSchema } from "~/schemas/certificates";
import { zodConstraint } from "~/utils/form-constraint";
import { readForm } from "~/utils/form.server";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const event = await loadEvent(params.eventId);
  const [candidates, certificates] = await Promise.all([
    listEventCandidates(event.id),
    listEventCertificates(event.id),
  ]);
  return {
    event: { id: event.id, title_ja: event.title_ja, title_en: event.title_en },
    candidates,
    certificates: certificates.map((c) => ({
      id: c.id,
      name: c.data.student.name,
      project: c.data.project.title,
      issuedAt: c.issued_at,
      revokedAt: c.revoked_at,
      manualReason: c.manual_reason,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const event = await loadEvent(params.eventId);
  const back = `/staff/events/${event.id}/certificates`;
  const form = await readForm(request);
  const intent = form.value("intent");

  if (intent === "issueAll") {
    const { issued } = await issueForEvent(event.id, staff);
    return redirectWithToast(back, {
      kind: "success",
      key: "certificates.toast.issuedBatch",
      values: { issued },
    });
  }
  if (intent === "issueOne") {
    const submission = form.parse(IssueOneSchema);
    invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
    const { studentId, projectId } = submission.value.candidate;
    return toastResult(
      await issueCertificate(event.id, studentId, projectId, staff),
      back,
      "certificates.toast.issuedOne",
    );
  }
  const submission = form.parse(CertifyByHandSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { candidate, reason } = submission.value;
  // By hand is for students on this event's programme (the list offered); anyone else is a tampered form.
  invariantResponse(
    (await listEventCandidates(event.id)).some(
      (c) => c.studentId === candidate.studentId && c.projectId === candidate.projectId,
    ),
  );
  const r = await certifyByHand(candidate.studentId, candidate.projectId, event.id, reason, staff);
  return toastResult(r, back, "certificates.toast.certified");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.event.title_ja }] : []);

export default function EventCertificates() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { event, candidates, certificates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "by-hand",
    lastResult: actionData?.result,
    constraint: zodConstraint(CertifyByHandSchema),
  });
  const waiting = candidates.filter((c) => !c.certificateId && c.reasons.length === 0);
  const withoutCertificate = candidates.filter((c) => !c.certificateId);
  return (
    <>
      <p>
        <Link to={`/staff/events/${event.id}`}>{t("certificates.staff.backToEvent")}</Link>
      </p>
      <h1>{t("certificates.staff.title", { title: localTitle(event, lng) })}</h1>

      <section aria-labelledby="candidates-title">
        <h2 id="candidates-title">{t("certificates.staff.candidatesTitle")}</h2>
        <p>{t("certificates.staff.candidatesLead")}</p>
        {candidates.length === 0 ? (
          <p>{t("certificates.staff.noCandidates")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("certificates.staff.colName")}</th>
                  <th scope="col">{t("certificates.staff.colProject")}</th>
                  <th scope="col">{t("certificates.staff.colFirm")}</th>
                  <th scope="col">{t("certificates.staff.colState")}</th>
                  <th scope="col">{t("certificates.staff.colAction")}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={`${c.studentId}:${c.projectId}`}>
                    <th scope="row">{c.name}</th>
                    <td>
                      {localTitle(
                        {
                          title_ja: c.projectTitleJa,
                          title_en: c.projectTitleEn,
                        },
                        lng,
                      )}
                    </td>
                    <td>{c.firmName ?? "—"}</td>
                    <td>
                      {c.certificateId
                        ? c.revokedAt
                          ? t("certificates.status.revokedShort")
                          : t("certificates.staff.issued")
                        : c.reasons.length
                          ? c.reasons.map((r) => t(`certificates.staff.reasons.${r}`)).join(" / ")
                          : t("certificates.staff.eligible")}
                    </td>
                    <td>
                      {!c.certificateId && c.reasons.length === 0 ? (
                        <Form method="post">
                          <input type="hidden" name="candidate" value={`${c.studentId}:${c.projectId}`} />
                          <button type="submit" name="intent" value="issueOne" className="button button--secondary">
                            {t("certificates.staff.issueOne", { name: c.name })}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {waiting.length ? (
          <Form method="post">
            <button type="submit" name="intent" value="issueAll" className="button">
              {t("certificates.staff.issueAll", { n: waiting.length })}
            </button>
          </Form>
        ) : (
          <p>{t("certificates.staff.issueAllNone")}</p>
        )}
      </section>

      {withoutCertificate.length ? (
        <section aria-labelledby="by-hand-title" className="panel">
          <h2 id="by-hand-title">{t("certificates.staff.byHandTitle")}</h2>
          <p>{t("certificates.staff.byHandLead")}</p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <SelectField
              meta={fields.candidate}
              label={t("certificates.staff.byHandStudent")}
              placeholder="—"
              options={withoutCertificate.map((c) => ({
                value: `${c.studentId}:${c.projectId}`,
                label: `${c.name} — ${localTitle({ title_ja: c.projectTitleJa, title_en: c.projectTitleEn }, lng)}`,
              }))}
            />
            <TextareaField meta={fields.reason} label={t("certificates.staff.byHandReason")} rows={3} />
            <button type="submit" name="intent" value="byHand" className="button">
              {t("certificates.staff.byHandSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="issued-title">
        <h2 id="issued-title">{t("certificates.staff.issuedTitle")}</h2>
        {certificates.length === 0 ? (
          <p>{t("certificates.staff.noIssued")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("certificates.staff.colName")}</th>
                  <th scope="col">{t("certificates.staff.colProject")}</th>
                  <th scope="col">{t("certificates.staff.colIssued")}</th>
                  <th scope="col">{t("certificates.staff.colState")}</th>
                  <th scope="col">{t("certificates.staff.colId")}</th>
                </tr>
              </thead>
              <tbody>
                {certificates.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{inLng(c.project, lng)}</td>
                    <td>{formatDate(c.issuedAt, lng)}</td>
                    <td>
                      {c.revokedAt
                        ? t("certificates.status.revoked", {
                            date: formatDate(c.revokedAt, lng),
                          })
                        : t("certificates.status.valid")}
                      {c.manualReason ? (
                        <span className="muted subline">
                          {t("certificates.staff.manual", {
                            reason: c.manualReason,
                          })}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <Link to={`/staff/certificates/${c.id}`}>
                        <code>{c.id}</code>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
