/** Pieces the interview pages share: where a slot is, its status, the team, and the done/missed buttons. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { formatSlotTime } from "~/interviews/slots";

interface SlotPlace {
  place: string | null;
  online_url: string | null;
}

export function SlotWhere({ slot }: { slot: SlotPlace }) {
  const { t } = useTranslation();
  return (
    <>
      {slot.place ? <span>{slot.place}</span> : null}
      {slot.place && slot.online_url ? <br /> : null}
      {slot.online_url ? (
        <a href={slot.online_url} rel="noopener noreferrer" target="_blank">
          {t("interviews.onlineLink")}
          <span className="visually-hidden">{t("interviews.opensNewWindow")}</span>
        </a>
      ) : null}
    </>
  );
}

export function SlotTime({ slot }: { slot: { starts_at: string; ends_at: string } }) {
  const { i18n } = useTranslation();
  return <>{formatSlotTime(slot, i18n.language as Lng)}</>;
}

export function SlotStatusBadge({ status }: { status: "free" | "booked" | "cancelled" | "done" | "missed" }) {
  const { t } = useTranslation();
  return <span className="badge">{t(`interviews.status.${status}`)}</span>;
}

export function TeamNames({ team }: { team: Array<{ name: string }> }) {
  const { i18n } = useTranslation();
  return <>{team.map((m) => m.name).join(i18n.language === "ja" ? "、" : ", ")}</>;
}

/**
 * Done / missed, for a booked slot that has ended (the firm's, the professor's, the host link's and staff pages).
 * Only the change that would do something is offered: a slot recorded done can be corrected to missed and back.
 */
export function OutcomeButtons({ slotId, label, status }: { slotId: number; label: string; status: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="inline-form" aria-label={label}>
      <input type="hidden" name="slotId" value={slotId} />
      {status !== "done" ? (
        <button type="submit" name="intent" value="done" className="button button--secondary">
          {t("interviews.markDone")}
        </button>
      ) : null}{" "}
      {status !== "missed" ? (
        <button type="submit" name="intent" value="missed" className="button button--quiet">
          {t("interviews.markMissed")}
        </button>
      ) : null}
    </Form>
  );
}
