/**
 * The annual report's three sections with their row labels in the user's language: the one shape that the page, its
 * charts and the CSV export all render, so the three always show the same figures. Client-safe.
 */
import type { TFunction } from "i18next";
import type { Lng } from "~/i18n";
import { localTitle, localized } from "~/utils/localized";
import type { AgreementArea } from "../../db/schema";

export const MEASURES = ["projects", "students", "firms", "interviews", "presentations", "certificates"] as const;
export type Measure = (typeof MEASURES)[number];
export type Counts = Record<Measure, number>;

/** One fiscal year's counts, as models/report.server.ts computes them. */
export interface AnnualReport {
  fiscalYear: number;
  universities: Array<{ id: number; name_ja: string; name_en: string; counts: Counts }>;
  areas: Array<{ area: AgreementArea; counts: Counts }>;
  /** The agreements projects of the year ran under, with their areas. */
  agreements: Array<{ id: number; title_ja: string; title_en: string; areas: AgreementArea[]; counts: Counts }>;
  totals: Counts;
}

export interface ReportSection {
  key: "university" | "area" | "agreement";
  title: string; // 大学別 / By university
  nameHeader: string; // the first column's header
  rows: Array<{ label: string; counts: Counts }>;
  total: Counts;
}

export function reportSections(report: AnnualReport, lng: Lng, t: TFunction): ReportSection[] {
  return [
    {
      key: "university",
      title: t("reports.byUniversity"),
      nameHeader: t("reports.university"),
      rows: report.universities.map((u) => ({ label: localized(u, "name", lng), counts: u.counts })),
      total: report.totals,
    },
    {
      key: "area",
      title: t("reports.byArea"),
      nameHeader: t("reports.area"),
      rows: report.areas.map((a) => ({ label: t(`agreements.areas.${a.area}`), counts: a.counts })),
      total: report.totals,
    },
    {
      key: "agreement",
      title: t("reports.byAgreement"),
      nameHeader: t("reports.agreement"),
      rows: report.agreements.map((a) => ({
        label: `${localTitle(a, lng)} (${a.areas.map((x) => t(`agreements.areas.${x}`)).join(lng === "en" ? ", " : "・")})`,
        counts: a.counts,
      })),
      total: report.totals,
    },
  ];
}
