/** English messages for the certificates feature. Same shape as ../ja/certificates.ts (the type enforces it). */
import type ja from "../ja/certificates";

const certificates: typeof ja = {
  mail: {
    subject: "Your certificate of participation has been issued",
    body: 'Dear {{name}},\n\nYour certificate of participation in "{{project}}" has been issued.\n\nVerification page (PDF and signed credential):\n{{verifyLink}}\n\nAll your certificates:\n{{listLink}}\n\nIndustry Promotion Section, Kita City, Tokyo',
  },
  fields: {
    certificateId: "Certificate ID",
    student: "Name",
    project: "Project",
    seminar: "Seminar",
    university: "University",
    firms: "Firms interviewed",
    event: "Presented at",
    issuedOn: "Issued on",
    issuer: "Issuer",
    signature: "Digital signature",
    status: "Status",
  },
  status: {
    valid: "Valid",
    revoked: "Revoked on {{date}}",
    revokedShort: "Revoked",
  },
  signature: {
    valid: "The signature is valid (verified with public key {{kid}})",
    invalid: "The signature could not be verified",
  },
  links: {
    pdf: "Download the certificate (PDF)",
    jwt: "Signed credential (VC-JWT)",
    verify: "Verification page",
    linkedIn: "Add to LinkedIn profile",
  },
  cv: {
    title: "Suggested line for your CV",
    ja: "Japanese",
    en: "English",
  },
  verify: {
    title: "Certificate verification",
    lead: "Check what a certificate of participation issued by Kita City says, its digital signature and whether it has been revoked.",
    revokedNotice: "This certificate has been revoked.",
    technical:
      "Technical details: Open Badges 3.0 (W3C Verifiable Credential) signed with ES256. Public keys are at /.well-known/jwks.json; revocations are published as a Bitstring Status List.",
  },
  student: {
    title: "Certificates",
    lead: "Your certificates of participation: download the PDF, share the verification page or add it to LinkedIn.",
    empty: "No certificates yet. One is issued once you have done the interview and presented at the event.",
  },
  staff: {
    title: "Certificates: {{title}}",
    backToEvent: "Back to the event",
    candidatesTitle: "Students",
    candidatesLead:
      "A certificate needs: the interview done, the team's presentation given and the student marked present.",
    noCandidates: "No students are on this event's programme.",
    colName: "Name",
    colProject: "Project",
    colFirm: "Firm",
    colState: "Status",
    colAction: "Action",
    eligible: "Eligible",
    issued: "Issued",
    reasons: {
      notPresented: "Presentation not given",
      absent: "Not marked present",
      interviewNotDone: "Interview not done",
    },
    issueAll: "Issue to every eligible student ({{n}})",
    issueAllNone: "No student is waiting for a certificate.",
    issueOne: "Issue to {{name}}",
    byHandTitle: "Certify by hand",
    byHandLead: "Staff can certify a student who does not meet the conditions, with a recorded reason.",
    byHandStudent: "Student",
    byHandReason: "Reason",
    byHandSubmit: "Record the reason and issue",
    issuedTitle: "Issued certificates",
    noIssued: "None issued yet.",
    colId: "Certificate ID",
    colIssued: "Issued on",
    manual: "By hand: {{reason}}",
    detail: "Details / revoke",
  },
  detail: {
    title: "Certificate {{id}}",
    manualReason: "Reason for certifying by hand",
    revokedReason: "Reason for revoking",
    revokeTitle: "Revoke the certificate",
    revokeLead:
      "Revoking shows on the public verification page and in the status list, and cannot be undone. The reason is shown to staff only.",
    revokeReason: "Reason",
    revokeSubmit: "Revoke",
    alreadyRevoked: "This certificate has been revoked.",
  },
  toast: {
    issuedBatch: "{{issued}} certificates issued.",
    issuedOne: "Certificate issued.",
    certified: "Certificate issued, with the reason recorded.",
    revoked: "Certificate revoked.",
    notEligible: "This student does not meet the conditions.",
    alreadyIssued: "This student already has a certificate.",
  },
};
export default certificates;
