/** Users: lookup, student self-registration, profile settings, the staff's account list, disabling accounts. */
import type { Transaction } from "kysely";
import { getDb, now } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import type { Database, Locale, NewUser, Role } from "../../db/schema";
import { recordAudit, type AuditInput } from "./audit.server";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** The address got an account while a link was open: thrown so that the link's whole transaction rolls back. */
export class EmailTaken extends Error {}

/**
 * The account a spent link (a student's registration, an invitation) stands for, created inside the transaction that
 * spent the link, with its audit entry. Throws EmailTaken when the address already has an account, so that the link
 * is not spent either; the caller turns that into its own refusal.
 */
export async function createAccountFromLink(
  trx: Transaction<Database>,
  account: Omit<NewUser, "created_at" | "updated_at">,
  audit: (userId: number) => Omit<AuditInput, "actorId">,
): Promise<number> {
  const t = now();
  const user = await trx
    .insertInto("user")
    .values({ ...account, created_at: t, updated_at: t })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!user) throw new EmailTaken();
  await recordAudit(trx, { actorId: user.id, ...audit(user.id) });
  return user.id;
}

export function findUserForLogin(email: string) {
  return getDb()
    .selectFrom("user")
    .select(["id", "email", "name", "role", "password_hash", "disabled_at"])
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
}

export async function emailExists(email: string) {
  const row = await getDb()
    .selectFrom("user")
    .select("id")
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
  return Boolean(row);
}

export async function setUserLocale(userId: number, locale: Locale | null) {
  await getDb().updateTable("user").set({ locale, updated_at: now() }).where("id", "=", userId).execute();
}

export function getUserAffiliation(user: { university_id: number | null; firm_id: number | null }) {
  const db = getDb();
  return Promise.all([
    user.university_id
      ? db
          .selectFrom("university")
          .select(["name_ja", "name_en"])
          .where("id", "=", user.university_id)
          .executeTakeFirst()
      : undefined,
    user.firm_id
      ? db.selectFrom("firm").select(["id", "name"]).where("id", "=", user.firm_id).executeTakeFirst()
      : undefined,
  ]).then(([university, firm]) => ({ university, firm }));
}

/** Staff accounts (for choosing who is in charge of something); disabled ones too, so old records keep their names. */
export function listStaffUsers() {
  return getDb()
    .selectFrom("user")
    .select(["id", "name", "disabled_at"])
    .where("role", "=", "staff")
    .orderBy("name_kana")
    .orderBy("id")
    .execute();
}

export const ACCOUNT_STATUSES = ["active", "disabled", "all"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface AccountFilter {
  role?: Role;
  universityId?: number;
  firmId?: number;
  status: AccountStatus;
  page: number;
}

export const ACCOUNTS_PER_PAGE = 50;

/** Every account, filtered, newest first, a page at a time, with when it was last seen signed in. */
export async function listAccounts(filter: AccountFilter) {
  const db = getDb();
  const base = db
    .selectFrom("user")
    .$if(filter.role !== undefined, (q) => q.where("user.role", "=", filter.role!))
    .$if(filter.universityId !== undefined, (q) => q.where("user.university_id", "=", filter.universityId!))
    .$if(filter.firmId !== undefined, (q) => q.where("user.firm_id", "=", filter.firmId!))
    .$if(filter.status === "active", (q) => q.where("user.disabled_at", "is", null))
    .$if(filter.status === "disabled", (q) => q.where("user.disabled_at", "is not", null));
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base
      .leftJoin("university", "university.id", "user.university_id")
      .leftJoin("firm", "firm.id", "user.firm_id")
      .select((eb) => [
        "user.id",
        "user.name",
        "user.email",
        "user.role",
        "user.created_at",
        "user.disabled_at",
        "university.name_ja as university_ja",
        "university.name_en as university_en",
        "firm.name as firm_name",
        eb
          .selectFrom("session")
          .select((s) => s.fn.max("session.last_seen_at").as("seen"))
          .whereRef("session.user_id", "=", "user.id")
          .as("last_seen_at"),
      ])
      .orderBy("user.id", "desc")
      .limit(ACCOUNTS_PER_PAGE)
      .offset((filter.page - 1) * ACCOUNTS_PER_PAGE)
      .execute(),
  ]);
  const total = Number(n);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / ACCOUNTS_PER_PAGE)) };
}

/**
 * Disables an account (its sessions end at once; it can no longer sign in, reset its password or use its calendar
 * feed) or enables it again, audited. One conditional UPDATE each, so that nobody disables themselves and the last
 * enabled staff account cannot be disabled, even by two staff members at the same moment.
 */
export async function setAccountDisabled(userId: number, disabled: boolean, actorId: number): Promise<Result> {
  if (disabled && userId === actorId) return fail("accounts.users.notYourself");
  const t = now();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const exists = await trx.selectFrom("user").select(["id", "email"]).where("id", "=", userId).executeTakeFirst();
      if (!exists) return fail("accounts.users.notFound");
      const changed = disabled
        ? await trx
            .updateTable("user")
            .set({ disabled_at: t, updated_at: t })
            .where("id", "=", userId)
            .where("disabled_at", "is", null)
            .where((eb) =>
              eb.or([
                eb("role", "!=", "staff"),
                eb(
                  eb
                    .selectFrom("user as other")
                    .select((s) => s.fn.countAll().as("n"))
                    .where("other.role", "=", "staff")
                    .where("other.disabled_at", "is", null)
                    .where("other.id", "!=", userId),
                  ">",
                  0,
                ),
              ]),
            )
            .executeTakeFirst()
        : await trx
            .updateTable("user")
            .set({ disabled_at: null, updated_at: t })
            .where("id", "=", userId)
            .where("disabled_at", "is not", null)
            .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) {
        const current = await trx
          .selectFrom("user")
          .select(["disabled_at", "role"])
          .where("id", "=", userId)
          .executeTakeFirstOrThrow();
        // Already as asked (another tab, a double click): nothing to do, and no error.
        if (Boolean(current.disabled_at) === disabled) return ok();
        return fail("accounts.users.lastStaff");
      }
      if (disabled) await trx.deleteFrom("session").where("user_id", "=", userId).execute();
      await recordAudit(trx, {
        actorId,
        action: disabled ? "user.disable" : "user.enable",
        entityType: "user",
        entityId: userId,
        detail: { email: exists.email },
      });
      return ok();
    });
}
