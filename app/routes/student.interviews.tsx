/**
 * A student's interviews: for each team they are in (published pairing), the host firm, the team's booking (with
 * its .ics, and release before the cut-off) and the free slots to book or move to. One button per slot; works
 * without JavaScript.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SlotTime, SlotWhere, TeamNames } from "~/components/interviews";
import type { Lng } from "~/i18n";
import { BOOKING_STATES, canChangeBooking, changeDeadline } from "~/interviews/slots";
import { bookSlot, listStudentTeams, moveBooking, releaseBooking } from "~/models/interview.server";
import { toastResult } from "~/route-helpers/respond.server";
import { SlotButtonSchema } from "~/schemas/interviews";
import { readForm } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";

const HERE = "/student/interviews";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "student");
  const at = new Date();
  const now = at.toISOString();
  const teams = await listStudentTeams(user.id);
  return {
    teams: teams.map(({ host, team, slots, booking }) => ({
      hostId: host.id,
      title_ja: host.title_ja,
      title_en: host.title_en,
      firmName: host.firm_name,
      open: BOOKING_STATES.includes(host.state),
      team: team.map((m) => ({ name: m.name })),
      booking,
      changeUntil: booking ? changeDeadline(booking.starts_at, host.change_cutoff_hours) : null,
      canChange: booking ? canChangeBooking(booking.starts_at, host.change_cutoff_hours, at) : false,
      // A missed interview is shown until the team books another slot (a new booking, not a move).
      rebook: booking?.outcome === "missed",
      free: slots.filter((s) => !s.booked_at && !s.cancelled_at && s.starts_at > now),
      // Bookings the firm cancelled, still ahead: the team is told why and books another.
      cancelled: slots.filter((s) => s.booked_at && s.cancelled_at && s.starts_at > now),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "student");
  const submission = (await readForm(request)).parse(SlotButtonSchema);
  invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
  const { intent, slotId } = submission.value;
  switch (intent) {
    case "book":
      return toastResult(await bookSlot(user, slotId), HERE, "interviews.toast.booked");
    case "move":
      return toastResult(await moveBooking(user, slotId), HERE, "interviews.toast.moved");
    case "release":
      return toastResult(await releaseBooking(user, slotId), HERE, "interviews.toast.released");
    default:
      // The schema allows no other intent; a forged one is a bad request, not a crash.
      invariantResponse(false, "Bad Request", { status: 400 });
  }
}

export default function StudentInterviews() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { teams } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("interviews.student.title")}</h1>
      <p>{t("interviews.student.lead")}</p>
      {teams.length === 0 ? <p>{t("interviews.student.empty")}</p> : null}
      {teams.map((team) => (
        <section key={team.hostId} aria-labelledby={`team-${team.hostId}`} className="panel">
          <h2 id={`team-${team.hostId}`}>{t("interviews.student.teamTitle", { firm: team.firmName })}</h2>
          <dl className="meta">
            <dt>{t("interviews.project")}</dt>
            <dd>{localTitle(team, lng)}</dd>
            <dt>{t("interviews.team")}</dt>
            <dd>
              <TeamNames team={team.team} />
            </dd>
          </dl>
          {team.cancelled.map((s) => (
            <p key={s.id} className="notice">
              {t("interviews.student.cancelledNotice", { reason: s.cancel_reason ?? "" })} (<SlotTime slot={s} />)
            </p>
          ))}
          <h3>{t("interviews.student.bookingTitle")}</h3>
          {team.booking ? (
            <>
              <p>
                <strong>
                  <SlotTime slot={team.booking} />
                </strong>
                <br />
                <SlotWhere slot={team.booking} />
              </p>
              <p>
                <a href={`/interviews/${team.booking.id}.ics`} download>
                  {t("interviews.downloadIcs")}
                </a>
              </p>
              {team.rebook ? (
                <p>{t("interviews.student.missedRebook")}</p>
              ) : team.canChange ? (
                <>
                  <p>{t("interviews.student.changeUntil", { date: formatDateTime(team.changeUntil!, lng) })}</p>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="slotId" value={team.booking.id} />
                    <button type="submit" name="intent" value="release" className="button button--quiet">
                      {t("interviews.student.release")}
                    </button>
                  </Form>
                </>
              ) : (
                <p>{t("interviews.student.cutoffPassed", { date: formatDateTime(team.changeUntil!, lng) })}</p>
              )}
            </>
          ) : (
            <p>{t("interviews.student.notBooked")}</p>
          )}
          <h3>{t("interviews.student.freeTitle")}</h3>
          {!team.open ? (
            <p>{t("interviews.student.closed")}</p>
          ) : team.free.length === 0 ? (
            <p>{t("interviews.student.noFree")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("interviews.col.when")}</th>
                    <th scope="col">{t("interviews.col.where")}</th>
                    <th scope="col">{t("interviews.col.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {team.free.map((s) => (
                    <tr key={s.id}>
                      <th scope="row" id={`slot-${s.id}`}>
                        <SlotTime slot={s} />
                      </th>
                      <td>
                        <SlotWhere slot={s} />
                      </td>
                      <td>
                        {!team.booking || team.canChange || team.rebook ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="slotId" value={s.id} />
                            <button
                              type="submit"
                              name="intent"
                              value={team.booking && !team.rebook ? "move" : "book"}
                              className="button"
                              aria-describedby={`slot-${s.id}`}
                            >
                              {t(team.booking && !team.rebook ? "interviews.student.move" : "interviews.student.book")}
                            </button>
                          </Form>
                        ) : (
                          t("interviews.student.cannotMove")
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
