/** Users: lookup, student self-registration, profile settings, the staff's account list. */
import { getDb, now } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import type { Locale, Role } from "../../db/schema";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
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

export interface NewStudent {
  email: string;
  password: string;
  name: string;
  nameKana: string;
  nameLatin: string;
  universityId: number;
  locale: Locale | null;
}

/** Creates a student account; returns null when the email is taken (the unique index decides, not a prior read). */
export async function createStudent(input: NewStudent): Promise<number | null> {
  const t = now();
  const passwordHash = await hashPassword(input.password);
  const row = await getDb()
    .insertInto("user")
    .values({
      email: normalizeEmail(input.email),
      password_hash: passwordHash,
      role: "student",
      name: input.name,
      name_kana: input.nameKana,
      name_latin: input.nameLatin,
      locale: input.locale,
      university_id: input.universityId,
      created_at: t,
      updated_at: t,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function setUserLocale(userId: number, locale: Locale | null) {
  await getDb().updateTable("user").set({ locale, updated_at: now() }).where("id", "=", userId).execute();
}

export function listUsers() {
  return getDb()
    .selectFrom("user")
    .leftJoin("university", "university.id", "user.university_id")
    .leftJoin("firm", "firm.id", "user.firm_id")
    .select([
      "user.id",
      "user.name",
      "user.email",
      "user.role",
      "user.created_at",
      "university.name_ja as university_ja",
      "university.name_en as university_en",
      "firm.name as firm_name",
    ])
    .orderBy("user.role")
    .orderBy("user.id")
    .execute();
}

export async function countUsersByRole(): Promise<Record<Role, number>> {
  const rows = await getDb()
    .selectFrom("user")
    .select(["role", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("role")
    .execute();
  const out = { staff: 0, professor: 0, student: 0, firm: 0 };
  for (const r of rows) out[r.role] = Number(r.n);
  return out;
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
