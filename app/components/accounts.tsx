/**
 * The staff's account pages: the account list's filters and table (with disable/enable buttons), the open
 * invitations (send again, withdraw). Plain GET and POST forms: everything works without JavaScript.
 */
import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lng } from "~/i18n";
import { formatDate, formatDateTime } from "~/utils/format";
import { localized } from "~/utils/localized";
import { ROLES, type Role } from "../../db/schema";

interface Filter {
  role?: string;
  university?: number;
  firm?: number;
  status: "active" | "disabled" | "all";
}

export function AccountFilters({
  filter,
  universities,
  firms,
}: {
  filter: Filter;
  universities: Array<{ id: number; name_ja: string; name_en: string }>;
  firms: Array<{ id: number; name: string }>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Form method="get" className="filters" aria-label={t("accounts.users.filtersTitle")}>
      <FilterSelect
        name="role"
        label={t("accounts.users.role")}
        value={filter.role}
        any={t("accounts.users.anyRole")}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <FilterSelect
        name="university"
        label={t("accounts.users.university")}
        value={filter.university}
        any={t("accounts.users.anyUniversity")}
        options={universities.map((u) => ({ value: u.id, label: localized(u, "name", i18n.language) }))}
      />
      <FilterSelect
        name="firm"
        label={t("accounts.users.firm")}
        value={filter.firm}
        any={t("accounts.users.anyFirm")}
        options={firms.map((f) => ({ value: f.id, label: f.name }))}
      />
      <FilterSelect
        name="status"
        label={t("accounts.users.status")}
        value={filter.status}
        options={(["all", "active", "disabled"] as const).map((s) => ({
          value: s,
          label: t(`accounts.users.statuses.${s}`),
        }))}
      />
      <button type="submit" className="button button--secondary">
        {t("accounts.users.apply")}
      </button>
    </Form>
  );
}

/** One filter of the GET form: a labelled select, with an "any" choice first when the filter may be left open. */
function FilterSelect({
  name,
  label,
  value,
  any,
  options,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  any?: string;
  options: Array<{ value: string | number; label: string }>;
}) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface AccountRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  created_at: string;
  disabled_at: string | null;
  university_ja: string | null;
  university_en: string | null;
  firm_name: string | null;
  last_seen_at: unknown;
}

export function AccountTable({ rows, me }: { rows: AccountRow[]; me: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  // The buttons post to this page with its filters, so the list comes back as it was.
  const { search } = useLocation();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("staff.colName")}</th>
            <th scope="col">{t("staff.colEmail")}</th>
            <th scope="col">{t("staff.colRole")}</th>
            <th scope="col">{t("staff.colAffiliation")}</th>
            <th scope="col">{t("staff.colCreated")}</th>
            <th scope="col">{t("accounts.users.colLastSeen")}</th>
            <th scope="col">{t("accounts.users.colStatus")}</th>
            <th scope="col">{t("accounts.users.colActions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>
                {u.firm_name ??
                  (u.university_ja
                    ? localized({ name_ja: u.university_ja, name_en: u.university_en }, "name", lng)
                    : "")}
              </td>
              <td>{formatDate(u.created_at, lng)}</td>
              <td>
                {typeof u.last_seen_at === "string" ? formatDateTime(u.last_seen_at, lng) : t("accounts.users.never")}
              </td>
              <td>
                {u.disabled_at
                  ? t("accounts.users.disabledSince", { date: formatDate(u.disabled_at, lng) })
                  : t("accounts.users.statuses.active")}
              </td>
              <td>
                {u.id === me ? null : (
                  <Form method="post" action={`/staff/users${search}`}>
                    <input type="hidden" name="id" value={u.id} />
                    {u.disabled_at ? (
                      <button
                        type="submit"
                        name="intent"
                        value="enable"
                        className="button button--secondary"
                        aria-label={t("accounts.users.enableLabel", { name: u.name, email: u.email })}
                      >
                        {t("accounts.users.enable")}
                      </button>
                    ) : (
                      <button
                        type="submit"
                        name="intent"
                        value="disable"
                        className="button button--danger"
                        aria-label={t("accounts.users.disableLabel", { name: u.name, email: u.email })}
                      >
                        {t("accounts.users.disable")}
                      </button>
                    )}
                  </Form>
                )}
                {u.role === "student" ? (
                  <Link
                    to={`/staff/users/${u.id}/erase`}
                    aria-label={t("personalData.erase.actionLabel", { name: u.name, email: u.email })}
                  >
                    {t("personalData.erase.title")}
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface InvitationRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  expires_at: string;
}

export function InvitationTable({ invitations, now }: { invitations: InvitationRow[]; now: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Lng;
  if (invitations.length === 0) return <p>{t("staff.noInvitations")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("staff.colName")}</th>
            <th scope="col">{t("staff.colEmail")}</th>
            <th scope="col">{t("staff.colRole")}</th>
            <th scope="col">{t("staff.colExpires")}</th>
            <th scope="col">{t("accounts.invitations.colActions")}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <td>{i.name}</td>
              <td>{i.email}</td>
              <td>{t(`roles.${i.role}`)}</td>
              <td>
                {formatDateTime(i.expires_at, lng)}
                {i.expires_at <= now ? ` (${t("accounts.invitations.expired")})` : ""}
              </td>
              <td>
                <Form method="post" className="inline-actions">
                  <input type="hidden" name="id" value={i.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="resend"
                    className="button button--secondary"
                    aria-label={t("accounts.invitations.resendLabel", { email: i.email })}
                  >
                    {t("accounts.invitations.resend")}
                  </button>{" "}
                  <button
                    type="submit"
                    name="intent"
                    value="withdraw"
                    className="button button--danger"
                    aria-label={t("accounts.invitations.withdrawLabel", { email: i.email })}
                  >
                    {t("accounts.invitations.withdraw")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
