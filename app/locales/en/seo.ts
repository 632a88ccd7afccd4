/** English messages for search engines, link previews and open data. Same shape as ../ja/seo.ts (the type enforces it). */
import type ja from "../ja/seo";

const seo: typeof ja = {
  siteName: "Kita City Industry–Academia Collaboration",
  titleSuffix: "Kita City Collaboration",
  locale: "en_US",
  home: {
    title: "Kita City Industry–Academia Collaboration: connecting local manufacturers and universities",
    heading: "Connecting local manufacturers and universities",
    description:
      "Kita City, Tokyo works with Toyo, Teikyo and Tokyo Kasei universities: students interview local manufacturers and present their research at city events, and the city publishes its directory of local firms.",
  },
  firms: {
    title: "Find manufacturers in Kita City",
    titlePage: "Find manufacturers in Kita City (page {{page}})",
    description:
      "Search {{firms}} manufacturing firms in Kita City, Tokyo by industry, town or product. The directory of local manufacturers kept by the city's Industry Promotion Section.",
    descriptionPage:
      "Manufacturing firms in Kita City, Tokyo ({{firms}} firms), page {{page}}: by industry, town or product.",
    searchTitle: "Firm search results",
  },
  firm: {
    title: "{{name}} ({{town}}, Kita City · {{industry}})",
    description: "{{name}} is a {{industry}} firm in {{town}}, Kita City, Tokyo. Main products: {{products}}",
    descriptionNoProducts: "{{name}} is a {{industry}} firm in {{town}}, Kita City, Tokyo. {{about}}",
  },
  projects: {
    title: "Company-interview projects",
    description:
      "University seminars interview manufacturers in Kita City, Tokyo: {{open}} project(s) open for sign-up and {{others}} earlier project(s).",
  },
  project: {
    title: "{{title}} ({{fiscalYear}}, {{university}})",
    description:
      "A company-interview project of {{university}}, {{seminar}}, with firms in Kita City ({{fiscalYear}}, {{state}}). Theme: {{theme}}",
  },
  events: {
    title: "Presentation events",
    description:
      "Dates and venues of Kita City's events where students present their research on local manufacturers: {{upcoming}} upcoming, {{past}} past.",
  },
  event: {
    title: "{{title}} ({{date}})",
    description: "A Kita City event on {{date}} at {{venue}}. {{about}}",
  },
  partners: {
    title: "Partner universities and areas",
    description:
      "The universities with comprehensive partnership agreements with Kita City ({{universities}}) and the areas the agreements cover.",
    descriptionNone: "The universities with partnership agreements with Kita City and the areas the agreements cover.",
  },
  privacy: {
    title: "Privacy notice",
    description:
      "Who holds the personal data on Kita City's industry–academia platform, why, what host firms see, how long it is kept, and how to ask for disclosure or deletion.",
  },
  accessibility: {
    title: "Accessibility statement",
    description:
      "Accessibility of Kita City's industry–academia platform: the target (JIS X 8341-3:2016 AA), how and when it was tested, results per page, known exceptions.",
  },
  openData: {
    title: "Open data",
    lead: "What the city's public pages show, as machine-readable CSV files (UTF-8 with a byte order mark). Column names are in Japanese, as in Japan's national open-data formats.",
    licence:
      "These data are provided under the Creative Commons Attribution 4.0 International licence (CC BY 4.0). Please credit “Source: Kita City, Tokyo, Industry–Academia Collaboration Platform”.",
    licenceLink: "the CC BY 4.0 licence",
    download: "Download CSV",
    downloadLabel: "Download {{name}} (CSV)",
    columns: "Columns",
    datasets: {
      "partnership-agreements": {
        name: "Partnership agreements",
        description:
          "The agreements in force between Kita City and universities (university, kind, areas, signing and effective dates, term, status). No contacts or staff.",
      },
      events: {
        name: "Presentation events",
        description:
          "Dates, times and venues of Kita City's presentation events, in the columns and order of the “event list” (イベント一覧) of the Digital Agency's standard open-data sets for municipalities.",
      },
      firms: {
        name: "Manufacturers in Kita City",
        description:
          "The public details of the firms listed in the directory (corporate number, name, industry, address, telephone, website, main products). Unlisted firms are not included.",
      },
    },
    description:
      "Kita City's partnership agreements, presentation events (in the national standard “event list” layout) and the directory of local firms as CSV files, under CC BY 4.0.",
  },
  notFound: "Page not found",
  imageAlt: "{{city}}: {{title}}",
};
export default seo;
