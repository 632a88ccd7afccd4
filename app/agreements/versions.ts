/**
 * The version history of an agreement: each change stores the fields that changed, old and new value, computed
 * from two snapshots of the agreement. Pure, so the model writes it and the page renders it from the same shapes.
 */

export interface AgreementContactValue {
  name: string;
  department: string | null;
  email: string | null;
  phone: string | null;
}

/** Everything staff can change on an agreement, in the order the history lists it. */
export interface AgreementSnapshot {
  university_id: number;
  kind: string;
  title_ja: string;
  title_en: string;
  signed_on: string;
  effective_from: string;
  expires_on: string | null;
  auto_renew: boolean;
  renewal_term_months: number | null;
  notice_days: number;
  areas: string[];
  contacts: AgreementContactValue[];
  owner_user_id: number | null;
  notes: string | null;
  terminated_on: string | null;
  termination_reason: string | null;
}

export type VersionedField = keyof AgreementSnapshot;

/**
 * Every field of the snapshot, in the order the history lists it: the one list of what an agreement's version
 * records (the model reads the column fields from it too).
 */
export const VERSIONED_FIELDS = [
  "university_id",
  "kind",
  "title_ja",
  "title_en",
  "signed_on",
  "effective_from",
  "expires_on",
  "auto_renew",
  "renewal_term_months",
  "notice_days",
  "areas",
  "contacts",
  "owner_user_id",
  "notes",
  "terminated_on",
  "termination_reason",
] as const satisfies readonly VersionedField[];

// A field added to AgreementSnapshot but not to VERSIONED_FIELDS fails to compile here.
const _everyFieldVersioned: [Exclude<VersionedField, (typeof VERSIONED_FIELDS)[number]>] extends [never]
  ? true
  : never = true;

/** The versioned fields kept in tables of their own (agreement_area, agreement_contact); the rest are columns. */
export type ChildField = "areas" | "contacts";
export type ColumnField = Exclude<VersionedField, ChildField>;

/** The versioned fields that are columns of the agreement row, in history order. */
export const COLUMN_FIELDS = VERSIONED_FIELDS.filter(
  (field): field is ColumnField => field !== "areas" && field !== "contacts",
);

export interface FieldChange<F extends VersionedField = VersionedField> {
  field: F;
  from: AgreementSnapshot[F] | null;
  to: AgreementSnapshot[F] | null;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === false || (Array.isArray(v) && v.length === 0);

/** The fields that differ; against no previous snapshot (creation), every field that has a value. */
export function diffSnapshots(before: AgreementSnapshot | null, after: AgreementSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of VERSIONED_FIELDS) {
    const from = before ? before[field] : null;
    const to = after[field];
    if (before ? JSON.stringify(from) !== JSON.stringify(to) : !isEmpty(to))
      changes.push({ field, from, to } as FieldChange);
  }
  return changes;
}
