/**
 * The ranking of every host. The server renders a position select per host, which works without JavaScript; after
 * hydration it becomes an ordered list with "move up"/"move down" buttons that fills the same form fields
 * (ranking[i].host, ranking[i].position), announces each move, and keeps focus on the pressed button.
 */
import type { FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { orderHosts } from "~/projects/signup";
import { industryLabel, townLabel } from "~/utils/kita";
import { ErrorList, selectControl } from "./forms";

export interface RankHost {
  id: number;
  firm_id: number;
  name: string;
  industry: string;
  town: string;
  products: string;
  new_product: number;
}

interface Row {
  key: string;
  host: RankHost;
  hostName: string;
  position: FieldMetadata<string | undefined, Record<string, unknown>, string[]>;
}

function HostFacts({ host }: { host: RankHost }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  return (
    <>
      <span className="muted">
        {industryLabel(host.industry, lng)} · {townLabel(host.town, lng)}
      </span>
      {host.new_product ? (
        <>
          {" "}
          <span className="badge badge--new">{t("firms.fields.new_product")}</span>
        </>
      ) : null}
      {host.products ? <span className="rank-products">{host.products}</span> : null}
    </>
  );
}

/** The form values of the ranking: one item per host, in the order the hosts are shown. */
export type RankingValue = Array<{ host?: string; position?: string }>;

/** `meta` is the ranking list field; `hosts` are the accepting hosts in the order to show them. */
export function RankingField({
  meta,
  hosts,
}: {
  meta: FieldMetadata<RankingValue | undefined, Record<string, unknown>, string[]>;
  hosts: RankHost[];
}) {
  const { t } = useTranslation();
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const rows: Row[] = meta.getFieldList().flatMap((item) => {
    const fieldset = item.getFieldset();
    const host = byId.get(Number(fieldset.host.initialValue));
    return host ? [{ key: item.key ?? item.id, host, hostName: fieldset.host.name, position: fieldset.position }] : [];
  });
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const hintId = `${meta.id}-hint`;
  return (
    <fieldset aria-describedby={[hintId, meta.errors?.length ? meta.errorId : ""].filter(Boolean).join(" ")}>
      <legend>{t("signup.rank.legend")}</legend>
      <p id={hintId} className="field-hint">
        {enhanced ? t("signup.rank.hintList") : t("signup.rank.hintSelects", { n: rows.length })}
      </p>
      <ErrorList id={meta.errorId} errors={meta.errors} />
      {enhanced ? (
        <OrderedRanking name={meta.name} rows={rows} />
      ) : (
        <PositionSelects rows={rows} listErrorId={meta.errors?.length ? meta.errorId : undefined} />
      )}
    </fieldset>
  );
}

function PositionSelects({ rows, listErrorId }: { rows: Row[]; listErrorId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("signup.rank.firm")}</th>
            <th scope="col">{t("signup.rank.position")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, host, hostName, position }) => {
            const select = selectControl(position);
            return (
              <tr key={key}>
                <th scope="row">
                  <Link to={`/firms/${host.firm_id}`}>{host.name}</Link>
                  <br />
                  <HostFacts host={host} />
                </th>
                <td>
                  <input type="hidden" name={hostName} value={host.id} />
                  <label htmlFor={select.id} className="visually-hidden">
                    {t("signup.rank.positionOf", { name: host.name })}
                  </label>
                  <select
                    {...select.props}
                    aria-describedby={[select.errorId, listErrorId].filter(Boolean).join(" ") || undefined}
                  >
                    <option value="">{t("signup.rank.choose")}</option>
                    {rows.map((_, i) => (
                      <option key={i} value={String(i + 1)}>
                        {t("signup.rank.nth", { n: i + 1 })}
                      </option>
                    ))}
                  </select>
                  <ErrorList id={select.errorId} errors={select.errors} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The order the selects held (by position; rows without a usable position keep their place at the end). */
function initialOrder(rows: Row[]): number[] {
  const position = (r: Row) => {
    const p = Number(r.position.initialValue);
    return Number.isInteger(p) && p > 0 ? p : Number.MAX_SAFE_INTEGER;
  };
  return rows
    .map((r, i) => ({ id: r.host.id, p: position(r), i }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((r) => r.id);
}

function OrderedRanking({ name, rows }: { name: string; rows: Row[] }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState(() => initialOrder(rows));
  const [announcement, setAnnouncement] = useState("");
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<string | null>(null);
  const hosts = orderHosts(
    rows.map((r) => r.host),
    order,
  );

  useEffect(() => {
    // Moving an element in the DOM drops its focus: give it back to the button that was pressed.
    if (focusNext.current) buttons.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  }, [order]);

  function move(id: number, delta: -1 | 1) {
    const ids = hosts.map((h) => h.id);
    const from = ids.indexOf(id);
    const to = from + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    focusNext.current = `${id}:${delta}`;
    setOrder(ids);
    setAnnouncement(t("signup.rank.moved", { name: hosts[from].name, position: to + 1, total: ids.length }));
  }

  const button = (host: RankHost, index: number, delta: -1 | 1) => {
    const disabled = delta < 0 ? index === 0 : index === hosts.length - 1;
    return (
      <button
        type="button"
        className="button button--secondary"
        // aria-disabled (not disabled) keeps the button focusable when a move takes it to the end of the list.
        aria-disabled={disabled || undefined}
        ref={(el) => {
          if (el) buttons.current.set(`${host.id}:${delta}`, el);
          else buttons.current.delete(`${host.id}:${delta}`);
        }}
        onClick={() => (disabled ? undefined : move(host.id, delta))}
      >
        {t(delta < 0 ? "signup.rank.up" : "signup.rank.down")}
        <span className="visually-hidden">{t("signup.rank.buttonFirm", { name: host.name })}</span>
      </button>
    );
  };

  return (
    <>
      <ol className="rank-list">
        {hosts.map((host, index) => (
          <li key={host.id} className="rank-list__item">
            <input type="hidden" name={`${name}[${index}].host`} value={host.id} />
            <input type="hidden" name={`${name}[${index}].position`} value={index + 1} />
            <span className="rank-list__position">{t("signup.rank.nth", { n: index + 1 })}</span>
            <span className="rank-list__firm">
              <Link to={`/firms/${host.firm_id}`}>{host.name}</Link>
              <br />
              <HostFacts host={host} />
            </span>
            <span className="rank-list__buttons">
              {button(host, index, -1)}
              {button(host, index, 1)}
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

/** A saved ranking, read-only. */
export function RankingList({ hosts }: { hosts: RankHost[] }) {
  const { t } = useTranslation();
  return (
    <ol className="rank-list">
      {hosts.map((host, index) => (
        <li key={host.id} className="rank-list__item">
          <span className="rank-list__position">{t("signup.rank.nth", { n: index + 1 })}</span>
          <span className="rank-list__firm">
            <Link to={`/firms/${host.firm_id}`}>{host.name}</Link>
            <br />
            <HostFacts host={host} />
          </span>
        </li>
      ))}
    </ol>
  );
}
