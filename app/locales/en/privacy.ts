/** English texts of the privacy notice (merged into en.ts under "privacy"); same shape as ja/privacy.ts. */
const privacy = {
  link: "How we handle personal data",
  title: "Privacy notice",
  lead: "Under Japan's Act on the Protection of Personal Information (Chapter 5, administrative organs), this notice says who holds the personal data of the Kita City industry–academia collaboration platform, why, with whom it is shared, how long it is kept, and how to ask for disclosure, correction or suspension of use (deletion).",
  holderTitle: "Who holds the data",
  holder:
    "The Industry Promotion Section of Kita City, Tokyo, holds and manages the personal data on this platform. Professors of the partner universities (Toyo University, Teikyo University and Tokyo Kasei University) see the data of their own seminar's students as far as running the programme needs.",
  purposeTitle: "Purposes",
  purposeLead: "The city uses personal data only for these purposes:",
  purposes: {
    signup: "students' sign-ups for projects, and pairing them with host firms",
    interviews: "scheduling interviews and contacting host firms and professors",
    events: "running presentation events and recording attendance",
    certificates: "issuing participation certificates and letting anyone verify them",
    mail: "sending emails about the programme",
    report: "the programme's annual report (counts only; nothing that identifies a person is published)",
  },
  itemsTitle: "What we hold",
  items: {
    student:
      "Students: name (kanji, kana, Latin letters), university, email address, sign-ups (motivation, ranking of host firms, record of consent), pairing results, interview bookings, event attendance, certificates",
    staff: "Professors and firm contacts: name, email address, university or firm, the firm's public profile",
    technical: "Sign-in records and a log of actions (to prevent misuse)",
  },
  sharingTitle: "Who sees what",
  sharing: {
    firms:
      "Host firms: after the pairing is published, a firm sees, for the students paired with it, only the items each student consented to when signing up. Before pairing, a firm that ranks applicants sees a student's motivation, without the name, only if the student gave that separate, optional consent when signing up (otherwise only a pseudonym); firms a student is not paired with see nothing else.",
    professors: "Professors: the sign-ups and results of their own seminar's students",
    public:
      "Anyone: a certificate's verification page shows the name, project and presentation date on the certificate to whoever has its number (URL). Whether to share a certificate is the student's choice.",
    nobodyElse:
      "No other third party receives personal data, except where the law requires it. The open data contains no personal data of students. Where email delivery is entrusted to a service provider, the provider is bound to keep the data safe.",
  },
  cookiesTitle: "Cookies",
  cookies: "Only the cookies that keep you signed in and remember your language. No analytics or advertising cookies.",
  retentionTitle: "How long data is kept",
  retentionLead: "The periods below are the system's own settings, shown as they are. Data past its period is deleted.",
  retentionKind: "Kind of data",
  retentionPeriod: "Kept for",
  retention: {
    signup: "Motivation texts and rankings of host firms",
    signupOne: "until the end of the fiscal year after the one in which the project was completed",
    signupMany: "until the end of the fiscal year {{years}} years after the one in which the project was completed",
    signupExample: "For example, for a project completed during {{fiscalYear}}: until {{date}}.",
    mail: "Bodies of the emails the platform sent",
    mailPeriod: "{{days}} days after sending",
    account: "Account and profile (name, university, email address)",
    accountPeriod: "while the account is in use (on request, deleted by the procedure below)",
    record: "Pairing results, interview bookings, event attendance",
    recordPeriod: "with the project's record, as long as the annual report needs them",
    certificate: "Participation certificates",
    certificatePeriod: "kept so that they can be verified (a revoked certificate shows that it is revoked)",
  },
  requestsTitle: "Disclosure, correction and deletion",
  requestsLead:
    "Under the Act on the Protection of Personal Information you may ask for disclosure of the personal data the city holds about you, its correction (including addition and deletion), and suspension of its use (including erasure).",
  requestsHow:
    "Contact the Industry Promotion Section of Kita City (you may also ask through your professor). The section confirms that you are the person concerned, answers within the period the law sets, and tells you the outcome.",
  requestsOnline: "At present these requests cannot be made on the platform's own screens.",
  requestsSelfService: "If you are signed in, you can also make them here:",
  requestsSelfServiceLink: "Your data and requests",
  updatedTitle: "History",
  updated: "Established {{date}}",
};

export default privacy;
