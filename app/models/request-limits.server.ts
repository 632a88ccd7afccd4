/**
 * Limits on requests that send mail to an address someone typed (password resets, registrations): each request is
 * a row, written by one conditional INSERT … SELECT only while the rows already in the window leave room, per email
 * and per client address. Parallel requests therefore cannot all slip past a count they read at the same moment,
 * and a refused request writes nothing. Unknown addresses count like known ones, so the limits reveal no account.
 */
import type { Insertable, Transaction } from "kysely";
import { lockKeys } from "~/utils/db.server";
import type { Database } from "../../db/schema";

export interface RequestLimits {
  windowMs: number;
  perEmail: number;
  perAddress: number;
}

type Limited = "password_reset" | "registration";
type Row<T extends Limited> = Insertable<Database[T]> & { email: string; ip: string; created_at: string };

/** Inserts `row` if the limits allow it and returns its id, or null (nothing written) when they do not. */
export async function insertWithinLimits<T extends Limited>(
  trx: Transaction<Database>,
  table: T,
  row: Row<T>,
  limits: RequestLimits,
): Promise<number | null> {
  // PostgreSQL: requests for the same email or address queue here, so each count sees the ones committed before it.
  await lockKeys(trx, [`${table}:email:${row.email}`, `${table}:ip:${row.ip}`]);
  const since = new Date(Date.parse(row.created_at) - limits.windowMs).toISOString();
  const columns = Object.keys(row) as Array<keyof Row<T> & string>;
  // The table is one of two with the same limit columns; Kysely cannot type an insert generic over the table name.
  const db = trx as unknown as Transaction<
    Record<Limited, { id: number; email: string; ip: string; created_at: string }>
  >;
  const count = (column: "email" | "ip", value: string) =>
    db
      .selectFrom(`${table} as r` as "password_reset as r")
      .select((eb) => eb.fn.countAll().as("n"))
      .where(`r.${column}`, "=", value)
      .where("r.created_at", ">", since);
  const inserted = await db
    .insertInto(table as "password_reset")
    .columns(columns as never)
    .expression(
      db
        .selectNoFrom((eb) => columns.map((c) => eb.val(row[c] as string | number | null).as(c)) as never)
        .where((eb) =>
          eb.and([
            eb(count("email", row.email), "<", limits.perEmail),
            eb(count("ip", row.ip), "<", limits.perAddress),
          ]),
        ),
    )
    .returning("id")
    .executeTakeFirst();
  return inserted ? Number(inserted.id) : null;
}
