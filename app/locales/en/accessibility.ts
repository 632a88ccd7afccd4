/** English texts of the accessibility statement (merged into en.ts under "accessibility"). */
const accessibility = {
  link: "Accessibility statement",
  title: "Accessibility statement",
  lead: "The Kita City industry–academia collaboration platform aims to be usable by everyone, including people with disabilities and older people: by keyboard alone, zoomed in, and with a screen reader.",
  targetTitle: "Target",
  target:
    "Conformance level AA of JIS X 8341-3:2016, and level AA of WCAG 2.2. The target covers every page of the platform.",
  scopeNote:
    "The tests below are limited to automatic checks and the manual checks listed. A test of every success criterion by a person has not been done yet, so the platform does not claim conformance or partial conformance with JIS X 8341-3:2016.",
  methodTitle: "How we tested",
  methods: {
    axe: "Automatic checks: axe-core {{version}} in Chromium checked the WCAG 2.0, 2.1 and 2.2 level A and AA rules on every page the browser tests show, as each kind of user (public, student, professor, firm, staff), with JavaScript on and with JavaScript off.",
    keyboard:
      "Keyboard only: the journeys below were completed without a mouse, using only Tab, Shift+Tab, Enter, Space and the arrow keys, checking that the focus is visible (an outline) and moves in a logical order.",
    reflow:
      "Zoom and reflow: the public pages were shown 320 px wide and at 200% zoom on a 1280 px wide screen (640 px), checking that no horizontal scrolling appears.",
    screenReader: "No screen-reader testing has been done yet.",
  },
  dateTitle: "Date",
  date: "{{date}} (when the automatic results were last updated)",
  resultsTitle: "Results of the automatic checks",
  resultsLead: "Pages are shown by URL pattern (:id is a number, :token a personal key).",
  colPage: "Page",
  colJs: "JavaScript",
  colRules: "Rules checked",
  colCriteria: "Success criteria",
  colViolations: "Violations",
  jsOn: "on",
  jsOff: "off",
  none: "none",
  noResults: "No results yet.",
  keyboardTitle: "Journeys checked by keyboard only",
  keyboardJourneys: {
    signup: "Student: signing up for a project and ranking the host firms",
    door: "Staff: recording attendance on an event's door list",
  },
  reflowTitle: "Pages checked for zoom and reflow",
  reflowWidths: "{{widths}} px wide",
  exceptionsTitle: "Known exceptions",
  exceptions: {
    manual:
      "A test of every success criterion by a person has not been done yet. It will be done, and its results published here, by {{date}}.",
    screenReader: "Screen-reader testing has not been done yet. It will be done by {{date}}.",
    pdf: "The certificate PDF is not a tagged PDF (the verification page shows the same content in HTML). To be fixed by {{date}}.",
  },
  contactTitle: "Contact",
  contact: "If something is hard to use, please tell the Industry Promotion Section of Kita City.",
};

export default accessibility;
