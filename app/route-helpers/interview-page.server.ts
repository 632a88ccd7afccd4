/** What the interview pages share: the slot view the tables show, and the text/calendar response. */
import { hasEnded } from "~/interviews/slots";
import type { SlotRow } from "~/models/interview.server";

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
