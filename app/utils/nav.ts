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
    { to: "/staff/users", labelKey: "nav.users" },
    { to: "/staff/mailbox", labelKey: "nav.mailbox" },
  ],
  professor: [{ to: "/professor", labelKey: "nav.home" }],
  student: [{ to: "/student", labelKey: "nav.home" }],
  firm: [{ to: "/firm", labelKey: "nav.home" }],
};
