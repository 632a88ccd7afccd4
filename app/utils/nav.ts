/**
 * Each role's navigation. Only pages that exist are listed; later features add their links here.
 */
import type { Role } from "../../db/schema";

export interface NavItem {
  to: string;
  labelKey: string;
}

export const NAV: Record<Role, NavItem[]> = {
  staff: [
    { to: "/staff", labelKey: "nav.home" },
    { to: "/staff/agreements", labelKey: "nav.agreements" },
    { to: "/staff/firms", labelKey: "nav.firmRegister" },
    { to: "/staff/users", labelKey: "nav.users" },
    { to: "/staff/mailbox", labelKey: "nav.mailbox" },
  ],
  professor: [{ to: "/professor", labelKey: "nav.home" }],
  student: [{ to: "/student", labelKey: "nav.home" }],
  firm: [
    { to: "/firm", labelKey: "nav.home" },
    { to: "/firm/profile", labelKey: "nav.firmProfile" },
  ],
};

/** Public pages, linked for everyone in the header. */
export const PUBLIC_NAV: NavItem[] = [
  { to: "/firms", labelKey: "nav.firmDirectory" },
  { to: "/partners", labelKey: "nav.partners" },
];
