/** English messages for the signup feature. Same shape as ../ja/signup.ts (the type enforces it). */
import type ja from "../ja/signup";

const signup: typeof ja = {
  joinTitle: "Join a project",
  joinLead:
    "Enter the join code your seminar gave you. Upper or lower case, full- or half-width characters and the hyphen do not matter.",
  joinSubmit: "Continue",
  code: "Join code",
  codeHint: "For example: ABCD-2345",
  backHome: "Back to student home",
  window: "Sign-up period",
  windowValue: "From {{opens}} until {{closes}} (Japan time)",
  status: "Your sign-up",
  signedUpOn: "Signed up (last changed {{date}})",
  consentRecorded: "Consent to share your details",
  consentRecordedValue: "Given on {{date}} (consent text version {{version}})",
  how: {
    title: "How pairing works",
    body: "Students and firms are paired by student-proposing deferred acceptance (the Gale–Shapley algorithm). Each student applies to firms in the order of their ranking; a firm tentatively keeps students up to its capacity and swaps in a student with higher priority when one applies. Where more students want a firm than it can host, the firm's own priority order decides (for a firm without one, a lottery order recorded with each pairing run).",
    honest:
      "Ranking the firms in your true order of preference is your best strategy: you can never get a better result by misreporting. Rank every firm: adding a firm lower down never reduces your chance of getting one you ranked higher.",
  },
  notOpenYet: "Sign-up opens on {{date}} (Japan time).",
  closedReadOnly: "Sign-up closed on {{date}} (Japan time). Your sign-up can no longer be changed.",
  closedNoSignup: "Sign-up for this project is closed (it closed on {{date}}, Japan time).",
  noHosts: "No host firms have been confirmed yet, so you cannot sign up for now.",
  formTitle: "Sign up",
  changeTitle: "Change your ranking and motivation",
  changeUntil: "You can change your ranking and motivation, or withdraw, until {{date}} (Japan time).",
  yourRanking: "Your ranking",
  motivation: "Motivation",
  shareMotivation: {
    label: "Let the firms I rank read the text above, without my name (optional)",
    hint: "If you tick this, the firms you ranked can read your motivation, without your name, while they rank applicants before pairing. If you do not, they see only a pseudonym such as “Applicant A”. You can change this until sign-up closes.",
  },
  motivationHint:
    "Up to {{max}} characters: briefly, why you want to take part. If you choose below to share it, the firms you rank see it without your name, so do not write anything that identifies you.",
  rank: {
    legend: "Rank the host firms (all of them)",
    hintSelects: "Give each firm a different position from 1 to {{n}}.",
    hintList:
      "Use “Move up” and “Move down” to put the firms in the order you prefer. The top one is your first choice.",
    firm: "Firm",
    position: "Your ranking",
    positionOf: "Position of {{name}}",
    choose: "Choose",
    nth: "Choice {{n}}",
    up: "Move up",
    down: "Move down",
    buttonFirm: " ({{name}})",
    moved: "{{name}} moved to choice {{position}} of {{total}}.",
  },
  consent: {
    title: "Consent to share your details",
    items: "What: your name, university, seminar and email address",
    recipient: "With whom: only the firm you are paired with",
    purpose: "Why: to arrange and hold the interview",
    when: "When: after the pairing is published. Until then firms do not see your name, university, seminar or email address.",
    label:
      "I agree that my name, university, seminar and email address are shared, as described above, with the firm I am paired with",
    version: "Consent text version {{version}}",
  },
  submit: "Sign up",
  submitUpdate: "Save changes",
  withdraw: {
    title: "Withdraw",
    lead: "You can withdraw until {{date}} (Japan time).",
    start: "Withdraw from this project…",
    confirm: "Do you really want to withdraw? Your ranking and motivation will be deleted and your place freed.",
    yes: "Withdraw",
    cancel: "Keep my sign-up",
  },
  home: {
    title: "Your sign-ups",
    empty: "You have not signed up for a project yet.",
    changeUntil: "You can make changes until {{date}} (Japan time)",
    closedAt: "Closed on {{date}} (Japan time)",
    join: "Join a project with a code",
  },
  errors: {
    wrongCode: "This join code is not right. Please check the code your seminar gave you.",
    choosePosition: "Choose a position.",
    positionTaken: "Position {{position}} is given to more than one firm.",
    positions:
      "Give each firm one position from 1 to {{n}}, each used once (used twice: {{duplicates}}; unused: {{missing}}).",
    rankAll: "Rank every firm.",
    consent: "To sign up, you need to agree to share your details.",
    full: "This project is full: no more sign-ups are possible.",
    closed: "Sign-up is closed.",
    notOpen: "Sign-up has not opened yet.",
    hostsChanged: "The list of host firms has changed. Please rank the current list again.",
    already: "You have already signed up for this project.",
    notSignedUp: "You have not signed up for this project.",
  },
  toast: {
    signedUp: "You have signed up. You can change it until sign-up closes.",
    updated: "Your ranking and motivation have been saved.",
    withdrawn: "You have withdrawn from the project.",
  },
};
export default signup;
