/**
 * The one Database interface for Kysely (see STYLE.md).
 * Conventions: table names are singular snake_case; timestamps are ISO-8601 TEXT in UTC
 * ("2026-11-25T03:00:00.000Z"); calendar dates are TEXT "YYYY-MM-DD" (a date in Japan, no time zone);
 * booleans are INTEGER 0/1; JSON is TEXT.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export type Role = "staff" | "professor" | "student" | "firm";
export const ROLES: readonly Role[] = ["staff", "professor", "student", "firm"];
export type Locale = "ja" | "en";

/** The eight scope areas of the comprehensive partnership agreements. */
export const AGREEMENT_AREAS = [
  "education",
  "culture",
  "industry",
  "health",
  "environment",
  "town_planning",
  "disaster_prevention",
  "crime_prevention",
] as const;
export type AgreementArea = (typeof AGREEMENT_AREAS)[number];

type Timestamp = string;
type Bool = number; // 0 | 1

export interface UniversityTable {
  id: Generated<number>;
  slug: string;
  name_ja: string;
  name_en: string;
  created_at: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  email: string; // stored lower-case, unique
  password_hash: string | null; // null until an invited user sets a password
  role: Role;
  name: string; // in kanji (or as written)
  name_kana: string | null;
  name_latin: string | null; // reading in Latin letters, for certificates
  locale: Locale | null; // null: follow cookie / Accept-Language
  university_id: number | null; // professors and students
  firm_id: number | null; // firm users
  created_at: Timestamp;
  updated_at: Timestamp;
  disabled_at: Timestamp | null;
  // Added by 20261201020000_privacy_requests: the person was deleted; the row stays, emptied (app/models/erasure.server.ts).
  deleted_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

export interface SessionTable {
  id: string; // SHA-256 (hex) of the random token held in the cookie
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp; // absolute expiry
  ip: string | null;
  user_agent: string | null;
}

export interface AgreementTable {
  id: Generated<number>;
  university_id: number;
  kind: string; // "comprehensive" | ...
  title_ja: string;
  title_en: string;
  signed_on: string; // YYYY-MM-DD
  effective_from: string;
  expires_on: string | null; // null: open-ended
  auto_renew: Bool;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  // Added by 20261125010000_complete_agreements:
  renewal_term_months: number | null; // set when auto_renew
  notice_days: Generated<number>; // default 90
  owner_user_id: number | null; // the staff member in charge
  terminated_on: string | null; // YYYY-MM-DD: no longer in force from this day
  termination_reason: string | null;
}

export interface AgreementAreaTable {
  agreement_id: number;
  area: AgreementArea;
}

export interface FirmTable {
  id: Generated<number>;
  corporate_number: string; // 13 digits, check digit valid, unique
  name: string;
  name_kana: string;
  industry: string; // key of INDUSTRIES
  postal_code: string; // "114-0002"
  town: string; // key of KITA_TOWNS
  address: string; // the rest of the address, in Japanese
  phone: string | null;
  website: string | null;
  products: string; // free text
  description: string | null;
  new_product: Bool; // developed a new product
  is_public: Bool; // chose to be listed in the public directory
  hidden_at: Timestamp | null; // hidden by staff
  created_at: Timestamp;
  updated_at: Timestamp;
  // Added by 20261125020000_firm_register:
  search_text: Generated<string>; // firmSearchText(name, name_kana, products): written by app/models/firm.server.ts
}

export interface InvitationTable {
  id: Generated<number>;
  token_hash: string; // SHA-256 (hex) of the token in the emailed link
  email: string;
  role: Role;
  name: string;
  university_id: number | null;
  firm_id: number | null;
  invited_by: number | null; // null: sent from the console (npm run staff:invite)
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  withdrawn_at: Timestamp | null; // withdrawn by staff: the link no longer works
}

export type OutboxStatus = "pending" | "sending" | "sent" | "kept";

export interface OutboxMessageTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string; // secret links only as placeholders (app/utils/mail-secrets.ts)
  secrets_sealed: string | null; // those links, AES-256-GCM sealed (secret-box.server.ts); null once sent or kept
  kind: string;
  status: OutboxStatus; // kept: no mail API configured, held in the development mailbox
  attempts: number;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface AuditEntryTable {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: string | null; // JSON
  created_at: Timestamp;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: Bool;
  created_at: Timestamp;
}

// === agreement tables (issue 3) ===

export const AGREEMENT_KINDS = ["comprehensive", "research", "internship", "data_sharing", "other"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_DOCUMENT_KINDS = ["signed", "amendment", "other"] as const;
export type AgreementDocumentKind = (typeof AGREEMENT_DOCUMENT_KINDS)[number];

export interface AgreementContactTable {
  id: Generated<number>;
  agreement_id: number;
  position: number; // order on the form
  name: string;
  department: string | null;
  email: string | null;
  phone: string | null;
}

export interface AgreementVersionTable {
  id: Generated<number>;
  agreement_id: number;
  version: number; // 1 = creation
  action: "create" | "update" | "terminate";
  changes: string; // JSON: [{ field, from, to }] (see app/agreements/versions.ts)
  actor_user_id: number | null;
  created_at: Timestamp;
}

export interface AgreementDocumentTable {
  id: Generated<number>;
  agreement_id: number;
  kind: AgreementDocumentKind;
  title: string;
  original_filename: string;
  sha256: string; // hex; the file is <DATA_DIR>/documents/<sha256>.pdf, or a stored_document row on PostgreSQL
  size_bytes: number;
  uploaded_by: number | null;
  created_at: Timestamp;
}

/** A document's bytes on PostgreSQL (on SQLite: DATA_DIR/documents/<sha256>.pdf, and no rows here). */
export interface StoredDocumentTable {
  sha256: string;
  bytes: Uint8Array;
  created_at: Timestamp;
}

export interface AgreementActivityTable {
  id: Generated<number>;
  agreement_id: number;
  kind: Generated<string>; // "manual" (entered by staff); later features add their own kinds
  occurred_on: string; // YYYY-MM-DD
  title: string;
  description: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

// === firm register tables (issue 3) ===

/** One row (id 1): bumped by every firm write, so the public directory can cache its pages per version. */
export interface FirmRegisterTable {
  id: number;
  version: number;
}

/** A validated CSV import, previewed and waiting for staff to confirm it (then applied_at is set). */
export interface FirmImportTable {
  id: Generated<number>;
  created_by: number;
  file_name: string;
  rows: string; // JSON: FirmFields[] exactly as previewed (app/firms/firm-csv.server.ts)
  created_at: Timestamp;
  applied_at: Timestamp | null;
  result: string | null; // JSON: { created, updated, unchanged } corporate numbers, once applied
}

// === project tables (issue 4) ===

export type ProjectState =
  | "draft"
  | "submitted"
  | "returned"
  | "approved"
  | "rejected"
  | "open"
  | "closed"
  | "paired"
  | "interviewing"
  | "presented"
  | "completed"
  | "cancelled";

export interface ProjectTable {
  id: Generated<number>;
  professor_id: number;
  university_id: number;
  agreement_id: number;
  title_ja: string;
  title_en: string | null;
  summary_ja: string;
  summary_en: string | null;
  seminar_name: string;
  theme: string;
  firm_industries: string; // JSON array of INDUSTRIES keys
  new_product_focus: Bool;
  fiscal_year: number;
  student_capacity: number; // the hard limit on sign-ups
  team_size: number;
  signup_opens_at: Timestamp;
  signup_closes_at: Timestamp;
  interview_from: string; // YYYY-MM-DD
  interview_until: string;
  presentation_on: string;
  state: ProjectState;
  join_code: string; // given by the professor to the seminar; regenerable
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every lifecycle transition, with its comment (review comments, return and rejection reasons). */
export interface ProjectEventTable {
  id: Generated<number>;
  project_id: number;
  actor_id: number | null;
  action: string;
  from_state: ProjectState;
  to_state: ProjectState;
  comment: string | null;
  created_at: Timestamp;
}

export type HostStatus = "suggested" | "invited" | "accepted" | "declined" | "withdrawn";

export interface ProjectHostTable {
  id: Generated<number>;
  project_id: number;
  firm_id: number;
  status: HostStatus;
  capacity: number | null; // students the firm can host, once accepted
  note: string | null;
  contact_email: string | null; // where the emailed answer link goes
  suggested_by: number | null;
  invited_by: number | null;
  invited_at: Timestamp | null;
  responded_at: Timestamp | null;
  responded_by: number | null; // null when answered through the emailed link
  link_nonce_hash: string | null;
  link_expires_at: Timestamp | null;
  link_used_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SignupTable {
  id: Generated<number>;
  project_id: number;
  student_id: number;
  motivation: string;
  consented_at: Timestamp;
  consent_version: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  // Added by 20261130080000_add_signup_motivation_consent: the firms the student ranked may read the motivation
  // (pseudonymously) before pairing; a separate, optional consent.
  motivation_shared: Generated<Bool>;
}

export interface SignupPreferenceTable {
  signup_id: number;
  host_id: number;
  rank: number; // 1 = first choice
}

// === pairing tables (issue 5) ===

export interface PairingRunTable {
  id: Generated<number>;
  project_id: number;
  seed: string; // hex; drawn and recorded when the run is created
  instance: string; // JSON: the engine instance (student ids = sign-up ids, host ids = project_host ids)
  result: string; // JSON: the engine's assignments
  created_by: number;
  created_at: Timestamp;
  published_at: Timestamp | null;
  published_by: number | null;
}

/** A staff member's manual move of a student (host_id null: unplaced), with its required reason. */
export interface PairingOverrideTable {
  id: Generated<number>;
  run_id: number;
  signup_id: number;
  host_id: number | null;
  reason: string;
  actor_id: number;
  created_at: Timestamp;
}

/** A host firm's own priority order over the pseudonymous sign-ups (optional; otherwise the run's lottery). */
export interface HostRankingTable {
  host_id: number;
  signup_id: number;
  rank: number;
}

// === interview tables (issue 5) ===

export type InterviewOutcome = "done" | "missed";

/**
 * A slot a host firm offers. A booked slot IS the booking (booked_at/booked_by); the team is the students paired with
 * the host in the published run. A cancelled slot keeps its booking columns (history, and the feed shows it as
 * cancelled) but no longer counts as booked. `sequence` is the iCalendar SEQUENCE, bumped on every booking change.
 */
export interface InterviewSlotTable {
  id: Generated<number>;
  host_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string | null; // place or online_url (at least one)
  online_url: string | null;
  created_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  sequence: Generated<number>;
  cancelled_at: Timestamp | null;
  cancelled_by: number | null;
  cancel_reason: string | null;
  booked_at: Timestamp | null;
  booked_by: number | null; // the student who booked for the team
  outcome: InterviewOutcome | null;
  outcome_by: number | null;
  outcome_at: Timestamp | null;
  reminder_sent_at: Timestamp | null; // set once, by the claim that sends the day-before reminder
}

/** A booking's roster: the students it covers, written with the booking (topped up if staff place a student later). */
export interface InterviewParticipantTable {
  slot_id: number;
  student_id: number;
}

/** A host's own cut-off: the team may move or release its booking until this many hours before it starts. */
export interface HostInterviewSettingTable {
  host_id: number;
  change_cutoff_hours: Generated<number>; // default 48
  updated_by: number | null;
  updated_at: Timestamp;
}

/** A user's private calendar feed: only the SHA-256 (hex) of the token in the URL. One per user; reset replaces it. */
export interface CalendarTokenTable {
  user_id: number;
  token_hash: string;
  created_at: Timestamp;
}

// === event and certificate tables (issue 6) ===

export interface EventTable {
  id: Generated<number>;
  title_ja: string;
  title_en: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  venue_ja: string;
  venue_en: string;
  description_ja: string | null;
  description_en: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One slot of an event's programme: a project team (one host's students) or, host_id null, a whole seminar. */
export interface PresentationTable {
  id: Generated<number>;
  event_id: number;
  project_id: number;
  host_id: number | null;
  position: number;
  starts_at: Timestamp | null;
  title_ja: string;
  title_en: string | null;
  confirmed_at: Timestamp | null; // the professor confirmed the title
  confirmed_by: number | null;
  given_at: Timestamp | null; // staff marked the presentation given
  given_by: number | null;
  created_at: Timestamp;
}

export interface AttendanceTable {
  event_id: number;
  student_id: number;
  present_at: Timestamp;
  marked_by: number | null;
}

export interface CertificateTable {
  id: string; // public id, ≥128 random bits
  student_id: number;
  project_id: number;
  event_id: number | null;
  status_index: number; // this certificate's bit in the revocation status list
  credential_jwt: string; // the signed OpenBadgeCredential (VC-JWT, ES256)
  manual_reason: string | null; // staff certified by hand, and why
  issued_at: Timestamp;
  issued_by: number | null;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
  revoked_by: number | null;
  data: string | null; // the CertificateData JSON it certified, frozen at issue (the PDF is rendered from it)
  // Added by 20261130080100_reissue_certificates: the revoked certificate this one replaces (one valid certificate
  // per student and project, a partial unique index).
  supersedes: string | null;
}

// === wallet exchanges (issue 13) ===

/** A VC-API exchange that puts one certificate into a student's wallet: single use, 15 minutes. */
export interface WalletExchangeTable {
  id: string; // random; the URL token is id + HMAC, never stored
  certificate_id: string;
  student_id: number;
  challenge: string; // the DID Authentication challenge
  created_at: Timestamp;
  expires_at: Timestamp;
  requested_at: Timestamp | null; // the wallet asked for the presentation request
  completed_at: Timestamp | null; // the wallet authenticated and received its credential (the exchange is spent)
  holder_did: string | null;
}

/** The copy of a certificate issued to a holder's DID; revoked whenever its certificate is. */
export interface WalletCredentialTable {
  id: string; // public id (Crockford base32); the credential id is /verify/<id>
  certificate_id: string;
  exchange_id: string;
  holder_did: string;
  status_index: number; // its bit in the second revocation list (/credentials/status/2)
  credential_jwt: string; // the VC-JWT, carrying the credential with its embedded proof
  issued_at: Timestamp;
}

// === accounts and operations (issue 11) ===

/** A password reset request. Every request is a row (the limits count them); only one with an account has a token. */
export interface PasswordResetTable {
  id: Generated<number>;
  email: string; // normalised, as asked
  ip: string; // the address bucket (login-attempt.server.ts addressBucket)
  user_id: number | null;
  token_hash: string | null; // SHA-256 (hex) of the emailed token; null when nothing was mailed
  created_at: Timestamp;
  expires_at: Timestamp; // one hour
  used_at: Timestamp | null;
}

/** A student's registration waiting for its emailed confirmation; the account is created when the link is used. */
export interface RegistrationTable {
  id: Generated<number>;
  email: string;
  ip: string;
  token_hash: string | null; // null: the address already had an account, whose owner was mailed instead
  password_hash: string | null;
  name: string;
  name_kana: string | null;
  name_latin: string | null;
  university_id: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A backup written by `npm run db:backup` or the daily schedule (the newest one's age is on /readyz). */
export interface BackupTable {
  id: Generated<number>;
  path: string;
  trigger: "command" | "schedule";
  database_bytes: number;
  document_count: number;
  created_at: Timestamp;
}

/** One claim per scheduled job and slot, so that a job runs once whatever the number of server processes. */
export interface JobRunTable {
  name: string;
  slot: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  error: string | null;
}

// === privacy requests (issue 14) ===

export type PrivacyRequestKind = "correction" | "deletion";
export type PrivacyRequestStatus = "open" | "done" | "refused";

/** A person's request to correct what they cannot edit themselves, or to delete their data; staff decide. */
export interface PrivacyRequestTable {
  id: Generated<number>;
  user_id: number;
  kind: PrivacyRequestKind;
  details: string; // what the person wrote
  status: Generated<PrivacyRequestStatus>;
  decision_reason: string | null; // required when refused
  decided_by: number | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}

export interface Database {
  university: UniversityTable;
  user: UserTable;
  session: SessionTable;
  agreement: AgreementTable;
  agreement_area: AgreementAreaTable;
  firm: FirmTable;
  invitation: InvitationTable;
  outbox_message: OutboxMessageTable;
  audit_entry: AuditEntryTable;
  login_attempt: LoginAttemptTable;
  // — agreements (issue 3) —
  agreement_contact: AgreementContactTable;
  agreement_version: AgreementVersionTable;
  agreement_document: AgreementDocumentTable;
  stored_document: StoredDocumentTable;
  agreement_activity: AgreementActivityTable;
  // — firm register (issue 3) —
  project: ProjectTable;
  project_event: ProjectEventTable;
  project_host: ProjectHostTable;
  signup: SignupTable;
  signup_preference: SignupPreferenceTable;
  pairing_run: PairingRunTable;
  pairing_override: PairingOverrideTable;
  host_ranking: HostRankingTable;
  // — interviews (issue 5) —
  interview_slot: InterviewSlotTable;
  interview_participant: InterviewParticipantTable;
  host_interview_setting: HostInterviewSettingTable;
  calendar_token: CalendarTokenTable;
  event: EventTable;
  presentation: PresentationTable;
  attendance: AttendanceTable;
  certificate: CertificateTable;
  wallet_exchange: WalletExchangeTable;
  wallet_credential: WalletCredentialTable;
  firm_register: FirmRegisterTable;
  firm_import: FirmImportTable;
  // — accounts and operations (issue 11) —
  password_reset: PasswordResetTable;
  registration: RegistrationTable;
  backup: BackupTable;
  job_run: JobRunTable;
  // — privacy (issue 14) —
  privacy_request: PrivacyRequestTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Firm = Selectable<FirmTable>;
export type NewFirm = Insertable<FirmTable>;
export type University = Selectable<UniversityTable>;
export type Agreement = Selectable<AgreementTable>;
export type OutboxMessage = Selectable<OutboxMessageTable>;
export type Invitation = Selectable<InvitationTable>;
export type { ColumnType };

export type Project = Selectable<ProjectTable>;
export type ProjectHost = Selectable<ProjectHostTable>;
