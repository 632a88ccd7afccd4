/** The firm register. */
import { getDb } from "~/utils/db.server";

/** Every firm, for choosing one in a staff form, in kana order. */
export function listFirmOptions() {
  return getDb()
    .selectFrom("firm")
    .select(["id", "name", "corporate_number"])
    .where("hidden_at", "is", null)
    .orderBy("name_kana")
    .execute();
}

export async function countFirms() {
  const row = await getDb()
    .selectFrom("firm")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
