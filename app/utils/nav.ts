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
    { to: "/staff/projects", labelKey: "nav.projects" },
    { to: "/staff/interviews", labelKey: "interviews.overview.nav" },
    { to: "/staff/events", labelKey: "events.nav.staff" },
    { to: "/staff/reports", labelKey: "nav.reports" },
    { to: "/staff/agreements", labelKey: "nav.agreements" },
    { to: "/staff/universities", labelKey: "nav.universities" },
    { to: "/staff/firms", labelKey: "nav.firmRegister" },
    { to: "/staff/users", labelKey: "nav.users" },
    { to: "/staff/mailbox", labelKey: "nav.mailbox" },
    { to: "/staff/privacy-requests", labelKey: "personalData.queue.nav" },
  ],
  professor: [
    { to: "/professor", labelKey: "nav.home" },
    { to: "/professor/projects", labelKey: "nav.myProjects" },
    { to: "/professor/events", labelKey: "events.nav.professor" },
  ],
  student: [
    { to: "/student", labelKey: "nav.home" },
    { to: "/student/join", labelKey: "nav.joinProject" },
    { to: "/student/interviews", labelKey: "interviews.navLabel" },
    { to: "/student/certificates", labelKey: "nav.certificates" },
  ],
  firm: [
    { to: "/firm", labelKey: "nav.home" },
    { to: "/firm/invitations", labelKey: "nav.hostInvitations" },
    { to: "/firm/projects", labelKey: "nav.hostedProjects" },
    { to: "/firm/interviews", labelKey: "interviews.navLabel" },
    { to: "/firm/profile", labelKey: "nav.firmProfile" },
  ],
};

/** Public pages, linked for everyone in the header. */
export const PUBLIC_NAV: NavItem[] = [
  { to: "/projects", labelKey: "nav.openProjects" },
  { to: "/events", labelKey: "events.nav.public" },
  { to: "/firms", labelKey: "nav.firmDirectory" },
  { to: "/partners", labelKey: "nav.partners" },
];
