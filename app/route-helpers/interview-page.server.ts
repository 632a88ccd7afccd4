/** What the interview pages share: the slot view the tables show, the slot actions, and the text/calendar response. */
import { data } from "@remix-run/node";
import type { Lng } from "~/i18n";
import { hasEnded, OUTCOME_STATES } from "~/interviews/slots";
import {
  addSlot,
  cancelSlot,
  markOutcome,
  setCutoff,
  type InterviewHost,
  type SlotRow,
} from "~/models/interview.server";
import { CancelSlotSchema, CutoffSchema, SlotButtonSchema, SlotSchema } from "~/schemas/interviews";
import type { SubmittedForm } from "~/utils/form.server";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { redirectWithToast } from "~/utils/toast.server";
import type { ProjectState } from "../../db/schema";
import { failureReply, toastResult } from "./respond.server";

export type SlotStatus = "free" | "booked" | "cancelled" | "done" | "missed";

/**
 * A slot's status, whether it has started as of `at`, and whether done/missed can be recorded now: once it has
 * ended, while its project is in a state that takes outcomes (markOutcome refuses the others, so no page offers
 * buttons that could only fail).
 */
export function slotView(slot: SlotRow, projectState: ProjectState, at: Date = new Date()) {
  const status: SlotStatus = slot.cancelled_at
    ? "cancelled"
    : slot.outcome
      ? slot.outcome
      : slot.booked_at
        ? "booked"
        : "free";
  return {
    ...slot,
    status,
    started: slot.starts_at <= at.toISOString(),
    outcomeOpen: hasEnded(slot, at) && OUTCOME_STATES.includes(projectState),
  };
}

export type SlotView = ReturnType<typeof slotView>;

export function icsResponse(body: string, filename: string | null) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      ...(filename ? { "Content-Disposition": `attachment; filename="${filename}"` } : {}),
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

type SlotActor = Parameters<typeof addSlot>[0];

/**
 * The slot actions of a host's interview page, the same for the firm's users, the host's own link page and staff
 * acting for a host: add a slot, set the cut-off, cancel a slot with a reason, mark done or missed. `here` is where
 * the answer redirects; `projectId` keeps an outcome to the page's project. Unknown intents are a 400.
 */
export async function handleSlotAction(
  actor: SlotActor,
  options: { host: InterviewHost; here: string; form: SubmittedForm; lng: Lng; projectId?: number },
) {
  const { host, here, form } = options;
  const intent = form.value("intent");
  if (intent === "add") {
    const submission = form.parse(SlotSchema);
    if (submission.status !== "success") return data({ form: "slot", result: submission.reply() }, { status: 400 });
    const r = await addSlot(actor, host.id, submission.value);
    if (!r.ok && (r.reason === "interviews.errors.past" || r.reason === "interviews.errors.outsidePeriod")) {
      const { lng } = options;
      const period = { from: formatDate(host.interview_from, lng), until: formatDate(host.interview_until, lng) };
      const failure = r.reason === "interviews.errors.outsidePeriod" ? { ...r, values: period } : r;
      return failureReply(submission, failure, { field: "startsAt", with: { form: "slot" } });
    }
    return toastResult(r, here, "interviews.toast.added");
  }
  if (intent === "cutoff") {
    const submission = form.parse(CutoffSchema);
    if (submission.status !== "success") return data({ form: "cutoff", result: submission.reply() }, { status: 400 });
    return toastResult(await setCutoff(actor, host.id, submission.value.hours), here, "interviews.toast.cutoffSaved");
  }
  if (intent === "cancel") {
    const submission = form.parse(CancelSlotSchema);
    if (submission.status !== "success")
      return redirectWithToast(here, { kind: "error", key: "interviews.errors.reasonRequired" });
    return toastResult(
      await cancelSlot(actor, submission.value.slotId, submission.value.reason),
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
  return toastResult(
    await markOutcome(actor, slotId, outcome, new Date(), options.projectId),
    here,
    `interviews.toast.${outcome}`,
  );
}
