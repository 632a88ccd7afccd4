/**
 * Staff at the door: one row per student, grouped by programme slot, with large toggle buttons for "present" and,
 * per slot, "presentation given". A name filter (GET ?q=). Without JavaScript each toggle posts and the page comes
 * back at the same row; with JavaScript a fetcher posts it, the page does not reload and focus stays on the button.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MarkToggle } from "~/components/events";
import type { Lng } from "~/i18n";
import { getAttendanceSheet, setAttendance, setPresentationGiven } from "~/models/attendance.server";
import { loadEvent } from "~/route-helpers/event.server";
import { throwFailure } from "~/route-helpers/respond.server";
import { AttendanceSchema, GivenSchema, tokyoTime } from "~/schemas/events";
import { readForm } from "~/utils/form.server";
import { invariantResponse } from "~/utils/invariant";
import { localTitle } from "~/utils/localized";
import { requireRole } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const event = await loadEvent(params.eventId);
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  return {
    event: { id: event.id, title_ja: event.title_ja, title_en: event.title_en },
    q,
    ...(await getAttendanceSheet(event.id, q)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const event = await loadEvent(params.eventId);
  const form = await readForm(request);
  const q = String(form.value("q") ?? "").slice(0, 100);
  const back = (anchor: string) =>
    `/staff/events/${event.id}/attendance${q ? `?q=${encodeURIComponent(q)}` : ""}#${anchor}`;
  // A fetcher (JavaScript) updates the list in place: no redirect, no toast, focus stays where it is.
  const viaFetcher = form.value("via") === "fetcher";

  if (form.value("intent") === "given") {
    const submission = form.parse(GivenSchema);
    invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
    const { presentationId, given } = submission.value;
    const r = await setPresentationGiven(staff, event.id, presentationId, given);
    if (!r.ok) throwFailure(r);
    if (viaFetcher) return data({ ok: true });
    return redirectWithToast(back(`slot-${presentationId}`), {
      kind: "success",
      key: given ? "events.toast.given" : "events.toast.notGiven",
    });
  }

  const submission = form.parse(AttendanceSchema);
  invariantResponse(submission.status === "success", "Bad Request", { status: 400 });
  const { studentId, present } = submission.value;
  const r = await setAttendance(staff, event.id, studentId, present);
  if (!r.ok) throwFailure(r);
  if (viaFetcher) return data({ ok: true });
  return redirectWithToast(back(`student-${studentId}`), {
    kind: "success",
    key: present ? "events.toast.present" : "events.toast.absent",
    values: { name: r.name },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.event.title_ja }] : []);

export default function Attendance() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { event, q, groups, counts } = useLoaderData<typeof loader>();
  const keep: Record<string, string> = q ? { q } : {};
  return (
    <>
      <p>
        <Link to={`/staff/events/${event.id}`}>{t("events.door.backToEvent")}</Link>
      </p>
      <h1>{t("events.door.title", { title: localTitle(event, lng) })}</h1>
      <dl className="stats" aria-live="polite">
        <div>
          <dt>{t("events.door.presentCount")}</dt>
          <dd>{t("events.door.ofTotal", { n: counts.present, total: counts.students })}</dd>
        </div>
        <div>
          <dt>{t("events.door.givenCount")}</dt>
          <dd>{t("events.door.ofTotal", { n: counts.given, total: counts.slots })}</dd>
        </div>
      </dl>
      <Form method="get" className="search-form door-search" role="search">
        <div className="field">
          <label htmlFor="door-q">{t("events.door.search")}</label>
          <input id="door-q" type="search" name="q" defaultValue={q} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("events.door.filter")}
          </button>
          {q ? (
            <Link to="." className="button button--secondary">
              {t("events.door.showAll")}
            </Link>
          ) : null}
        </div>
      </Form>
      {groups.length === 0 ? <p>{t(q ? "events.door.noMatch" : "events.door.empty")}</p> : null}
      {groups.map((g) => {
        const title = localTitle(g, lng);
        return (
          <section key={g.id} id={`slot-${g.id}`} aria-labelledby={`slot-${g.id}-title`} className="door-group">
            <h2 id={`slot-${g.id}-title`}>
              {g.position}. {title}
            </h2>
            <p className="muted">
              {g.starts_at ? `${tokyoTime(g.starts_at)} · ` : ""}
              {g.firm_name ?? t("events.wholeSeminar")} ·{" "}
              {localTitle({ title_ja: g.project_title_ja, title_en: g.project_title_en }, lng)}
            </p>
            <div className="door-row">
              <span className="door-row__name">{t("events.door.presentation")}</span>
              <span className="door-row__state">{g.given ? t("events.door.given") : t("events.door.notGiven")}</span>
              <MarkToggle
                fields={{ intent: "given", presentationId: String(g.id), ...keep }}
                name="given"
                on={g.given}
                label={t("events.door.givenButton")}
                subject={`${g.position}. ${title}`}
              />
            </div>
            {g.total === 0 ? <p>{t("events.door.noStudents")}</p> : null}
            <ul className="door-list">
              {g.students.map((s) => (
                <li key={s.studentId} id={`student-${s.studentId}`} className="door-row">
                  <span className="door-row__name">
                    {s.name}
                    {s.nameKana ? <span className="muted subline">{s.nameKana}</span> : null}
                  </span>
                  <span className="door-row__state">
                    {s.present && s.presentAt
                      ? t("events.door.presentAt", { time: tokyoTime(s.presentAt) })
                      : t("events.door.notArrived")}
                  </span>
                  <MarkToggle
                    fields={{ intent: "present", studentId: String(s.studentId), ...keep }}
                    name="present"
                    on={s.present}
                    label={t("events.door.presentButton")}
                    subject={s.name}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
