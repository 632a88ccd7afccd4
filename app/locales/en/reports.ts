/** English messages for the reports feature. Same shape as ../ja/reports.ts (the type enforces it). */
import type ja from "../ja/reports";

const reports: typeof ja = {
  title: "Annual report",
  yearTitle: "Annual report {{year}}",
  lead: "What the industry–academia programme achieved each fiscal year, by university and by agreement area, as reported to the city's industrial revitalization plan.",
  yearLabel: "Fiscal year",
  show: "Show",
  download: "Download CSV",
  byUniversity: "By university",
  byAgreement: "By agreement",
  agreementCaption: "{{year}} by agreement (the agreement's areas in brackets)",
  agreement: "Agreement",
  chartsAgreement: "Charts by agreement",
  byArea: "By agreement area",
  universityCaption: "{{year}} by university",
  areaCaption: "{{year}} by agreement area",
  university: "University",
  area: "Agreement area",
  total: "Total (each counted once)",
  chartsUniversity: "Charts by university",
  chartsArea: "Charts by agreement area",
  chartTitle: "{{measure}} ({{grouping}})",
  chartNote: "The charts show the figures of the table above.",
  measures: {
    projects: "Projects",
    students: "Students",
    firms: "Host firms",
    interviews: "Interviews held",
    presentations: "Presentations",
    certificates: "Certificates",
  },
  definitionsTitle: "How we count",
  definitions: {
    projects:
      "Projects: the year's projects that were submitted or went further (not drafts, rejected or cancelled ones). Interviews, presentations and certificates count in their project's fiscal year.",
    students: "Students: students who signed up. Within one row, each student counts once.",
    firms: "Host firms: firms that accepted to host. Within one row, each firm counts once.",
    interviews: "Interviews held: interview slots recorded as done.",
    presentations: "Presentations: presentations recorded as given (whole-seminar presentations included).",
    certificates: "Certificates: certificates issued and not revoked.",
    areas:
      "By agreement area: a project counts in every area of its agreement, so the area rows do not add up to the total.",
    total:
      "Total: every student, firm and so on counted once, so it may be smaller than the sum of the rows when they span several universities or areas.",
  },
  csv: {
    section: "Section",
    name: "Name",
  },
};
export default reports;
