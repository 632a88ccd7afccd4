/**
 * What the interview pages share: turning a model result into the response (404/403 thrown, anything else a
 * redirect with a toast), the slot view the tables show, and the text/calendar response.
 */
import { hasEnded } from "~/interviews/slots";
import type { InterviewResult, SlotRow } from "~/models/interview.server";
import { redirectWithToast } from "./toast.server";

export async function respond(result: InterviewResult, to: string, successKey: string) {
  if (result.ok) return redirectWithToast(to, { kind: "success", key: successKey });
  if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
  if (result.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
  return redirectWithToast(to, { kind: "error", key: `interviews.errors.${result.reason}` });
}

export type SlotStatus = "free" | "booked" | "cancelled" | "done" | "missed";

/** A slot's status and whether it has started or ended, as of `at`. */
export function slotView(slot: SlotRow, at: Date = new Date()) {
  const status: SlotStatus = slot.cancelled_at
    ? "cancelled"
    : slot.outcome
      ? slot.outcome
      : slot.booked_at
        ? "booked"
        : "free";
  return { ...slot, status, started: slot.starts_at <= at.toISOString(), ended: hasEnded(slot, at) };
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
