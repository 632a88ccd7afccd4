/** The staff home's figures: partner universities, firms in the register, accounts by role, mail not sent yet. */
import { getDb } from "~/utils/db.server";
import { ROLES, type Role } from "../../db/schema";

export interface StaffOverview {
  universities: number;
  firms: number;
  users: Record<Role, number>;
  unsent: number;
}

/**
 * Every figure in one statement of scalar subqueries, the same SQL on SQLite and PostgreSQL, instead of one query
 * each (a count never is null; PostgreSQL's bigint counts come back as numbers, see db.server.ts).
 */
export async function getStaffOverview(): Promise<StaffOverview> {
  const row = await getDb()
    .selectNoFrom((eb) => [
      eb.selectFrom("university").select(eb.fn.countAll<number>().as("n")).as("universities"),
      eb.selectFrom("firm").select(eb.fn.countAll<number>().as("n")).as("firms"),
      eb
        .selectFrom("outbox_message")
        .select(eb.fn.countAll<number>().as("n"))
        .where("status", "in", ["pending", "sending"])
        .as("unsent"),
      ...ROLES.map((role) =>
        eb.selectFrom("user").select(eb.fn.countAll<number>().as("n")).where("role", "=", role).as(role),
      ),
    ])
    .executeTakeFirstOrThrow();
  const figures = row as unknown as Record<string, number>;
  const n = (name: string) => Number(figures[name]);
  return {
    universities: n("universities"),
    firms: n("firms"),
    users: Object.fromEntries(ROLES.map((role) => [role, n(role)])) as Record<Role, number>,
    unsent: n("unsent"),
  };
}
