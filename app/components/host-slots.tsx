/**
 * One host's interview slots as the host manages them: the slot table (cancel with a reason, done / missed once
 * ended, .ics), the form offering a slot and the change cut-off. The firm's users, the host's own link page and
 * staff acting for a host show the same thing; each route handles it with `handleSlotAction`.
 */
import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { OutcomeButtons, SlotStatusBadge, SlotTime, SlotWhere, TeamNames } from "~/components/interviews";
import type { Lng } from "~/i18n";
import { MAX_CUTOFF_HOURS } from "~/interviews/slots";
import { CutoffSchema, SlotFieldsSchema } from "~/schemas/interviews";
import { zodConstraint } from "~/utils/form-constraint";
import { formatDate } from "~/utils/format";

export interface ManagedSlot {
  id: number;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
  booked_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  booked_by_name: string | null;
  status: "free" | "booked" | "cancelled" | "done" | "missed";
  started: boolean;
  /** Ended, and its project still takes done/missed. */
  outcomeOpen: boolean;
}

/** What a host manages its slots within: its team (when the page shows it), the interview period and the cut-off. */
export function HostFacts({
  host,
  team,
}: {
  host: { interview_from: string; interview_until: string; cutoffHours: number };
  team?: Parameters<typeof TeamNames>[0]["team"];
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <dl className="meta">
      {team ? (
        <>
          <dt>{t("interviews.team")}</dt>
          <dd>{team.length ? <TeamNames team={team} /> : "—"}</dd>
        </>
      ) : null}
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
  );
}

export type SlotActionData = { form?: string; result?: SubmissionResult<string[]> } | undefined;

export function HostSlotsManager({
  slots,
  canOffer,
  cutoffHours,
  actionData,
  icsLinks = true,
}: {
  slots: ManagedSlot[];
  canOffer: boolean;
  cutoffHours: number;
  actionData: SlotActionData;
  /** The calendar file needs a signed-in user; the link page leaves it out. */
  icsLinks?: boolean;
}) {
  const { t } = useTranslation();
  const [slotForm, slotFields] = useForm({
    id: "slot",
    lastResult: actionData?.form === "slot" ? actionData.result : undefined,
    constraint: zodConstraint(SlotFieldsSchema),
  });
  const [cutoffForm, cutoffFields] = useForm({
    id: "cutoff",
    lastResult: actionData?.form === "cutoff" ? actionData.result : undefined,
    constraint: zodConstraint(CutoffSchema),
    defaultValue: { hours: String(cutoffHours) },
  });
  return (
    <>
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
                        {icsLinks && s.booked_at ? (
                          <a href={`/interviews/${s.id}.ics`}>{t("interviews.downloadIcs")}</a>
                        ) : null}
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
                        {s.booked_at && !s.cancelled_at && s.outcomeOpen ? (
                          <OutcomeButtons slotId={s.id} label={t("interviews.outcomeFor")} status={s.status} />
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
