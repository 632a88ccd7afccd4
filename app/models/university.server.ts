/** Partner universities and the year their comprehensive agreement began. */
import { getDb } from "~/utils/db.server";

export function listUniversities() {
  return getDb().selectFrom("university").select(["id", "slug", "name_ja", "name_en"]).orderBy("id").execute();
}

/** Each university with the signing date of its earliest comprehensive agreement, oldest partnership first. */
export function listPartnerships() {
  return getDb()
    .selectFrom("university")
    .leftJoin("agreement", (join) =>
      join.onRef("agreement.university_id", "=", "university.id").on("agreement.kind", "=", "comprehensive"),
    )
    .select([
      "university.id",
      "university.name_ja",
      "university.name_en",
      (eb) => eb.fn.min("agreement.signed_on").as("since"),
    ])
    .groupBy(["university.id", "university.name_ja", "university.name_en"])
    .orderBy("since")
    .execute();
}
