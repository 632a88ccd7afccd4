/** The host page of a host firm without an account (/host/:token), and staff acting for a host. */
const hostPage = {
  title: "Hosting interviews: {{project}}",
  for: "This page is for {{firm}} only. Please do not forward its address.",
  linkTitle: "Host page",
  invalid: "This link is not valid. Please check the link in your email.",
  closed: "This page can no longer be used: the project was cancelled or your hosting was withdrawn.",
  expired: "The project has ended, and so has the time this page could be used.",
  studentsTitle: "Students coming to interview you",
  studentsPurpose:
    "Shown only to arrange and hold the interview: the details the students agreed to share with your firm.",
  notPublished: "The pairing has not been published yet.",
  none: "No students were placed with your firm this time.",
  accountTitle: "Create an account",
  accountLead:
    "With an account you sign in and use the firm pages (hosting answers, interviews, your firm's profile). We send the invitation to {{email}}, the address this page's link was sent to.",
  accountNoContact:
    "No contact email is on record, so an account cannot be created from here. Please contact the city staff.",
  accountName: "Your name (contact person)",
  accountSubmit: "Send the invitation",
  accountSent: "The invitation has been sent. Set your password through the link in the email.",
  errors: {
    noContact: "No contact email is on record.",
    accountExists: "An account with this email address already exists. Please sign in.",
    invitationPending: "An invitation to this address has already been sent. Please check your email.",
  },
  staff: {
    title: "Interviews of {{firm}} (acting for the firm)",
    lead: "For a host firm without an account you can offer and cancel interview times and record the interviews. What you do is recorded as done by staff.",
    backToInterviews: "Back to the project's interviews",
    actFor: "Act for the firm",
  },
};
export default hostPage;
