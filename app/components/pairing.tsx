/**
 * A pairing run as staff and the owning professor read it: the seed, the figures (1st/2nd/… choices, unplaced
 * students, unused capacity), who goes where, the manual moves with their reasons, and the blocking pairs they
 * created. Presentational: the routes load the data (app/models/pairing-view.server.ts).
 */
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import type { RunView } from "~/models/pairing-view.server";
import { formatDateTime } from "~/utils/format";
import { localized } from "~/utils/localized";

/** What the run report shows: the model's run view, as the pairing pages' loaders return it. */
export type RunReportData = RunView;

export function Seed({ seed }: { seed: string }) {
  return <code className="seed">{seed}</code>;
}

export function RunReport({ view }: { view: RunReportData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  const { run } = view;
  return (
    <>
      <dl className="meta">
        <dt>{t("pairing.run.seed")}</dt>
        <dd>
          <Seed seed={run.seed} />
          <br />
          <span className="muted">{t("pairing.run.seedHint")}</span>
        </dd>
        <dt>{t("pairing.run.created")}</dt>
        <dd>{t("pairing.run.byOn", { name: run.createdBy ?? "—", date: formatDateTime(run.createdAt, lng) })}</dd>
        <dt>{t("pairing.run.status")}</dt>
        <dd>
          {run.publishedAt ? (
            <>
              <span className="badge badge--pairing-published">{t("pairing.status.published")}</span>{" "}
              {t("pairing.run.byOn", { name: run.publishedBy ?? "—", date: formatDateTime(run.publishedAt, lng) })}
            </>
          ) : (
            <span className="badge">{t("pairing.status.draft")}</span>
          )}
        </dd>
      </dl>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("pairing.figures.title")}</h2>
        <dl className="stats">
          <div>
            <dt>{t("pairing.figures.students")}</dt>
            <dd>{t("pairing.figures.people", { n: view.students.length })}</dd>
          </div>
          {view.byRank.map((n, i) => (
            <div key={i}>
              <dt>{t("pairing.choice", { n: i + 1 })}</dt>
              <dd>{t("pairing.figures.people", { n })}</dd>
            </div>
          ))}
          {view.outsideRanking > 0 ? (
            <div>
              <dt>{t("pairing.outsideRanking")}</dt>
              <dd>{t("pairing.figures.people", { n: view.outsideRanking })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("pairing.unplaced")}</dt>
            <dd>{t("pairing.figures.people", { n: view.unmatched.length })}</dd>
          </div>
        </dl>
        <h3>{t("pairing.figures.unplacedTitle")}</h3>
        {view.unmatched.length ? (
          <ul>
            {view.unmatched.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        ) : (
          <p>{t("pairing.figures.nobodyUnplaced")}</p>
        )}
        <h3>{t("pairing.hosts.title")}</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("pairing.hosts.firm")}</th>
                <th scope="col">{t("pairing.hosts.capacity")}</th>
                <th scope="col">{t("pairing.hosts.assigned")}</th>
                <th scope="col">{t("pairing.hosts.unused")}</th>
                <th scope="col">{t("pairing.hosts.priority")}</th>
              </tr>
            </thead>
            <tbody>
              {view.hosts.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{h.name}</th>
                  <td>{t("pairing.figures.people", { n: h.capacity })}</td>
                  <td>{t("pairing.figures.people", { n: h.assigned })}</td>
                  <td>{t("pairing.figures.people", { n: h.unused })}</td>
                  <td>{t(h.ownRanking ? "pairing.hosts.own" : "pairing.hosts.lottery")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t("pairing.preview.title")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("pairing.preview.student")}</th>
                <th scope="col">{t("pairing.preview.university")}</th>
                <th scope="col">{t("pairing.preview.ranking")}</th>
                <th scope="col">{t("pairing.preview.host")}</th>
                <th scope="col">{t("pairing.preview.choice")}</th>
              </tr>
            </thead>
            <tbody>
              {view.students.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{localized(s, "university", lng) ?? "—"}</td>
                  <td>
                    <ol className="ranking">
                      {s.ranking.map((name, i) => (
                        <li key={i}>{name}</li>
                      ))}
                    </ol>
                  </td>
                  <td>
                    {s.host ?? <strong>{t("pairing.unplaced")}</strong>}
                    {s.moved ? (
                      <>
                        {" "}
                        <span className="badge">{t("pairing.preview.moved")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {s.choice
                      ? t("pairing.choice", { n: s.choice })
                      : s.placedBy
                        ? t(`pairing.placedBy.${s.placedBy}`)
                        : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="overrides-title">
        <h2 id="overrides-title">{t("pairing.overrides.title")}</h2>
        {view.overrides.length ? (
          <ol className="history">
            {view.overrides.map((o) => (
              <li key={o.id}>
                <h3>{t("pairing.overrides.move", { student: o.student, host: o.host ?? t("pairing.unplaced") })}</h3>
                <p>{t("pairing.overrides.reason", { reason: o.reason })}</p>
                <p className="muted">
                  {t("pairing.run.byOn", { name: o.actor ?? "—", date: formatDateTime(o.createdAt, lng) })}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("pairing.overrides.none")}</p>
        )}
      </section>

      <section aria-labelledby="blocking-title">
        <h2 id="blocking-title">{t("pairing.blocking.title")}</h2>
        <p>{t("pairing.blocking.hint")}</p>
        {view.blocking.length ? (
          <ul>
            {view.blocking.map((b, i) => (
              <li key={i}>{t("pairing.blocking.pair", { student: b.student, host: b.host })}</li>
            ))}
          </ul>
        ) : (
          <p>{t("pairing.blocking.none")}</p>
        )}
      </section>
    </>
  );
}

/** The students placed with a host, with exactly the fields they consented to share (seminar when the page has it). */
export function PlacedStudentsTable({
  students,
}: {
  students: { name: string; university: string | null; seminar?: string; email: string }[];
}) {
  const { t } = useTranslation();
  const withSeminar = students.some((s) => s.seminar !== undefined);
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("pairing.firm.name")}</th>
            <th scope="col">{t("pairing.firm.university")}</th>
            {withSeminar ? <th scope="col">{t("pairing.firm.seminar")}</th> : null}
            <th scope="col">{t("pairing.firm.email")}</th>
          </tr>
        </thead>
        <tbody>
          {students.map((s) => (
            <tr key={s.email}>
              <th scope="row">{s.name}</th>
              <td>{s.university ?? "—"}</td>
              {withSeminar ? <td>{s.seminar}</td> : null}
              <td>
                <a href={`mailto:${s.email}`}>{s.email}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
