/**
 * A firm user manages one host's interviews: the team, the slots offered (add, cancel with a reason, mark done or
 * missed once ended, download as .ics) and the change cut-off.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { OutcomeButtons, SlotStatusBadge, SlotTime, SlotWhere, TeamNames } from "~/components/interviews";
import type { Lng } from "~/i18n";
import { BOOKING_STATES, MAX_CUTOFF_HOURS } from "~/interviews/slots";
import { addSlot, cancelSlot, listSlotsOf, loadHostFor, markOutcome, setCutoff } from "~/models/interview.server";
import { slotView } from "~/route-helpers/interview-page.server";
import { failureReply, toastResult } from "~/route-helpers/respond.server";
import { CancelSlotSchema, CutoffSchema, SlotButtonSchema, SlotFieldsSchema, SlotSchema } from "~/schemas/interviews";
import { parseId } from "~/schemas/params";
import { readForm } from "~/utils/form.server";
import { formatDate } from "~/utils/format";
import { getLocale } from "~/utils/i18n.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

async function requireOwnHost(request: Request, hostIdValue: string | undefined) {
  const user = await requireRole(request, "firm");
  const loaded = await loadHostFor(user, parseId(hostIdValue));
  invariantResponse(loaded && loaded.team.length > 0);
  invariantResponse(loaded.visible, "Forbidden", { status: 403 });
  return { user, ...loaded };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { host, team } = await requireOwnHost(request, params.hostId);
  const slots = await listSlotsOf([host.id]);
  const at = new Date();
  return {
    host: {
      id: host.id,
      title_ja: host.title_ja,
      title_en: host.title_en,
      firm_name: host.firm_name,
      interview_from: host.interview_from,
      interview_until: host.interview_until,
      cutoffHours: host.change_cutoff_hours,
    },
    canOffer: BOOKING_STATES.includes(host.state),
    team: team.map((m) => ({ name: m.name })),
    slots: slots.map((s) => slotView(s, at)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, host } = await requireOwnHost(request, params.hostId);
  const here = `/firm/interviews/${host.id}`;
  const form = await readForm(request);
  const intent = form.value("intent");
  if (intent === "add") {
    const submission = form.parse(SlotSchema);
    if (submission.status !== "success") return data({ form: "slot", result: submission.reply() }, { status: 400 });
    const r = await addSlot(user, host.id, submission.value);
    if (!r.ok && (r.reason === "interviews.errors.past" || r.reason === "interviews.errors.outsidePeriod")) {
      const lng = await getLocale(request, user);
      const period = { from: formatDate(host.interview_from, lng), until: formatDate(host.interview_until, lng) };
      const failure = r.reason === "interviews.errors.outsidePeriod" ? { ...r, values: period } : r;
      return failureReply(submission, failure, { field: "startsAt", with: { form: "slot" } });
    }
    return toastResult(r, here, "interviews.toast.added");
  }
  if (intent === "cutoff") {
    const submission = form.parse(CutoffSchema);
    if (submission.status !== "success") return data({ form: "cutoff", result: submission.reply() }, { status: 400 });
    return toastResult(await setCutoff(user, host.id, submission.value.hours), here, "interviews.toast.cutoffSaved");
  }
  if (intent === "cancel") {
    const submission = form.parse(CancelSlotSchema);
    if (submission.status !== "success")
      return redirectWithToast(here, { kind: "error", key: "interviews.errors.reasonRequired" });
    return toastResult(
      await cancelSlot(user, submission.value.slotId, submission.value.reason),
      here,
      "interviews.toast.cancelled",
    );
  }
  const submission = form.parse(SlotButtonSchema);
  invariantResponse(
    submission.status === "success" && (submission.value.intent === "done" || submission.value.intent === "missed"),
    "Bad Request",
    { status: 400 },
  );
  const { intent: outcome, slotId } = submission.value;
  return toastResult(await markOutcome(user, slotId, outcome), here, `interviews.toast.${outcome}`);
}

export default function FirmHostInterviews() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { host, canOffer, team, slots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [slotForm, slotFields] = useForm({
    id: "slot",
    lastResult: actionData?.form === "slot" ? actionData.result : undefined,
    constraint: getZodConstraint(SlotFieldsSchema),
  });
  const [cutoffForm, cutoffFields] = useForm({
    id: "cutoff",
    lastResult: actionData?.form === "cutoff" ? actionData.result : undefined,
    constraint: getZodConstraint(CutoffSchema),
    defaultValue: { hours: String(host.cutoffHours) },
  });
  return (
    <>
      <p>
        <Link to="/firm/interviews">{t("interviews.firm.backToList")}</Link>
      </p>
      <h1>{t("interviews.firm.hostTitle", { project: localTitle(host, lng) })}</h1>
      <dl className="meta">
        <dt>{t("interviews.team")}</dt>
        <dd>
          <TeamNames team={team} />
        </dd>
        <dt>{t("interviews.period")}</dt>
        <dd>
          {t("interviews.periodValue", {
            from: formatDate(host.interview_from, lng),
            until: formatDate(host.interview_until, lng),
          })}
        </dd>
        <dt>{t("interviews.cutoff")}</dt>
        <dd>{t("interviews.cutoffValue", { count: host.cutoffHours })}</dd>
      </dl>

      <section aria-labelledby="slots-title">
        <h2 id="slots-title">{t("interviews.firm.slotsTitle")}</h2>
        {slots.length === 0 ? (
          <p>{t("interviews.firm.noSlots")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("interviews.col.when")}</th>
                  <th scope="col">{t("interviews.col.where")}</th>
                  <th scope="col">{t("interviews.col.status")}</th>
                  <th scope="col">{t("interviews.col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {slots.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <SlotTime slot={s} />
                    </th>
                    <td>
                      <SlotWhere slot={s} />
                    </td>
                    <td>
                      <SlotStatusBadge status={s.status} />
                      {s.status === "booked" && s.booked_by_name ? (
                        <> {t("interviews.bookedBy", { name: s.booked_by_name })}</>
                      ) : null}
                      {s.status === "cancelled" && s.cancel_reason ? (
                        <p className="muted">{t("interviews.cancelReasonValue", { reason: s.cancel_reason })}</p>
                      ) : null}
                    </td>
                    <td>
                      <div className="row-actions">
                        {s.booked_at ? <a href={`/interviews/${s.id}.ics`}>{t("interviews.downloadIcs")}</a> : null}
                        {!s.cancelled_at && !s.started ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="slotId" value={s.id} />
                            <label htmlFor={`reason-${s.id}`}>{t("interviews.cancelReason")}</label>{" "}
                            <input id={`reason-${s.id}`} name="reason" required maxLength={500} />{" "}
                            <button type="submit" name="intent" value="cancel" className="button button--danger">
                              {t("interviews.cancelSlot")}
                            </button>
                          </Form>
                        ) : null}
                        {s.booked_at && !s.cancelled_at && s.ended ? (
                          <OutcomeButtons slotId={s.id} label={t("interviews.outcomeFor")} />
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="add-title" className="panel">
        <h2 id="add-title">{t("interviews.firm.addTitle")}</h2>
        {canOffer ? (
          <>
            <p>{t("interviews.firm.addLead")}</p>
            <Form method="post" {...getFormProps(slotForm)}>
              <FormErrors id={slotForm.errorId} errors={slotForm.errors} />
              <TextField
                meta={slotFields.startsAt}
                label={t("interviews.startsAt")}
                type="datetime-local"
                hint={t("interviews.tokyoTime")}
              />
              <TextField meta={slotFields.endsAt} label={t("interviews.endsAt")} type="datetime-local" />
              <TextField meta={slotFields.place} label={t("interviews.place")} hint={t("interviews.placeHint")} />
              <TextField
                meta={slotFields.onlineUrl}
                label={t("interviews.onlineUrl")}
                type="url"
                hint={t("interviews.onlineUrlHint")}
              />
              <button type="submit" name="intent" value="add" className="button">
                {t("interviews.firm.addSubmit")}
              </button>
            </Form>
          </>
        ) : (
          <p>{t("interviews.firm.closed")}</p>
        )}
      </section>

      <section aria-labelledby="cutoff-title" className="panel">
        <h2 id="cutoff-title">{t("interviews.firm.cutoffTitle")}</h2>
        <Form method="post" {...getFormProps(cutoffForm)}>
          <FormErrors id={cutoffForm.errorId} errors={cutoffForm.errors} />
          <TextField
            meta={cutoffFields.hours}
            label={t("interviews.firm.cutoffHours")}
            hint={t("interviews.firm.cutoffHint", { max: MAX_CUTOFF_HOURS })}
            type="number"
            inputMode="numeric"
          />
          <button type="submit" name="intent" value="cutoff" className="button button--secondary">
            {t("interviews.firm.cutoffSubmit")}
          </button>
        </Form>
      </section>
    </>
  );
}
