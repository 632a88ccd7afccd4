/**
 * The 個人情報ファイル簿 register entry for one fiscal year (issue 14): the tables that hold personal data with
 * their columns from the live schema (Kysely's introspection, so PostgreSQL answers the same), the retention from
 * configuration, and the number of persons recorded in that year's file, counted from the data.
 */
import { sql } from "kysely";
import { PERSONAL_TABLES, HIDDEN_COLUMNS, type PersonalTable } from "~/privacy/register";
import { retentionPeriods } from "~/privacy/retention.server";
import { getDb } from "~/utils/db.server";

export interface RegisterEntry {
  fiscalYear: number;
  tables: Array<{ table: PersonalTable; columns: string[] }>;
  persons: { student: number; professor: number; firm: number; staff: number; total: number };
  retention: { signupYears: number; mailDays: number };
  generatedAt: string;
}

/** Every table and its columns as the database has them (migration bookkeeping left out). */
export async function schemaColumns(): Promise<Map<string, string[]>> {
  const tables = await getDb().introspection.getTables();
  return new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
}

async function countPersons(fiscalYear: number) {
  const db = getDb();
  const [students, professors, firmUsers, staff] = await Promise.all([
    db
      .selectFrom("signup")
      .innerJoin("project", "project.id", "signup.project_id")
      .innerJoin("user", "user.id", "signup.student_id")
      .select(sql<number>`count(distinct signup.student_id)`.as("n"))
      .where("project.fiscal_year", "=", fiscalYear)
      .where("user.deleted_at", "is", null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("project")
      .select(sql<number>`count(distinct project.professor_id)`.as("n"))
      .where("project.fiscal_year", "=", fiscalYear)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("user")
      .select(sql<number>`count(distinct ${sql.ref("user.id")})`.as("n"))
      .where("user.role", "=", "firm")
      .where("user.deleted_at", "is", null)
      .where("user.firm_id", "in", (eb) =>
        eb
          .selectFrom("project_host")
          .innerJoin("project", "project.id", "project_host.project_id")
          .select("project_host.firm_id")
          .where("project.fiscal_year", "=", fiscalYear)
          .where("project_host.status", "=", "accepted"),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("user")
      .select(sql<number>`count(*)`.as("n"))
      .where("role", "=", "staff")
      .where("disabled_at", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  // count() is a bigint on PostgreSQL, which its driver returns as a string.
  const persons = {
    student: Number(students.n),
    professor: Number(professors.n),
    firm: Number(firmUsers.n),
    staff: Number(staff.n),
  };
  return { ...persons, total: persons.student + persons.professor + persons.firm + persons.staff };
}

export async function privacyRegister(fiscalYear: number): Promise<RegisterEntry> {
  const [columns, persons] = await Promise.all([schemaColumns(), countPersons(fiscalYear)]);
  const periods = retentionPeriods();
  return {
    fiscalYear,
    tables: PERSONAL_TABLES.filter((t) => columns.has(t)).map((table) => ({
      table,
      columns: columns.get(table)!.filter((c) => !HIDDEN_COLUMNS.has(c)),
    })),
    persons,
    retention: { signupYears: periods.signupFiscalYears, mailDays: periods.mailBodyDays },
    generatedAt: new Date().toISOString(),
  };
}
